package dev.awsj.s3.transfer;

import dev.awsj.core.AwsjException;

/** An {@code s3://bucket/key} location; the key may be empty (the bucket's root) or a prefix. */
public record S3Uri(String bucket, String key) {
    public static final String SCHEME = "s3://";

    public static boolean isS3(String location) {
        return location != null && location.regionMatches(true, 0, SCHEME, 0, SCHEME.length());
    }

    /** Parses {@code s3://bucket[/key]}; a missing bucket is a usage error (252). */
    public static S3Uri parse(String location) {
        if (!isS3(location)) {
            throw AwsjException.usage("Not an S3 location: \"" + location + "\". Give s3://bucket/key");
        }
        String rest = location.substring(SCHEME.length());
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String key = slash < 0 ? "" : rest.substring(slash + 1);
        if (bucket.isEmpty()) {
            throw AwsjException.usage("No bucket in \"" + location + "\". Give s3://bucket/key");
        }
        return new S3Uri(bucket, key);
    }

    /** The same bucket, another key. */
    public S3Uri withKey(String newKey) {
        return new S3Uri(bucket, newKey);
    }

    /** The last segment of the key (the "file name"); empty for a prefix ending in '/'. */
    public String baseName() {
        int slash = key.lastIndexOf('/');
        return slash < 0 ? key : key.substring(slash + 1);
    }

    /** Whether the key names a folder-like prefix: empty or ending in '/'. */
    public boolean isPrefix() {
        return key.isEmpty() || key.endsWith("/");
    }

    /** The key as a prefix for recursive operations: empty or ending in '/'. */
    public String dirPrefix() {
        return key.isEmpty() || key.endsWith("/") ? key : key + "/";
    }

    @Override
    public String toString() {
        return SCHEME + bucket + "/" + key;
    }
}
