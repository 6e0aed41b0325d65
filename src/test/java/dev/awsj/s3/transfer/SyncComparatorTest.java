package dev.awsj.s3.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyncComparatorTest {
    static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    static Entry local(String key, long size, Instant t) {
        return Entry.local(key, size, t, Path.of("/src").resolve(key));
    }

    static Entry object(String key, long size, Instant t) {
        return Entry.object(key, size, t, new S3Uri("b", key), null);
    }

    static List<String> describe(List<SyncComparator.Decision> ds) {
        List<String> out = new ArrayList<>();
        for (SyncComparator.Decision d : ds) {
            out.add(d.kind() + " " + (d.src() != null ? d.src().relKey() : d.dst().relKey()));
        }
        return out;
    }

    @Test
    void mergeJoinCopiesMissingChangedAndNewerAndDeletesExtra() {
        List<Entry> src = List.of(local("a", 1, T), local("b", 2, T), local("c", 3, T.plusSeconds(10)), local("e", 5, T));
        List<Entry> dst = List.of(object("b", 9, T), object("c", 3, T), object("d", 4, T), object("e", 5, T.plusSeconds(60)));
        assertEquals(List.of("COPY a", "COPY b", "COPY c", "DELETE d"),
                describe(new SyncComparator(SyncStrategy.SIZE_AND_TIME, true).compare(src, dst)));
        assertEquals(List.of("COPY a", "COPY b", "COPY c"),
                describe(new SyncComparator(SyncStrategy.SIZE_AND_TIME, false).compare(src, dst)));
        assertEquals(List.of("COPY a", "COPY b"),
                describe(new SyncComparator(SyncStrategy.SIZE_ONLY, false).compare(src, dst)));
        assertEquals(List.of("COPY a", "COPY b", "COPY c", "COPY e"),
                describe(new SyncComparator(SyncStrategy.EXACT_TIMESTAMPS, false).compare(src, dst)));
    }

    @Test
    void subSecondDifferencesDoNotCount() {
        Entry s = local("a", 1, T.plusMillis(900));
        Entry d = object("a", 1, T);
        assertEquals(List.of(), new SyncComparator(SyncStrategy.SIZE_AND_TIME, false).compare(List.of(s), List.of(d)));
    }

    @Test
    void keyOrderIsUtf8ByteOrder() {
        List<String> keys = new ArrayList<>(List.of("a/b", "a.txt", "a", "\uFF21", "\uD83D\uDE00", "B", "a-b"));
        keys.sort(KeyOrder.INSTANCE);
        // '-' 0x2D < '.' 0x2E < '/' 0x2F; U+FF21 (EF BC A1) < U+1F600 (F0 9F 98 80) in UTF-8
        assertEquals(List.of("B", "a", "a-b", "a.txt", "a/b", "\uFF21", "\uD83D\uDE00"), keys);
        List<String> bytes = new ArrayList<>(keys);
        bytes.sort((x, y) -> java.util.Arrays.compareUnsigned(x.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                y.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals(bytes, keys);
        assertTrue("\uFF21".compareTo("\uD83D\uDE00") > 0, "String.compareTo would get this pair wrong");
    }
}
