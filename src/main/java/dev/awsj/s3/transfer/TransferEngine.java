package dev.awsj.s3.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.AbortMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.ChecksumType;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Error;
import software.amazon.awssdk.services.s3.model.UploadPartCopyResponse;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * Runs uploads, downloads, server-side copies and deletes with the synchronous S3 client on two
 * bounded thread pools (whole files, and the parts of large ones), and at most
 * {@code maxConcurrency} requests in flight. Large objects move as parallel multipart uploads,
 * ranged downloads or part copies; bodies stream from and to files at their offsets, so memory
 * stays bounded whatever the size.
 *
 * <p>Safety: a download is written to a temporary file beside its target and renamed only when
 * complete; on failure the temporary file is deleted. A multipart upload that fails is aborted;
 * while transfers run, a shutdown hook (Ctrl-C) aborts every open upload and deletes every
 * temporary file.
 */
public final class TransferEngine implements AutoCloseable {
    private static final int BUFFER = 64 * 1024;
    private static final int DELETE_BATCH = 1000;

    private final S3Client s3;
    private final TransferConfig config;
    private final ObjectOptions options;
    private final Progress progress;
    private final Consumer<TransferResult> results;
    private final Function<Throwable, String> describe;
    private final ExecutorService files;
    private final ExecutorService parts;
    private final Semaphore requests;
    private final List<Future<?>> pending = new ArrayList<>();
    private final Map<String, S3Uri> openUploads = new ConcurrentHashMap<>();
    private final Set<Path> tempFiles = ConcurrentHashMap.newKeySet();
    private final List<S3Uri> deleteQueue = new ArrayList<>();
    private final AtomicBoolean interrupted = new AtomicBoolean();
    private final AtomicInteger creating = new AtomicInteger();
    /** How long Ctrl-C waits for a CreateMultipartUpload in flight to answer. */
    static final long CREATE_WAIT_NANOS = 15_000_000_000L;

    private final Consumer<String> warnings;
    private Thread shutdownHook;

