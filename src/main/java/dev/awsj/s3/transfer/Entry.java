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
 */
public record Entry(String relKey, long size, Instant lastModified, Path path, S3Uri uri, String etag) {
    public static Entry local(String relKey, long size, Instant lastModified, Path path) {
        return new Entry(relKey, size, lastModified, path, null, null);
    }

    public static Entry object(String relKey, long size, Instant lastModified, S3Uri uri, String etag) {
        return new Entry(relKey, size, lastModified, null, uri, etag);
    }

    public boolean isLocal() {
        return path != null;
    }

    /** How the user sees this entry in output lines: the path as typed, or the s3:// URI. */
    public String display() {
        return isLocal() ? path.toString() : uri.toString();
    }
}
