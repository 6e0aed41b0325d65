package dev.awsj.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.awsj.json.SdkJson;
import dev.awsj.testing.AwsjRun;
import dev.awsj.testing.Emulators;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class YamlFormatTest {
    private static final YAMLMapper READER = new YAMLMapper();

    private static String yaml(String json, String format) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        new OutputWriter(out, format, null, false).write(SdkJson.MAPPER.readTree(json));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static String yaml(String json) throws Exception {
        return yaml(json, "yaml");
    }

    /** Values a YAML reader would take for something else, or reject, if they were written plain. */
    private static final List<String> TRICKY = List.of(
            "foo:", "foo: bar", "a #b", "#x", "- x", "-", "? x", ":", "@x", "`x", "%x", "!x", "&x", "*x", "|x", ">x",
            "'x", "\"x", "[x", "{x", "{\"a\":1}", "=", "<<", "~", "", " lead", "trail ", "  ", "---", "...",
            ".inf", "-.inf", "+.INF", ".nan", "0x1F", "0o17", "017", "0b101", "1_000", "1e3", "1.0", "1.", ".5", "+1", "-1",
            "000000000000", "12:30", "1:20:30", "2024-01-01", "2024-01-01T00:00:00Z", "2019-12-31T23:59:59+00:00",
            "2024-01-01T00:00:00.123+02:00", "2024-01-01 10:00:00", "true", "True", "FALSE", "yes", "No", "on", "OFF",
            "y", "n", "null", "Null", "NULL", "a\nb", "a\n", "\na", "a\r\nb", "x\u2028y", "a\tb", "tab\t", "\u0001",
            "\u007f", "x\u0085y", "\uFEFFx", "\u00a0x", "é", "日本語", "x\uD83D\uDE00y", "C:\\dir", "it's", "say \"hi\"",
            "arn:aws:sns:us-east-1:000000000000:a", "http://x.com/a?b#c", "word ".repeat(40), "x".repeat(200));

    @Test
    void trickyStringsReadBackAsTheSameStrings() throws Exception {
        var list = SdkJson.MAPPER.createArrayNode();
        var map = SdkJson.MAPPER.createObjectNode();
        for (String s : TRICKY) {
            list.add(s);
            map.put(s, s);
        }
        var doc = SdkJson.MAPPER.createObjectNode();
        doc.set("List", list);
        doc.set("Map", map);
        String json = doc.toString();
        String yaml = yaml(json);
        assertEquals(SdkJson.MAPPER.readTree(json), READER.readTree(yaml), yaml);
        // In a list, in a one-element list (yaml-stream), and as map keys too.
        assertEquals(SdkJson.MAPPER.createArrayNode().add(doc), READER.readTree(yaml(json, "yaml-stream")));
    }

    @Test
    void stringsAreQuotedWhereTheyMustBeWithSingleQuotesAsAwsQuotesThem() throws Exception {
        assertEquals("A: 'foo:'\n", yaml("{\"A\": \"foo:\"}"));
        assertEquals("- '.inf'\n- '0x1F'\n- '2024-01-01T00:00:00+00:00'\n- '1.5'\n- 'true'\n- 'yes'\n- 'null'\n- ''\n"
                + "- '12:30'\n- '''x'\n- plain text\n- arn:aws:sns:us-east-1:000000000000:a\n- a:b\n- é\n",
                yaml("[\".inf\", \"0x1F\", \"2024-01-01T00:00:00+00:00\", \"1.5\", \"true\", \"yes\", \"null\", \"\", \"12:30\","
                        + " \"'x\", \"plain text\", \"arn:aws:sns:us-east-1:000000000000:a\", \"a:b\", \"é\"]"));
        // Keys as values; double quotes only where single ones cannot hold the text.
        assertEquals("'123': 1\n'a: b': \"tab\\t\"\n", yaml("{\"123\": 1, \"a: b\": \"tab\\t\"}"));
        // A line break is never plain: ruamel's folded single quotes.
        assertEquals("- 'a\n\n  b'\n", yaml("[\"a\\nb\"]"));
    }

    @Test
    void numbersBooleansAndNullsAreWrittenAsPythonWritesThem() throws Exception {
        assertEquals("- 1\n- -7\n- 100000000000000000000\n- 1.5\n- 100.0\n- 1e-05\n- 1e+17\n- true\n- false\n- null\n",
                yaml("[1, -7, 100000000000000000000, 1.5, 100.0, 0.00001, 1e17, true, false, null]"));
    }

    @Test
    void keysKeepTheirOrder() throws Exception {
        assertEquals("Zulu: 1\nAlpha: 2\nMike:\n  b: 1\n  a: 2\n",
                yaml("{\"Zulu\": 1, \"Alpha\": 2, \"Mike\": {\"b\": 1, \"a\": 2}}"));
    }

    @Test
    void blockLayoutAsAwsPrintsIt() throws Exception {
        assertEquals("Topics:\n- TopicArn: a\n  Extra:\n  - 1\n  - - 2\n    - 3\n- TopicArn: b\nEmpty: []\nNone: {}\n",
                yaml("{\"Topics\": [{\"TopicArn\": \"a\", \"Extra\": [1, [2, 3]]}, {\"TopicArn\": \"b\"}],"
                        + " \"Empty\": [], \"None\": {}}"));
        // Long text is folded at 80 columns, as aws folds it; it reads back unchanged.
        String words = "word ".repeat(30).trim();
        String folded = yaml("{\"T\": \"" + words + "\"}");
        assertEquals("T: word word word word word word word word word word word word word word word word\n"
                + "  word word word word word word word word word word word word word word\n", folded);
        assertEquals(words, READER.readTree(folded).get("T").asText());
    }

    @Test
    void whatIsNotAMapOrList() throws Exception {
        // aws prints a bare scalar as JSON, and nothing for an empty response.
        assertEquals("\"arn:a\"\n", yaml("\"arn:a\""));
        assertEquals("2\n", yaml("2"));
        assertEquals("null\n", yaml("null"));
        assertEquals("", yaml("{}"));
        assertEquals("[]\n", yaml("[]"));
        // yaml-stream prints the result as a list of one.
        assertEquals("- Topics:\n  - TopicArn: a\n", yaml("{\"Topics\": [{\"TopicArn\": \"a\"}]}", "yaml-stream"));
        assertEquals("- arn:a\n", yaml("\"arn:a\"", "yaml-stream"));
        assertEquals("- - a\n  - b\n", yaml("[\"a\", \"b\"]", "yaml-stream"));
        assertEquals("", yaml("{}", "yaml-stream"));
    }

    /** The YAML library is loaded for the yaml formats only, not by other commands' start-up. */
    @Test
    void theYamlLibraryIsLoadedOnlyForYamlOutput() throws Exception {
        Map<String, String> env = AwsjRun.env(Emulators.fauxqsEndpoint());
        List<String> json = loadedClasses(env, "sns", "list-topics", "--output", "json");
        assertTrue(json.stream().anyMatch(c -> c.equals("dev.awsj.output.OutputWriter")), "the output was written");
        assertFalse(json.stream().anyMatch(c -> c.startsWith("dev.awsj.output.YamlFormat")
                || c.startsWith("com.fasterxml.jackson.dataformat.yaml.") || c.startsWith("org.yaml.snakeyaml.")),
                json.stream().filter(c -> c.contains("yaml") || c.contains("Yaml")).toList().toString());
        List<String> yaml = loadedClasses(env, "sns", "list-topics", "--output", "yaml");
        assertTrue(yaml.contains("com.fasterxml.jackson.dataformat.yaml.YAMLGenerator"), "the check sees YAML classes");
        assertTrue(yaml.contains("org.yaml.snakeyaml.emitter.Emitter"), "the check sees SnakeYAML classes");
    }

    /** Runs awsj in a JVM of its own and returns the classes it loaded. */
    private static List<String> loadedClasses(Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info:stdout", "-cp", System.getProperty("java.class.path"), "dev.awsj.Main"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        List<String> classes = new ArrayList<>();
        for (String line : out.split("\n")) {
            int at = line.indexOf("[class,load] ");
            if (at >= 0) {
                String rest = line.substring(at + "[class,load] ".length());
                classes.add(rest.split(" ")[0]);
            }
        }
        assertTrue(classes.size() > 100, out);
        return classes;
    }
}
