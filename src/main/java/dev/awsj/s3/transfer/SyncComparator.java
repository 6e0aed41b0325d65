package dev.awsj.s3.transfer;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;

/**
 * Merge-joins two listings sorted in {@link KeyOrder}: one pass, no per-file requests, one entry
 * of each side held at a time. A source entry missing at the destination is copied; one on both
 * sides is copied when the strategy says so; a destination entry missing at the source is deleted
 * when {@code delete} is on.
 */
public final class SyncComparator {
    /** COPY carries the source (and the destination entry when there is one); DELETE the destination. */
    public record Decision(Kind kind, Entry src, Entry dst) {
        public enum Kind { COPY, DELETE }
    }

    private final SyncStrategy strategy;
    private final boolean delete;

    public SyncComparator(SyncStrategy strategy, boolean delete) {
        this.strategy = strategy;
        this.delete = delete;
    }

    public List<Decision> compare(List<Entry> src, List<Entry> dst) {
        List<Decision> out = new ArrayList<>();
        compare(src.iterator(), dst.iterator(), out::add);
        return out;
    }

    /** Each decision goes to {@code decisions} as soon as it is made, in key order. */
    public void compare(Iterator<Entry> src, Iterator<Entry> dst, Consumer<Decision> decisions) {
        Entry s = src.hasNext() ? src.next() : null;
        Entry d = dst.hasNext() ? dst.next() : null;
        while (s != null || d != null) {
            int c = s == null ? 1 : d == null ? -1 : KeyOrder.INSTANCE.compare(s.relKey(), d.relKey());
            if (c == 0) {
                if (strategy.shouldSync(s, d)) {
                    decisions.accept(new Decision(Decision.Kind.COPY, s, d));
                }
                s = src.hasNext() ? src.next() : null;
                d = dst.hasNext() ? dst.next() : null;
            } else if (c < 0) {
                decisions.accept(new Decision(Decision.Kind.COPY, s, null));
                s = src.hasNext() ? src.next() : null;
            } else {
                if (delete) {
                    decisions.accept(new Decision(Decision.Kind.DELETE, null, d));
                }
                d = dst.hasNext() ? dst.next() : null;
            }
        }
    }
}
