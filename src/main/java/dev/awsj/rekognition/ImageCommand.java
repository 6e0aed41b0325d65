package dev.awsj.rekognition;

import dev.awsj.api.MemberOptions;
import dev.awsj.cli.Context;
import dev.awsj.json.SdkJson;
import dev.awsj.api.CliInputJson;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import picocli.CommandLine.Mixin;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.rekognition.RekognitionClient;

/**
 * A curated Rekognition command: one request whose images come from the command line (or from
 * {@code --cli-input-json}), one call, the response printed as aws prints it and, with
 * {@code --annotate}, the boxes it found drawn on a copy of an image. Each command states only
 * its request, how its image members are set, the call, its own options and the boxes to draw.
 *
 * @param <B> the request builder
 * @param <R> the response
 */
abstract class ImageCommand<B extends SdkPojo, R extends SdkPojo> implements Callable<Integer> {
    final Context ctx;
    private final Supplier<B> request;
    private final BiFunction<RekognitionClient, B, R> send;

    @Mixin
    CliInputJson input = new CliInputJson();

    @Mixin
    MemberOptions.Slot members = new MemberOptions.Slot();

    /**
     * {@code request} makes an empty request builder; {@code send} builds the request and calls
     * the operation.
     */
    ImageCommand(Context ctx, Supplier<B> request, BiFunction<RekognitionClient, B, R> send) {
        this.ctx = ctx;
        this.request = request;
        this.send = send;
    }

    /** Checks made before the request is read (none unless a command has some). */
    void check() {
    }

    /**
     * Reads the request's images (options, else what {@code --cli-input-json} gave), sets them on
     * {@code b} and returns the one {@code --annotate} draws on.
     */
    abstract ImageInput images(B b);

    /** Sets the command's own options on the request (none unless a command has some). */
    void options(B b) {
    }

    /** Where {@code --annotate} writes, or null. */
    abstract String annotate();

    /** The boxes {@code --annotate} draws for a response. */
    abstract List<Box> boxes(R response);

    @Override
    public Integer call() {
        check();
        B b = input.fill(request.get(), ctx);
        members.applyTo(b);
        ImageInput drawn = images(b);
        options(b);
        R response = send.apply(ctx.clients().client(RekognitionClient.class), b);
        if (annotate() != null) {
            Annotator.annotate(drawn.bytes(ctx), boxes(response), Path.of(annotate()));
        }
        ctx.output().write(SdkJson.toJson(response));
        return 0;
    }
}
