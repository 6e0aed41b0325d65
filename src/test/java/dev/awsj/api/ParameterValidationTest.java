package dev.awsj.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.awsj.testing.AwsCli;
import dev.awsj.testing.AwsjRun;
import dev.awsj.testing.AwsjRun.Result;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * botocore's ParamValidator below the top level: required members inside structures, lists and
 * maps, the least length of strings and lists, the least value of numbers. Each line is refused
 * before anything is sent (the endpoint is a closed port: a line that reached the network would
 * exit 255) with exit 252 and aws's report; where /usr/bin/aws is installed it runs the same line
 * and its stderr must be the same, byte for byte.
 */
class ParameterValidationTest {
    private static final Map<String, String> ENV = AwsjRun.env("http://127.0.0.1:9");
    private static final String ARN = "arn:aws:sns:us-east-1:000000000000:t";

    /** A line and the problems aws reports for it, one a line. */
    record Case(List<String> line, String... problems) {
    }

    static final List<Case> CASES = List.of(
            // curated (sns create-topic) and generic commands alike
            new Case(List.of("sns", "create-topic", "--name", "t", "--tags", "Value=x"),
                    "Missing required parameter in Tags[0]: \"Key\""),
            new Case(List.of("sns", "create-topic", "--name", "t", "--tags", "Value=x", "Key=k,Value=y", "Value=z"),
                    "Missing required parameter in Tags[0]: \"Key\"", "Missing required parameter in Tags[2]: \"Key\""),
            new Case(List.of("sns", "publish", "--topic-arn", ARN, "--message", "m", "--message-attributes",
                    "{\"a\":{\"StringValue\":\"x\"}}"), "Missing required parameter in MessageAttributes.a: \"DataType\""),
            new Case(List.of("rekognition", "create-collection", "--collection-id", ""),
                    "Invalid length for parameter CollectionId, value: 0, valid min length: 1"),
            new Case(List.of("rekognition", "detect-labels", "--image", "{\"S3Object\":{\"Bucket\":\"\",\"Name\":\"k\"}}", "--max-labels", "-1",
                    "--min-confidence", "-5"),
                    "Invalid length for parameter Image.S3Object.Bucket, value: 0, valid min length: 3",
                    "Invalid value for parameter MaxLabels, value: -1, valid min value: 0",
                    "Invalid value for parameter MinConfidence, value: -5.0, valid min value: 0"),
            new Case(List.of("rekognition", "search-faces-by-image", "--collection-id", "c", "--image",
                    "{\"S3Object\":{\"Bucket\":\"ab\",\"Name\":\"k\"}}", "--max-faces", "0"),
                    "Invalid length for parameter Image.S3Object.Bucket, value: 2, valid min length: 3",
                    "Invalid value for parameter MaxFaces, value: 0, valid min value: 1"),
            new Case(List.of("s3api", "put-object-tagging", "--bucket", "b", "--key", "k", "--tagging", "TagSet=[{Key=k}]"),
                    "Missing required parameter in Tagging.TagSet[0]: \"Value\""),
            new Case(List.of("s3api", "put-object-tagging", "--bucket", "b", "--key", "k", "--tagging",
                    "{\"TagSet\":[{\"Key\":\"k\"},{}]}"),
                    "Missing required parameter in Tagging.TagSet[0]: \"Value\"",
                    "Missing required parameter in Tagging.TagSet[1]: \"Key\"",
                    "Missing required parameter in Tagging.TagSet[1]: \"Value\""),
            new Case(List.of("s3api", "put-bucket-tagging", "--bucket", "b", "--tagging", "TagSet=[{Key=k,Value=v},{Value=w}]"),
                    "Missing required parameter in Tagging.TagSet[1]: \"Key\""),
            new Case(List.of("translate", "list-terminologies", "--max-results", "0"),
                    "Invalid value for parameter MaxResults, value: 0, valid min value: 1"),
            new Case(List.of("translate", "get-terminology", "--name", ""),
                    "Invalid length for parameter Name, value: 0, valid min length: 1"),
            new Case(List.of("comprehend", "batch-detect-sentiment", "--text-list", "[]", "--language-code", "en"),
                    "Invalid length for parameter TextList, value: 0, valid min length: 1"),
            // The curated commands that take the same members.
            new Case(List.of("comprehend", "detect-syntax", "--text", "", "--language-code", "en"),
                    "Invalid length for parameter Text, value: 0, valid min length: 1"),
            new Case(List.of("comprehend", "detect-sentiment", "--text", "", "--language-code", "en"),
                    "Invalid length for parameter Text, value: 0, valid min length: 1"),
            new Case(List.of("translate", "translate-text", "--text", "", "--source-language-code", "en",
                    "--target-language-code", "fr"), "Invalid length for parameter Text, value: 0, valid min length: 1"));

    @Test
    void refusedBeforeSendingWithAwsReport() {
        boolean aws = AwsCli.installed("ParameterValidationTest");
        for (Case c : CASES) {
            String[] line = c.line().toArray(String[]::new);
            Result r = AwsjRun.run(ENV, line);
            String expected = "\nParameter validation failed:\n" + String.join("\n", c.problems()) + "\n";
            assertEquals(252, r.exitCode(), String.join(" ", line) + "\n" + r);
            assertEquals(expected, r.err(), String.join(" ", line));
            assertEquals("", r.out());
            if (aws) {
                Result a = AwsCli.run(ENV, line);
                assertEquals(252, a.exitCode(), "aws " + String.join(" ", line) + "\n" + a);
                assertEquals(a.err(), r.err(), String.join(" ", line));
            }
        }
    }

    /** Values at the limits pass the checks and reach the (closed) endpoint: exit 255 for both. */
    @Test
    void valuesAtTheLimitsAreSent() {
        List<List<String>> lines = List.of(
                List.of("rekognition", "detect-labels", "--image", "{\"S3Object\":{\"Bucket\":\"abc\",\"Name\":\"k\"}}",
                        "--max-labels", "0", "--min-confidence", "0.5"),
                List.of("sns", "create-topic", "--name", "t", "--tags", "Key=k,Value=v"),
                List.of("s3api", "put-object-tagging", "--bucket", "b", "--key", "k", "--tagging", "TagSet=[]"));
        for (List<String> l : lines) {
            String[] line = l.toArray(String[]::new);
            Result r = AwsjRun.run(ENV, line);
            assertEquals(255, r.exitCode(), String.join(" ", line) + "\n" + r);
            if (AwsCli.installed()) {
                assertEquals(255, AwsCli.run(ENV, line).exitCode(), "aws " + String.join(" ", line));
            }
        }
    }
}
