package dev.awsj.s3.transfer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Lists the objects below a prefix, every page. S3 returns keys in UTF-8 byte order already, so
 * the result merge-joins with a local listing without sorting.
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

    /** Objects whose key starts with {@code prefix}; relKey is the rest of the key. */
    public Listing list(String bucket, String prefix) {
        List<Entry> entries = new ArrayList<>();
        ListObjectsV2Request req = ListObjectsV2Request.builder().bucket(bucket).prefix(prefix.isEmpty() ? null : prefix)
                .applyMutation(request).build();
        for (ListObjectsV2Response page : s3.listObjectsV2Paginator(req)) {
            for (S3Object o : page.contents()) {
                String rel = o.key().substring(prefix.length());
                if (rel.isEmpty() || !filters.includes(rel)) {
                    continue;
                }
                entries.add(Entry.object(rel, o.size() == null ? 0 : o.size(), o.lastModified(),
                        new S3Uri(bucket, o.key()), unquote(o.eTag()), o.storageClassAsString(), null));
            }
        }
        // Emulators are not always as strict as S3 about order; the merge-join needs it.
        entries.sort((a, b) -> KeyOrder.INSTANCE.compare(a.relKey(), b.relKey()));
        return new Listing(entries, List.of());
    }

    static String unquote(String etag) {
        if (etag == null) {
            return null;
        }
        return etag.length() >= 2 && etag.startsWith("\"") && etag.endsWith("\"") ? etag.substring(1, etag.length() - 1) : etag;
    }
}
