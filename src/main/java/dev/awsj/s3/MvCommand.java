package dev.awsj.s3;

import dev.awsj.cli.Context;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "mv",
        description = "Move a file or object: copy it, then delete the source once the copy is complete.")
final class MvCommand implements Callable<Integer> {
    private final Context ctx;

    @Parameters(index = "0", paramLabel = "SOURCE")
    String source;

    @Parameters(index = "1", paramLabel = "DESTINATION")
    String destination;

    @Mixin
    TransferOptions options;

    MvCommand(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        if (source.equals("-") || destination.equals("-")) {
            throw dev.awsj.core.AwsjException.usage("mv cannot move a stream (-): use cp.");
        }
        return new Transfers(ctx, options).copy(source, destination, true);
    }
}
