package dev.awsj.rekognition;

import dev.awsj.core.AwsjException;
import dev.awsj.cli.Context;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.rekognition.model.Image;
import software.amazon.awssdk.services.s3.S3Client;

/** {@code --image}, {@code --image-version} and {@code --annotate}: a picocli mixin for one-image commands. */
public class ImageOptions {
    @Option(names = "--image", paramLabel = "IMAGE",
            description = "A local JPEG/PNG file, - (stdin), an http(s):// URL (fetched by awsj; 5 MB at most), "
                    + "s3://bucket/key (read by Rekognition, up to 15 MB), or aws's JSON {\"S3Object\":{…}} / {\"Bytes\":…}.")
    String image;

    @Option(names = "--image-version", paramLabel = "VERSION", description = "Version of an s3:// image.")
    String imageVersion;

    @Option(names = "--annotate", paramLabel = "OUT.png|OUT.jpg",
            description = "Also write a copy of the image with the boxes found drawn on it, and their names and confidence.")
    String annotate;

    /** The image from --image, else the one --cli-input-json gave ({@code fromJson}, may be null). */
    ImageInput resolve(Context ctx, Image fromJson) {
        if (annotate != null) {
            Annotator.format(annotate); // a bad extension fails before the call
        }
        if (image == null) {
            if (fromJson == null) {
                throw AwsjException.usage("Missing required option: '--image=IMAGE'");
            }
            return ImageInput.of(fromJson, "--cli-input-json");
        }
        return ImageInput.resolve(ctx, image, imageVersion, "--image");
    }

    /** Draws the boxes if --annotate was given (fetching an s3:// image first), then prints the response. */
    void finish(Context ctx, ImageInput input, SdkPojo response, List<Box> boxes) {
        if (annotate != null) {
            Annotator.annotate(imageBytes(ctx, input), boxes, Path.of(annotate));
        }
        ctx.output().write(dev.awsj.json.SdkJson.toJson(response));
    }

    static byte[] imageBytes(Context ctx, ImageInput input) {
        if (!input.inS3()) {
            return input.bytes();
        }
        return ctx.clients().client(S3Client.class)
                .getObjectAsBytes(b -> b.bucket(input.bucket()).key(input.key()).versionId(input.version())).asByteArray();
    }
}
