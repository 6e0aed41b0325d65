package dev.awsj.s3.transfer;

import java.nio.file.Path;
import java.time.Instant;

/**
 * One file or object found by a listing. {@code relKey} is the path below the listing's root with
 * '/' separators: the key on which source and destination are merge-joined.
 *
 * @param path the local file, or null for an object
 * @param uri the object, or null for a local file
 * @param etag the object's ETag without quotes, or null
 * @param archived an object in GLACIER or DEEP_ARCHIVE not restored: it cannot be read
 */
public record Entry(String relKey, long size, Instant lastModified, Path path, S3Uri uri, String etag, boolean archived) {
    public static Entry local(String relKey, long size, Instant lastModified, Path path) {
        return new Entry(relKey, size, lastModified, path, null, null, false);
    }

    public static Entry object(String relKey, long size, Instant lastModified, S3Uri uri, String etag) {
        return new Entry(relKey, size, lastModified, null, uri, etag, false);
    }

    /**
     * An object, marked archived as the AWS CLI decides it: storage class GLACIER or DEEP_ARCHIVE and
     * no finished restore ({@code restore} is HeadObject's x-amz-restore; a listing has none).
     */
    public static Entry object(String relKey, long size, Instant lastModified, S3Uri uri, String etag,
            String storageClass, String restore) {
        boolean archived = ("GLACIER".equals(storageClass) || "DEEP_ARCHIVE".equals(storageClass))
                && (restore == null || !restore.contains("ongoing-request=\"false\""));
        return new Entry(relKey, size, lastModified, null, uri, etag, archived);
    }

    public boolean isLocal() {
        return path != null;
    }

    /** How the user sees this entry in output lines: the path as typed, or the s3:// URI. */
    public String display() {
        return isLocal() ? path.toString() : uri.toString();
    }
}
