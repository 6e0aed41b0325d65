package dev.awsj.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsj.json.SdkJson;
import dev.awsj.testing.AwsjRun;
import dev.awsj.testing.AwsjRun.Result;
import dev.awsj.testing.Emulators;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The curated `awsj s3` commands against S3Mock: what a user checks — bytes, JSON, exit codes, files. */
class S3CommandsTest {
    static Map<String, String> env;
    static String bucket;

    @BeforeAll
    static void start() throws Exception {
        env = AwsjRun.env(Emulators.s3Endpoint());
        // Small parts keep S3Mock's slow multipart path quick.
        Path config = Path.of(env.get("AWS_CONFIG_FILE"));
        Files.createDirectories(config.getParent());
        Files.writeString(config, "[default]\ns3 =\n  multipart_threshold = 5MB\n  multipart_chunksize = 5MB\n");
        bucket = newBucket();
    }

    static String newBucket() {
        String b = "s3c-" + UUID.randomUUID().toString().substring(0, 8);
        Result r = run("s3", "mb", "s3://" + b);
        assertEquals(0, r.exitCode(), r.toString());
        return b;
    }

    static Result run(String... args) {
        return AwsjRun.run(env, args);
    }

    static JsonNode json(Result r) throws Exception {
        assertEquals(0, r.exitCode(), r.toString());
        return SdkJson.MAPPER.readTree(r.out());
    }

    static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    static JsonNode head(String b, String key) throws Exception {
        return json(run("s3api", "head-object", "--bucket", b, "--key", key));
    }

    static List<String> keys(String b) throws Exception {
        JsonNode j = json(run("s3", "ls", "s3://" + b, "--recursive"));
        List<String> keys = new ArrayList<>();
        for (JsonNode o : j.get("Contents")) {
            keys.add(o.get("Key").asText());
        }
        return keys;
    }

    // ---- mb / ls / rb ----------------------------------------------------------------------

