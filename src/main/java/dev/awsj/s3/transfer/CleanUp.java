package dev.awsj.s3.transfer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.AbortMultipartUploadRequest;

/**
 * What must not outlive a transfer: open multipart uploads (aborted on failure) and temporary
 * download files (deleted). While transfers run, a shutdown hook (Ctrl-C, SIGTERM) does both; see
 * docs/s3-transfers.md, "Safety guarantees".
 */
final class CleanUp {
    /** How long Ctrl-C waits for a CreateMultipartUpload in flight to answer. */
    static final long CREATE_WAIT_NANOS = 15_000_000_000L;

    private final S3Client s3;
    private final ObjectOptions options;
    private final Consumer<String> warnings;
    private final Function<Throwable, String> describe;
    private final Runnable stopWorkers;
    private final AtomicBoolean interrupted;
    private final AtomicInteger creating = new AtomicInteger();
    private final Map<String, Open> openUploads = new ConcurrentHashMap<>();
    private final Set<Path> tempFiles = ConcurrentHashMap.newKeySet();
    private Thread shutdownHook;

    /** An open upload; a resumable one with parts stored is kept on Ctrl-C rather than aborted. */
    private record Open(S3Uri dst, boolean resumable, AtomicInteger stored) {
    }

    /**
     * @param warnings where an upload that could not be aborted is reported (stderr)
     * @param stopWorkers interrupts the worker threads once the open uploads are claimed
     * @param interrupted set here on Ctrl-C; the scheduler then sends no new request
     */
    CleanUp(S3Client s3, ObjectOptions options, Consumer<String> warnings, Function<Throwable, String> describe,
            Runnable stopWorkers, AtomicBoolean interrupted) {
        this.interrupted = interrupted;
        this.s3 = s3;
        this.options = options;
        this.warnings = warnings;
        this.describe = describe;
        this.stopWorkers = stopWorkers;
    }

    /** Registers the shutdown hook, once, when the first transfer starts. */
    synchronized void ensureHook() {
        if (shutdownHook == null) {
            shutdownHook = new Thread(this::onExit, "awsj-abort-transfers");
            try {
                Runtime.getRuntime().addShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // already shutting down: nothing to register
            }
        }
    }

    synchronized void removeHook() {
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException ignored) {
                // the JVM is exiting and the hook is running
            }
            shutdownHook = null;
        }
    }

    /** Marks a CreateMultipartUpload in flight: Ctrl-C waits for its answer. */
    void creating(boolean start) {
        if (start) {
            creating.incrementAndGet();
        } else {
            creating.decrementAndGet();
        }
    }

    /**
     * Registers an upload just created or resumed ({@code stored} parts already there); when Ctrl-C
     * came meanwhile, aborts it and throws.
     */
    void opened(String uploadId, S3Uri dst, boolean resumable, int stored) {
        openUploads.put(uploadId, new Open(dst, resumable, new AtomicInteger(stored)));
        if (interrupted.get()) {
            abort(uploadId, dst);
            throw AbortedException.create("Interrupted.");
        }
    }

    /** One more part of the upload is stored. */
    void partStored(String uploadId) {
        Open o = openUploads.get(uploadId);
        if (o != null) {
            o.stored().incrementAndGet();
        }
    }

    /** The upload completed: nothing to abort any more. */
    void completed(String uploadId) {
        openUploads.remove(uploadId);
    }

    boolean interrupted() {
        return interrupted.get();
    }

    void tempFile(Path p, boolean add) {
        if (add) {
            tempFiles.add(p);
        } else {
            tempFiles.remove(p);
        }
    }

    /**
     * Aborts an open upload once (whoever takes it off the open set aborts it); when that fails,
     * tells the user its id and the command that aborts it.
     */
    void abort(String uploadId, S3Uri dst) {
        if (openUploads.remove(uploadId) == null) {
            return;
        }
        abortClaimed(uploadId, dst);
    }

    /**
     * On Ctrl-C: a resumable upload with parts stored is kept, and the user told how to resume or
     * remove it; any other is aborted.
     */
    private void keepOrAbort(String uploadId, Open o) {
        int stored = o.stored().get();
        if (o.resumable() && stored > 0) {
            warnings.accept("Kept the unfinished upload of " + o.dst() + " (" + stored + " part" + (stored == 1 ? "" : "s")
                    + " stored): run the same command again to resume it, or remove it: " + abortLine(uploadId, o.dst()));
        } else {
            abortClaimed(uploadId, o.dst());
        }
    }

    private static String abortLine(String uploadId, S3Uri dst) {
        return "awsj s3api abort-multipart-upload --bucket " + dst.bucket() + " --key '" + dst.key().replace("'", "'\\''")
                + "' --upload-id " + uploadId;
    }

    private void abortClaimed(String uploadId, S3Uri dst) {
        try {
            s3.abortMultipartUpload(AbortMultipartUploadRequest.builder()
                    .bucket(dst.bucket()).key(dst.key()).uploadId(uploadId).applyMutation(options::onAbort).build());
        } catch (RuntimeException e) {
            warnings.accept("Could not abort the multipart upload of " + dst + " (" + describe.apply(e) + "); its parts are"
                    + " stored until it is aborted: " + abortLine(uploadId, dst));
        }
    }

    /**
     * On Ctrl-C: stop queued work, keep resumable uploads with parts stored and abort the other
     * open multipart uploads, delete temporary files. A create
     * still in flight is let finish first (bounded by {@link #CREATE_WAIT_NANOS}), not interrupted:
     * the service may already have made the upload, and only its id lets awsj abort it.
     */
    void onExit() {
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
        Map<String, Open> claimed = new HashMap<>();
        for (String id : List.copyOf(openUploads.keySet())) {
            Open o = openUploads.remove(id);
            if (o != null) {
                claimed.put(id, o);
            }
        }
        stopWorkers.run();
        claimed.forEach(this::keepOrAbort);
        for (Path p : tempFiles) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // best effort while the JVM exits
            }
        }
    }

    /** The parts stored of every open upload together (for tests). */
    int storedParts() {
        return openUploads.values().stream().mapToInt(o -> o.stored().get()).sum();
    }

    Set<String> openUploadIds() {
        return openUploads.keySet();
    }
}
