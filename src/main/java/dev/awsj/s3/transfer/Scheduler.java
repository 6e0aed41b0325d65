package dev.awsj.s3.transfer;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
 * {@code maxConcurrency} requests in flight ({@link #call}), and every file's outcome turned into a
 * {@link TransferResult}.
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

    private final ExecutorService files;
    private final ExecutorService parts;
    private final Semaphore requests;
    private final Progress progress;
    private final Consumer<TransferResult> results;
    private final Function<Throwable, String> describe;
    private final AtomicBoolean interrupted;
    private final List<Future<?>> pending = new ArrayList<>();

    /**
     * @param interrupted set on Ctrl-C: no new request goes out once it is
     */
    Scheduler(int maxConcurrency, Progress progress, Consumer<TransferResult> results,
            Function<Throwable, String> describe, AtomicBoolean interrupted) {
        this.files = Executors.newFixedThreadPool(maxConcurrency, daemon("awsj-file"));
        this.parts = Executors.newFixedThreadPool(maxConcurrency, daemon("awsj-part"));
        this.requests = new Semaphore(maxConcurrency);
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

    /** Runs one file's task on the file pool; its result (or failure) goes to the results. */
    void submit(long size, Task task, String op, String src, String dst) {
        progress.addExpected(size, 1);
        track(files.submit(() -> {
            TransferResult r;
            try {
                r = task.run();
            } catch (Throwable e) {
                r = new TransferResult.Failed(op, src, dst, describe(e));
            }
            progress.fileDone();
            results.accept(r);
        }));
    }

    /** Runs work that reports its own results (a batch of deletes) on the file pool. */
    void submitRaw(Runnable work) {
        track(files.submit(work));
    }

    private void track(Future<?> f) {
        synchronized (pending) {
            pending.add(f);
        }
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

    /** Waits for everything submitted so far (and what that work submits in turn). */
    void awaitAll() {
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
