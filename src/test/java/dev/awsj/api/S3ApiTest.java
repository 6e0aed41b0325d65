package dev.awsj.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsj.json.SdkJson;
import dev.awsj.testing.AwsjRun;
import dev.awsj.testing.AwsjRun.Result;
import dev.awsj.testing.Emulators;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generic S3 operations (`awsj s3api …`) against S3Mock. */
class S3ApiTest {
    static Map<String, String> env;
    static String bucket;

    @BeforeAll
    static void start() {
        env = AwsjRun.env(Emulators.s3Endpoint());
        bucket = "b-" + UUID.randomUUID().toString().substring(0, 8);
        Result r = AwsjRun.run(env, "s3api", "create-bucket", "--bucket", bucket);
        assertEquals(0, r.exitCode(), r.toString());
    }

    static JsonNode json(Result r) throws Exception {
        assertEquals(0, r.exitCode(), r.toString());
        return SdkJson.MAPPER.readTree(r.out());
    }

    @Test
    void listBucketsShowsTheNewBucketWithIsoTimestamp() throws Exception {
        JsonNode j = json(AwsjRun.run(env, "s3api", "list-buckets"));
        boolean found = false;
        for (JsonNode b : j.get("Buckets")) {
            if (b.get("Name").asText().equals(bucket)) {
                found = true;
                assertTrue(b.get("CreationDate").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{6})?\\+00:00"),
                        b.toString());
            }
        }
        assertTrue(found, j.toString());
        assertFalse(j.has("ResponseMetadata"));
    }

    @Test
    void putHeadGetRoundTripsTheBytes(@TempDir Path dir) throws Exception {
        Path src = dir.resolve("data.bin");
        byte[] bytes = new byte[70_000];
        new java.util.Random(7).nextBytes(bytes);
        Files.write(src, bytes);
        JsonNode put = json(AwsjRun.run(env, "s3api", "put-object", "--bucket", bucket, "--key", "dir/data.bin",
                "--body", src.toString(), "--content-type", "application/x-test", "--metadata", "{\"owner\":\"ana\"}"));
        assertTrue(put.get("ETag").asText().startsWith("\""), put.toString());

        JsonNode head = json(AwsjRun.run(env, "s3api", "head-object", "--bucket", bucket, "--key", "dir/data.bin"));
        assertEquals(70_000, head.get("ContentLength").asInt());
        assertEquals("application/x-test", head.get("ContentType").asText());
        assertEquals("ana", head.get("Metadata").get("owner").asText());

        Path out = dir.resolve("out.bin");
        JsonNode get = json(AwsjRun.run(env, "s3api", "get-object", "--bucket", bucket, "--key", "dir/data.bin", out.toString()));
        assertEquals(70_000, get.get("ContentLength").asInt());
        assertEquals(-1, Files.mismatch(src, out));
        try (var s = Files.list(dir)) {
            assertEquals(2, s.count(), "no temporary file is left beside the download");
        }
    }

    @Test
    void listObjectsV2PaginatesAndMergesAllPages() throws Exception {
        String b = "p-" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(0, AwsjRun.run(env, "s3api", "create-bucket", "--bucket", b).exitCode());
        for (int i = 0; i < 7; i++) {
            Result r = AwsjRun.run(env, "s3api", "put-object", "--bucket", b, "--key", "k" + i);
            assertEquals(0, r.exitCode(), r.toString());
        }
        JsonNode all = json(AwsjRun.run(env, "s3api", "list-objects-v2", "--bucket", b, "--page-size", "2"));
        assertEquals(7, all.get("Contents").size());
        assertFalse(all.has("NextContinuationToken"));

        // S3Mock's continuation tokens are single-use, so resume at a page boundary here...
        JsonNode first = json(AwsjRun.run(env, "s3api", "list-objects-v2", "--bucket", b, "--page-size", "2", "--max-items", "4"));
        assertEquals(4, first.get("Contents").size());
        JsonNode rest = json(AwsjRun.run(env, "s3api", "list-objects-v2", "--bucket", b, "--page-size", "2",
                "--starting-token", first.get("NextToken").asText()));
        assertEquals(3, rest.get("Contents").size());
        assertEquals("k4", rest.get("Contents").get(0).get("Key").asText());

        // ...and inside a page with ListObjects (v1), whose markers are keys.
        JsonNode v1 = json(AwsjRun.run(env, "s3api", "list-objects", "--bucket", b, "--page-size", "2", "--max-items", "3"));
        assertEquals(3, v1.get("Contents").size());
        JsonNode v1rest = json(AwsjRun.run(env, "s3api", "list-objects", "--bucket", b, "--page-size", "2",
                "--starting-token", v1.get("NextToken").asText()));
        assertEquals(4, v1rest.get("Contents").size());
        assertEquals("k3", v1rest.get("Contents").get(0).get("Key").asText());
        assertFalse(v1rest.has("NextToken"));

        JsonNode one = json(AwsjRun.run(env, "s3api", "list-objects-v2", "--bucket", b, "--max-keys", "2", "--no-paginate"));
        assertEquals(2, one.get("Contents").size());
        assertTrue(one.has("NextContinuationToken"), "--no-paginate keeps the service's token");

        Result keys = AwsjRun.run(env, "s3api", "list-objects-v2", "--bucket", b, "--query", "Contents[].Key", "--output", "text");
        assertEquals("k0\tk1\tk2\tk3\tk4\tk5\tk6\n", keys.out());
    }

    @Test
    void copyObjectTakesAwsOptionsNotTheSdksRenamedOnes() throws Exception {
        Result put = AwsjRun.run(env, "s3api", "put-object", "--bucket", bucket, "--key", "copy/src.txt");
        assertEquals(0, put.exitCode(), put.toString());
        // aws's line: --bucket/--key are the destination, --copy-source the source (the SDK's client
        // calls them DestinationBucket/DestinationKey and adds SourceBucket/SourceKey/SourceVersionId).
        Result copy = AwsjRun.run(env, "s3api", "copy-object", "--bucket", bucket, "--key", "copy/dst.txt",
                "--copy-source", bucket + "/copy/src.txt");
        assertEquals(0, copy.exitCode(), copy.toString());
        assertTrue(json(copy).has("CopyObjectResult"), copy.toString());
        assertEquals(0, AwsjRun.run(env, "s3api", "head-object", "--bucket", bucket, "--key", "copy/dst.txt").exitCode());
        Result sdkName = AwsjRun.run(env, "s3api", "copy-object", "--destination-bucket", bucket, "--key", "x",
                "--copy-source", bucket + "/copy/src.txt");
        assertEquals(252, sdkName.exitCode(), sdkName.toString());
        Result missing = AwsjRun.run(env, "s3api", "copy-object", "--key", "x", "--copy-source", bucket + "/copy/src.txt");
        assertEquals(252, missing.exitCode(), missing.toString());
        assertTrue(missing.err().contains("--bucket"), missing.err());
    }

    @Test
    void cliInputJsonAndSkeleton(@TempDir Path dir) throws Exception {
        Path req = dir.resolve("req.json");
        Files.writeString(req, "{\"Bucket\":\"" + bucket + "\",\"Key\":\"from-json.txt\"}", StandardCharsets.UTF_8);
        assertEquals(0, AwsjRun.run(env, "s3api", "put-object", "--cli-input-json", "file://" + req).exitCode());
        JsonNode head = json(AwsjRun.run(env, "s3api", "head-object", "--cli-input-json", "{\"Bucket\":\"" + bucket
                + "\",\"Key\":\"wrong\"}", "--key", "from-json.txt"));
        assertEquals(0, head.get("ContentLength").asInt());

        JsonNode skel = json(AwsjRun.run(env, "s3api", "head-object", "--generate-cli-skeleton"));
        assertEquals("", skel.get("Bucket").asText());
        assertTrue(skel.has("PartNumber"));
    }

    @Test
    void missingKeyIsAServiceErrorWithTheAwsCliWording() {
        Result r = AwsjRun.run(env, "s3api", "head-object", "--bucket", bucket, "--key", "nope");
        assertEquals(254, r.exitCode(), r.toString());
        assertEquals("An error occurred (404) when calling the HeadObject operation: Not Found\n", r.err());
        assertEquals("", r.out());

        Result g = AwsjRun.run(env, "s3api", "get-object", "--bucket", bucket, "--key", "nope", "/tmp/awsj-never-written");
        assertEquals(254, g.exitCode(), g.toString());
        assertTrue(g.err().startsWith("An error occurred (NoSuchKey) when calling the GetObject operation:"), g.err());
        assertFalse(Files.exists(Path.of("/tmp/awsj-never-written")));
    }

    @Test
    void requiredMemberMissingIsRefusedBeforeAnyCall() {
        Result r = AwsjRun.run(env, "s3api", "head-object", "--key", "x");
        assertEquals(252, r.exitCode(), r.toString());
        assertTrue(r.err().contains("the following arguments are required: --bucket"), r.err());
    }

    @Test
    void getObjectWithoutAnOutfileIsABadCommandLine() {
        Result r = AwsjRun.run(env, "s3api", "get-object", "--bucket", bucket, "--key", "k");
        assertEquals(252, r.exitCode(), r.toString());
        assertTrue(r.err().startsWith("the following arguments are required: outfile"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertEquals("", r.out());
    }
}
