package dev.awsj.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.awsj.testing.AwsCli;
import dev.awsj.testing.AwsjRun;
import dev.awsj.testing.AwsjRun.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Lines the AWS CLI refuses before sending anything (exit 252): a member the service model marks
 * required is missing, a value outside an s3 flag's choices, an option s3 rm does not take. The
 * endpoint is a closed port, so a line that reached the network would exit 255 instead.
 */
class ModelChecksTest {
    private static final Map<String, String> ENV = AwsjRun.env("http://127.0.0.1:9");

    /** awsj exits 252 naming {@code says}; where aws is installed it exits 252 and says the same. */
    private static void refused(String says, String awsSays, String... line) {
        Result r = AwsjRun.run(ENV, line);
        assertEquals(252, r.exitCode(), r.toString());
        assertTrue(r.err().lines().findFirst().orElse("").contains(says), r.toString());
        assertTrue(r.err().lines().noneMatch(l -> l.startsWith("\tat ")), "no stack trace: " + r);
        if (AwsCli.installed("ModelChecksTest")) {
            Result aws = AwsCli.run(ENV, line);
            assertEquals(252, aws.exitCode(), "aws " + String.join(" ", line) + ": " + aws);
            assertTrue(aws.err().contains(awsSays), "aws " + String.join(" ", line) + ": " + aws);
        }
    }

    /** sns create-topic and subscribe are curated commands: the check runs on every request the SDK sends. */
    @Test
    void aMemberTheModelRequiresIsCheckedForEveryService() {
        refused("the following arguments are required: --name", "the following arguments are required: --name",
                "sns", "create-topic");
        refused("the following arguments are required: --protocol", "the following arguments are required: --protocol",
                "sns", "subscribe", "--topic-arn", "arn:aws:sns:us-east-1:000000000000:t");
        refused("the following arguments are required: --collection-id",
                "the following arguments are required: --collection-id", "rekognition", "describe-collection");
        refused("the following arguments are required: --bucket, --key",
                "the following arguments are required: --bucket, --key", "s3api", "head-object");
    }

    @Test
    void s3FlagsTakeOnlyTheirChoices() throws Exception {
        Path f = Files.createTempFile("choices", ".txt");
        refused("Invalid choice 'publc-read'", "Invalid choice: 'publc-read'", "s3", "cp", "--acl", "publc-read",
                f.toString(), "s3://b/k");
        refused("did you mean public-read?", "* public-read", "s3", "cp", "--acl", "publc-read", f.toString(), "s3://b/k");
        refused("Invalid choice 'FAST'", "argument --storage-class: Invalid choice", "s3", "sync", "--storage-class", "FAST",
                f.getParent().toString(), "s3://b/k");
        refused("Invalid choice 'aws:kmz'", "argument --sse: Invalid choice", "s3", "cp", "--sse", "aws:kmz",
                f.toString(), "s3://b/k");
    }

    @Test
    void rmRefusesTheOptionsOfNewObjects() {
        refused("Unknown options: --acl, --storage-class", "Unknown options: --acl", "s3", "rm", "--acl", "public-read",
                "--storage-class", "GLACIER", "s3://b/k");
    }

    @Test
    void helpMarksWhatTheModelRequires() {
        Result r = AwsjRun.run(ENV, "rekognition", "describe-collection", "--help");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("(string, required) CollectionId"), r.out());
    }
}
