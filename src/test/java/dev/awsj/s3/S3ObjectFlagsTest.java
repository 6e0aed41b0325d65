package dev.awsj.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsj.json.SdkJson;
import dev.awsj.testing.AwsjRun;
import dev.awsj.testing.AwsjRun.Result;
import dev.awsj.testing.Emulators;
import dev.awsj.testing.FaultProxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The object flags of cp/mv/sync: what arrives at the emulator is what the AWS CLI sends for the
 * same line. Where {@code /usr/bin/aws} is installed the same line runs through it too, and the
 * request headers (through a recording proxy) or the object's head-object JSON are compared;
 * without it those comparisons are skipped with a line on stderr, and the expected values are
 * checked alone.
 */
class S3ObjectFlagsTest {
    static final String AWS = System.getenv().getOrDefault("AWSJ_COMPAT_AWS", "/usr/bin/aws");
    static FaultProxy proxy;
    static Map<String, String> env;
    static String bucket;

    @BeforeAll
    static void start() throws Exception {
        // S3Mock keeps every object header; the proxy records what each client sent.
        proxy = new FaultProxy(Emulators.s3Endpoint(), n -> FaultProxy.Fault.NONE, 0);
        env = AwsjRun.env(proxy.url());
        bucket = "flags-" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(0, run("s3", "mb", "s3://" + bucket).exitCode());
    }

    @AfterAll
    static void stop() throws Exception {
        proxy.close();
    }

    static Result run(String... args) {
        return AwsjRun.run(env, args);
    }

    static boolean awsInstalled() {
        boolean there = Files.isExecutable(Path.of(AWS));
        if (!there) {
            System.err.println("S3ObjectFlagsTest: no AWS CLI at " + AWS + ": the side-by-side comparison is skipped");
        }
        return there;
    }

    /** Runs the AWS CLI on the same emulator; returns its exit code, stdout and stderr. */
    static Result aws(String... args) throws Exception {
        return aws(env, args);
    }

    static Result aws(Map<String, String> env, String... args) {
        return dev.awsj.testing.AwsCli.run(env, args);
    }

    static JsonNode head(String key) throws Exception {
        Result r = run("s3api", "head-object", "--bucket", bucket, "--key", key);
        assertEquals(0, r.exitCode(), r.toString());
        ObjectNode h = (ObjectNode) SdkJson.MAPPER.readTree(r.out());
        // What differs between two objects written a moment apart, whoever wrote them.
        h.remove(List.of("LastModified", "ETag", "VersionId", "AcceptRanges"));
        return h;
    }

    /** The object headers of the last request whose request line starts with {@code method} and names {@code key}. */
    static Map<String, String> sentHeaders(String method, String key) {
        return sentHeaders(proxy, method, key);
    }

    static Map<String, String> sentHeaders(FaultProxy proxy, String method, String key) {
        List<String> heads = proxy.requestHeads();
        for (int i = heads.size() - 1; i >= 0; i--) {
            String head = heads.get(i);
            String line = head.substring(0, head.indexOf("\r\n") < 0 ? head.length() : head.indexOf("\r\n"));
            if (line.startsWith(method + " ") && line.contains("/" + key)) {
                Map<String, String> m = new TreeMap<>();
                for (String h : head.split("\r\n")) {
                    int colon = h.indexOf(':');
                    if (colon <= 0) {
                        continue;
                    }
                    String name = h.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                    if (OBJECT_HEADERS.stream().anyMatch(name::startsWith)) {
                        m.put(name, h.substring(colon + 1).trim());
                    }
                }
                return m;
            }
        }
        throw new AssertionError("no " + method + " of " + key + " in " + heads.size() + " requests");
    }

    /** Headers that carry the flags (not signing, checksums, lengths or client names). */
    static final List<String> OBJECT_HEADERS = List.of("content-type", "cache-control", "content-disposition", "content-language",
            "expires", "x-amz-acl", "x-amz-grant-", "x-amz-meta-", "x-amz-storage-class", "x-amz-website-redirect",
            "x-amz-server-side-encryption", "x-amz-request-payer", "x-amz-metadata-directive", "x-amz-tagging-directive",
            "x-amz-copy-source-server-side-encryption");

    static final String[] OBJECT_FLAGS = {"--content-disposition", "attachment; filename=\"r.txt\"",
        "--content-language", "de", "--expires", "2030-01-01T00:00:00Z", "--website-redirect", "/other",
        "--cache-control", "max-age=5", "--metadata", "team=data", "--content-type", "text/x-report",
        "--storage-class", "STANDARD_IA", "--acl", "public-read",
        "--grants", "read=uri=http://acs.amazonaws.com/groups/global/AllUsers", "full=id=abc123",
        "--request-payer", "requester", "--sse", "AES256"};

