package dev.awsj.documents;

import dev.awsj.core.AwsjException;
import dev.awsj.core.ExitCodes;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs work items concurrently and hands their results to a sink in input order, as soon as each
 * result and all before it are done. At most {@code 2 × concurrency} results wait in memory.
 * An exception thrown by the work (not a per-item error result) stops the run and is rethrown.
 */
public final class OrderedBatch {
    /** Calls at once against one service: enough to hide latency, few enough to avoid throttling. */
    public static final int DEFAULT_CONCURRENCY = 8;

    private OrderedBatch() {
    }

    public static <T, R> void run(List<T> items, int concurrency, Function<T, R> work, Consumer<R> sink) {
        if (items.isEmpty()) {
            return;
        }
        if (items.size() == 1) {
            sink.accept(work.apply(items.get(0)));
            return;
        }
        int threads = Math.max(1, Math.min(concurrency, items.size()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "awsj-batch");
            t.setDaemon(true);
            return t;
        });
        Deque<Future<R>> window = new ArrayDeque<>();
        Iterator<T> it = items.iterator();
        try {
            while (it.hasNext() || !window.isEmpty()) {
                while (it.hasNext() && window.size() < threads * 2) {
                    T item = it.next();
                    window.add(pool.submit(() -> work.apply(item)));
                }
                sink.accept(window.removeFirst().get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AwsjException(ExitCodes.INTERRUPTED, "Interrupted.", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error er) {
                throw er;
            }
            throw new IllegalStateException(cause);
        } finally {
            pool.shutdownNow();
        }
    }
}
