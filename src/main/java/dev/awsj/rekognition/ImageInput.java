package dev.awsj.rekognition;

import dev.awsj.core.AwsjException;
import dev.awsj.cli.Context;
import dev.awsj.core.ExitCodes;
import dev.awsj.json.SdkJson;
import dev.awsj.documents.TextSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.OptionalLong;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.rekognition.model.Image;
import software.amazon.awssdk.services.rekognition.model.S3Object;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * An image named on the command line: a local file (or {@code fileb://file}), {@code -} (stdin),
 * an {@code http(s)://} URL that awsj fetches, {@code s3://bucket/key} that Rekognition reads
 * itself, or aws's JSON form of the Image structure. Bytes are checked before any call: at most 5 MB (the API's limit for image bytes), and
 * a JPEG or PNG by their magic numbers.
 */
final class ImageInput {
    /** Rekognition takes at most 5 MB of image bytes in a request. */
    static final int MAX_BYTES = 5 * 1024 * 1024;

    private final String spec;
    private final byte[] bytes;
    private final String bucket;
    private final String key;
    private final String version;

    private ImageInput(String spec, byte[] bytes, String bucket, String key, String version) {
        this.spec = spec;
        this.bytes = bytes;
        this.bucket = bucket;
        this.key = key;
        this.version = version;
    }

    /** Reads and checks the image named by {@code spec}; {@code option} names it in errors. */
    static ImageInput resolve(Context ctx, String spec, String version, String option) {
        if (spec.trim().startsWith("{")) {
            // aws's form: {"Bytes": base64} or {"S3Object": {"Bucket": …, "Name": …, "Version": …}}
            Image.Builder b = Image.builder();
            SdkJson.fill((SdkPojo) b, SdkJson.parse(spec, option), option);
            return of(b.build(), option);
        }
        if (spec.startsWith("s3://")) {
            String rest = spec.substring(5);
            int slash = rest.indexOf('/');
            if (slash <= 0 || slash == rest.length() - 1) {
                throw AwsjException.usage(option + ": expected s3://bucket/key, got " + spec);
            }
            return new ImageInput(spec, null, rest.substring(0, slash), rest.substring(slash + 1), version);
        }
        if (version != null) {
            throw AwsjException.usage("--image-version applies to s3:// images only.");
        }
        byte[] bytes;
        if (spec.equals("-")) {
            if (ctx.stdinIsTerminal()) {
                throw AwsjException.usage(option + ": - reads the image from stdin, which is a terminal: pipe or redirect "
                        + "an image in (awsj ... --image - < photo.jpg).");
            }
            bytes = readCapped(ctx.stdin(), OptionalLong.empty(), "stdin", option);
        } else if (spec.startsWith("http://") || spec.startsWith("https://")) {
            bytes = fetch(spec, option);
        } else {
            String path = spec.startsWith("fileb://") ? spec.substring(8) : spec;
            bytes = TextSource.readFileBytes(path, option);
        }
        check(bytes, spec, option);
        return new ImageInput(spec, bytes, null, null, null);
    }

    /** An image given as the API's structure (JSON option or --cli-input-json); bytes are checked as files are. */
    static ImageInput of(Image image, String option) {
        if (image.bytes() != null) {
            byte[] bytes = image.bytes().asByteArrayUnsafe();
            check(bytes, "the image", option);
            return new ImageInput("the image", bytes, null, null, null);
        }
        S3Object o = image.s3Object();
        if (o == null || o.bucket() == null || o.name() == null) {
            throw AwsjException.usage(option + ": the image needs Bytes, or S3Object with Bucket and Name.");
        }
        return new ImageInput("s3://" + o.bucket() + "/" + o.name(), null, o.bucket(), o.name(), o.version());
    }

    static void check(byte[] bytes, String spec, String option) {
        if (bytes.length > MAX_BYTES) {
            throw AwsjException.usage(option + ": " + spec + " is too large: " + bytes.length + " bytes; Rekognition takes "
                    + "at most 5 MB (" + MAX_BYTES + " bytes) of image bytes. Upload it to S3 and pass s3://bucket/key "
                    + "(up to 15 MB), or make it smaller.");
        }
        if (!isJpeg(bytes) && !isPng(bytes)) {
            throw AwsjException.usage(option + ": " + spec + " is not a JPEG or PNG image"
                    + (bytes.length == 0 ? " (it is empty)." : "."));
        }
    }

    static boolean isJpeg(byte[] b) {
        return b.length >= 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF;
    }

    static boolean isPng(byte[] b) {
        byte[] sig = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        if (b.length < sig.length) {
            return false;
        }
        for (int i = 0; i < sig.length; i++) {
            if (b[i] != sig[i]) {
                return false;
            }
        }
        return true;
    }

    /** Redirects followed for one image URL at most. */
    private static final int MAX_REDIRECTS = 5;

    /**
     * GETs the URL, following redirects (never from https to http); a declared Content-Length over
     * the limit fails before the body is read. {@link HttpURLConnection}, of java.base: awsj's
     * classes may be on the boot class path, which sees no other module's (docs/architecture.md,
     * "Start-up").
     */
    private static byte[] fetch(String url, String option) {
        try {
            URI at = URI.create(url);
            for (int redirects = 0;; redirects++) {
                HttpURLConnection c = (HttpURLConnection) at.toURL().openConnection();
                c.setInstanceFollowRedirects(false);
                c.setConnectTimeout(30_000);
                c.setReadTimeout(60_000);
                int status = c.getResponseCode();
                String location = c.getHeaderField("Location");
                if (status / 100 == 3 && location != null && redirects < MAX_REDIRECTS) {
                    c.disconnect();
                    URI next = at.resolve(location);
                    if (!"https".equals(next.getScheme()) && !("http".equals(next.getScheme()) && "http".equals(at.getScheme()))) {
                        throw new AwsjException(ExitCodes.OTHER, option + ": fetching " + url + " failed: redirected to " + next);
                    }
                    at = next;
                    continue;
                }
                if (status / 100 != 2) {
                    c.disconnect();
                    throw new AwsjException(ExitCodes.OTHER, option + ": fetching " + url + " failed: HTTP " + status);
                }
                long length = c.getContentLengthLong();
                try (InputStream body = c.getInputStream()) {
                    return readCapped(body, length >= 0 ? OptionalLong.of(length) : OptionalLong.empty(), url, option);
                }
            }
        } catch (IllegalArgumentException | java.net.MalformedURLException e) {
            throw AwsjException.usage(option + ": bad URL " + url + ": " + e.getMessage());
        } catch (IOException e) {
            throw new AwsjException(ExitCodes.OTHER, option + ": fetching " + url + " failed: " + e, e);
        }
    }

    /** Reads at most one byte more than the limit, so an endless body cannot fill memory. */
    private static byte[] readCapped(InputStream in, OptionalLong declared, String spec, String option) {
        if (declared.isPresent() && declared.getAsLong() > MAX_BYTES) {
            throw AwsjException.usage(option + ": " + spec + " is too large: " + declared.getAsLong() + " bytes; Rekognition "
                    + "takes at most 5 MB (" + MAX_BYTES + " bytes) of image bytes. Upload it to S3 and pass s3://bucket/key.");
        }
        try {
            return in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + spec, e);
        }
    }

    /** The image as the API takes it: bytes, or an S3Object reference. */
    Image toImage() {
        if (bytes != null) {
            return Image.builder().bytes(SdkBytes.fromByteArrayUnsafe(bytes)).build();
        }
        return Image.builder().s3Object(S3Object.builder().bucket(bucket).name(key).version(version).build()).build();
    }

    /** The image's bytes: those read, or an s3:// image fetched from S3 (to draw on). */
    byte[] bytes(Context ctx) {
        if (bytes != null) {
            return bytes;
        }
        return ctx.clients().client(S3Client.class)
                .getObjectAsBytes(b -> b.bucket(bucket).key(key).versionId(version)).asByteArray();
    }

    String spec() {
        return spec;
    }
}
