package dev.awsj.s3.transfer;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * The pages of a listing, fetched one ahead on a thread of their own: while the command works
 * through a page, the next is asked for and parsed, so the wait for S3 overlaps the work (the
 * local walk, the comparison, the transfers, the printing). What is held does not grow with the
 * listing: the page in use, one waiting and the one being fetched. A failure is thrown by
 * {@link #hasNext} where the page that failed is due; closing stops the thread (a command that ends
 * early). Used by every S3 listing: {@link S3Lister} and {@code s3 ls}.
 *
 * @param <T> a page
 */
public final class PagesAhead<T> implements Iterator<T>, AutoCloseable {
    /** Pages fetched and waiting for the command: one, so the listing stays a page ahead. */
    static final int AHEAD = 1;

    /** The end of the listing, in the queue. */
    private static final Object END = new Object();

    private final String what;
    private final Iterator<T> source;
    private final BlockingQueue<Object> ready = new ArrayBlockingQueue<>(AHEAD);
    private final Thread fetcher;
    private volatile boolean closed;
    private Object next;
    private boolean ended;

    private PagesAhead(String what, Iterator<T> source) {
        this.what = what;
        this.source = source;
        this.fetcher = new Thread(this::fetch, "awsj-list " + what);
        fetcher.setDaemon(true);
    }

    /**
     * Starts fetching the pages of {@code source} (whose {@code hasNext}/{@code next} make the
     * requests) at once.
     *
     * @param what the listing in words (s3://bucket/prefix), for the thread's name and errors
     */
    public static <T> PagesAhead<T> start(String what, Iterator<T> source) {
        PagesAhead<T> pages = new PagesAhead<>(what, source);
        pages.fetcher.start();
        return pages;
    }

    /** The listing's thread: every page, then END; or what failed. */
    private void fetch() {
        try {
            while (source.hasNext()) {
                if (!hand(source.next())) {
                    return;
                }
            }
            hand(END);
        } catch (RuntimeException | Error e) {
            hand(e);
        }
    }

    /** Puts {@code item} in the queue when there is room; false once the listing is closed. */
    private boolean hand(Object item) {
        try {
            while (!closed) {
                if (ready.offer(item, 100, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    @Override
    public boolean hasNext() {
        if (next == null && !ended) {
            Object item;
            try {
                item = ready.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw SdkClientException.create("Listing " + what + " was interrupted");
            }
            if (item == END) {
                ended = true;
            } else if (item instanceof RuntimeException e) {
                ended = true;
                throw e;
            } else if (item instanceof Error e) {
                ended = true;
                throw e;
            } else {
                next = item;
            }
        }
        return next != null;
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        @SuppressWarnings("unchecked")
        T page = (T) next;
        next = null;
        return page;
    }

    @Override
    public void close() {
        ended = true;
        next = null;
        closed = true;
    }
}
