package dev.awsj.s3.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.awsj.testing.Emulators;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;

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

    @Test
    void anS3ListingStaysOnePageAheadAndNoFurther() throws Exception {
        String bucket = "ahead-" + UUID.randomUUID().toString().substring(0, 8);
        AtomicInteger lists = new AtomicInteger();
        ExecutionInterceptor counter = new ExecutionInterceptor() {
            @Override
            public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                if (context.request() instanceof ListObjectsV2Request) {
                    lists.incrementAndGet();
                }
            }
        };
        try (S3Client s3 = TransferEngineInterruptTest.client(Emulators.s3Endpoint());
                S3Client counted = S3Client.builder().endpointOverride(URI.create(Emulators.s3Endpoint()))
                        .region(Region.US_EAST_1).forcePathStyle(true)
                        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                        .overrideConfiguration(c -> c.addExecutionInterceptor(counter)).build()) {
            s3.createBucket(b -> b.bucket(bucket));
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < 23; i++) {
                String key = "k" + (char) ('a' + i);
                s3.putObject(b -> b.bucket(bucket).key("p/" + key), RequestBody.fromString(key));
                expected.add(key);
            }
            // Pages of five: 5, 5, 5, 5, 3.
            S3Lister.Listing listing = new S3Lister(counted, Filters.NONE, b -> b.maxKeys(5)).iterate(bucket, "p/");
            try (listing) {
                // Before anything is used, the first page is parsed and waits, and the second is
                // fetched: two requests, and no third however long the command takes.
                await(() -> lists.get() == 2, "the listing fetches two pages ahead of use");
                Thread.sleep(300);
                assertEquals(2, lists.get(), "pages fetched before any was used");
                List<String> seen = new ArrayList<>();
                int used = 0;
                while (listing.hasNext()) {
                    Entry e = listing.next();
                    seen.add(e.relKey());
                    int pagesInUse = used / 5 + 1;
                    assertTrue(lists.get() <= pagesInUse + 2, lists.get() + " pages fetched with " + pagesInUse + " in use");
                    used++;
                }
                assertEquals(expected, seen);
                assertEquals(5, lists.get(), "pages fetched in all");
            }
        }
    }

    @Test
    void aListingThatFailsSaysSoWhereItsEntriesAreDueAndClosingStopsItsThread() throws Exception {
        String missing = "gone-" + UUID.randomUUID().toString().substring(0, 8);
        try (S3Client s3 = TransferEngineInterruptTest.client(Emulators.s3Endpoint())) {
            S3Lister.Listing failed = new S3Lister(s3, Filters.NONE).iterate(missing, "");
            assertThrows(NoSuchBucketException.class, failed::hasNext);
            failed.close();

            String bucket = "stop-" + UUID.randomUUID().toString().substring(0, 8);
            s3.createBucket(b -> b.bucket(bucket));
            for (int i = 0; i < 12; i++) {
                int n = i;
                s3.putObject(b -> b.bucket(bucket).key("k" + (char) ('a' + n)), RequestBody.fromString("x"));
            }
            // A command that stops after the first entry (a failed transfer, say): its listing's
            // thread, waiting to hand over the next page, ends.
            S3Lister.Listing listing = new S3Lister(s3, Filters.NONE, b -> b.maxKeys(2)).iterate(bucket, "");
            assertEquals("ka", listing.next().relKey());
            await(() -> listingThreads(bucket) == 1, "the listing's thread runs");
            listing.close();
            await(() -> listingThreads(bucket) == 0, "the listing's thread ends once it is closed");
            assertThrows(java.util.NoSuchElementException.class, listing::next, "a closed listing has nothing more");
        }
    }

    private static long listingThreads(String bucket) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("awsj-list s3://" + bucket + "/")).count();
    }

    private static void await(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "not within 20 s: " + what);
            Thread.sleep(20);
        }
    }
}
