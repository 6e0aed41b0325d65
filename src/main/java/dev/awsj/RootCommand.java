package dev.awsj;

import dev.awsj.cli.GlobalOptions;
import dev.awsj.core.ExitCodes;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code awsj}: the global options and the service commands. */
@Command(name = "awsj", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "A fast, scriptable command-line tool for AWS: S3, SNS, Rekognition, Polly, Translate, Comprehend.",
        synopsisSubcommandLabel = "<service> <command>",
        footerHeading = "%nGlobal options (anywhere on the line, for every command):%n",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:s3: one or more transfers failed",
            "2:s3: one or more files were skipped",
            "130:interrupted (Ctrl-C)",
            "252:bad command line: unknown command or option, bad value",
            "253:environment or configuration: no credentials, no region, unreadable config",
            "254:the service answered with an error",
            "255:anything else"})
public final class RootCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Spec
    CommandLine.Model.CommandSpec spec;

    RootCommand(GlobalOptions global) {
        this.global = global;
    }

    /**
     * The help's environment section, after the global options: the launcher's variables (the AWS
     * ones are aws's, docs/configuration.md lists them).
     */
    static final String[] ENVIRONMENT_HELP = {
        "%nEnvironment (the launcher's; the AWS_* variables are as for aws):",
        "  JAVA_HOME               the JDK (17 or newer); else java on PATH",
        "  AWSJ_JAVA_OPTS          more JVM options",
        "  AWSJ_CACHE_DIR          folder of the start-up archive (calls start about",
        "                          twice as fast with it): $XDG_CACHE_HOME/awsj, else",
        "                          ~/.cache/awsj. Made in the background after the",
        "                          first call; no call waits for it",
        "  AWSJ_NO_CDS=1           no start-up archive: none used, none made",
        "  AWSJ_TRAIN_TIMEOUT      time limit of its background training (600 s)",
        "  (docs/configuration.md, \"The start-up archive\")"};

    /**
     * The help's list of global options, read from their declarations (one line each: names,
     * parameter, description), so that a new option is listed without another edit.
     */
    static String[] globalOptionsHelp(GlobalOptions options) {
        List<String> lines = new ArrayList<>();
        for (OptionSpec o : options.specs()) {
            String label = String.join(", ", o.names()) + (o.arity().max() > 0 ? " " + o.paramLabel() : "");
            lines.add(String.format("  %-23s %s", label, String.join(" ", o.description())).replace("%", "%%"));
        }
        return lines.toArray(String[]::new);
    }

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        cl.getErr().println("awsj: a service is required. Try 'awsj help'.");
        cl.usage(cl.getErr());
        return ExitCodes.USAGE;
    }
}