    /**
     * @param describe the one-line message of a failure
     * @param warnings where lines the user must act on go (stderr): an upload that could not be aborted
     */
    public TransferEngine(S3Client s3, TransferConfig config, ObjectOptions options, Progress progress,
            Consumer<TransferResult> results, Function<Throwable, String> describe, Consumer<String> warnings) {
        this.s3 = s3;
        this.warnings = warnings;
        this.config = config;
        this.options = options;
        this.progress = progress;
        this.results = results;
        this.describe = describe;
        this.files = Executors.newFixedThreadPool(config.maxConcurrency(), daemon("awsj-file"));
        this.parts = Executors.newFixedThreadPool(config.maxConcurrency(), daemon("awsj-part"));
        this.requests = new Semaphore(config.maxConcurrency());
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    // ---- submission -------------------------------------------------------------------------

    /** Uploads a local file; {@code move} deletes the file once the object is complete. */
    public void upload(Path file, long size, S3Uri dst, String displaySrc, boolean move) {
        submit(size, () -> {
            uploadFile(file, size, dst);
            if (move) {
                Files.delete(file);
            }
            return new TransferResult.Done(move ? "move" : "upload", displaySrc, dst.toString(), size);
        }, move ? "move" : "upload", displaySrc, dst.toString());
    }

    /** Downloads an object to {@code target}; its parent folders are created. */
    public void download(S3Uri src, long size, Instant lastModified, String etag, Path target, String displayDst,
            boolean move) {
        submit(size, () -> {
            downloadObject(src, size, lastModified, etag, target);
            if (move) {
                call(() -> s3.deleteObject(b -> b.bucket(src.bucket()).key(src.key()).applyMutation(options::onDelete)));
            }
            return new TransferResult.Done(move ? "move" : "download", src.toString(), displayDst, size);
        }, move ? "move" : "download", src.toString(), displayDst);
    }

    /** Copies an object within S3, server-side. */
    public void copy(S3Uri src, long size, S3Uri dst, boolean move) {
        submit(size, () -> {
            copyObject(src, size, dst);
            if (move) {
                call(() -> s3.deleteObject(b -> b.bucket(src.bucket()).key(src.key()).applyMutation(options::onDelete)));
            }
            return new TransferResult.Done(move ? "move" : "copy", src.toString(), dst.toString(), size);
        }, move ? "move" : "copy", src.toString(), dst.toString());
    }

    /** Queues an object for deletion; deletes go out in batches of 1,000 keys. */
    public void delete(S3Uri obj) {
        List<S3Uri> batch = null;
        synchronized (deleteQueue) {
            deleteQueue.add(obj);
            if (deleteQueue.size() >= DELETE_BATCH) {
                batch = new ArrayList<>(deleteQueue);
                deleteQueue.clear();
            }
        }
        if (batch != null) {
            submitDeletes(batch);
        }
    }

    /** Deletes a local file (sync --delete to a folder). */
    public void deleteLocal(Path file, String display) {
        submit(0, () -> {
            Files.delete(file);
            return new TransferResult.Done("delete", display, null, 0);
        }, "delete", display, null);
    }

    private interface Task {
        TransferResult run() throws Exception;
    }

    private void submit(long size, Task task, String op, String src, String dst) {
        ensureHook();
        progress.addExpected(size, 1);
        Future<?> f = files.submit(() -> {
            TransferResult r;
            try {
                r = task.run();
            } catch (Throwable e) {
                r = new TransferResult.Failed(op, src, dst, describe(e));
            }
            progress.fileDone();
            results.accept(r);
        });
        synchronized (pending) {
            pending.add(f);
        }
    }

    private void submitDeletes(List<S3Uri> batch) {
        ensureHook();
        Future<?> f = files.submit(() -> deleteBatch(batch));
        synchronized (pending) {
            pending.add(f);
        }
    }

    private void deleteBatch(List<S3Uri> batch) {
        Map<String, List<S3Uri>> byBucket = new java.util.LinkedHashMap<>();
        for (S3Uri u : batch) {
            byBucket.computeIfAbsent(u.bucket(), k -> new ArrayList<>()).add(u);
        }
        for (Map.Entry<String, List<S3Uri>> e : byBucket.entrySet()) {
            List<ObjectIdentifier> ids = new ArrayList<>();
            for (S3Uri u : e.getValue()) {
                ids.add(ObjectIdentifier.builder().key(u.key()).build());
            }
            try {
                DeleteObjectsResponse resp = call(() -> s3.deleteObjects(b -> b.bucket(e.getKey())
                        .delete(Delete.builder().objects(ids).quiet(true).build()).applyMutation(options::onDeletes)));
                Map<String, String> errors = new java.util.HashMap<>();
                for (S3Error err : resp.errors()) {
                    errors.put(err.key(), "An error occurred (" + err.code() + ") when calling the DeleteObjects operation: "
                            + err.message());
                }
                for (S3Uri u : e.getValue()) {
                    String err = errors.get(u.key());
                    results.accept(err == null ? new TransferResult.Done("delete", u.toString(), null, 0)
                            : new TransferResult.Failed("delete", u.toString(), null, err));
                }
            } catch (Throwable t) {
                String msg = describe(t);
                for (S3Uri u : e.getValue()) {
                    results.accept(new TransferResult.Failed("delete", u.toString(), null, msg));
                }
            }
        }
    }

    /** Waits for everything submitted so far, including a last partial batch of deletes. */
    public void awaitAll() {
        List<S3Uri> rest;
        synchronized (deleteQueue) {
            rest = new ArrayList<>(deleteQueue);
            deleteQueue.clear();
        }
        if (!rest.isEmpty()) {
            submitDeletes(rest);
        }
        while (true) {
            Future<?> f;
            synchronized (pending) {
                if (pending.isEmpty()) {
                    return;
                }
                f = pending.remove(0);
            }
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    // ---- uploads ----------------------------------------------------------------------------

    private void uploadFile(Path file, long size, S3Uri dst) throws Exception {
        if (size < config.threshold() || size == 0) {
            PutObjectRequest.Builder b = PutObjectRequest.builder().bucket(dst.bucket()).key(dst.key());
            options.apply(b, file);
            PutObjectRequest req = b.build();
            call(() -> s3.putObject(req, RequestBody.fromContentProvider(
                    counted(() -> Files.newInputStream(file)), size, contentTypeOrDefault(req.contentType()))));
            return;
        }
        // FULL_OBJECT: S3 stores a CRC32 of the whole object, so a later ranged download can be verified.
        CreateMultipartUploadRequest.Builder cb = CreateMultipartUploadRequest.builder().bucket(dst.bucket()).key(dst.key())
                .checksumAlgorithm(ChecksumAlgorithm.CRC32).checksumType(ChecksumType.FULL_OBJECT);
        options.apply(cb, file);
        long partSize = config.partSize(size);
        multipart(dst, cb.build(), size, partSize, (uploadId, partNumber, offset, length) -> {
            UploadPartRequest req = UploadPartRequest.builder().bucket(dst.bucket()).key(dst.key()).uploadId(uploadId)
                    .partNumber(partNumber).contentLength(length).checksumAlgorithm(ChecksumAlgorithm.CRC32)
                    .applyMutation(options::onUploadPart).build();
            UploadPartResponse r = call(() -> s3.uploadPart(req, RequestBody.fromContentProvider(
                    counted(() -> rangeStream(file, offset, length)), length, "application/octet-stream")));
            return CompletedPart.builder().partNumber(partNumber).eTag(r.eTag()).checksumCRC32(r.checksumCRC32()).build();
        });
    }

    private static String contentTypeOrDefault(String type) {
        return type != null ? type : "binary/octet-stream";
    }

    @FunctionalInterface
    private interface PartTask {
        CompletedPart run(String uploadId, int partNumber, long offset, long length) throws Exception;
    }

    /** Creates the upload, runs the parts in parallel, completes it; aborts it on any failure. */
    private void multipart(S3Uri dst, CreateMultipartUploadRequest create, long size, long partSize, PartTask part)
            throws Exception {
        String uploadId = createUpload(create, dst);
        try {
            int count = (int) ((size + partSize - 1) / partSize);
            AtomicBoolean failed = new AtomicBoolean();
            List<Future<CompletedPart>> futures = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                int number = i + 1;
                long offset = i * partSize;
                long length = Math.min(partSize, size - offset);
                futures.add(parts.submit(() -> {
                    if (failed.get() || interrupted.get()) {
                        throw new CancellationException("cancelled after another part failed");
                    }
                    try {
                        return part.run(uploadId, number, offset, length);
                    } catch (Exception e) {
                        failed.set(true);
                        throw e;
                    }
                }));
            }
            List<CompletedPart> done = new ArrayList<>(count);
            Exception first = null;
            for (Future<CompletedPart> f : futures) {
                try {
                    done.add(f.get());
                } catch (ExecutionException e) {
                    if (first == null || first.getCause() instanceof CancellationException) {
                        first = e;
                    }
                }
            }
            if (first != null) {
                Throwable c = first.getCause();
                throw c instanceof Exception ex ? ex : new IllegalStateException(c);
            }
            call(() -> s3.completeMultipartUpload(b -> b.bucket(dst.bucket()).key(dst.key()).uploadId(uploadId)
                    .multipartUpload(m -> m.parts(done)).applyMutation(options::onComplete)));
            openUploads.remove(uploadId);
        } catch (Exception | Error e) {
            abort(uploadId, dst);
            throw e;
        }
    }

    /**
     * Starts a multipart upload and registers it for the Ctrl-C hook. The hook waits for creates in
     * flight, and a create that returns after the hook ran is aborted here.
     */
    private String createUpload(CreateMultipartUploadRequest create, S3Uri dst) {
        creating.incrementAndGet();
        try {
            String uploadId = call(() -> s3.createMultipartUpload(create)).uploadId();
            openUploads.put(uploadId, dst);
            if (interrupted.get()) {
                abort(uploadId, dst);
                throw AbortedException.create("Interrupted.");
            }
            return uploadId;
        } finally {
            creating.decrementAndGet();
        }
    }

    /**
     * Aborts an open upload once (whoever takes it off {@code openUploads} aborts it); when that
     * fails, tells the user its id and the command that aborts it.
     */
    private void abort(String uploadId, S3Uri dst) {
        if (openUploads.remove(uploadId) == null) {
            return;
        }
        abortClaimed(uploadId, dst);
    }

    private void abortClaimed(String uploadId, S3Uri dst) {
        try {
            s3.abortMultipartUpload(AbortMultipartUploadRequest.builder()
                    .bucket(dst.bucket()).key(dst.key()).uploadId(uploadId).build());
        } catch (RuntimeException e) {
            warnings.accept("Could not abort the multipart upload of " + dst + " (" + describe(e) + "); its parts are"
                    + " stored until it is aborted: awsj s3api abort-multipart-upload --bucket " + dst.bucket()
                    + " --key '" + dst.key().replace("'", "'\\''") + "' --upload-id " + uploadId);
        }
    }

    /** A stream of {@code length} bytes of {@code file} from {@code offset}. */
    private static InputStream rangeStream(Path file, long offset, long length) throws IOException {
        FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
        ch.position(offset);
        InputStream in = Channels.newInputStream(ch);
        return new java.io.FilterInputStream(in) {
            long left = length;

            @Override
            public int read() throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int b = super.read();
                if (b >= 0) {
                    left--;
                }
                return b;
            }

            @Override
            public int read(byte[] buf, int off, int len) throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int n = super.read(buf, off, (int) Math.min(len, left));
                if (n > 0) {
                    left -= n;
                }
                return n;
            }
        };
    }

