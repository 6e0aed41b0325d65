package dev.awsj;

import dev.awsj.cli.GlobalOptions;
import dev.awsj.core.ExitCodes;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Ansi.Text;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code awsj}: the global options and the service commands.
 *
 * <p>With {@code scope = INHERIT} every command below the root takes what this annotation declares
 * once for all: {@code -h, --help} and {@code -V, --version} (with this version provider), and the
 * usage attributes a command leaves unset. Among those are the footer heading and the footer (the
 * list of global options, set by {@link Awsj}), so every command's help ends with the global
 * options it accepts, as every {@code aws} help page does. What belongs to the root's page alone —
 * the exit codes, the environment section, and {@code <service> <command>} in the synopsis — is
 * drawn by {@link RootHelp}, the root's help factory, which picocli does not pass on.
 */
@Command(name = "awsj", scope = ScopeType.INHERIT, mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "A fast, scriptable command-line tool for AWS: S3, SNS, Rekognition, Polly, Translate, Comprehend.",
        footerHeading = "%nGlobal options (anywhere on the line, for every command):%n")
public final class RootCommand implements Callable<Integer> {
    /** What awsj's exit statuses mean, for the root's help and its man page. */
    public static final Map<String, String> EXIT_CODES = Collections.unmodifiableMap(UsageMessageSpec.keyValuesMap(
            "0:success",
            "1:s3: one or more transfers failed",
            "2:s3: one or more files were skipped",
            "130:interrupted (Ctrl-C)",
            "252:bad command line: unknown command or option, bad value",
            "253:environment or configuration: no credentials, no region, unreadable config",
            "254:the service answered with an error",
            "255:anything else"));

    @Mixin
    GlobalOptions global;

    private CommandSpec spec;

    RootCommand(GlobalOptions global) {
        this.global = global;
    }

    /** picocli's model of the root, whose help {@link RootHelp} draws. */
    @Spec
    void spec(CommandSpec spec) {
        this.spec = spec;
        spec.usageMessage().helpFactory(RootHelp::new);
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

    /** The root's help: its exit codes and {@code <service> <command>}, which no other command shows. */
    static final class RootHelp extends Help {
        RootHelp(CommandSpec spec, Help.ColorScheme scheme) {
            super(spec, scheme);
        }

        @Override
        protected Text createDetailedSynopsisCommandText() {
            return ansi().new Text(" <service> <command>");
        }

        @Override
        public String exitCodeListHeading(Object... params) {
            return createHeading("%nExit codes:%n", params);
        }

        @Override
        public String exitCodeList() {
            return createTextTable(EXIT_CODES).toString();
        }

        /** The inherited footer (the global options), then the environment section: the root's alone. */
        @Override
        public String footer(Object... params) {
            UsageMessageSpec usage = commandSpec().usageMessage();
            return join(ansi(), usage.width(), usage.adjustLineBreaksForWideCJKCharacters(), ENVIRONMENT_HELP,
                    new StringBuilder(super.footer(params)), params).toString();
        }
    }
}
