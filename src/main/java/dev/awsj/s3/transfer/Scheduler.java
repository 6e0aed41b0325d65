package dev.awsj.s3.transfer;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.AbortedException;

/**
 * Where work runs: two bounded thread pools (whole files, and the parts of large ones), at most
 * {@code maxConcurrency} requests in flight ({@link #call}), a bounded queue of files in front of
 * them, and every file's outcome turned into a {@link TransferResult}.
 */
final class Scheduler {
    /** A file's work: its result, or an exception that becomes a {@link TransferResult.Failed}. */
    interface Task {
        TransferResult run() throws Exception;
    }

    /** The work of one part or range. */
    interface Part<T> {
        T run(int index) throws Exception;
    }

    /** Files queued per worker: the next ones are ready when a worker frees up. */
    static final int QUEUE_PER_WORKER = 4;

    private final ExecutorService files;
    private final ExecutorService parts;
    private final Semaphore requests;
    private final Progress progress;
    private final Consumer<TransferResult> results;
    private final Function<Throwable, String> describe;
    private final AtomicBoolean interrupted;
    /** max_bandwidth, shared by every body this command moves. */
    final BandwidthLimiter bandwidth;
    /** Files waiting or running at most: enough to keep every worker busy, and no more. */
    private final int queueLimit;
    private final Semaphore queue;
    private int outstanding;
    private int maxOutstanding;

    /**
     * @param interrupted set on Ctrl-C: no new request goes out once it is
     */
    Scheduler(int maxConcurrency, Progress progress, Consumer<TransferResult> results,
            Function<Throwable, String> describe, AtomicBoolean interrupted, BandwidthLimiter bandwidth) {
        this.bandwidth = bandwidth;
        this.files = Executors.newFixedThreadPool(maxConcurrency, daemon("awsj-file"));
        this.parts = Executors.newFixedThreadPool(maxConcurrency, daemon("awsj-part"));
        this.requests = new Semaphore(maxConcurrency);
        this.queueLimit = QUEUE_PER_WORKER * maxConcurrency;
        this.queue = new Semaphore(queueLimit);
        this.progress = progress;
        this.results = results;
        this.describe = describe;
        this.interrupted = interrupted;
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * Runs one file's task on the file pool; its result (or failure) goes to the results. Blocks
     * while {@link #queueLimit} files are already waiting or running, so a listing of any length
     * is consumed only as fast as files move.
     */
    void submit(long size, Task task, String op, String src, String dst) {
        progress.addExpected(size, 1);
        enqueue(() -> {
            TransferResult r;
            try {
                r = task.run();
            } catch (Throwable e) {
                r = new TransferResult.Failed(op, src, dst, describe(e));
            }
            progress.fileDone();
            results.accept(r);
        });
    }

    /** Runs work that reports its own results (a batch of deletes) on the file pool. */
    void submitRaw(Runnable work) {
        enqueue(work);
    }

    private void enqueue(Runnable work) {
        try {
            queue.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw AbortedException.create("Interrupted.");
        }
        synchronized (this) {
            outstanding++;
            maxOutstanding = Math.max(maxOutstanding, outstanding);
        }
        try {
            files.execute(() -> {
                try {
                    work.run();
                } finally {
                    finished();
                }
            });
        } catch (RejectedExecutionException e) {
            finished(); // shut down by Ctrl-C: the work never runs
        }
    }

    /** Counted down before the permit is released, so that outstanding never exceeds the limit. */
    private void finished() {
        synchronized (this) {
            if (--outstanding == 0) {
                notifyAll();
            }
        }
        queue.release();
    }

    /**
     * Runs {@code count} parts in parallel on the part pool and returns their values in order.
     * Once one fails, the parts not yet started are cancelled; the first real failure (not a
     * cancellation) is thrown.
     */
    <T> List<T> runParts(int count, Part<T> part) throws Exception {
        AtomicBoolean failed = new AtomicBoolean();
        List<Future<T>> futures = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int index = i;
            futures.add(parts.submit(() -> {
                if (failed.get() || interrupted.get()) {
                    throw new CancellationException("cancelled after another part failed");
                }
                try {
                    return part.run(index);
                } catch (Exception e) {
                    failed.set(true);
                    throw e;
                }
            }));
        }
        return collect(futures);
    }

    /** Submits one part to the part pool (a stream's parts, submitted as they are read). */
    <T> Future<T> submitPart(java.util.concurrent.Callable<T> part) {
        return parts.submit(part);
    }

    /** The values of {@code futures} in order; the first real failure is thrown. */
    static <T> List<T> collect(List<Future<T>> futures) throws Exception {
        List<T> done = new ArrayList<>(futures.size());
        ExecutionException first = null;
        for (Future<T> f : futures) {
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
        return done;
    }

    /**
     * One request under the concurrency limit. Not retried here: the SDK's retry strategy
     * ({@code max_attempts}, {@code retry_mode}) already retried it. What the SDK cannot retry, a
     * body that breaks while awsj reads it, is resumed by {@link RangedDownloader}.
     */
    <T> T call(Supplier<T> request) {
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

    /** Waits for everything submitted so far. */
    synchronized void awaitAll() {
        while (outstanding > 0) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** The most files that were waiting or running at once (for tests: the queue is bounded). */
    synchronized int maxOutstanding() {
        return maxOutstanding;
    }

    /** The one-line message of a failure, unwrapped from the layers the pools add. */
    String describe(Throwable e) {
        Throwable t = e;
        while ((t instanceof UncheckedIOException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return describe.apply(t);
    }

    void shutdownNow() {
        files.shutdownNow();
        parts.shutdownNow();
    }
}