    private interface StreamOpener {
        InputStream open() throws IOException;
    }

    /** A body provider that counts the bytes read into the progress line. */
    private ContentStreamProvider counted(StreamOpener opener) {
        return () -> {
            try {
                return new CountingStream(opener.open(), progress);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    private static final class CountingStream extends java.io.FilterInputStream {
        private final Progress progress;

        CountingStream(InputStream in, Progress progress) {
            super(in);
            this.progress = progress;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                progress.bytes(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0) {
                progress.bytes(n);
            }
            return n;
        }
    }

    // ---- downloads --------------------------------------------------------------------------

    private void downloadObject(S3Uri src, long size, Instant lastModified, String etag, Path target) throws Exception {
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temp = parent.resolve("." + target.getFileName() + ".awsj-"
                + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
        tempFiles.add(temp);
        try {
            Instant mtime;
            if (size < config.threshold() || size == 0) {
                getWhole(src, etag, temp);
                mtime = lastModified;
            } else {
                HeadObjectResponse head = call(() -> s3.headObject(h -> h.bucket(src.bucket()).key(src.key())
                        .checksumMode(ChecksumMode.ENABLED).applyMutation(options::onHead)));
                WholeChecksum expected = WholeChecksum.of(head);
                long[] crcs = getRanges(src, size, etag, temp, expected);
                if (expected != null) {
                    expected.verify(src, crcs, size, config.partSize(size));
                }
                mtime = lastModified;
            }
            if (mtime != null) {
                Files.setLastModifiedTime(temp, FileTime.from(mtime));
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
            tempFiles.remove(temp);
        }
    }

    /**
     * One GET with checksum validation on: the SDK verifies the body against the stored checksum;
     * a body that breaks is resumed (and then checked by awsj).
     */
    private Instant getWhole(S3Uri src, String etag, Path temp) throws Exception {
        GetObjectRequest req = GetObjectRequest.builder().bucket(src.bucket()).key(src.key())
                .checksumMode(ChecksumMode.ENABLED).applyMutation(options::onGet).build();
        try (OutputStream out = Files.newOutputStream(temp)) {
            readResuming(req, etag, 0, -1, (buf, n, pos) -> out.write(buf, 0, n));
        }
        return null;
    }

    /**
     * Parallel ranged GETs written at their offsets; If-Match keeps every range from the same
     * version. With a whole-object checksum to check, returns each range's CRC (else null).
     */
    private long[] getRanges(S3Uri src, long size, String etag, Path temp, WholeChecksum expected) throws Exception {
        long partSize = config.partSize(size);
        int count = (int) ((size + partSize - 1) / partSize);
        long[] crcs = expected == null ? null : new long[count];
        try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            AtomicBoolean failed = new AtomicBoolean();
            List<Future<?>> futures = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                final int index = i;
                long offset = i * partSize;
                long end = Math.min(size, offset + partSize) - 1;
                futures.add(parts.submit(() -> {
                    if (failed.get() || interrupted.get()) {
                        throw new CancellationException("cancelled after another range failed");
                    }
                    GetObjectRequest.Builder rb = GetObjectRequest.builder().bucket(src.bucket()).key(src.key())
                            .range("bytes=" + offset + "-" + end).applyMutation(options::onGet);
                    if (etag != null) {
                        rb.ifMatch("\"" + etag + "\"");
                    }
                    GetObjectRequest req = rb.build();
                    java.util.zip.Checksum crc = expected == null ? null : expected.newChecksum();
                    try {
                        readResuming(req, etag, offset, end, (buf, n, pos) -> {
                            if (crc != null) {
                                crc.update(buf, 0, n);
                            }
                            ByteBuffer bb = ByteBuffer.wrap(buf, 0, n);
                            long at = pos;
                            while (bb.hasRemaining()) {
                                at += ch.write(bb, at);
                            }
                        });
                        if (crc != null) {
                            crcs[index] = crc.getValue();
                        }
                    } catch (RuntimeException e) {
                        failed.set(true);
                        throw e;
                    }
                    return null;
                }));
            }
            Exception first = null;
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    if (first == null || first.getCause() instanceof CancellationException) {
                        first = e;
                    }
                }
            }
            if (first != null) {
                Throwable c = first.getCause();
                throw c instanceof Exception ex ? ex : new IllegalStateException(c);
            }
            ch.force(false);
        }
        return crcs;
    }

    /**
     * Ranged GETs carry no checksum of their own: when the object has a full-object CRC32 or
     * CRC32C (awsj's multipart uploads store one), the CRCs of the ranges, combined in order, must
     * give it.
     */
    private record WholeChecksum(String expected, boolean castagnoli) {
        static WholeChecksum of(HeadObjectResponse head) {
            return of(head.checksumType(), head.checksumCRC32(), head.checksumCRC32C());
        }

        static WholeChecksum of(GetObjectResponse get) {
            return of(get.checksumType(), get.checksumCRC32(), get.checksumCRC32C());
        }

        private static WholeChecksum of(ChecksumType type, String crc32, String crc32c) {
            if (type != null && type != ChecksumType.FULL_OBJECT) {
                return null;
            }
            if (crc32 != null && !crc32.contains("-")) {
                return new WholeChecksum(crc32, false);
            }
            if (crc32c != null && !crc32c.contains("-")) {
                return new WholeChecksum(crc32c, true);
            }
            return null;
        }

        java.util.zip.Checksum newChecksum() {
            return castagnoli ? new java.util.zip.CRC32C() : new java.util.zip.CRC32();
        }

        void verify(S3Uri src, long[] crcs, long size, long partSize) {
            long polynomial = castagnoli ? Crc32Combine.CRC32C : Crc32Combine.CRC32;
            long v = crcs[0];
            for (int i = 1; i < crcs.length; i++) {
                long len = Math.min(size, (i + 1) * partSize) - i * partSize;
                v = Crc32Combine.combine(v, crcs[i], len, polynomial);
            }
            byte[] bytes = {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
            String actual = java.util.Base64.getEncoder().encodeToString(bytes);
            if (!actual.equals(expected)) {
                throw SdkClientException.create("Checksum mismatch for " + src + ": the object's CRC is " + expected
                        + " but the downloaded bytes give " + actual);
            }
        }
    }

    // ---- copies -----------------------------------------------------------------------------

    private void copyObject(S3Uri src, long size, S3Uri dst) throws Exception {
        if (size < config.threshold() && size <= TransferConfig.MAX_SINGLE) {
            CopyObjectRequest.Builder b = CopyObjectRequest.builder().sourceBucket(src.bucket()).sourceKey(src.key())
                    .destinationBucket(dst.bucket()).destinationKey(dst.key());
            HeadObjectResponse sourceHead = options.copyNeedsSourceHead() ? call(() -> s3.headObject(h -> h
                    .bucket(src.bucket()).key(src.key()).applyMutation(options::onHeadCopySource))) : null;
            options.apply(b, sourceHead);
            CopyObjectRequest req = b.build();
            call(() -> s3.copyObject(req));
            progress.bytes(size);
            return;
        }
        HeadObjectResponse head = call(() -> s3.headObject(h -> h.bucket(src.bucket()).key(src.key())
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
        multipart(dst, cb.build(), size, partSize, (uploadId, partNumber, offset, length) -> {
            UploadPartCopyResponse r = call(() -> s3.uploadPartCopy(b -> b.sourceBucket(src.bucket()).sourceKey(src.key())
                    .destinationBucket(dst.bucket()).destinationKey(dst.key()).uploadId(uploadId).partNumber(partNumber)
                    .copySourceRange("bytes=" + offset + "-" + (offset + length - 1)).copySourceIfMatch(etag)
                    .applyMutation(options::onUploadPartCopy)));
            progress.bytes(length);
            return CompletedPart.builder().partNumber(partNumber).eTag(r.copyPartResult().eTag()).build();
        });
    }

    // ---- streams (stdin / stdout) ------------------------------------------------------------

    /**
     * Uploads a stream of unknown length: buffered one part at a time (so memory is bounded by
     * {@code maxConcurrency} parts in flight), as one PUT when it fits in the first part.
     */
    public long uploadStream(InputStream in, S3Uri dst, Long expectedSize) throws Exception {
        ensureHook();
        long partSize = expectedSize != null ? config.partSize(expectedSize) : config.chunkSize();
        if (partSize > Integer.MAX_VALUE - 16) {
            partSize = Integer.MAX_VALUE - 16;
        }
        byte[] first = in.readNBytes((int) partSize);
        if (first.length < partSize) {
            PutObjectRequest.Builder b = PutObjectRequest.builder().bucket(dst.bucket()).key(dst.key());
            options.apply(b, null);
            PutObjectRequest req = b.build();
            call(() -> s3.putObject(req, RequestBody.fromBytes(first)));
            progress.bytes(first.length);
            return first.length;
        }
        CreateMultipartUploadRequest.Builder cb = CreateMultipartUploadRequest.builder().bucket(dst.bucket()).key(dst.key())
                .checksumAlgorithm(ChecksumAlgorithm.CRC32);
        options.apply(cb, null);
        String uploadId = createUpload(cb.build(), dst);
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
                futures.add(parts.submit(() -> {
                    try {
                        UploadPartResponse r = call(() -> s3.uploadPart(b -> b.bucket(dst.bucket()).key(dst.key())
                                .uploadId(uploadId).partNumber(n).checksumAlgorithm(ChecksumAlgorithm.CRC32).applyMutation(options::onUploadPart),
                                RequestBody.fromBytes(body)));
                        progress.bytes(body.length);
                        return CompletedPart.builder().partNumber(n).eTag(r.eTag()).checksumCRC32(r.checksumCRC32()).build();
                    } finally {
                        inFlight.release();
                    }
                }));
                chunk = in.readNBytes((int) partSize);
            }
            List<CompletedPart> done = new ArrayList<>();
            for (Future<CompletedPart> f : futures) {
                try {
                    done.add(f.get());
                } catch (ExecutionException e) {
                    Throwable c = e.getCause();
                    throw c instanceof Exception ex ? ex : new IllegalStateException(c);
                }
            }
            call(() -> s3.completeMultipartUpload(b -> b.bucket(dst.bucket()).key(dst.key()).uploadId(uploadId)
                    .multipartUpload(m -> m.parts(done)).applyMutation(options::onComplete)));
            openUploads.remove(uploadId);
            return total;
        } catch (Exception | Error e) {
            for (Future<CompletedPart> f : futures) {
                f.cancel(false);
            }
            abort(uploadId, dst);
            throw e;
        }
    }

    /**
     * Streams an object to {@code out} (cat, cp to -), verified against its checksum (by the SDK,
     * or by awsj when a broken body was resumed).
     */
    public long downloadStream(S3Uri src, OutputStream out) throws IOException {
        GetObjectRequest req = GetObjectRequest.builder().bucket(src.bucket()).key(src.key())
                .checksumMode(ChecksumMode.ENABLED).applyMutation(options::onGet).build();
        long total = readResuming(req, null, 0, -1, (buf, n, pos) -> out.write(buf, 0, n));
        out.flush();
        return total;
    }

    // ---- requests ---------------------------------------------------------------------------

    /**
     * One request under the concurrency limit. Not retried here: the SDK's retry strategy
     * ({@code max_attempts}, {@code retry_mode}) already retried it. What the SDK cannot retry, a
     * body that breaks while awsj reads it, is resumed by {@link #readResuming}.
     */
    private <T> T call(Supplier<T> request) {
        if (interrupted.get()) {
            throw AbortedException.create("Interrupted.");
        }
        try {
            requests.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw AbortedException.create("Interrupted.");
        }
        try {
            return request.get();
        } finally {
            requests.release();
        }
    }

    /** Where the bytes of a body go as they arrive. */
    @FunctionalInterface
    private interface Sink {
        void write(byte[] buf, int n, long position) throws IOException;
    }

    /**
     * Reads bytes {@code [from, to]} of an object ({@code to} = -1: to its end) into {@code sink}.
     * When the body breaks or stalls while awsj reads it, the read resumes at the byte reached with
     * a ranged GET (If-Match keeps it the same version). A break after new bytes arrived costs
     * nothing; {@code maxAttempts} breaks in a row without a new byte fail the read.
     *
     * @return the position after the last byte read
     */
    private long readResuming(GetObjectRequest first, String etag, long from, long to, Sink sink) {
        long pos = from;
        int barren = 0;
        boolean resumed = false;
        boolean whole = from == 0 && to < 0;
        // A resumed whole-object read is checked here against the object's full-object CRC (the
        // SDK checks only a body that arrives in one piece).
        WholeChecksum wholeCheck = null;
        java.util.zip.Checksum crc = null;
        GetObjectRequest req = first;
        while (true) {
            long before = pos;
            GetObjectRequest current = req;
            try (ResponseInputStream<GetObjectResponse> in = call(() -> s3.getObject(current))) {
                if (wholeCheck == null && whole && before == 0) {
                    wholeCheck = WholeChecksum.of(in.response());
                    crc = wholeCheck == null ? null : wholeCheck.newChecksum();
                }
                byte[] buf = new byte[BUFFER];
                int n;
                while ((n = in.read(buf)) > 0) {
                    sink.write(buf, n, pos);
                    if (crc != null) {
                        crc.update(buf, 0, n);
                    }
                    pos += n;
                    progress.bytes(n);
                }
            } catch (IOException | UncheckedIOException e) {
                IOException cause = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
                barren = pos > before ? 1 : barren + 1;
                if (barren >= config.maxAttempts() || interrupted.get() || cause instanceof java.io.InterruptedIOException
                        && !(cause instanceof java.net.SocketTimeoutException)) {
                    throw brokenBody(req, pos, cause);
                }
                req = resumeAt(req, etag, pos, to);
                resumed = true;
                continue;
            }
            if (resumed && crc != null) {
                wholeCheck.verify(new S3Uri(req.bucket(), req.key()), new long[] {crc.getValue()}, pos, pos);
            }
            if (to >= 0 && pos != to + 1) {
                throw SdkClientException.create("The body of s3://" + req.bucket() + "/" + req.key() + " ended at byte "
                        + pos + " of the range " + from + "-" + to);
            }
            return pos;
        }
    }

    private static GetObjectRequest resumeAt(GetObjectRequest req, String etag, long pos, long to) {
        GetObjectRequest.Builder b = req.toBuilder().range("bytes=" + pos + "-" + (to >= 0 ? to : "")).checksumMode((ChecksumMode) null);
        if (etag != null) {
            b.ifMatch("\"" + etag + "\"");
        }
        return b.build();
    }

    /** The failure of a body that broke once too often: what, where, and the cause in words. */
    private static SdkClientException brokenBody(GetObjectRequest req, long pos, IOException cause) {
        String what = "s3://" + req.bucket() + "/" + req.key();
        String why = cause instanceof java.net.SocketTimeoutException ? cause.getMessage()
                : "the connection broke (" + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage()) + ")";
        return SdkClientException.builder().message("Reading " + what + " failed at byte " + pos + ": " + why)
                .cause(cause).build();
    }

    private String describe(Throwable e) {
        Throwable t = e;
        while ((t instanceof UncheckedIOException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return describe.apply(t);
    }

    // ---- Ctrl-C -----------------------------------------------------------------------------

    private synchronized void ensureHook() {
        if (shutdownHook == null) {
            shutdownHook = new Thread(this::cleanUpOnExit, "awsj-abort-transfers");
            try {
                Runtime.getRuntime().addShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // already shutting down: nothing to register
            }
        }
    }

    /**
     * On Ctrl-C: stop queued work, abort open multipart uploads, delete temporary files. A create
     * still in flight is let finish first (bounded by {@link #CREATE_WAIT_NANOS}), not interrupted:
     * the service may already have made the upload, and only its id lets awsj abort it.
     */
    void cleanUpOnExit() {
        interrupted.set(true);
        long deadline = System.nanoTime() + CREATE_WAIT_NANOS;
        while (creating.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                break;
            }
        }
        // Claimed before the workers are interrupted, so that a failing worker does not abort them too.
        Map<String, S3Uri> claimed = new java.util.HashMap<>();
        for (String id : List.copyOf(openUploads.keySet())) {
            S3Uri dst = openUploads.remove(id);
            if (dst != null) {
                claimed.put(id, dst);
            }
        }
        files.shutdownNow();
        parts.shutdownNow();
        claimed.forEach(this::abortClaimed);
        for (Path p : tempFiles) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // best effort while the JVM exits
            }
        }
    }

    /** Open multipart uploads (for tests and diagnostics). */
    Set<String> openUploadIds() {
        return openUploads.keySet();
    }

    @Override
    public synchronized void close() {
        files.shutdownNow();
        parts.shutdownNow();
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException ignored) {
                // the JVM is exiting and the hook is running
            }
            shutdownHook = null;
        }
    }
}
