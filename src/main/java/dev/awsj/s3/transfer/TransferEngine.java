package dev.awsj.s3.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Error;

/**
 * The transfer engine's front: uploads, downloads, server-side copies and deletes, each handed to
 * its stage — {@link Scheduler} (pools, request permits, results), {@link MultipartUploader}
 * (files, part copies and streams), {@link RangedDownloader} (temporary file, ranges, whole-object
 * checksum), {@link StreamTransfers} (stdin/stdout) and {@link CleanUp} (failure and Ctrl-C).
 * Memory stays bounded whatever the size: bodies stream from and to files at their offsets.
 */
public final class TransferEngine implements AutoCloseable {
    private static final int DELETE_BATCH = 1000;

    private final S3Client s3;
    private final ObjectOptions options;
    private final Consumer<TransferResult> results;
    private final Scheduler scheduler;
    private final CleanUp cleanUp;
    private final MultipartUploader uploader;
    private final RangedDownloader downloader;
    private final StreamTransfers streams;
    private final List<S3Uri> deleteQueue = new ArrayList<>();

    /**
     * @param describe the one-line message of a failure
     * @param warnings where lines the user must act on go (stderr): an upload that could not be aborted
     */
    public TransferEngine(S3Client s3, TransferConfig config, ObjectOptions options, Progress progress,
            Consumer<TransferResult> results, Function<Throwable, String> describe, Consumer<String> warnings) {
        this.s3 = s3;
        this.options = options;
        this.results = results;
        AtomicBoolean interrupted = new AtomicBoolean();
        this.scheduler = new Scheduler(config.maxConcurrency(), progress, results, describe, interrupted,
                BandwidthLimiter.of(config.maxBandwidth()));
        this.cleanUp = new CleanUp(s3, options, warnings, scheduler::describe, scheduler::shutdownNow, interrupted);
        this.uploader = new MultipartUploader(s3, config, options, progress, scheduler, cleanUp);
        this.downloader = new RangedDownloader(s3, config, options, progress, scheduler, cleanUp);
        this.streams = new StreamTransfers(s3, config, options, progress, scheduler, uploader, downloader);
    }

    /** Uploads a local file; {@code move} deletes the file once the object is complete. */
    public void upload(Path file, long size, S3Uri dst, String displaySrc, boolean move) {
        submit(size, () -> {
            uploader.uploadFile(file, size, dst);
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
            downloader.download(src, size, lastModified, etag, target);
            if (move) {
                scheduler.call(() -> s3.deleteObject(b -> b.bucket(src.bucket()).key(src.key()).applyMutation(options::onDelete)));
            }
            return new TransferResult.Done(move ? "move" : "download", src.toString(), displayDst, size);
        }, move ? "move" : "download", src.toString(), displayDst);
    }

    /** Copies an object within S3, server-side. */
    public void copy(S3Uri src, long size, S3Uri dst, boolean move) {
        submit(size, () -> {
            uploader.copyObject(src, size, dst);
            if (move) {
                scheduler.call(() -> s3.deleteObject(b -> b.bucket(src.bucket()).key(src.key()).applyMutation(options::onDelete)));
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

    /**
     * Uploads a stream of unknown length: buffered one part at a time (so memory is bounded by
     * {@code maxConcurrency} parts in flight), as one PUT when it fits in the first part.
     */
    public long uploadStream(InputStream in, S3Uri dst, Long expectedSize) throws Exception {
        cleanUp.ensureHook();
        return streams.upload(in, dst, expectedSize);
    }

    /**
     * Streams an object to {@code out} (cat, cp to -), verified against its checksum (by the SDK,
     * or by awsj when a broken body was resumed).
     */
    public long downloadStream(S3Uri src, OutputStream out) throws IOException {
        return streams.download(src, out);
    }

    private void submit(long size, Scheduler.Task task, String op, String src, String dst) {
        cleanUp.ensureHook();
        scheduler.submit(size, task, op, src, dst);
    }

    private void submitDeletes(List<S3Uri> batch) {
        cleanUp.ensureHook();
        scheduler.submitRaw(() -> deleteBatch(batch));
    }

    private void deleteBatch(List<S3Uri> batch) {
        Map<String, List<S3Uri>> byBucket = new LinkedHashMap<>();
        for (S3Uri u : batch) {
            byBucket.computeIfAbsent(u.bucket(), k -> new ArrayList<>()).add(u);
        }
        for (Map.Entry<String, List<S3Uri>> e : byBucket.entrySet()) {
            List<ObjectIdentifier> ids = new ArrayList<>();
            for (S3Uri u : e.getValue()) {
                ids.add(ObjectIdentifier.builder().key(u.key()).build());
            }
            try {
                DeleteObjectsResponse resp = scheduler.call(() -> s3.deleteObjects(b -> b.bucket(e.getKey())
                        .delete(Delete.builder().objects(ids).quiet(true).build()).applyMutation(options::onDeletes)));
                Map<String, String> errors = new HashMap<>();
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
                String msg = scheduler.describe(t);
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
        scheduler.awaitAll();
    }

    /** What the shutdown hook runs on Ctrl-C (see {@link CleanUp#onExit}). */
    void cleanUpOnExit() {
        cleanUp.onExit();
    }

    /** The most files queued or running at once (for tests: bounded whatever the listing's length). */
    int maxQueued() {
        return scheduler.maxOutstanding();
    }

    /** Parts stored of the open multipart uploads (for tests). */
    int storedParts() {
        return cleanUp.storedParts();
    }

    /** Open multipart uploads (for tests and diagnostics). */
    Set<String> openUploadIds() {
        return cleanUp.openUploadIds();
    }

    @Override
    public synchronized void close() {
        scheduler.shutdownNow();
        cleanUp.removeHook();
    }
}
