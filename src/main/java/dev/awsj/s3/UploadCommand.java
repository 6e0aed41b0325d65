package dev.awsj.s3;

import dev.awsj.core.AwsjException;
import dev.awsj.cli.Context;
import dev.awsj.s3.transfer.S3Uri;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "upload",
        description = "Upload a file (or a folder with --recursive) to s3://bucket[/key]; a key ending in / keeps the file name.")
final class UploadCommand implements Callable<Integer> {
    private final Context ctx;

    @Parameters(index = "0", paramLabel = "FILE")
    String file;

    @Parameters(index = "1", paramLabel = "S3URI")
    String destination;

    @Mixin
    TransferOptions options;

    UploadCommand(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        if (!S3Uri.isS3(destination)) {
            throw AwsjException.usage("The destination must be s3://bucket[/key]: " + destination);
        }
        if (S3Uri.isS3(file)) {
            throw AwsjException.usage("upload takes a local file; use cp to copy between S3 locations.");
        }
        return new Transfers(ctx, options).copy(file, destination, false);
    }
}
