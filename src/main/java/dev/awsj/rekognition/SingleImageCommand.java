package dev.awsj.rekognition;

import dev.awsj.cli.Context;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import picocli.CommandLine.Mixin;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.rekognition.RekognitionClient;
import software.amazon.awssdk.services.rekognition.model.Image;

/**
 * A Rekognition command about one image ({@code --image}, {@code --image-version},
 * {@code --annotate}), sent as the request's {@code Image} member.
 */
abstract class SingleImageCommand<B extends SdkPojo, R extends SdkPojo> extends ImageCommand<B, R> {
    private final Function<B, Image> given;
    private final BiConsumer<B, Image> set;

    @Mixin
    ImageOptions image = new ImageOptions();

    /**
     * {@code given} reads the image a request builder holds so far (from --cli-input-json);
     * {@code set} sets it.
     */
    SingleImageCommand(Context ctx, Supplier<B> request, Function<B, Image> given, BiConsumer<B, Image> set,
            BiFunction<RekognitionClient, B, R> send) {
        super(ctx, request, send);
        this.given = given;
        this.set = set;
    }

    @Override
    final ImageInput images(B b) {
        ImageInput in = image.resolve(ctx, given.apply(b));
        set.accept(b, in.toImage());
        return in;
    }

    @Override
    final String annotate() {
        return image.annotate;
    }
}
