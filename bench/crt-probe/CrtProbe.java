import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.transfer.s3.S3TransferManager;
import software.amazon.awssdk.transfer.s3.model.CompletedDirectoryUpload;

/**
 * A throw-away probe of the SDK's CRT-based S3 client with the transfer manager, for the figures of
 * docs/s3-transfers.md ("Which HTTP client"): one process per call, as a CLI runs.
 *
 *   CrtProbe ENDPOINT down BUCKET KEY FILE
 *   CrtProbe ENDPOINT up FILE BUCKET KEY          (checks the stored size afterwards)
 *   CrtProbe ENDPOINT updir DIR BUCKET PREFIX     (uploadDirectory: a first sync to an empty prefix)
 */
public final class CrtProbe {
    public static void main(String[] a) throws Exception {
        S3AsyncClient s3 = S3AsyncClient.crtBuilder()
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .region(Region.US_EAST_1).endpointOverride(URI.create(a[0])).forcePathStyle(true)
                .minimumPartSizeInBytes(8L << 20).checksumValidationEnabled(true).build();
        try (S3TransferManager tm = S3TransferManager.builder().s3Client(s3).build()) {
            switch (a[1]) {
                case "down" -> tm.downloadFile(d -> d.getObjectRequest(g -> g.bucket(a[2]).key(a[3])).destination(Paths.get(a[4])))
                        .completionFuture().join();
                case "up" -> {
                    Path f = Paths.get(a[2]);
                    tm.uploadFile(u -> u.putObjectRequest(p -> p.bucket(a[3]).key(a[4])).source(f)).completionFuture().join();
                    HeadObjectResponse h = s3.headObject(r -> r.bucket(a[3]).key(a[4])).join();
                    if (h.contentLength() != Files.size(f)) {
                        System.err.println("stored " + h.contentLength() + " bytes of " + Files.size(f));
                        System.exit(1);
                    }
                }
                case "updir" -> {
                    CompletedDirectoryUpload r = tm.uploadDirectory(u -> u.source(Paths.get(a[2])).bucket(a[3]).s3Prefix(a[4]))
                            .completionFuture().join();
                    if (!r.failedTransfers().isEmpty()) {
                        System.err.println(r.failedTransfers().size() + " failed: " + r.failedTransfers().get(0).exception());
                        System.exit(1);
                    }
                }
                default -> throw new IllegalArgumentException(a[1]);
            }
        }
        s3.close();
    }
}
