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
 * Lists the objects below a prefix lazily, one page at a time: the next page is asked for when
 * the entries of the last one are used up. S3 returns keys in UTF-8 byte order, so the entries
 * merge-join with a local listing without sorting the whole listing.
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

    /**
     * Objects whose key starts with {@code prefix}, in key order; relKey is the rest of the key.
     * The first page is fetched here, so a missing bucket fails before anything moves.
     */
    public Iterator<Entry> iterate(String bucket, String prefix) {
        ListObjectsV2Request req = ListObjectsV2Request.builder().bucket(bucket).prefix(prefix.isEmpty() ? null : prefix)
                .applyMutation(request).build();
        Iterator<ListObjectsV2Response> pages = s3.listObjectsV2Paginator(req).iterator();
        Pages it = new Pages(bucket, prefix, pages);
        it.hasNext();
        return it;
    }

    private final class Pages implements Iterator<Entry> {
        private final String bucket;
        private final String prefix;
        private final Iterator<ListObjectsV2Response> pages;
        private Iterator<Entry> page = Collections.emptyIterator();
        private String lastKey;

        Pages(String bucket, String prefix, Iterator<ListObjectsV2Response> pages) {
            this.bucket = bucket;
            this.prefix = prefix;
            this.pages = pages;
        }

        @Override
        public boolean hasNext() {
            while (!page.hasNext() && pages.hasNext()) {
                page = entries(pages.next());
            }
            return page.hasNext();
        }

        private Iterator<Entry> entries(ListObjectsV2Response resp) {
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
            return entries.iterator();
        }

        @Override
        public Entry next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return page.next();
        }
    }

    static String unquote(String etag) {
        if (etag == null) {
            return null;
        }
        return etag.length() >= 2 && etag.startsWith("\"") && etag.endsWith("\"") ? etag.substring(1, etag.length() - 1) : etag;
    }
}
