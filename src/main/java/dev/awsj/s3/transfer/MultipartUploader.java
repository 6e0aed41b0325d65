package dev.awsj.s3.transfer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.UploadPartCopyResponse;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * Puts objects: one PUT (or CopyObject) below the threshold, else a multipart upload whose parts
 * run in parallel, read from the file at their offsets or copied server-side. File uploads, part
 * copies and stream uploads share the create / complete / abort steps: an upload that fails is
 * aborted, one open when Ctrl-C comes is left to {@link CleanUp}.
 */
final class MultipartUploader {
    /** One part: its number (from 1), where it starts and how long it is. */
    @FunctionalInterface
    interface PartTask {
        CompletedPart run(String uploadId, int partNumber, long offset, long length) throws Exception;
    }

    private final S3Client s3;
    private final TransferConfig config;
    private final ObjectOptions options;
    private final Progress progress;
    private final Scheduler scheduler;
    private final CleanUp cleanUp;
    private final UploadResumer resumer;

    MultipartUploader(S3Client s3, TransferConfig config, ObjectOptions options, Progress progress, Scheduler scheduler,
            CleanUp cleanUp) {
        this.s3 = s3;
        this.config = config;
        this.options = options;
        this.progress = progress;
        this.scheduler = scheduler;
        this.cleanUp = cleanUp;
        this.resumer = new UploadResumer(s3, options, scheduler);
    }

    void uploadFile(Path file, long size, S3Uri dst) throws Exception {
        UploadChecksum checksum = options.uploadChecksum();
        if (size < config.threshold() || size == 0) {
            PutObjectRequest.Builder b = PutObjectRequest.builder().bucket(dst.bucket()).key(dst.key());
            options.apply(b, file);
            if (checksum.computedByAwsj()) {
                checksum.onPut(b, digest(checksum, file, 0, size));
            } else if (size <= SMALL_FILE && b.build().checksumAlgorithm() == null) {
                // A small file is read once and its CRC32 sent as a header: S3 checks the body
                // against it as against the trailer, and the SDK skips the chunked encoding and
                // trailer it would otherwise wrap every small body in (per-request CPU).
                byte[] bytes = Files.readAllBytes(file);
                PutObjectRequest req = b.checksumCRC32(UploadChecksum.DEFAULT.digest(bytes)).build();
                scheduler.call(() -> s3.putObject(req, RequestBody.fromContentProvider(
                        FileBodies.counted(() -> new java.io.ByteArrayInputStream(bytes), progress, scheduler.bandwidth),
                        bytes.length, contentTypeOrDefault(req.contentType()))));
                return;
            }
            PutObjectRequest req = b.build();
            scheduler.call(() -> s3.putObject(req, RequestBody.fromContentProvider(
                    FileBodies.counted(() -> Files.newInputStream(file), progress, scheduler.bandwidth), size,
                    contentTypeOrDefault(req.contentType()))));
            return;
        }
        // The CRCs as FULL_OBJECT: S3 stores a checksum of the whole object, so a later ranged download can be verified.
        CreateMultipartUploadRequest.Builder cb = CreateMultipartUploadRequest.builder().bucket(dst.bucket()).key(dst.key());
        checksum.onCreate(cb);
        options.apply(cb, file);
        long partSize = config.partSize(size);
        UploadResumer.Resumable resumed = config.resume() ? resumer.find(dst, file, size, partSize) : null;
        multipart(dst, cb.build(), config.resume(), resumed, size, partSize, (uploadId, partNumber, offset, length) -> {
            UploadPartRequest.Builder pb = UploadPartRequest.builder().bucket(dst.bucket()).key(dst.key()).uploadId(uploadId)
                    .partNumber(partNumber).contentLength(length).applyMutation(options::onUploadPart);
            checksum.onPart(pb, checksum.computedByAwsj() ? digest(checksum, file, offset, length) : null);
            UploadPartRequest req = pb.build();
            UploadPartResponse r = scheduler.call(() -> s3.uploadPart(req, RequestBody.fromContentProvider(
                    FileBodies.counted(() -> FileBodies.range(file, offset, length), progress, scheduler.bandwidth), length,
                    "application/octet-stream")));
            return checksum.part(partNumber, r.eTag(), checksum.value(r));
        });
    }

    /** The checksum of a file's bytes {@code [offset, offset + length)}, read once before they are sent. */
    private static String digest(UploadChecksum checksum, Path file, long offset, long length) throws java.io.IOException {
        try (java.io.InputStream in = FileBodies.range(file, offset, length)) {
            return checksum.digest(in);
        }
    }

    /** Files up to this size go up from memory with a CRC32 header (at most one per request in flight). */
    static final long SMALL_FILE = 256 * 1024;

    private static String contentTypeOrDefault(String type) {
        return type != null ? type : "binary/octet-stream";
    }