    static String[] concat(String[] a, String... b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(b, 0, all, 0, b.length);
        System.arraycopy(a, 0, all, b.length, a.length);
        return all;
    }

    @Test
    void uploadSendsEveryObjectHeaderAsAwsDoes(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("r.txt");
        Files.writeString(f, "report\n");
        Result r = run(concat(OBJECT_FLAGS, "s3", "cp", f.toString(), "s3://" + bucket + "/up/j.txt"));
        assertEquals(0, r.exitCode(), r.toString());
        Map<String, String> sent = sentHeaders("PUT", "up/j.txt");
        assertEquals("attachment; filename=\"r.txt\"", sent.get("content-disposition"));
        assertEquals("Tue, 01 Jan 2030 00:00:00 GMT", sent.get("expires"));
        assertEquals("uri=http://acs.amazonaws.com/groups/global/AllUsers", sent.get("x-amz-grant-read"));
        assertEquals("id=abc123", sent.get("x-amz-grant-full-control"));
        assertEquals("/other", sent.get("x-amz-website-redirect-location"));
        assertEquals("requester", sent.get("x-amz-request-payer"));

        JsonNode h = head("up/j.txt");
        assertEquals("de", h.path("ContentLanguage").asText(), h.toString());
        assertEquals("attachment; filename=\"r.txt\"", h.path("ContentDisposition").asText(), h.toString());
        assertEquals("text/x-report", h.path("ContentType").asText());
        assertEquals("data", h.path("Metadata").path("team").asText());

        if (awsInstalled()) {
            // The Debian AWS CLI cannot upload a body to S3Mock (Expect: 100-continue), but its
            // PutObject request left the proxy with its headers before S3Mock answered.
            aws(concat(OBJECT_FLAGS, "s3", "cp", f.toString(), "s3://" + bucket + "/up/a.txt"));
            assertEquals(sentHeaders("PUT", "up/a.txt"), sentHeaders("PUT", "up/j.txt"));
        }
    }

    @Test
    void copyInPlaceWithMetadataDirectiveReplaceIsSentAsAwsSendsIt(@TempDir Path dir) throws Exception {
        // On fauxqs: S3Mock refuses an in-place REPLACE that brings no user metadata; S3 and fauxqs take it.
        try (FaultProxy faux = new FaultProxy(Emulators.fauxqsEndpoint(), n -> FaultProxy.Fault.NONE, 0)) {
            Map<String, String> fenv = AwsjRun.env(faux.url());
            String b = "inplace-" + UUID.randomUUID().toString().substring(0, 8);
            assertEquals(0, AwsjRun.run(fenv, "s3", "mb", "s3://" + b).exitCode());
            Path f = dir.resolve("page.txt");
            Files.writeString(f, "<p>x</p>");
            String[] flags = {"--metadata-directive", "REPLACE", "--content-type", "text/html"};
            for (String key : List.of("j.html", "a.html")) {
                assertEquals(0, AwsjRun.run(fenv, "s3", "cp", f.toString(), "s3://" + b + "/" + key).exitCode());
            }
            Result r = AwsjRun.run(fenv, concat(flags, "s3", "cp", "s3://" + b + "/j.html", "s3://" + b + "/j.html"));
            assertEquals(0, r.exitCode(), r.toString());
            Map<String, String> sent = sentHeaders(faux, "PUT", "j.html");
            assertEquals("REPLACE", sent.get("x-amz-metadata-directive"), sent.toString());
            if (awsInstalled()) {
                Result a = aws(fenv, concat(flags, "s3", "cp", "s3://" + b + "/a.html", "s3://" + b + "/a.html"));
                assertEquals(0, a.exitCode(), a.toString());
                assertEquals(sentHeaders(faux, "PUT", "a.html"), sent);
            }

            // mv onto itself is refused before anything is sent, as aws does.
            Result mv = AwsjRun.run(fenv, "s3", "mv", "s3://" + b + "/j.html", "s3://" + b + "/");
            assertEquals(252, mv.exitCode(), mv.toString());
            assertEquals("Cannot mv a file onto itself: 's3://" + b + "/j.html' - 's3://" + b + "/'",
                    mv.err().lines().findFirst().orElse(""));
        }
    }

