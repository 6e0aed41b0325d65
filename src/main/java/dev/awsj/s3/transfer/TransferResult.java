package dev.awsj.s3.transfer;

/** What became of one file or object: each one ends as exactly one of these. */
public sealed interface TransferResult {
    /** upload, download, copy, move or delete that completed (or would, with --dryrun). */
    record Done(String op, String source, String destination, long bytes) implements TransferResult {
    }

    record Failed(String op, String source, String destination, String error) implements TransferResult {
    }

    /** Not attempted: unreadable or special file, or a key that would land outside the destination. */
    record Skipped(String source, String reason) implements TransferResult {
    }
}
