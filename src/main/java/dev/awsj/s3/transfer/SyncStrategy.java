package dev.awsj.s3.transfer;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Decides whether a file present on both sides of a sync must be copied again. Times are
 * compared at whole seconds: S3's LastModified has no finer resolution.
 */
public interface SyncStrategy {
    boolean shouldSync(Entry src, Entry dst);

    /** The AWS CLI's default: the size differs or the source is newer. */
    SyncStrategy SIZE_AND_TIME = (src, dst) -> src.size() != dst.size()
            || seconds(src.lastModified()).isAfter(seconds(dst.lastModified()));

    /** {@code --size-only}. */
    SyncStrategy SIZE_ONLY = (src, dst) -> src.size() != dst.size();

    /** {@code --exact-timestamps}: the size or the time differs, either way. */
    SyncStrategy EXACT_TIMESTAMPS = (src, dst) -> src.size() != dst.size()
            || !seconds(src.lastModified()).equals(seconds(dst.lastModified()));

    /** {@code --no-overwrite}: what exists at the destination is never copied again. */
    SyncStrategy NEVER = (src, dst) -> false;

    static Instant seconds(Instant t) {
        return t == null ? Instant.EPOCH : t.truncatedTo(ChronoUnit.SECONDS);
    }
}
