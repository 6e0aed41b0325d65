package dev.awsj.s3.transfer;

import java.util.List;

/** The entries a listing found, in {@link KeyOrder}, and what it had to skip. */
public record Listing(List<Entry> entries, List<TransferResult.Skipped> skipped) {
    public long totalBytes() {
        long n = 0;
        for (Entry e : entries) {
            n += e.size();
        }
        return n;
    }
}
