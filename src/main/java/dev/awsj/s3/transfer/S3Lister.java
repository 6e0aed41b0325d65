package dev.awsj.s3.transfer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Consumer;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Lists the objects below a prefix lazily, a page at a time, one page ahead ({@link PagesAhead}):
 * the next page is fetched and turned into entries while the command works through the last, so
 * the wait for S3 overlaps the local walk, the comparison and the transfers. S3 returns keys in
 * UTF-8 byte order, so the entries merge-join with a local listing without sorting the whole
 * listing.
 */
public final class S3Lister {
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
        Iterator<ListObjectsV2Response> responses = s3.listObjectsV2Paginator(req).iterator();
        // Turned into entries on the listing's thread: the parsing and the sort overlap too.
        Iterator<List<Entry>> pages = new Iterator<>() {
            private String lastKey;

            @Override
            public boolean hasNext() {
                return responses.hasNext();
            }

            @Override
            public List<Entry> next() {
                List<Entry> entries = entries(bucket, prefix, responses.next());
                if (!entries.isEmpty()) {
                    String first = entries.get(0).relKey();
                    // Across pages the order can only be checked (see entries()).
                    if (lastKey != null && KeyOrder.INSTANCE.compare(first, lastKey) <= 0) {
                        throw SdkClientException.create("The listing of s3://" + bucket + "/" + prefix
                                + " is not in key order (" + prefix + first + " came after " + prefix + lastKey + ")");
                    }
                    lastKey = entries.get(entries.size() - 1).relKey();
                }
                return entries;
            }
        };
        return new Entries(PagesAhead.start("s3://" + bucket + "/" + prefix, pages));
    }

    private List<Entry> entries(String bucket, String prefix, ListObjectsV2Response resp) {
        List<Entry> entries = new ArrayList<>(resp.contents().size());
        for (S3Object o : resp.contents()) {
            String rel = o.key().substring(prefix.length());
            if (rel.isEmpty() || !filters.includes(rel)) {
                continue;
            }
            entries.add(Entry.object(rel, o.size() == null ? 0 : o.size(), o.lastModified(),
                    new S3Uri(bucket, o.key()), unquote(o.eTag()), o.storageClassAsString(), null));
        }
        // Emulators are not always as strict as S3 about order within a page; the merge-join needs it.
        entries.sort((a, b) -> KeyOrder.INSTANCE.compare(a.relKey(), b.relKey()));
        return entries;
    }

    /** The entries of the pages, one after the other. */
    private static final class Entries implements Listing {
        private final PagesAhead<List<Entry>> pages;
        private Iterator<Entry> page = Collections.emptyIterator();

        Entries(PagesAhead<List<Entry>> pages) {
            this.pages = pages;
        }

        @Override
        public boolean hasNext() {
            while (!page.hasNext() && pages.hasNext()) {
                page = pages.next().iterator();
            }
            return page.hasNext();
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
            page = Collections.emptyIterator();
            pages.close();
        }
    }

    static String unquote(String etag) {
        if (etag == null) {
            return null;
        }
        return etag.length() >= 2 && etag.startsWith("\"") && etag.endsWith("\"") ? etag.substring(1, etag.length() - 1) : etag;
    }
}
