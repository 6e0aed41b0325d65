package dev.awsj.s3;

import dev.awsj.cli.Context;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "rm",
        description = "Delete an object, or with --recursive every object below a prefix (1,000 keys a request).")
final class RmCommand implements Callable<Integer> {
    private final Context ctx;

    @Parameters(index = "0", paramLabel = "S3URI")
    String target;

    @Mixin
    TransferOptions options;

    RmCommand(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        return new Transfers(ctx, options).remove(target);
    }
}
