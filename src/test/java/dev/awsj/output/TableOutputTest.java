package dev.awsj.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.awsj.json.SdkJson;
import dev.awsj.testing.AwsjRun;
import dev.awsj.testing.AwsjRun.Result;
import dev.awsj.testing.Emulators;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code --output table} nests as the AWS CLI's does: the same bytes for the same result. The
 * side-by-side cases run the same line through {@code /usr/bin/aws} (skipped, with a line on
 * stderr, where it is not installed); the layout cases pin what aws 2.9.19 printed for them.
 */
class TableOutputTest {
    static final String AWS = System.getenv().getOrDefault("AWSJ_COMPAT_AWS", "/usr/bin/aws");

    static String table(String json, String title, int width) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TableFormat.write(SdkJson.MAPPER.readTree(json), title, new PrintStream(bytes, true, StandardCharsets.UTF_8),
                false, width);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void nestedGrantsSitInsideTheirParentsSection() throws Exception {
        String json = "{\"Owner\":{\"DisplayName\":\"me\",\"ID\":\"abc\"},\"Grants\":[{\"Grantee\":{\"ID\":\"abc\","
                + "\"Type\":\"CanonicalUser\"},\"Permission\":\"FULL_CONTROL\"},{\"Grantee\":{\"Type\":\"Group\","
                + "\"URI\":\"http://acs.amazonaws.com/groups/global/AllUsers\"},\"Permission\":\"READ\"}]}";
        // What aws 2.9.19 prints for this GetBucketAcl result (stdout not a terminal: 80 columns).
        String expected = """
                ------------------------------------------------------------------
                |                          GetBucketAcl                          |
                +----------------------------------------------------------------+
                ||                            Grants                            ||
                |+--------------------------------------------------------------+|
                ||                          Permission                          ||
                |+--------------------------------------------------------------+|
                ||  FULL_CONTROL                                                ||
                |+--------------------------------------------------------------+|
                |||                           Grantee                          |||
                ||+----------------+-------------------------------------------+||
                |||       ID       |                   Type                    |||
                ||+----------------+-------------------------------------------+||
                |||  abc           |  CanonicalUser                            |||
                ||+----------------+-------------------------------------------+||
                ||                            Grants                            ||
                |+--------------------------------------------------------------+|
                ||                          Permission                          ||
                |+--------------------------------------------------------------+|
                ||  READ                                                        ||
                |+--------------------------------------------------------------+|
                |||                           Grantee                          |||
                ||+-------+----------------------------------------------------+||
                ||| Type  |                        URI                         |||
                ||+-------+----------------------------------------------------+||
                |||  Group|  http://acs.amazonaws.com/groups/global/AllUsers   |||
                ||+-------+----------------------------------------------------+||
                ||                             Owner                            ||
                |+------------------------------------------+-------------------+|
                ||                DisplayName               |        ID         ||
                |+------------------------------------------+-------------------+|
                ||  me                                      |  abc              ||
                |+------------------------------------------+-------------------+|
                """;
        String actual = table(json, "GetBucketAcl", 80);
        if (Files.isExecutable(Path.of(AWS))) {
            assertEquals(awsTable(json, "GetBucketAcl"), actual);
        }
        assertEquals(expected, actual);
    }

    @Test
    void emptyListsAreLeftOutAndScalarListsAreRows() throws Exception {
        assertEquals("""
                ---------------
                |DeleteObjects|
                +-------------+
                ||  Deleted  ||
                |+-----------+|
                ||    Key    ||
                |+-----------+|
                ||  a.txt    ||
                |+-----------+|
                """, table("{\"Deleted\":[{\"Key\":\"a.txt\"}],\"Errors\":[]}", "DeleteObjects", 80));
        assertEquals("""
                ---------------
                |ListObjectsV2|
                +-------------+
                |  a          |
                |  b          |
                +-------------+
                """, table("[\"a\",\"b\"]", "ListObjectsV2", 80));
        // An object whose only member is an empty list: its title alone.
        assertEquals("""
                ---------------
                |DeleteObjects|
                +-------------+
                """, table("{\"Errors\":[]}", "DeleteObjects", 80));
        assertEquals("", table("[]", "ListObjectsV2", 80));
    }

