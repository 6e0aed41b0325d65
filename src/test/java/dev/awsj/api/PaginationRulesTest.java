package dev.awsj.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsj.json.SdkJson;
import dev.awsj.testing.AwsCli;
import dev.awsj.testing.AwsjRun;
import dev.awsj.testing.AwsjRun.Result;
import dev.awsj.testing.Emulators;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pagination follows the service model's paginators as aws does (botocore's paginate.py): a limit
 * key or page token of the user's own turns paging off, a merged result keeps only the result keys
 * and the non-aggregate keys, and --max-items prints botocore's NextToken. Side by side with the AWS
 * CLI on S3Mock where it is installed.
 */
class PaginationRulesTest {
    static Map<String, String> env;
    static final String BUCKET = "pages-rules";
    static final String EMPTY = "pages-rules-empty";

    @BeforeAll
    static void bucket() throws Exception {
        env = AwsjRun.env(Emulators.s3Endpoint());
        assertEquals(0, AwsjRun.run(env, "s3api", "create-bucket", "--bucket", BUCKET).exitCode());
        assertEquals(0, AwsjRun.run(env, "s3api", "create-bucket", "--bucket", EMPTY).exitCode());
        Path f = Files.createTempFile("page", ".txt");
        Files.writeString(f, "x");
        for (String key : new String[] {"a", "b", "c"}) {
            assertEquals(0, AwsjRun.run(env, "s3api", "put-object", "--bucket", BUCKET, "--key", key, "--body", f.toString())
                    .exitCode());
        }
    }

    /** awsj's stdout, and where aws is installed, the same JSON (or the same text) as aws. */
    private static String same(String... line) throws Exception {
        Result r = AwsjRun.run(env, line);
        assertEquals(0, r.exitCode(), r.toString());
        if (AwsCli.installed("PaginationRulesTest")) {
            Result aws = AwsCli.run(env, line);
            assertEquals(0, aws.exitCode(), aws.toString());
            if (aws.out().startsWith("{")) {
                JsonNode actual = SdkJson.MAPPER.readTree(r.out());
                // Members the S3 API gained after Debian's AWS CLI 2.9 models (which drops what it does not know).
                for (String newer : AwsCliCompatTest.NEWER_THAN_AWS_2_9) {
                    actual.findParents(newer).forEach(o -> ((ObjectNode) o).remove(newer));
                }
                JsonNode expected = SdkJson.MAPPER.readTree(aws.out());
                // S3Mock makes a new token per call; aws asks S3 for url-encoded keys (its s3 customization).
                for (JsonNode o : new JsonNode[] {expected, actual}) {
                    ((ObjectNode) o).remove(java.util.List.of("NextContinuationToken", "EncodingType"));
                }
                assertEquals(expected, actual, String.join(" ", line));
            } else {
                assertEquals(aws.out(), r.out(), String.join(" ", line));
            }
        }
        return r.out();
    }

    @Test
    void aLimitKeyOfTheUsersOwnTurnsPagingOff() throws Exception {
        assertEquals("1\n", same("s3api", "list-objects-v2", "--bucket", BUCKET, "--max-keys", "1", "--query", "KeyCount"));
        JsonNode one = SdkJson.MAPPER.readTree(same("s3api", "list-objects-v2", "--bucket", BUCKET, "--max-keys", "1"));
        assertEquals(1, one.get("Contents").size());
        assertEquals(true, one.get("IsTruncated").asBoolean(), "the page as it came: " + one);
    }

    @Test
    void aPageTokenOfTheUsersOwnTurnsPagingOff() throws Exception {
        JsonNode first = SdkJson.MAPPER.readTree(AwsjRun.run(env, "s3api", "list-objects-v2", "--bucket", BUCKET,
                "--max-keys", "1").out());
        JsonNode second = SdkJson.MAPPER.readTree(AwsjRun.run(env, "s3api", "list-objects-v2", "--bucket", BUCKET,
                "--continuation-token", first.get("NextContinuationToken").asText()).out());
        // One call from the token on: the rest of the bucket in one page, with the page's own members.
        assertEquals("b", second.get("Contents").get(0).get("Key").asText(), second.toString());
        assertEquals(BUCKET, second.get("Name").asText(), second.toString());
    }

    @Test
    void aMergedResultKeepsResultAndNonAggregateKeysOnly() throws Exception {
        JsonNode all = SdkJson.MAPPER.readTree(same("s3api", "list-objects-v2", "--bucket", BUCKET, "--page-size", "1"));
        assertEquals(3, all.get("Contents").size());
        assertEquals(1, all.size(), "only Contents: " + all);
        same("s3api", "list-objects", "--bucket", BUCKET, "--page-size", "1");
    }

    @Test
    void maxItemsPrintsBotocoresToken() throws Exception {
        JsonNode two = SdkJson.MAPPER.readTree(same("s3api", "list-objects", "--bucket", BUCKET, "--page-size", "1",
                "--max-items", "2"));
        assertEquals(2, two.get("Contents").size());
        JsonNode rest = SdkJson.MAPPER.readTree(same("s3api", "list-objects", "--bucket", BUCKET, "--starting-token",
                two.get("NextToken").asText()));
        assertEquals("c", rest.get("Contents").get(0).get("Key").asText());
    }

    @Test
    void anEmptyMergedResultPrintsNothing() throws Exception {
        same("s3api", "list-objects-v2", "--bucket", EMPTY);
    }
}
