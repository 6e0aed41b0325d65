package dev.awsj.s3.transfer;

import java.nio.file.Path;
import java.util.Map;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * What a new object gets: {@code --acl --content-type --cache-control --metadata
 * --storage-class --sse}. A null field leaves S3's default. Without {@code --content-type} an
 * upload's type is guessed from the file name.
 */
public record ObjectOptions(String acl, String contentType, String cacheControl, Map<String, String> metadata,
        String storageClass, String sse, String sseKmsKeyId, boolean guessContentType) {
    public static final ObjectOptions NONE = new ObjectOptions(null, null, null, Map.of(), null, null, null, true);

    String typeFor(Path file) {
        if (contentType != null) {
            return contentType;
        }
        return guessContentType && file != null ? ContentTypes.guess(file) : null;
    }

    /** Whether a copy must replace the source's metadata rather than keep it. */
    boolean replacesMetadata() {
        return contentType != null || cacheControl != null || !metadata.isEmpty();
    }

    void apply(PutObjectRequest.Builder b, Path file) {
        b.acl(acl).contentType(typeFor(file)).cacheControl(cacheControl).storageClass(storageClass)
                .serverSideEncryption(sse).ssekmsKeyId(sseKmsKeyId);
        if (!metadata.isEmpty()) {
            b.metadata(metadata);
        }
    }

    void apply(CreateMultipartUploadRequest.Builder b, Path file) {
        b.acl(acl).contentType(typeFor(file)).cacheControl(cacheControl).storageClass(storageClass)
                .serverSideEncryption(sse).ssekmsKeyId(sseKmsKeyId);
        if (!metadata.isEmpty()) {
            b.metadata(metadata);
        }
    }

    void apply(CopyObjectRequest.Builder b) {
        b.acl(acl).storageClass(storageClass).serverSideEncryption(sse).ssekmsKeyId(sseKmsKeyId);
        if (replacesMetadata()) {
            b.metadataDirective("REPLACE").contentType(contentType).cacheControl(cacheControl);
            if (!metadata.isEmpty()) {
                b.metadata(metadata);
            }
        }
    }
}
