package dev.awsj.s3.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.awsj.testing.Emulators;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The pipeline streams: listings are read a folder or a page at a time, and files are handed to the
 * workers through a bounded queue, so what is held at once does not grow with the number of files.
 */
class StreamingPipelineTest {

    @Test
    void localListingIsInKeyOrderAndHoldsOneFolderAtATime(@TempDir Path dir) throws Exception {
        List<String> expected = new ArrayList<>();
        // Names whose order depends on a folder sorting as "name/": '-' and '.' before '/', '0' after.
        for (String top : List.of("a", "a-b", "a.txt", "a0")) {
            Files.writeString(dir.resolve(top + ".f"), "x");
            expected.add(top + ".f");
        }
        for (int d = 0; d < 40; d++) {
            Path sub = Files.createDirectories(dir.resolve("a").resolve("d" + d));
            for (int f = 0; f < 30; f++) {
                Files.writeString(sub.resolve("f" + f), "x");
                expected.add("a/d" + d + "/f" + f);
            }
        }
        Files.writeString(Files.createDirectories(dir.resolve("a-b")).resolve("z"), "x");
        expected.add("a-b/z");
        expected.sort(KeyOrder.INSTANCE);

        List<TransferResult.Skipped> skipped = new ArrayList<>();
        Iterator<Entry> walk = new LocalLister(Filters.NONE).iterate(dir, skipped::add);
        List<String> seen = new ArrayList<>();
        walk.forEachRemaining(e -> seen.add(e.relKey()));

        assertEquals(expected, seen);
        assertEquals(List.of(), skipped);
        // 1,205 files; at most the root's, a's and one d*'s names are held at once.
        int held = LocalLister.maxHeld(walk);
        assertTrue(held <= 6 + 40 + 30, "names held at once: " + held);
    }

    @Test
    void filesReachTheWorkersThroughABoundedQueue(@TempDir Path dir) throws Exception {
        int files = 300;
        for (int i = 0; i < files; i++) {
            Files.writeString(dir.resolve("f" + i), "file " + i);
        }
        String bucket = "pipe-" + UUID.randomUUID().toString().substring(0, 8);
        try (S3Client s3 = TransferEngineInterruptTest.client(Emulators.s3Endpoint())) {
            s3.createBucket(b -> b.bucket(bucket));
            List<TransferResult> results = new CopyOnWriteArrayList<>();
            int workers = 2;
            try (TransferEngine engine = new TransferEngine(s3, new TransferConfig(workers, 5L << 20, 5L << 20),
                    ObjectOptions.NONE, Progress.disabled(), results::add, Throwable::toString, System.err::println)) {
                Iterator<Entry> walk = new LocalLister(Filters.NONE).iterate(dir, r -> { });
                while (walk.hasNext()) {
                    Entry e = walk.next();
                    engine.upload(e.path(), e.size(), new S3Uri(bucket, e.relKey()), e.display(), false);
                }
                engine.awaitAll();
                assertTrue(engine.maxQueued() <= Scheduler.QUEUE_PER_WORKER * workers,
                        "files queued at once: " + engine.maxQueued());
            }
            assertEquals(files, results.stream().filter(r -> r instanceof TransferResult.Done).count(), results.toString());
            int listed = 0;
            for (var page : s3.listObjectsV2Paginator(b -> b.bucket(bucket))) {
                listed += page.contents().size();
            }
            assertEquals(files, listed);
        }
    }
}