    /** The same line through aws and awsj against the same emulator: the same bytes. */
    @Test
    void sameBytesAsAwsOnTheEmulators() throws Exception {
        if (!Files.isExecutable(Path.of(AWS))) {
            System.err.println("TableOutputTest: no AWS CLI at " + AWS + ": the side-by-side comparison is skipped");
            return;
        }
        Map<String, String> sns = AwsjRun.env(Emulators.fauxqsEndpoint());
        for (String name : List.of("table-a", "table-bb")) {
            assertEquals(0, AwsjRun.run(sns, "sns", "create-topic", "--name", name).exitCode());
        }
        sameTable(sns, "sns", "list-topics");

        Map<String, String> s3 = AwsjRun.env(Emulators.s3Endpoint());
        String bucket = "table-" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(0, AwsjRun.run(s3, "s3", "mb", "s3://" + bucket).exitCode());
        Path f = Files.createTempFile("table", ".txt");
        Files.writeString(f, "table me");
        for (String key : List.of("a.txt", "dir/b.txt")) {
            assertEquals(0, AwsjRun.run(s3, "s3api", "put-object", "--bucket", bucket, "--key", key, "--body",
                    f.toString(), "--metadata", "{\"team\":\"data\"}").exitCode());
        }
        sameTable(s3, "s3api", "get-bucket-acl", "--bucket", bucket);
        sameTable(s3, "s3api", "list-objects-v2", "--bucket", bucket, "--query", "Contents[].{Key:Key,Size:Size}");
        sameTable(s3, "s3api", "list-objects-v2", "--bucket", bucket, "--query", "Contents[].[Key,Size]");
        sameTable(s3, "s3api", "head-object", "--bucket", bucket, "--key", "a.txt", "--query",
                "{Length:ContentLength,Type:ContentType,Metadata:Metadata}");
        sameTable(s3, "s3api", "delete-objects", "--bucket", bucket, "--delete", "{\"Objects\":[{\"Key\":\"a.txt\"}]}");
    }

    static void sameTable(Map<String, String> env, String... args) throws Exception {
        List<String> line = new ArrayList<>(List.of(args));
        line.addAll(List.of("--output", "table"));
        Result awsj = AwsjRun.run(env, line.toArray(String[]::new));
        assertEquals(0, awsj.exitCode(), awsj.toString());
        assertEquals(aws(env, line), awsj.out(), "awsj " + String.join(" ", line));
    }

    /** aws's table of a JSON value: through {@code aws ... --query} on a literal, no service needed. */
    static String awsTable(String json, String operation) throws Exception {
        Path script = Files.createTempFile("table", ".py");
        Files.writeString(script, """
                import json, sys, io
                from awscli.formatter import TableFormatter
                class A: pass
                a = A(); a.color = 'off'; a.query = None
                out = io.StringIO()
                TableFormatter(a)(sys.argv[1], json.loads(sys.argv[2]), out)
                sys.stdout.write(out.getvalue())
                """);
        Process p = new ProcessBuilder(interpreter(), script.toString(), operation, json).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        Files.delete(script);
        assertEquals(0, p.exitValue(), new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        return out;
    }

    /** The Python that runs the AWS CLI (its #! line): its awscli package is the one to ask. */
    static String interpreter() throws Exception {
        String first = Files.readAllLines(Path.of(AWS)).get(0);
        return first.startsWith("#!") ? first.substring(2).trim().split("\\s+")[0] : "python3";
    }

    static String aws(Map<String, String> env, List<String> args) {
        Result r = dev.awsj.testing.AwsCli.run(env, args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), "aws " + String.join(" ", args) + ": " + r.err());
        return r.out();
    }
}
