package dev.awsj.s3;

import dev.awsj.core.AwsjException;
import dev.awsj.cli.Context;
import dev.awsj.core.ExitCodes;
import dev.awsj.s3.transfer.ObjectOptions;
import dev.awsj.s3.transfer.Progress;
import dev.awsj.s3.transfer.S3Uri;
import dev.awsj.s3.transfer.TransferConfig;
import dev.awsj.s3.transfer.TransferEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "cat",
        description = "Write an object's bytes to stdout (verified against its stored checksum).")
final class CatCommand implements Callable<Integer> {
    private final Context ctx;

    @Parameters(index = "0", paramLabel = "S3URI", description = "s3://bucket/key")
    String path;

    CatCommand(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        S3Uri uri = S3Uri.parse(path);
        if (uri.key().isEmpty()) {
            throw AwsjException.usage("cat needs an object key: s3://bucket/key");
        }
        try (TransferEngine engine = new TransferEngine(S3Commands.transferClient(ctx), TransferConfig.resolve(ctx.settings(), null), ObjectOptions.NONE,
                Progress.disabled(), r -> { }, Throwable::getMessage, ctx.err()::println)) {
            engine.downloadStream(uri, ctx.rawOut());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ExitCodes.OK;
    }
}
