package dev.awsj.s3.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/** stdin to an object ({@code cp - s3://b/k}) and an object to stdout ({@code cat}, {@code cp s3://b/k -}). */
final class StreamTransfers {
    private final S3Client s3;
    private final TransferConfig config;
    private final ObjectOptions options;
    private final Progress progress;
    private final Scheduler scheduler;
    private final MultipartUploader uploader;
    private final RangedDownloader downloader;

    StreamTransfers(S3Client s3, TransferConfig config, ObjectOptions options, Progress progress, Scheduler scheduler,
            MultipartUploader uploader, RangedDownloader downloader) {
        this.s3 = s3;
        this.config = config;
        this.options = options;
        this.progress = progress;
        this.scheduler = scheduler;
        this.uploader = uploader;
        this.downloader = downloader;
    }

    /**
     * Uploads a stream of unknown length: buffered one part at a time (so memory is bounded by
     * {@code maxConcurrency} parts in flight), as one PUT when it fits in the first part.
     */
    long upload(InputStream in, S3Uri dst, Long expectedSize) throws Exception {
        long partSize = expectedSize != null ? config.partSize(expectedSize) : config.chunkSize();
        if (partSize > Integer.MAX_VALUE - 16) {
            partSize = Integer.MAX_VALUE - 16;
        }
        byte[] first = in.readNBytes((int) partSize);
        UploadChecksum checksum = options.uploadChecksum();
        if (first.length < partSize) {
            PutObjectRequest.Builder b = PutObjectRequest.builder().bucket(dst.bucket()).key(dst.key());
            options.apply(b, null);
            if (checksum.computedByAwsj()) {
                checksum.onPut(b, checksum.digest(first));
            }
            PutObjectRequest req = b.build();
            scheduler.call(() -> s3.putObject(req, FileBodies.bytes(first, scheduler.bandwidth)));
            progress.bytes(first.length);
            return first.length;
        }
        CreateMultipartUploadRequest.Builder cb = CreateMultipartUploadRequest.builder().bucket(dst.bucket()).key(dst.key());
        checksum.onCreate(cb);
        options.apply(cb, null);
        String uploadId = uploader.create(cb.build(), dst, false);
        Semaphore inFlight = new Semaphore(config.maxConcurrency());
        List<Future<CompletedPart>> futures = new ArrayList<>();
        long total = 0;
        try {
            byte[] chunk = first;
            int number = 1;
            while (chunk.length > 0) {
                if (number > TransferConfig.MAX_PARTS) {
                    throw new IllegalStateException("The stream is longer than 10,000 parts of " + Progress.human(partSize)
                            + ": give --expected-size");
                }
                inFlight.acquire();
                byte[] body = chunk;
                int n = number++;
                total += body.length;
                futures.add(scheduler.submitPart(() -> {
                    try {
                        UploadPartRequest.Builder pb = UploadPartRequest.builder().bucket(dst.bucket()).key(dst.key())
                                .uploadId(uploadId).partNumber(n).applyMutation(options::onUploadPart);
                        checksum.onPart(pb, checksum.computedByAwsj() ? checksum.digest(body) : null);
                        UploadPartRequest req = pb.build();
                        UploadPartResponse r = scheduler.call(() -> s3.uploadPart(req, FileBodies.bytes(body, scheduler.bandwidth)));
                        progress.bytes(body.length);
                        return checksum.part(n, r.eTag(), checksum.value(r));
                    } finally {
                        inFlight.release();
                    }
                }));
                chunk = in.readNBytes((int) partSize);
            }
            uploader.complete(dst, uploadId, Scheduler.collect(futures));
            return total;
        } catch (Exception | Error e) {
            for (Future<CompletedPart> f : futures) {
                f.cancel(false);
            }
            uploader.abort(uploadId, dst);
            throw e;
        }
    }

    /**
     * Streams an object to {@code out}, verified against its checksum (by the SDK, or by awsj when
     * a broken body was resumed).
     */
    long download(S3Uri src, OutputStream out) throws IOException {
        GetObjectRequest req = GetObjectRequest.builder().bucket(src.bucket()).key(src.key())
                .checksumMode(ChecksumMode.ENABLED).applyMutation(options::onGet).build();
        long total = downloader.readResuming(req, null, 0, -1, (buf, n, pos) -> out.write(buf, 0, n));
        out.flush();
        return total;
    }
}
