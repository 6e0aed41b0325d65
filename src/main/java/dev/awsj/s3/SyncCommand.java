package dev.awsj.s3;

import dev.awsj.cli.Context;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "sync",
        description = {"Make DESTINATION hold what SOURCE holds (local<->S3, S3<->S3).",
            "A file is copied when it is missing, its size differs, or the source is newer; both sides are listed once "
                    + "and merge-joined, so an unchanged tree costs one listing."})
final class SyncCommand implements Callable<Integer> {
    private final Context ctx;

    @Parameters(index = "0", paramLabel = "SOURCE")
    String source;

    @Parameters(index = "1", paramLabel = "DESTINATION")
    String destination;

    @Mixin
    TransferOptions options;

    @Mixin
    SyncOptions sync;

    SyncCommand(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        options.recursive = true;
        return new Transfers(ctx, options).sync(source, destination, sync);
    }
}