    /** Copies an object within S3: CopyObject below the threshold, else parallel UploadPartCopy. */
    void copyObject(S3Uri src, long size, S3Uri dst) throws Exception {
        if (size < config.threshold() && size <= TransferConfig.MAX_SINGLE) {
            CopyObjectRequest.Builder b = CopyObjectRequest.builder().sourceBucket(src.bucket()).sourceKey(src.key())
                    .destinationBucket(dst.bucket()).destinationKey(dst.key());
            HeadObjectResponse sourceHead = options.copyNeedsSourceHead() ? scheduler.call(() -> s3.headObject(h -> h
                    .bucket(src.bucket()).key(src.key()).applyMutation(options::onHeadCopySource))) : null;
            options.apply(b, sourceHead);
            CopyObjectRequest req = b.build();
            scheduler.call(() -> s3.copyObject(req));
            progress.bytes(size);
            return;
        }
        HeadObjectResponse head = scheduler.call(() -> s3.headObject(h -> h.bucket(src.bucket()).key(src.key())
                .applyMutation(options::onHeadCopySource)));
        CreateMultipartUploadRequest.Builder cb = CreateMultipartUploadRequest.builder().bucket(dst.bucket()).key(dst.key());
        if (options.multipartCopyKeepsSourceProperties()) {
            cb.contentType(head.contentType()).cacheControl(head.cacheControl()).contentEncoding(head.contentEncoding())
                    .contentDisposition(head.contentDisposition()).contentLanguage(head.contentLanguage())
                    .expires(head.expires()).metadata(head.metadata());
        }
        options.apply(cb, null);
        if (options.multipartCopyKeepsSourceProperties() && options.contentType() == null && head.contentType() != null) {
            cb.contentType(head.contentType());
        }
        String etag = head.eTag();
        long partSize = Math.min(config.partSize(size), TransferConfig.MAX_SINGLE);
        multipart(dst, cb.build(), false, null, size, partSize, (uploadId, partNumber, offset, length) -> {
            UploadPartCopyResponse r = scheduler.call(() -> s3.uploadPartCopy(b -> b.sourceBucket(src.bucket())
                    .sourceKey(src.key()).destinationBucket(dst.bucket()).destinationKey(dst.key()).uploadId(uploadId)
                    .partNumber(partNumber).copySourceRange("bytes=" + offset + "-" + (offset + length - 1))
                    .copySourceIfMatch(etag).applyMutation(options::onUploadPartCopy)));
            progress.bytes(length);
            return CompletedPart.builder().partNumber(partNumber).eTag(r.copyPartResult().eTag()).build();
        });
    }

    /**
     * Creates the upload (or carries on {@code resumed}, sending only the parts it lacks), runs the
     * parts in parallel, completes it; aborts it on any failure. A {@code resumable} one (a file's,
     * unless resuming is off) is kept by {@link CleanUp} on Ctrl-C once a part is stored.
     */
    private void multipart(S3Uri dst, CreateMultipartUploadRequest create, boolean resumable,
            UploadResumer.Resumable resumed, long size, long partSize, PartTask part) throws Exception {
        String uploadId;
        if (resumed != null) {
            uploadId = resumed.uploadId();
            cleanUp.opened(uploadId, dst, resumable, resumed.parts().size());
            progress.bytes(resumed.parts().keySet().stream().mapToLong(n -> Math.min(partSize, size - (n - 1) * partSize)).sum());
        } else {
            uploadId = create(create, dst, resumable);
        }
        try {
            int count = (int) ((size + partSize - 1) / partSize);
            List<CompletedPart> done = scheduler.runParts(count, i -> {
                CompletedPart stored = resumed == null ? null : resumed.parts().get(i + 1);
                if (stored != null) {
                    return stored;
                }
                long offset = i * partSize;
                CompletedPart p = part.run(uploadId, i + 1, offset, Math.min(partSize, size - offset));
                cleanUp.partStored(uploadId);
                return p;
            });
            complete(dst, uploadId, done);
        } catch (Exception | Error e) {
            cleanUp.abort(uploadId, dst);
            throw e;
        }
    }

    /**
     * Starts a multipart upload and registers it for the Ctrl-C hook. The hook waits for creates in
     * flight, and a create that returns after the hook ran is aborted at once.
     */
    String create(CreateMultipartUploadRequest create, S3Uri dst, boolean resumable) {
        cleanUp.creating(true);
        try {
            String uploadId = scheduler.call(() -> s3.createMultipartUpload(create)).uploadId();
            cleanUp.opened(uploadId, dst, resumable, 0);
            return uploadId;
        } finally {
            cleanUp.creating(false);
        }
    }

    void complete(S3Uri dst, String uploadId, List<CompletedPart> parts) {
        scheduler.call(() -> s3.completeMultipartUpload(b -> b.bucket(dst.bucket()).key(dst.key()).uploadId(uploadId)
                .multipartUpload(m -> m.parts(parts)).applyMutation(options::onComplete)));
        cleanUp.completed(uploadId);
    }

    void abort(String uploadId, S3Uri dst) {
        cleanUp.abort(uploadId, dst);
    }
}