    @Test
    void mbListsAndRbRemovesABucket() throws Exception {
        String b = newBucket();
        JsonNode buckets = json(run("s3", "ls"));
        assertTrue(buckets.get("Buckets").toString().contains("\"" + b + "\""), buckets.toString());
        Result text = run("s3", "ls", "--output", "text");
        assertTrue(text.out().lines().anyMatch(l -> l.matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d " + b)), text.out());
        Result rb = run("s3", "rb", "s3://" + b, "--output", "text");
        assertEquals(0, rb.exitCode(), rb.toString());
        assertEquals("remove_bucket: " + b + "\n", rb.out());
        assertFalse(json(run("s3", "ls")).toString().contains("\"" + b + "\""));
    }

    @Test
    void rbForceEmptiesTheBucketFirst(@TempDir Path dir) throws Exception {
        String b = newBucket();
        Files.writeString(dir.resolve("a.txt"), "a");
        Files.writeString(dir.resolve("b.txt"), "b");
        assertEquals(0, run("s3", "cp", dir.toString(), "s3://" + b + "/x/", "--recursive").exitCode());
        Result plain = run("s3", "rb", "s3://" + b);
        assertEquals(254, plain.exitCode(), plain.toString());
        assertTrue(plain.err().contains("BucketNotEmpty"), plain.err());
        JsonNode forced = json(run("s3", "rb", "s3://" + b, "--force"));
        assertEquals(2, forced.get("DeletedObjects").asInt(), forced.toString());
        assertFalse(json(run("s3", "ls")).toString().contains("\"" + b + "\""));
    }

    @Test
    void rbForceDeletesEveryVersionAndDeleteMarker(@TempDir Path dir) throws Exception {
        String b = newBucket();
        json(run("s3api", "put-bucket-versioning", "--bucket", b, "--versioning-configuration", "{\"Status\":\"Enabled\"}"));
        Path f = dir.resolve("v.txt");
        Files.writeString(f, "one");
        json(run("s3", "cp", f.toString(), "s3://" + b + "/v.txt"));
        Files.writeString(f, "two!");
        json(run("s3", "cp", f.toString(), "s3://" + b + "/v.txt"));
        json(run("s3", "rm", "s3://" + b + "/v.txt"));
        JsonNode versions = json(run("s3api", "list-object-versions", "--bucket", b));
        assertEquals(2, versions.get("Versions").size(), versions.toString());
        assertEquals(1, versions.get("DeleteMarkers").size(), versions.toString());
        JsonNode forced = json(run("s3", "rb", "s3://" + b, "--force"));
        assertEquals(3, forced.get("DeletedObjects").asInt(), forced.toString());
        assertFalse(json(run("s3", "ls")).toString().contains("\"" + b + "\""));
    }

    @Test
    void lsMergesContentsAndCommonPrefixes(@TempDir Path dir) throws Exception {
        String b = newBucket();
        Files.createDirectories(dir.resolve("2019/jan"));
        Files.writeString(dir.resolve("2019/a.csv"), "1,2\n");
        Files.writeString(dir.resolve("2019/b.csv"), "3,4,5\n");
        Files.writeString(dir.resolve("2019/jan/c.csv"), "x");
        Files.writeString(dir.resolve("top.txt"), "top");
        assertEquals(0, run("s3", "sync", dir.toString(), "s3://" + b).exitCode());

        JsonNode level = json(run("s3", "ls", "s3://" + b + "/2019/"));
        assertEquals(2, level.get("Contents").size(), level.toString());
        assertEquals("2019/a.csv", level.get("Contents").get(0).get("Key").asText());
        assertEquals(4, level.get("Contents").get(0).get("Size").asInt());
        assertEquals("2019/jan/", level.get("CommonPrefixes").get(0).get("Prefix").asText());

        JsonNode all = json(run("s3", "ls", "s3://" + b, "--recursive", "--summarize", "--page-size", "2"));
        assertEquals(4, all.get("Contents").size(), "every page merged: " + all);
        assertEquals(4, all.get("TotalObjects").asInt());
        assertEquals(4 + 6 + 1 + 3, all.get("TotalSize").asInt());

        Result text = run("s3", "ls", "s3://" + b + "/2019/", "--output", "text");
        List<String> lines = text.out().lines().toList();
        assertEquals("                           PRE jan/", lines.get(0));
        assertTrue(lines.get(1).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d          4 a\\.csv"), lines.get(1));

        Result summary = run("s3", "ls", "s3://" + b, "--recursive", "--summarize", "--human-readable", "--output", "text");
        assertTrue(summary.out().contains("Total Objects: 4\n   Total Size: 14 Bytes\n"), summary.out());

        Result none = run("s3", "ls", "s3://" + b + "/nothing-here");
        assertEquals(1, none.exitCode(), "as aws: nothing below a prefix is exit 1");
    }

    @Test
    void lsOfAMissingBucketIsAServiceError() {
        Result r = run("s3", "ls", "s3://no-such-bucket-" + UUID.randomUUID());
        assertEquals(254, r.exitCode(), r.toString());
        assertTrue(r.err().contains("NoSuchBucket"), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
    }

    // ---- cp / upload / download ------------------------------------------------------------

    @Test
    void uploadGuessesContentTypeAndSetsAclMetadataAndCacheControl(@TempDir Path dir) throws Exception {
        Path page = dir.resolve("index.html");
        Files.writeString(page, "<h1>hi</h1>");
        JsonNode sum = json(run("s3", "cp", page.toString(), "s3://" + bucket + "/site/", "--acl", "public-read",
                "--metadata", "owner=ana,team=data", "--cache-control", "max-age=60"));
        JsonNode t = sum.get("Transferred").get(0);
        assertEquals(page.toString(), t.get("Source").asText());
        assertEquals("s3://" + bucket + "/site/index.html", t.get("Destination").asText());
        assertEquals(11, t.get("Bytes").asInt());
        assertEquals(11, sum.get("Bytes").asInt());
        assertEquals(0, sum.get("Failed").size());
        assertTrue(sum.get("Seconds").isNumber());

        JsonNode h = head(bucket, "site/index.html");
        assertEquals("text/html", h.get("ContentType").asText());
        assertEquals("ana", h.get("Metadata").get("owner").asText());
        assertEquals("max-age=60", h.get("CacheControl").asText());
        // S3Mock ignores canned ACL headers on PUT: S3FaultsTest asserts the x-amz-acl header sent.

        Path csv = dir.resolve("report.csv");
        Files.writeString(csv, "a,b\n");
        Result up = run("s3", "upload", csv.toString(), "s3://" + bucket + "/reports/2019/", "--output", "text");
        assertEquals(0, up.exitCode(), up.toString());
        assertEquals("upload: " + csv + " to s3://" + bucket + "/reports/2019/report.csv\n", up.out());
        assertEquals("text/csv", head(bucket, "reports/2019/report.csv").get("ContentType").asText());

        Path bin = dir.resolve("blob.bin");
        Files.write(bin, random(10, 1));
        json(run("s3", "cp", bin.toString(), "s3://" + bucket + "/blob", "--content-type", "application/x-mine",
                "--storage-class", "STANDARD_IA"));
        assertEquals("application/x-mine", head(bucket, "blob").get("ContentType").asText());
    }

    @Test
    void downloadRoundTripsBytesAndSetsMtimeToLastModified(@TempDir Path dir) throws Exception {
        Path src = dir.resolve("data.bin");
        Files.write(src, random(100_000, 2));
        json(run("s3", "cp", src.toString(), "s3://" + bucket + "/dl/data.bin"));
        Instant lm = Instant.parse(head(bucket, "dl/data.bin").get("LastModified").asText());

        Path out = dir.resolve("out");
        Files.createDirectories(out);
        JsonNode sum = json(run("s3", "cp", "s3://" + bucket + "/dl/data.bin", out.toString()));
        assertEquals(out.resolve("data.bin").toString(), sum.get("Transferred").get(0).get("Destination").asText());
        assertEquals(-1, Files.mismatch(src, out.resolve("data.bin")));
        assertEquals(lm, Files.getLastModifiedTime(out.resolve("data.bin")).toInstant());

        Path named = dir.resolve("named.bin");
        json(run("s3", "download", "s3://" + bucket + "/dl/data.bin", named.toString()));
        assertEquals(-1, Files.mismatch(src, named));
        try (var s = Files.list(out)) {
            assertEquals(1, s.count(), "no temporary file left");
        }
    }

    @Test
    void largeFilesUseMultipartUploadRangedDownloadAndPartCopy(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("big.bin");
        Files.write(big, random(12 * 1024 * 1024 + 7, 3));
        JsonNode up = json(run("s3", "cp", big.toString(), "s3://" + bucket + "/big/big.bin", "--max-concurrency", "4"));
        assertEquals(12 * 1024 * 1024 + 7, up.get("Bytes").asLong());
        JsonNode h = head(bucket, "big/big.bin");
        assertTrue(h.get("ETag").asText().endsWith("-3\""), "three parts of 5 MiB: " + h);
        JsonNode sums = json(run("s3api", "head-object", "--bucket", bucket, "--key", "big/big.bin", "--checksum-mode", "ENABLED"));
        // S3 stores a full-object CRC32 (FULL_OBJECT was asked for); S3Mock keeps the composite "CRC-3".
        assertTrue(sums.get("ChecksumCRC32").asText().length() >= 8, "a CRC32 is stored: " + sums);

        Path back = dir.resolve("back.bin");
        json(run("s3", "cp", "s3://" + bucket + "/big/big.bin", back.toString()));
        assertEquals(-1, Files.mismatch(big, back));

        json(run("s3", "cp", "s3://" + bucket + "/big/big.bin", "s3://" + bucket + "/big/copy.bin"));
        Path copied = dir.resolve("copied.bin");
        json(run("s3", "cp", "s3://" + bucket + "/big/copy.bin", copied.toString()));
        assertEquals(-1, Files.mismatch(big, copied));
    }

    @Test
    void copyWithinS3KeepsMetadataAndMvDeletesTheSource(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("page.html");
        Files.writeString(f, "<p>x</p>");
        json(run("s3", "cp", f.toString(), "s3://" + bucket + "/mv/page.html"));
        Result cp = run("s3", "cp", "s3://" + bucket + "/mv/page.html", "s3://" + bucket + "/mv2/", "--output", "text");
        assertEquals("copy: s3://" + bucket + "/mv/page.html to s3://" + bucket + "/mv2/page.html\n", cp.out());
        assertEquals("text/html", head(bucket, "mv2/page.html").get("ContentType").asText());

        Result mv = run("s3", "mv", "s3://" + bucket + "/mv2/page.html", "s3://" + bucket + "/mv3/p.html", "--output", "text");
        assertEquals(0, mv.exitCode(), mv.toString());
        assertEquals("move: s3://" + bucket + "/mv2/page.html to s3://" + bucket + "/mv3/p.html\n", mv.out());
        assertEquals(254, run("s3api", "head-object", "--bucket", bucket, "--key", "mv2/page.html").exitCode(),
                "mv deleted the source object");

        Result mvUp = run("s3", "mv", f.toString(), "s3://" + bucket + "/mv4/");
        assertEquals(0, mvUp.exitCode(), mvUp.toString());
        assertFalse(Files.exists(f), "mv removes the local source after the upload");
        head(bucket, "mv4/page.html");
    }

    @Test
    void recursiveCopyAppliesFiltersLaterWins(@TempDir Path dir) throws Exception {
        String b = newBucket();
        Path src = dir.resolve("src");
        Files.createDirectories(src.resolve("logs"));
        Files.writeString(src.resolve("a.csv"), "a");
        Files.writeString(src.resolve("b.txt"), "b");
        Files.writeString(src.resolve("logs/c.csv"), "c");
        Files.writeString(src.resolve("logs/keep.log"), "k");
        JsonNode sum = json(run("s3", "cp", src.toString(), "s3://" + b + "/", "--recursive",
                "--exclude", "*", "--include", "*.csv", "--exclude", "logs/*", "--include", "logs/keep*"));
        assertEquals(2, sum.get("Transferred").size(), sum.toString());
        assertEquals(List.of("a.csv", "logs/keep.log"), keys(b));

        Path down = dir.resolve("down");
        JsonNode d = json(run("s3", "cp", "s3://" + b, down.toString(), "--recursive", "--exclude", "*.log"));
        assertEquals(1, d.get("Transferred").size(), d.toString());
        assertEquals("a", Files.readString(down.resolve("a.csv")));
        assertFalse(Files.exists(down.resolve("logs/keep.log")));
    }

    @Test
    void dryRunChangesNothing(@TempDir Path dir) throws Exception {
        String b = newBucket();
        Files.writeString(dir.resolve("a.txt"), "a");
        Result r = run("s3", "cp", dir.toString(), "s3://" + b + "/", "--recursive", "--dryrun", "--output", "text");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals("(dryrun) upload: " + dir.resolve("a.txt") + " to s3://" + b + "/a.txt\n", r.out());
        JsonNode j = json(run("s3", "cp", dir.toString(), "s3://" + b + "/", "--recursive", "--dryrun"));
        assertTrue(j.get("DryRun").asBoolean());
        assertEquals(1, run("s3", "ls", "s3://" + b + "/a").exitCode(), "nothing was uploaded");
    }

    @Test
    void quietPrintsNothingAndOnlyShowErrorsPrintsOnlyErrors(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("q.txt");
        Files.writeString(f, "q");
        Result q = run("s3", "cp", f.toString(), "s3://" + bucket + "/q.txt", "--quiet");
        assertEquals(0, q.exitCode());
        assertEquals("", q.out());
        assertEquals("", q.err());
        Result e = run("s3", "cp", f.toString(), "s3://" + bucket + "/q.txt", "--only-show-errors");
        assertEquals("", e.out());
        Result bad = run("s3", "cp", f.toString(), "s3://no-such-bucket-" + UUID.randomUUID() + "/q.txt",
                "--only-show-errors");
        assertEquals(1, bad.exitCode(), bad.toString());
        assertEquals("", bad.out());
        assertTrue(bad.err().startsWith("upload failed: " + f + " to s3://no-such-bucket-"), bad.err());
        assertTrue(bad.err().contains("NoSuchBucket"), bad.err());
    }

    @Test
    void streamsFromStdinAndToStdoutAndCat() throws Exception {
        byte[] data = random(7 * 1024 * 1024, 4);
        Result up = AwsjRun.run(env, data, "s3", "cp", "-", "s3://" + bucket + "/stream/in.bin");
        assertEquals(0, up.exitCode(), up.toString());
        assertEquals(data.length, SdkJson.MAPPER.readTree(up.out()).get("Bytes").asLong());
        Result down = run("s3", "cp", "s3://" + bucket + "/stream/in.bin", "-");
        assertEquals(0, down.exitCode(), down.err());
        assertTrue(java.util.Arrays.equals(data, down.outBytes()), "stdout carries exactly the object");
        Result cat = run("s3", "cat", "s3://" + bucket + "/stream/in.bin");
        assertTrue(java.util.Arrays.equals(data, cat.outBytes()));
    }

    // ---- rm --------------------------------------------------------------------------------

    @Test
    void rmDeletesOneKeyOrAPrefixInBatches(@TempDir Path dir) throws Exception {
        String b = newBucket();
        for (int i = 0; i < 1003; i++) {
            Files.writeString(dir.resolve(String.format("f%04d.txt", i)), "x");
        }
        Files.writeString(dir.resolve("keep.me"), "k");
        JsonNode up = json(run("s3", "sync", dir.toString(), "s3://" + b + "/p/", "--max-concurrency", "16"));
        assertEquals(1004, up.get("Transferred").size());
        Result one = run("s3", "rm", "s3://" + b + "/p/keep.me", "--output", "text");
        assertEquals("delete: s3://" + b + "/p/keep.me\n", one.out());
        JsonNode rm = json(run("s3", "rm", "s3://" + b + "/p", "--recursive"));
        assertEquals(1003, rm.get("Deleted").size(), "two DeleteObjects batches: 1000 + 3");
        assertEquals(1, run("s3", "ls", "s3://" + b + "/p/").exitCode(), "nothing left");
    }

    // ---- sync ------------------------------------------------------------------------------

    @Test
    void syncCopiesWhatIsMissingOrChangedAndNothingWhenUnchanged(@TempDir Path dir) throws Exception {
        String b = newBucket();
        Path src = dir.resolve("src");
        Files.createDirectories(src.resolve("sub"));
        Files.writeString(src.resolve("a.txt"), "aaa");
        Files.writeString(src.resolve("sub/b.txt"), "bbb");
        Files.writeString(src.resolve("c.txt"), "ccc");
        JsonNode first = json(run("s3", "sync", src.toString(), "s3://" + b + "/site"));
        assertEquals(3, first.get("Transferred").size(), first.toString());

        JsonNode again = json(run("s3", "sync", src.toString(), "s3://" + b + "/site"));
        assertEquals(0, again.get("Transferred").size(), "no-op re-sync: " + again);

        Files.writeString(src.resolve("a.txt"), "aaaa"); // size differs
        Files.writeString(src.resolve("new.txt"), "n");
        Files.delete(src.resolve("c.txt"));
        Result dry = run("s3", "sync", src.toString(), "s3://" + b + "/site", "--delete", "--dryrun", "--output", "text");
        assertTrue(dry.out().contains("(dryrun) delete: s3://" + b + "/site/c.txt"), dry.out());
        Result text = run("s3", "sync", src.toString(), "s3://" + b + "/site", "--delete", "--output", "text");
        assertEquals(0, text.exitCode(), text.toString());
        List<String> lines = text.out().lines().sorted().toList();
        assertEquals(List.of("delete: s3://" + b + "/site/c.txt",
                "upload: " + src.resolve("a.txt") + " to s3://" + b + "/site/a.txt",
                "upload: " + src.resolve("new.txt") + " to s3://" + b + "/site/new.txt"), lines);
        assertEquals(List.of("site/a.txt", "site/new.txt", "site/sub/b.txt"), keys(b));

        // down, and a no-op down again thanks to mtime = LastModified
        Path down = dir.resolve("down");
        JsonNode d1 = json(run("s3", "sync", "s3://" + b + "/site", down.toString()));
        assertEquals(3, d1.get("Transferred").size(), d1.toString());
        assertEquals("bbb", Files.readString(down.resolve("sub/b.txt")));
        JsonNode d2 = json(run("s3", "sync", "s3://" + b + "/site", down.toString()));
        assertEquals(0, d2.get("Transferred").size(), d2.toString());
        Files.writeString(down.resolve("stray.txt"), "not in S3");
        JsonNode d3 = json(run("s3", "sync", "s3://" + b + "/site", down.toString(), "--delete", "--exclude", "keep*"));
        assertEquals(down.resolve("stray.txt").toString(), d3.get("Deleted").get(0).get("Source").asText(), d3.toString());
        assertFalse(Files.exists(down.resolve("stray.txt")), "sync --delete removes local files not in S3");

        // S3 to S3
        JsonNode s2s = json(run("s3", "sync", "s3://" + b + "/site", "s3://" + b + "/mirror"));
        assertEquals(3, s2s.get("Transferred").size(), s2s.toString());
        assertEquals(0, json(run("s3", "sync", "s3://" + b + "/site", "s3://" + b + "/mirror")).get("Transferred").size());
    }

    @Test
    void syncOfAListingLongerThanOnePageStreamsAndStaysExact(@TempDir Path dir) throws Exception {
        String b = newBucket();
        Path src = dir.resolve("src");
        int n = 1_200; // the object listing takes two pages of 1,000
        for (int d = 0; d < 12; d++) {
            Path sub = Files.createDirectories(src.resolve("d" + d));
            for (int f = 0; f < n / 12; f++) {
                Files.writeString(sub.resolve("f" + f + ".txt"), d + "/" + f);
            }
        }
        JsonNode first = json(run("s3", "sync", src.toString(), "s3://" + b + "/many"));
        assertEquals(n, first.get("Transferred").size());
        assertEquals(0, json(run("s3", "sync", src.toString(), "s3://" + b + "/many")).get("Transferred").size());

        Files.delete(src.resolve("d0/f0.txt"));
        Files.writeString(src.resolve("d11/f99.txt"), "changed size");
        Result text = run("s3", "sync", src.toString(), "s3://" + b + "/many", "--delete", "--output", "text");
        assertEquals(0, text.exitCode(), text.toString());
        assertEquals(List.of("delete: s3://" + b + "/many/d0/f0.txt",
                "upload: " + src.resolve("d11/f99.txt") + " to s3://" + b + "/many/d11/f99.txt"),
                text.out().lines().sorted().toList());

        Path down = dir.resolve("down");
        assertEquals(n - 1, json(run("s3", "sync", "s3://" + b + "/many", down.toString())).get("Transferred").size());
        assertEquals("changed size", Files.readString(down.resolve("d11/f99.txt")));
        assertEquals(0, json(run("s3", "sync", "s3://" + b + "/many", down.toString())).get("Transferred").size());
    }

    @Test
    void fsyncIsAChoiceAndABadProfileValueIsAConfigurationError(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("f.txt"), "durable");
        assertEquals(0, run("s3", "cp", f.toString(), "s3://" + bucket + "/fsync/f.txt").exitCode());
        Result r = run("s3", "cp", "s3://" + bucket + "/fsync/f.txt", dir.resolve("back.txt").toString(), "--fsync");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals("durable", Files.readString(dir.resolve("back.txt")));

        Map<String, String> bad = AwsjRun.env(Emulators.s3Endpoint());
        Path config = Path.of(bad.get("AWS_CONFIG_FILE"));
        Files.createDirectories(config.getParent());
        Files.writeString(config, "[default]\ns3 =\n  fsync = maybe\n");
        Result refused = AwsjRun.run(bad, "s3", "cp", "s3://" + bucket + "/fsync/f.txt", dir.resolve("again.txt").toString());
        assertEquals(253, refused.exitCode(), refused.toString());
        assertEquals(List.of("Bad s3 fsync \"maybe\" in the profile: give true or false"), refused.err().lines().toList());
    }

    @Test
    void syncSizeOnlyAndChecksumCatchWhatTheyShould(@TempDir Path dir) throws Exception {
        String b = newBucket();
        Path src = dir.resolve("src");
        Files.createDirectories(src);
        Path f = src.resolve("data.csv");
        Files.writeString(f, "1,2,3\n");
        json(run("s3", "sync", src.toString(), "s3://" + b));

        // A same-size edit whose mtime is older than the object: size+time misses it, --checksum does not.
        Files.writeString(f, "9,9,9\n");
        Files.setLastModifiedTime(f, FileTime.from(Instant.parse("2001-01-01T00:00:00Z")));
        assertEquals(0, json(run("s3", "sync", src.toString(), "s3://" + b)).get("Transferred").size());
        assertEquals(0, json(run("s3", "sync", src.toString(), "s3://" + b, "--size-only")).get("Transferred").size());
        JsonNode cs = json(run("s3", "sync", src.toString(), "s3://" + b, "--checksum"));
        assertEquals(1, cs.get("Transferred").size(), cs.toString());
        assertEquals("9,9,9\n", new String(run("s3", "cat", "s3://" + b + "/data.csv").outBytes(), StandardCharsets.UTF_8));
        assertEquals(0, json(run("s3", "sync", src.toString(), "s3://" + b, "--checksum")).get("Transferred").size(),
                "identical content is not copied again");

        // --exact-timestamps: a local file with a different mtime is downloaded again
        Path down = dir.resolve("down");
        json(run("s3", "sync", "s3://" + b, down.toString()));
        Files.setLastModifiedTime(down.resolve("data.csv"), FileTime.from(Instant.now().plusSeconds(3600)));
        assertEquals(0, json(run("s3", "sync", "s3://" + b, down.toString())).get("Transferred").size());
        assertEquals(1, json(run("s3", "sync", "s3://" + b, down.toString(), "--exact-timestamps")).get("Transferred").size());
    }

    // ---- presign / url / set-acl -----------------------------------------------------------

    @Test
    void presignGivesAWorkingUrlAndRejectsMoreThanSevenDays(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("p.txt");
        Files.writeString(f, "presigned!");
        json(run("s3", "cp", f.toString(), "s3://" + bucket + "/pre/p.txt"));
        Result r = run("s3", "presign", "s3://" + bucket + "/pre/p.txt");
        assertEquals(0, r.exitCode(), r.toString());
        String url = r.out().trim();
        assertTrue(url.startsWith(Emulators.s3Endpoint() + "/" + bucket + "/pre/p.txt?"), url);
        assertTrue(url.contains("X-Amz-Expires=3600"), url);
        HttpResponse<String> got = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, got.statusCode());
        assertEquals("presigned!", got.body());

        assertTrue(run("s3", "presign", "s3://" + bucket + "/pre/p.txt", "--expires-in", "60").out().contains("X-Amz-Expires=60"));
        Result tooLong = run("s3", "presign", "s3://" + bucket + "/pre/p.txt", "--expires-in", "604801");
        assertEquals(252, tooLong.exitCode());
        assertTrue(tooLong.err().contains("604800"), tooLong.err());
    }

    @Test
    void urlMatchesTheAddressingStyle() {
        Result local = run("s3", "url", "s3://" + bucket + "/2019/pot holes.csv");
        assertEquals(Emulators.s3Endpoint() + "/" + bucket + "/2019/pot%20holes.csv\n", local.out());
        Map<String, String> aws = new java.util.HashMap<>(env);
        aws.remove("AWS_ENDPOINT_URL");
        assertEquals("https://gid-requests.s3.amazonaws.com/2019/potholes.csv\n",
                AwsjRun.run(aws, "s3", "url", "s3://gid-requests/2019/potholes.csv").out());
        assertEquals("https://gid-requests.s3.eu-west-1.amazonaws.com/x\n",
                AwsjRun.run(aws, "s3", "url", "s3://gid-requests/x", "--region", "eu-west-1").out());
    }

    @Test
    void setAclMakesAnObjectPublic(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("potholes.csv");
        Files.writeString(f, "a,b\n");
        json(run("s3", "cp", f.toString(), "s3://" + bucket + "/acl/potholes.csv"));
        JsonNode before = json(run("s3api", "get-object-acl", "--bucket", bucket, "--key", "acl/potholes.csv"));
        assertFalse(before.toString().contains("AllUsers"), before.toString());
        json(run("s3", "set-acl", "s3://" + bucket + "/acl/potholes.csv", "--acl", "public-read"));
        JsonNode after = json(run("s3api", "get-object-acl", "--bucket", bucket, "--key", "acl/potholes.csv"));
        assertTrue(after.toString().contains("AllUsers"), after.toString());
        assertEquals(252, run("s3", "set-acl", "s3://" + bucket + "/acl/potholes.csv", "--acl", "everyone").exitCode());
    }

    // ---- bad input -------------------------------------------------------------------------

    @Test
    void badInputGetsOneClearLineAndTheRightCode(@TempDir Path dir) throws Exception {
        Result missing = run("s3", "cp", dir.resolve("nope.txt").toString(), "s3://" + bucket + "/x");
        assertEquals(255, missing.exitCode()); // as aws
        assertEquals("The user-provided path " + dir.resolve("nope.txt") + " does not exist.", missing.err().lines().findFirst().get());

        Result noBucket = run("s3", "cp", "s3://", dir.toString());
        assertEquals(252, noBucket.exitCode());
        assertTrue(noBucket.err().startsWith("No bucket in \"s3://\""), noBucket.err());

        Files.writeString(dir.resolve("f.txt"), "f");
        Result missingBucket = run("s3", "cp", dir.resolve("f.txt").toString(), "s3://no-such-bucket-" + UUID.randomUUID() + "/f");
        assertEquals(1, missingBucket.exitCode(), missingBucket.toString());
        assertTrue(missingBucket.err().contains("NoSuchBucket"), missingBucket.err());

        Result folder = run("s3", "cp", dir.toString(), "s3://" + bucket + "/x");
        assertEquals(252, folder.exitCode());
        assertTrue(folder.err().startsWith(dir + " is a folder: add --recursive"), folder.err());

        Result missingKey = run("s3", "cp", "s3://" + bucket + "/no/such/key", dir.toString());
        assertEquals(1, missingKey.exitCode(), missingKey.toString());
        assertTrue(missingKey.err().contains("(404)") && missingKey.err().contains("does not exist"), missingKey.err());

        Path unreadable = dir.resolve("secret.txt");
        Files.writeString(unreadable, "s");
        unreadable.toFile().setReadable(false);
        if (!Files.isReadable(unreadable)) { // root can read anything
            Result skipped = run("s3", "cp", unreadable.toString(), "s3://" + bucket + "/secret.txt");
            assertEquals(2, skipped.exitCode(), skipped.toString());
            assertTrue(skipped.err().contains("not readable"), skipped.err());
        }
    }

    // ---- progress --------------------------------------------------------------------------

    @Test
    void progressLineGoesToStderrOnlyOnATerminal(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("p.bin");
        Files.write(f, random(6 * 1024 * 1024, 9));
        Map<String, String> tty = new java.util.HashMap<>(env);
        tty.put("AWSJ_FORCE_TTY", "1");
        Result r = AwsjRun.run(tty, "s3", "cp", f.toString(), "s3://" + bucket + "/progress.bin");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.err().contains("\rCompleted 6.0 MiB/6.0 MiB ("), r.err());
        assertTrue(r.err().contains("/s) with 0 file(s) remaining"), r.err());
        assertFalse(r.out().contains("Completed"), "stdout carries only the result");
        Result quiet = AwsjRun.run(tty, "s3", "cp", f.toString(), "s3://" + bucket + "/progress.bin", "--no-progress");
        assertEquals("", quiet.err());
        Result notTty = run("s3", "cp", f.toString(), "s3://" + bucket + "/progress.bin");
        assertEquals("", notTty.err(), "no progress when stderr is not a terminal");
    }
}
