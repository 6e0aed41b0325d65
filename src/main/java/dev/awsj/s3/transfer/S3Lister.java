package dev.awsj.s3.transfer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Lists the objects below a prefix lazily, a page at a time, one page ahead: a thread of the
 * listing asks for the next page while the command works through the last one, so the wait for
 * S3 (and the parsing of its answer) overlaps the local walk, the comparison and the transfers
 * (docs/s3-transfers.md, "How sync decides"). What is held does not grow with the listing: the page in
 * use, one parsed page waiting and the one being fetched. S3 returns keys in UTF-8 byte order, so
 * the entries merge-join with a local listing without sorting the whole listing.
 */
public final class S3Lister {
    /** Pages parsed and waiting for the command: one, so the listing stays a page ahead. */
    static final int PAGES_AHEAD = 1;

    private final S3Client s3;
    private final Filters filters;

    private final Consumer<ListObjectsV2Request.Builder> request;

    public S3Lister(S3Client s3, Filters filters) {
        this(s3, filters, b -> { });
    }

    /** @param request what the line adds to each listing request ({@code --page-size}, {@code --request-payer}) */
    public S3Lister(S3Client s3, Filters filters, Consumer<ListObjectsV2Request.Builder> request) {
        this.s3 = s3;
        this.filters = filters;
        this.request = request;
    }

    /** A listing in key order; closing it stops its thread (a command that ends early). */
    public interface Listing extends Iterator<Entry>, AutoCloseable {
        @Override
        void close();
    }

    /**
     * Objects whose key starts with {@code prefix}, in key order; relKey is the rest of the key.
     * The first page is asked for at once. A failure of any page (a missing bucket, denied access)
     * is thrown by {@code hasNext} where that page is due, before the entries after it are used.
     */
    public Listing iterate(String bucket, String prefix) {
        ListObjectsV2Request req = ListObjectsV2Request.builder().bucket(bucket).prefix(prefix.isEmpty() ? null : prefix)
                .applyMutation(request).build();
        Pages pages = new Pages(bucket, prefix, req);
        pages.start();
        return pages;
    }

    /** The end of a listing, in the queue of pages. */
    private static final Object END = new Object();

    private final class Pages implements Listing {
        private final String bucket;
        private final String prefix;
        private final ListObjectsV2Request request;
        private final BlockingQueue<Object> ready = new ArrayBlockingQueue<>(PAGES_AHEAD);
        private final Thread fetcher;
        private Iterator<Entry> page = Collections.emptyIterator();
        private boolean ended;
        private volatile boolean closed;
        private String lastKey;

        Pages(String bucket, String prefix, ListObjectsV2Request request) {
            this.bucket = bucket;
            this.prefix = prefix;
            this.request = request;
            this.fetcher = new Thread(this::fetch, "awsj-list " + bucket);
            fetcher.setDaemon(true);
        }

        void start() {
            fetcher.start();
        }

        /** The listing's thread: every page, parsed into entries, then END; or what failed. */
        private void fetch() {
            try {
                for (ListObjectsV2Response resp : s3.listObjectsV2Paginator(request)) {
                    if (!hand(entries(resp))) {
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
            while (!page.hasNext() && !ended) {
                Object next;
                try {
                    next = ready.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw SdkClientException.create("Listing s3://" + bucket + "/" + prefix + " was interrupted");
                }
                if (next == END) {
                    ended = true;
                } else if (next instanceof RuntimeException e) {
                    ended = true;
                    throw e;
                } else if (next instanceof Error e) {
                    ended = true;
                    throw e;
                } else {
                    @SuppressWarnings("unchecked")
                    List<Entry> entries = (List<Entry>) next;
                    page = entries.iterator();
                }
            }
            return page.hasNext();
        }

        private List<Entry> entries(ListObjectsV2Response resp) {
            List<Entry> entries = new ArrayList<>(resp.contents().size());
            for (S3Object o : resp.contents()) {
                String rel = o.key().substring(prefix.length());
                if (rel.isEmpty() || !filters.includes(rel)) {
                    continue;
                }
                entries.add(Entry.object(rel, o.size() == null ? 0 : o.size(), o.lastModified(),
                        new S3Uri(bucket, o.key()), unquote(o.eTag()), o.storageClassAsString(), null));
            }
            // Emulators are not always as strict as S3 about order within a page; the merge-join
            // needs it, and across pages it can only be checked.
            entries.sort((a, b) -> KeyOrder.INSTANCE.compare(a.relKey(), b.relKey()));
            if (!entries.isEmpty()) {
                String first = entries.get(0).relKey();
                if (lastKey != null && KeyOrder.INSTANCE.compare(first, lastKey) <= 0) {
                    throw SdkClientException.create("The listing of s3://" + bucket + "/" + prefix
                            + " is not in key order (" + prefix + first + " came after " + prefix + lastKey + ")");
                }
                lastKey = entries.get(entries.size() - 1).relKey();
            }
            return entries;
        }

        @Override
        public Entry next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return page.next();
        }

        @Override
        public void close() {
            ended = true;
            page = Collections.emptyIterator();
            closed = true;
        }
    }

    static String unquote(String etag) {
        if (etag == null) {
            return null;
        }
        return etag.length() >= 2 && etag.startsWith("\"") && etag.endsWith("\"") ? etag.substring(1, etag.length() - 1) : etag;
    }
}