    @Test
    void copyWithOneNewPropertyKeepsTheOthersAndCopyPropsNoneDropsThem(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("x.txt");
        Files.writeString(f, "x");
        assertEquals(0, run("s3", "cp", f.toString(), "s3://" + bucket + "/props/src", "--metadata", "k=v",
                "--content-language", "en", "--cache-control", "no-cache").exitCode());
        List<String[]> lines = List.of(
                new String[] {"--content-type", "text/plain"},
                new String[] {"--content-type", "text/plain", "--copy-props", "none"},
                new String[] {"--copy-props", "metadata-directive"},
                new String[] {"--metadata-directive", "COPY"});
        int i = 0;
        for (String[] flags : lines) {
            String j = "props/j" + i;
            String a = "props/a" + i++;
            Result r = run(concat(flags, "s3", "cp", "s3://" + bucket + "/props/src", "s3://" + bucket + "/" + j));
            assertEquals(0, r.exitCode(), r.toString());
            if (awsInstalled()) {
                Result ar = aws(concat(flags, "s3", "cp", "s3://" + bucket + "/props/src", "s3://" + bucket + "/" + a));
                assertEquals(0, ar.exitCode(), ar.toString());
                assertEquals(head(a), head(j), String.join(" ", flags));
                assertEquals(sentHeaders("PUT", a), sentHeaders("PUT", j), String.join(" ", flags));
            }
        }
        JsonNode kept = head("props/j0");
        assertEquals("text/plain", kept.path("ContentType").asText(), kept.toString());
        assertEquals("en", kept.path("ContentLanguage").asText(), kept.toString());
        assertEquals("v", kept.path("Metadata").path("k").asText(), kept.toString());
        // none: nothing taken from the source (S3Mock itself keeps what REPLACE does not name).
        assertEquals(Map.of("content-type", "text/plain", "x-amz-metadata-directive", "REPLACE",
                "x-amz-tagging-directive", "REPLACE"), sentHeaders("PUT", "props/j1"));
    }

    @Test
    void syncExactTimestampsDoesNotReuploadUnchangedFiles(@TempDir Path dir) throws Exception {
        Path src = dir.resolve("src");
        Files.createDirectories(src);
        Files.writeString(src.resolve("a.txt"), "a");
        Files.writeString(src.resolve("b.txt"), "b");
        String dst = "s3://" + bucket + "/exact/";
        assertEquals(2, SdkJson.MAPPER.readTree(run("s3", "sync", src.toString(), dst).out()).get("Transferred").size());
        Result again = run("s3", "sync", src.toString(), dst, "--exact-timestamps");
        assertEquals(0, again.exitCode(), again.toString());
        assertEquals(0, SdkJson.MAPPER.readTree(again.out()).get("Transferred").size(), again.out());

        // S3 to local it applies: a local file with another time is copied again.
        Path down = dir.resolve("down");
        assertEquals(0, run("s3", "sync", dst, down.toString()).exitCode());
        Files.setLastModifiedTime(down.resolve("a.txt"), FileTime.from(Instant.parse("2001-01-01T00:00:00Z")));
        Result exact = run("s3", "sync", dst, down.toString(), "--exact-timestamps", "--output", "text");
        assertEquals("download: " + dst + "a.txt to " + down.resolve("a.txt") + "\n", exact.out());
    }

    @Test
    void requestPayerIsOnEveryRequestOfAMultipartUploadAndARangedDownload(@TempDir Path dir) throws Exception {
        Map<String, String> small = AwsjRun.env(proxy.url());
        Path config = Path.of(small.get("AWS_CONFIG_FILE"));
        Files.createDirectories(config.getParent());
        Files.writeString(config, "[default]\ns3 =\n  multipart_threshold = 5MB\n  multipart_chunksize = 5MB\n");
        Path f = dir.resolve("big.bin");
        byte[] data = new byte[11 * 1024 * 1024];
        new java.util.Random(7).nextBytes(data);
        Files.write(f, data);
        String key = "payer-" + UUID.randomUUID().toString().substring(0, 8) + ".bin";
        int before = proxy.requestHeads().size();
        Result up = AwsjRun.run(small, "s3", "cp", f.toString(), "s3://" + bucket + "/" + key, "--request-payer");
        assertEquals(0, up.exitCode(), up.toString());
        Result down = AwsjRun.run(small, "s3", "cp", "s3://" + bucket + "/" + key, dir.resolve("back.bin").toString(),
                "--request-payer", "requester");
        assertEquals(0, down.exitCode(), down.toString());
        assertTrue(java.util.Arrays.equals(data, Files.readAllBytes(dir.resolve("back.bin"))));

        List<String> lines = new ArrayList<>();
        List<String> heads = proxy.requestHeads();
        for (String head : heads.subList(before, heads.size())) {
            String line = head.substring(0, head.indexOf("\r\n") < 0 ? head.length() : head.indexOf("\r\n"));
            if (line.contains(key)) {
                lines.add(line);
                assertTrue(head.toLowerCase(Locale.ROOT).contains("\r\nx-amz-request-payer: requester"), line);
            }
        }
        // the resume look-up, the create, three parts, the complete; then the head and three ranges
        assertTrue(lines.stream().anyMatch(l -> l.contains("uploads")), lines.toString());
        assertEquals(3, lines.stream().filter(l -> l.startsWith("PUT ") && l.contains("partNumber=")).count(), lines.toString());
        assertEquals(3, lines.stream().filter(l -> l.startsWith("GET ") && !l.contains("uploads")).count(), lines.toString());
    }

