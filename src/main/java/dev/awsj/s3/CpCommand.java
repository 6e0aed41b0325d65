package dev.awsj.s3;

import dev.awsj.cli.Context;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "cp",
        description = {"Copy a file or object: local to S3, S3 to local, S3 to S3 (server-side), or - for stdin/stdout.",
            "Prints a JSON summary, or aws-style lines with --output text."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:all copied", "1:a transfer failed", "2:a file was skipped", "252:bad command line",
            "253:configuration", "254:service error"})
final class CpCommand implements Callable<Integer> {
    private final Context ctx;

    @Parameters(index = "0", paramLabel = "SOURCE", description = "Local path, s3://bucket/key or -.")
    String source;

    @Parameters(index = "1", paramLabel = "DESTINATION", description = "Local path, s3://bucket/key or -.")
    String destination;

    @Mixin
    TransferOptions options;

    CpCommand(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        return new Transfers(ctx, options).copy(source, destination, false);
    }
}
