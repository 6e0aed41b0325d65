package dev.awsj.s3;

import dev.awsj.core.AwsjException;
import dev.awsj.cli.Context;
import dev.awsj.s3.transfer.S3Uri;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "download",
        description = "Download s3://bucket/key to FILE (default: its name in the current folder); a prefix with --recursive.")
final class DownloadCommand implements Callable<Integer> {
    private final Context ctx;

    @Parameters(index = "0", paramLabel = "S3URI")
    String source;

    @Parameters(index = "1", arity = "0..1", paramLabel = "FILE")
    String file;

    @Mixin
    TransferOptions options;

    DownloadCommand(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        if (!S3Uri.isS3(source)) {
            throw AwsjException.usage("The source must be s3://bucket/key: " + source);
        }
        String target = file;
        if (target == null) {
            target = options.recursive ? "." : S3Uri.parse(source).baseName();
            if (target.isEmpty()) {
                throw AwsjException.usage(source + " names a prefix: add --recursive, or give a key.");
            }
        }
        return new Transfers(ctx, options).copy(source, target, false);
    }
}
