package dev.awsj.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `awsj run`: many SNS calls against fauxqs in one process, results in input order. */
class RunCommandTest {
    static Map<String, String> env;
    static String topicArn;

    @BeforeAll
    static void start() throws Exception {
        env = AwsjRun.env(Emulators.fauxqsEndpoint());
        Result created = AwsjRun.run(env, "sns", "create-topic", "--name", "run-" + UUID.randomUUID().toString().substring(0, 8));
        assertEquals(0, created.exitCode(), created.err());
        topicArn = SdkJson.MAPPER.readTree(created.out()).get("TopicArn").asText();
    }

    static List<JsonNode> lines(Result r) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String l : r.out().split("\n")) {
            if (!l.isBlank()) {
                out.add(SdkJson.MAPPER.readTree(l));
            }
        }
        return out;
    }

    @Test
    void fiftyPublishesAndCreatesInOrderWithOneBadLine(@TempDir Path dir) throws Exception {
        String prefix = "run-" + UUID.randomUUID().toString().substring(0, 8);
        StringBuilder file = new StringBuilder("# fifty calls, one of them wrong\n\n");
        int badLine = -1;
        List<Integer> lineNumbers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            int lineNo = i + 3;
            lineNumbers.add(lineNo);
            if (i == 17) {
                file.append("sns publish --topic-arn ").append(topicArn).append(" --no-such-option x\n");
                badLine = lineNo;
            } else if (i % 5 == 0) {
                file.append("sns create-topic --name ").append(prefix).append("-").append(i).append('\n');
            } else {
                file.append("sns publish --topic-arn '").append(topicArn).append("' --message \"message number ")
                        .append(i).append("\"\n");
            }
        }
        Path f = dir.resolve("calls.txt");
        Files.writeString(f, file.toString(), StandardCharsets.UTF_8);

        Result r = AwsjRun.run(env, "run", "--parallel", "8", f.toString());

        assertEquals(252, r.exitCode(), r.err());
        List<JsonNode> results = lines(r);
        assertEquals(50, results.size(), r.out());
        Set<String> messageIds = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            JsonNode res = results.get(i);
            assertEquals(lineNumbers.get(i), res.get("Line").asInt(), "input order: " + res);
            if (res.get("Line").asInt() == badLine) {
                assertEquals(252, res.get("ExitCode").asInt(), res.toString());
                assertTrue(res.get("Error").asText().contains("--no-such-option"), res.toString());
                assertFalse(res.has("Output"), res.toString());
            } else if (i % 5 == 0) {
                assertEquals(0, res.get("ExitCode").asInt(), res.toString());
                assertTrue(res.get("Output").get("TopicArn").asText().endsWith(":" + prefix + "-" + i), res.toString());
            } else {
                assertEquals(0, res.get("ExitCode").asInt(), res.toString());
                messageIds.add(res.get("Output").get("MessageId").asText());
            }
        }
        assertEquals(39, messageIds.size(), "one distinct MessageId per publish");

        JsonNode topics = SdkJson.MAPPER.readTree(AwsjRun.run(env, "sns", "list-topics").out());
        int created = 0;
        for (JsonNode t : topics.get("Topics")) {
            if (t.get("TopicArn").asText().contains(":" + prefix + "-")) {
                created++;
            }
        }
        assertEquals(10, created);
    }

    @Test
    void readsStdinAndAppliesGlobalOptionsGivenToRun() throws Exception {
        String lines = "sns list-topics\nsns list-topics --output json\n";
        Result r = AwsjRun.run(env, lines.getBytes(StandardCharsets.UTF_8),
                "--query", "Topics[].TopicArn", "--output", "text", "run", "-");
        assertEquals(0, r.exitCode(), r.err());
        List<JsonNode> results = lines(r);
        assertEquals(2, results.size());
        assertTrue(results.get(0).get("Output").isTextual(), "text output stays text: " + results.get(0));
        assertTrue(results.get(0).get("Output").asText().contains(topicArn), results.get(0).toString());
        assertTrue(results.get(1).get("Output").isArray(), "the line's own --output json wins: " + results.get(1));
        assertEquals(topicArn, findText(results.get(1).get("Output"), topicArn));
    }

    private static String findText(JsonNode array, String wanted) {
        for (JsonNode n : array) {
            if (n.asText().equals(wanted)) {
                return wanted;
            }
        }
        return null;
    }

    @Test
    void aTransferErrorInsideRunNamesItsOperationAsItDoesAlone(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("a.txt"), "hello");
        String line = "s3 cp " + file + " s3://no-such-bucket-" + UUID.randomUUID().toString().substring(0, 8) + "/a.txt";
        Result alone = AwsjRun.run(env, line.split(" "));
        assertEquals(1, alone.exitCode(), alone.toString());
        assertTrue(alone.err().contains("when calling the PutObject operation"), alone.toString());
        JsonNode inRun = lines(AwsjRun.run(env, (line + "\n").getBytes(StandardCharsets.UTF_8), "run", "-")).get(0);
        assertEquals(alone.exitCode(), inRun.get("ExitCode").asInt(), inRun.toString());
        assertEquals(alone.err().strip(), inRun.get("Error").asText().strip());
    }

    @Test
    void linesRunInOrderByDefaultSoAScriptMeansWhatItSays() throws Exception {
        String prefix = "seq-" + UUID.randomUUID().toString().substring(0, 8);
        StringBuilder script = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            // Each head-bucket needs the mb of the line before it to have finished.
            script.append("s3 mb s3://").append(prefix).append(i).append('\n');
            script.append("s3api head-bucket --bucket ").append(prefix).append(i).append('\n');
        }
        Result r = AwsjRun.run(env, script.toString().getBytes(StandardCharsets.UTF_8), "run", "-");
        assertEquals(0, r.exitCode(), r.toString());
        List<JsonNode> results = lines(r);
        assertEquals(20, results.size());
        for (JsonNode n : results) {
            assertEquals(0, n.get("ExitCode").asInt(), n.toString());
        }
    }

    @Test
    void aLineCannotItselfBeRun() throws Exception {
        Result r = AwsjRun.run(env, "sns list-topics\nrun -\n".getBytes(StandardCharsets.UTF_8), "run", "-");
        assertEquals(252, r.exitCode(), r.toString());
        List<JsonNode> results = lines(r);
        assertEquals(0, results.get(0).get("ExitCode").asInt(), results.get(0).toString());
        assertEquals(252, results.get(1).get("ExitCode").asInt(), results.get(1).toString());
        assertTrue(results.get(1).get("Error").asText().contains("awsj run cannot be used inside awsj run"), results.get(1).toString());
    }

    @Test
    void parallelIsBounded() {
        for (String n : List.of("0", "65")) {
            Result r = AwsjRun.run(env, "sns list-topics\n".getBytes(StandardCharsets.UTF_8), "run", "--parallel", n, "-");
            assertEquals(252, r.exitCode(), r.toString());
            assertTrue(r.err().contains("--parallel takes a number from 1 to 64"), r.err());
            assertEquals("", r.out());
        }
    }

    @Test
    void bytesThatAreNotTextArriveWholeAsBase64(@TempDir Path dir) throws Exception {
        byte[] bytes = new byte[256];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) i;
        }
        String bucket = "bin-" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(0, AwsjRun.run(env, "s3", "mb", "s3://" + bucket).exitCode());
        Path file = Files.write(dir.resolve("all.bin"), bytes);
        assertEquals(0, AwsjRun.run(env, "s3", "cp", file.toString(), "s3://" + bucket + "/all.bin").exitCode());
        Result r = AwsjRun.run(env, ("s3 cat s3://" + bucket + "/all.bin\n").getBytes(StandardCharsets.UTF_8), "run", "-");
        assertEquals(0, r.exitCode(), r.toString());
        JsonNode line = lines(r).get(0);
        assertFalse(line.has("Output"), line.toString());
        assertArrayEquals(bytes, java.util.Base64.getDecoder().decode(line.get("OutputBase64").asText()));
    }

    @Test
    void serviceErrorsNameTheOperationAndTheWorstCodeWins() throws Exception {
        String lines = "sns publish --topic-arn arn:aws:sns:us-east-1:000000000000:missing-topic --message m\n"
                + "sns list-topics --bogus\n"
                + "sns publish --message \"unbalanced\n";
        Result r = AwsjRun.run(env, lines.getBytes(StandardCharsets.UTF_8), "run", "--parallel", "2", "-");
        assertEquals(254, r.exitCode(), r.out());
        List<JsonNode> results = lines(r);
        assertEquals(3, results.size());
        assertEquals(254, results.get(0).get("ExitCode").asInt());
        assertTrue(results.get(0).get("Error").asText().startsWith("An error occurred ("), results.get(0).toString());
        assertTrue(results.get(0).get("Error").asText().contains("when calling the Publish operation"), results.get(0).toString());
        assertEquals(252, results.get(1).get("ExitCode").asInt());
        assertEquals(252, results.get(2).get("ExitCode").asInt());
        assertEquals(3, results.get(2).get("Line").asInt());
        assertTrue(results.get(2).get("Error").asText().contains("unmatched double quote"), results.get(2).toString());
    }

    @Test
    void aMissingFileIsAUsageError() {
        Result r = AwsjRun.run(env, "run", "/nonexistent/awsj-run-file");
        assertEquals(252, r.exitCode());
        assertTrue(r.err().contains("No such file: /nonexistent/awsj-run-file"), r.err());
        assertEquals("", r.out());
    }
}
