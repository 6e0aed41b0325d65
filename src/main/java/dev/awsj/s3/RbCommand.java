package dev.awsj.s3;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsj.core.AwsjException;
import dev.awsj.cli.Context;
import dev.awsj.core.ExitCodes;
import dev.awsj.s3.transfer.S3Uri;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteMarkerEntry;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.ListMultipartUploadsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.ObjectVersion;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

@Command(name = "rb",
        description = "Remove a bucket. --force first deletes every object, version and delete marker, and aborts "
                + "unfinished multipart uploads.")
final class RbCommand implements Callable<Integer> {
    private final Context ctx;

    @Parameters(index = "0", paramLabel = "S3URI", description = "s3://bucket")
    String path;

    @Option(names = "--force", description = "Empty the bucket first (all versions included).")
    boolean force;

    RbCommand(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        S3Uri uri = S3Uri.parse(path.contains("://") ? path : S3Uri.SCHEME + path);
        if (!uri.key().isEmpty()) {
            throw AwsjException.usage("rb takes a bucket, not a key: s3://" + uri.bucket());
        }
        S3Client s3 = S3Commands.client(ctx);
        long deleted = 0;
        if (force) {
            deleted = empty(s3, uri.bucket());
        }
        s3.deleteBucket(b -> b.bucket(uri.bucket()));
        if (ctx.output().format().equals("text")) {
            ctx.out().println("remove_bucket: " + uri.bucket());
            ctx.out().flush();
        } else {
            ObjectNode json = JsonNodeFactory.instance.objectNode().put("Bucket", uri.bucket());
            if (force) {
                json.put("DeletedObjects", deleted);
            }
            ctx.output().write(json);
        }
        return ExitCodes.OK;
    }

    /** Deletes every version and delete marker (then any plain object left), 1,000 a request. */
    static long empty(S3Client s3, String bucket) {
        long n = 0;
        List<ObjectIdentifier> batch = new ArrayList<>();
        try {
            for (ListObjectVersionsResponse page : s3.listObjectVersionsPaginator(b -> b.bucket(bucket))) {
                for (ObjectVersion v : page.versions()) {
                    batch.add(ObjectIdentifier.builder().key(v.key()).versionId(v.versionId()).build());
                    n += flushIfFull(s3, bucket, batch);
                }
                for (DeleteMarkerEntry m : page.deleteMarkers()) {
                    batch.add(ObjectIdentifier.builder().key(m.key()).versionId(m.versionId()).build());
                    n += flushIfFull(s3, bucket, batch);
                }
            }
            n += flush(s3, bucket, batch);
        } catch (S3Exception e) {
            if (e.statusCode() != 501 && e.statusCode() != 405) {
                throw e;
            }
            batch.clear(); // no versioning API here: plain objects below
        }
        for (ListObjectsV2Response page : s3.listObjectsV2Paginator(b -> b.bucket(bucket))) {
            for (S3Object o : page.contents()) {
                batch.add(ObjectIdentifier.builder().key(o.key()).build());
                n += flushIfFull(s3, bucket, batch);
            }
        }
        n += flush(s3, bucket, batch);
        try {
            for (ListMultipartUploadsResponse page : s3.listMultipartUploadsPaginator(b -> b.bucket(bucket))) {
                for (MultipartUpload u : page.uploads()) {
                    s3.abortMultipartUpload(b -> b.bucket(bucket).key(u.key()).uploadId(u.uploadId()));
                }
            }
        } catch (S3Exception e) {
            if (e.statusCode() != 501 && e.statusCode() != 405) {
                throw e;
            }
        }
        return n;
    }

    private static long flushIfFull(S3Client s3, String bucket, List<ObjectIdentifier> batch) {
        return batch.size() >= 1000 ? flush(s3, bucket, batch) : 0;
    }

    private static long flush(S3Client s3, String bucket, List<ObjectIdentifier> batch) {
        if (batch.isEmpty()) {
            return 0;
        }
        List<ObjectIdentifier> ids = List.copyOf(batch);
        batch.clear();
        DeleteObjectsResponse r = s3.deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(ids).quiet(true)));
        if (!r.errors().isEmpty()) {
            var e = r.errors().get(0);
            throw new AwsjException(ExitCodes.SERVICE, "An error occurred (" + e.code()
                    + ") when calling the DeleteObjects operation: " + e.message() + " (" + e.key() + ")");
        }
        return ids.size();
    }
}