    @Test
    void noFollowSymlinksLeavesLinksOutAndNoOverwriteKeepsWhatExists(@TempDir Path dir) throws Exception {
        Path src = dir.resolve("tree");
        Files.createDirectories(src.resolve("real"));
        Files.writeString(src.resolve("real/f.txt"), "f");
        Path outside = dir.resolve("outside");
        Files.createDirectories(outside);
        Files.writeString(outside.resolve("o.txt"), "o");
        Files.createSymbolicLink(src.resolve("linkdir"), outside);
        Files.createSymbolicLink(src.resolve("link.txt"), src.resolve("real/f.txt"));
        String dst = "s3://" + bucket + "/links/";
        Result r = run("s3", "cp", src.toString(), dst, "--recursive", "--no-follow-symlinks", "--output", "text");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals("upload: " + src.resolve("real/f.txt") + " to " + dst + "real/f.txt\n", r.out());
        Result followed = run("s3", "sync", src.toString(), dst, "--follow-symlinks");
        assertEquals(2, SdkJson.MAPPER.readTree(followed.out()).get("Transferred").size(), followed.out());

        Path down = dir.resolve("down");
        Files.createDirectories(down.resolve("real"));
        Files.writeString(down.resolve("real/f.txt"), "mine");
        Result keep = run("s3", "cp", dst, down.toString(), "--recursive", "--no-overwrite");
        assertEquals(0, keep.exitCode(), keep.toString());
        assertEquals("mine", Files.readString(down.resolve("real/f.txt")));
        assertEquals("o", Files.readString(down.resolve("linkdir/o.txt")));
    }

    @Test
    void glacierObjectsAreSkippedWithAwsWarningUnlessIgnoredOrForced(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("cold.txt");
        Files.writeString(f, "cold");
        String obj = "s3://" + bucket + "/cold/cold.txt";
        assertEquals(0, run("s3", "cp", f.toString(), obj, "--storage-class", "GLACIER").exitCode());
        Path down = dir.resolve("down");
        Files.createDirectories(down);
        Result skipped = run("s3", "cp", obj, down.toString() + "/", "--output", "text");
        assertEquals(2, skipped.exitCode(), skipped.toString());
        String warning = "warning: Skipping file " + obj + ". Object is of storage class GLACIER. Unable to perform "
                + "download operations on GLACIER objects. You must restore the object to be able to perform the "
                + "operation. See aws s3 download help for additional parameter options to ignore or force these transfers.";
        assertEquals(warning, skipped.err().lines().findFirst().orElse(""));
        if (awsInstalled()) {
            Result a = aws("s3", "cp", obj, down.toString() + "/");
            assertEquals(2, a.exitCode(), a.toString());
            assertEquals(warning, a.err().lines().filter(l -> l.startsWith("warning:")).findFirst().orElse(a.err()));
        }
        assertFalse(Files.exists(down.resolve("cold.txt")));

        Result ignored = run("s3", "cp", "s3://" + bucket + "/cold/", down.toString(), "--recursive",
                "--ignore-glacier-warnings", "--output", "text");
        assertEquals(0, ignored.exitCode(), ignored.toString());
        assertEquals("", ignored.out() + ignored.err());

        // Forced, the object is read (S3 itself refuses an unrestored one; S3Mock serves it).
        Result forced = run("s3", "cp", obj, down.toString() + "/", "--force-glacier-transfer");
        assertEquals(0, forced.exitCode(), forced.toString());
        assertEquals("cold", Files.readString(down.resolve("cold.txt")));
    }

    @Test
    void badValuesOfTheNewFlagsExit252WithOneLine(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("x.txt");
        Files.writeString(f, "x");
        String to = "s3://" + bucket + "/bad";
        String[][] lines = {
            {"--metadata-directive", "KEEP"},
            {"--copy-props", "all"},
            {"--grants", "write=id=1"},
            {"--grants", "read"},
            {"--sse-c", "AES256"},
            {"--sse-c-key", "k"},
            {"--request-payer", "owner"},
            {"--expires", "tomorrow"},
            {"--sse-c-copy-source", "AES256", "--sse-c-copy-source-key", "k"},
        };
        for (String[] flags : lines) {
            Result r = run(concat(flags, "s3", "cp", f.toString(), to));
            assertEquals(252, r.exitCode(), String.join(" ", flags) + ": " + r);
            // one line that says what is wrong, then the usage hint
            assertTrue(r.err().lines().findFirst().orElse("").contains(flags[0].equals("--sse-c-key") ? "--sse-c-key"
                    : flags[0].startsWith("--grants") ? "permission" : flags[0]), r.err());
            assertEquals(2, r.err().lines().count(), r.err());
            assertFalse(r.err().contains("Exception"), r.err());
        }
    }
}
