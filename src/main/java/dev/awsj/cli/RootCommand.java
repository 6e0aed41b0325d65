package dev.awsj.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code awsj}: the global options and the service commands. */
@Command(name = "awsj", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "A fast, scriptable command-line tool for AWS: S3, SNS, Rekognition, Polly, Translate, Comprehend.",
        synopsisSubcommandLabel = "<service> <command>",
        footerHeading = "%nGlobal options (anywhere on the line, for every command):%n",
        footer = {
            "  --profile NAME          profile of ~/.aws/config and ~/.aws/credentials",
            "  --region REGION         region (else AWS_REGION, AWS_DEFAULT_REGION, profile)",
            "  --endpoint-url URL      endpoint (else AWS_ENDPOINT_URL[_<SERVICE>], profile)",
            "  --output FORMAT         json (default), text, table, yaml or off",
            "  --query JMESPATH        JMESPath query over the JSON result",
            "  --debug                 log requests (secrets redacted) and stack traces",
            "  --no-verify-ssl         do not verify TLS certificates",
            "  --ca-bundle FILE        PEM bundle of CAs to trust (else AWS_CA_BUNDLE)",
            "  --no-sign-request       anonymous requests; no credentials loaded",
            "  --no-paginate           one call only for list operations",
            "  --cli-read-timeout S    socket read timeout in seconds (default 60, 0 = none)",
            "  --cli-connect-timeout S connect timeout in seconds (default 60, 0 = none)",
            "  --color on|off|auto     colour in table output"},
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

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        cl.getErr().println("awsj: a service is required. Try 'awsj help'.");
        cl.usage(cl.getErr());
        return ExitCodes.USAGE;
    }
}
