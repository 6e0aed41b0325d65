package dev.awsj.rekognition;

import dev.awsj.core.AwsjException;
import dev.awsj.cli.Context;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.rekognition.model.Image;

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
}
