package dev.awsj.s3.transfer;

import java.util.ArrayList;
import java.util.List;

/**
 * Merge-joins two listings sorted in {@link KeyOrder}: one pass, no per-file requests. A source
 * entry missing at the destination is copied; one on both sides is copied when the strategy says
 * so; a destination entry missing at the source is deleted when {@code delete} is on.
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
        int i = 0;
        int j = 0;
        while (i < src.size() || j < dst.size()) {
            int c;
            if (i >= src.size()) {
                c = 1;
            } else if (j >= dst.size()) {
                c = -1;
            } else {
                c = KeyOrder.INSTANCE.compare(src.get(i).relKey(), dst.get(j).relKey());
            }
            if (c == 0) {
                if (strategy.shouldSync(src.get(i), dst.get(j))) {
                    out.add(new Decision(Decision.Kind.COPY, src.get(i), dst.get(j)));
                }
                i++;
                j++;
            } else if (c < 0) {
                out.add(new Decision(Decision.Kind.COPY, src.get(i), null));
                i++;
            } else {
                if (delete) {
                    out.add(new Decision(Decision.Kind.DELETE, null, dst.get(j)));
                }
                j++;
            }
        }
        return out;
    }
}
