package dev.awsj.docs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsj.Awsj;
import dev.awsj.cli.Context;
import dev.awsj.json.SdkJson;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code docs/aws-compatibility.md} cannot go stale. Its tables list every global option,
 * environment variable, config key and {@code s3} command flag with a status; this test checks
 * each row against awsj (picocli's model for options and flags; the string literals of
 * {@code src/main/java} for environment variables and config keys): a row that says {@code same}
 * or {@code differs} names something awsj has, a row that says {@code not supported} names
 * something it lacks, and everything awsj has has a row. Where the AWS CLI is installed, its own
 * lists ({@code src/test/resources/compat/aws-lists.py} reads them from the AWS CLI's data and
 * source) must all have a row; elsewhere that half is skipped with a line on stderr.
 *
 * <p>Adding an option, variable or key to awsj means editing its row (or adding one).
 */
class AwsCompatibilityDocTest {
    static final Path DOC = Path.of("docs/aws-compatibility.md");
    static final String AWS = System.getenv().getOrDefault("AWSJ_COMPAT_AWS", "/usr/bin/aws");
    static final Set<String> STATUSES = Set.of("same", "same (SDK)", "differs", "awsj-specific", "newer aws", "not supported");
    /** Statuses that say awsj has the thing. */
    static final Set<String> HAS = Set.of("same", "differs", "awsj-specific", "newer aws");

    record Row(String name, String commands, String status) {
    }

    /** The rows of the table under {@code ## heading}: name, (for s3 flags) commands, status. */
    static Map<String, Row> table(String heading) throws IOException {
        List<String> lines = Files.readAllLines(DOC);
        Map<String, Row> rows = new LinkedHashMap<>();
        boolean in = false;
        for (String l : lines) {
            if (l.startsWith("## ")) {
                in = l.substring(3).trim().equals(heading);
                continue;
            }
            if (!in || !l.startsWith("| `")) {
                continue;
            }
            String[] cells = l.split("(?<!\\\\)\\|");
            String name = cells[1].trim().replace("`", "");
            boolean flags = heading.startsWith("s3");
            String commands = flags ? cells[2].trim() : "";
            String status = cells[flags ? 3 : 2].trim();
            assertTrue(STATUSES.contains(status), heading + ": row " + name + " has the status \"" + status
                    + "\"; use one of " + STATUSES);
            assertTrue(rows.put(name, new Row(name, commands, status)) == null, heading + ": two rows for " + name);
        }
        assertTrue(!rows.isEmpty(), "no table under ## " + heading + " in " + DOC);
        return rows;
    }

    static CommandLine root(String... words) {
        Context ctx = new Context(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream(),
                new ByteArrayOutputStream(), Map.of("AWSJ_FULL_TREE", Awsj.FULL_TREE));
        return Awsj.commandLine(ctx, words);
    }

    static Set<String> optionNames(CommandLine cmd, boolean inheritedToo) {
        Set<String> names = new TreeSet<>();
        for (OptionSpec o : cmd.getCommandSpec().options()) {
            if (!inheritedToo && o.inherited()) {
                continue;
            }
            for (String n : o.names()) {
                if (n.startsWith("--")) {
                    names.add(n);
                    if (o.negatable()) {
                        names.add(n.replaceFirst("^--", "--no-"));
                    }
                }
            }
        }
        return names;
    }

    /** The string literals of src/main/java that look like environment variables or config keys. */
    static Set<String> literals() throws IOException {
        Set<String> found = new TreeSet<>();
        Pattern p = Pattern.compile("\"([A-Za-z0-9_.]+)\"");
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(x -> x.toString().endsWith(".java")).toList()) {
                Matcher m = p.matcher(Files.readString(f));
                while (m.find()) {
                    found.add(m.group(1));
                }
            }
        }
        return found;
    }

    /** What the installed AWS CLI accepts, or null when it is not installed. */
    static JsonNode awsLists() throws Exception {
        if (!Files.isExecutable(Path.of(AWS))) {
            System.err.println("AwsCompatibilityDocTest: no AWS CLI at " + AWS + ": rows are not checked against its lists");
            return null;
        }
        String first = Files.readAllLines(Path.of(AWS)).get(0);
        String python = first.startsWith("#!") ? first.substring(2).trim().split("\\s+")[0] : "python3";
        Path script = Path.of("src/test/resources/compat/aws-lists.py").toAbsolutePath();
        Process p = new ProcessBuilder(python, script.toString()).directory(Path.of("/").toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        assertTrue(p.exitValue() == 0, "aws-lists.py: " + err);
        return SdkJson.MAPPER.readTree(out);
    }

    static List<String> strings(JsonNode array) {
        List<String> l = new ArrayList<>();
        array.forEach(n -> l.add(n.asText()));
        return l;
    }

    @Test
    void globalOptions() throws Exception {
        Map<String, Row> rows = table("Global options");
        Set<String> awsj = optionNames(root(), true);
        awsj.removeAll(Set.of("--help", "--version"));
        List<String> problems = new ArrayList<>();
        for (Row r : rows.values()) {
            boolean has = awsj.contains(r.name()) || r.name().equals("--version");
            if (HAS.contains(r.status()) != has) {
                problems.add(r.name() + " says \"" + r.status() + "\" but awsj " + (has ? "has" : "lacks") + " it");
            }
        }
        for (String o : awsj) {
            if (!rows.containsKey(o)) {
                problems.add(o + " (awsj has it) has no row");
            }
        }
        JsonNode aws = awsLists();
        if (aws != null) {
            for (String o : strings(aws.get("global"))) {
                if (!rows.containsKey(o)) {
                    problems.add(o + " (aws has it) has no row");
                }
            }
        }
        assertTrue(problems.isEmpty(), DOC + ", Global options:\n" + String.join("\n", problems));
    }

    @Test
    void environmentVariablesAndConfigKeys() throws Exception {
        Set<String> literals = literals();
        List<String> problems = new ArrayList<>();
        JsonNode aws = awsLists();
        for (String[] kind : new String[][] {{"Environment variables", "env"}, {"Config file keys", "config"}}) {
            Map<String, Row> rows = table(kind[0]);
            for (Row r : rows.values()) {
                String key = r.name().contains(".") ? r.name().substring(r.name().indexOf('.') + 1) : r.name();
                // a name ending in _ is a prefix (AWS_ENDPOINT_URL_<SERVICE>)
                key = key.replaceAll("<[A-Z]+>$", "");
                boolean has = literals.contains(key);
                if (!r.status().equals("same (SDK)") && HAS.contains(r.status()) != has) {
                    problems.add(r.name() + " says \"" + r.status() + "\" but src/main/java " + (has ? "reads" : "never names")
                            + " \"" + key + "\"");
                }
            }
            if (kind[1].equals("env")) {
                for (String l : literals) {
                    if (l.matches("AWSJ?_[A-Z0-9_]+") && rows.keySet().stream().noneMatch(n -> n.replaceAll("<[A-Z]+>$", "")
                            .equals(l))) {
                        problems.add(l + " (awsj reads it) has no row");
                    }
                }
            }
            if (aws != null) {
                for (String n : strings(aws.get(kind[1]))) {
                    if (!rows.containsKey(n)) {
                        problems.add(n + " (aws reads it) has no row under " + kind[0]);
                    }
                }
            }
        }
        assertTrue(problems.isEmpty(), DOC + ":\n" + String.join("\n", problems));
    }

    @Test
    void s3CommandFlags() throws Exception {
        Map<String, Row> rows = table("s3 command flags");
        List<String> problems = new ArrayList<>();
        Map<String, Set<String>> awsj = new LinkedHashMap<>();
        for (String c : List.of("ls", "website", "presign", "cp", "mv", "rm", "sync", "mb", "rb")) {
            // built as for the line `awsj s3 c`: only the command on the line is built in full
            CommandLine cmd = root("s3", c).getSubcommands().get("s3").getSubcommands().get(c);
            awsj.put(c, cmd == null ? Set.of() : optionNames(cmd, false));
        }
        for (Row r : rows.values()) {
            for (String token : r.commands().split("\\s+")) {
                // "c!": aws has the flag on c, awsj does not
                boolean lacking = token.endsWith("!");
                String c = lacking ? token.substring(0, token.length() - 1) : token;
                if (!awsj.containsKey(c)) {
                    problems.add(r.name() + ": unknown command " + c);
                    continue;
                }
                boolean has = awsj.get(c).contains(r.name());
                if ((HAS.contains(r.status()) && !lacking) != has) {
                    problems.add(c + " " + r.name() + " says \"" + r.status() + "\" but awsj " + (has ? "has" : "lacks") + " it");
                }
            }
        }
        Set<String> globals = optionNames(root(), true);
        awsj.forEach((c, opts) -> {
            for (String o : opts) {
                Row r = rows.get(o);
                if (!globals.contains(o) && !o.equals("--help") && (r == null || !List.of(r.commands().split("\\s+")).contains(c))) {
                    problems.add(c + " " + o + " (awsj has it) has no row naming " + c);
                }
            }
        });
        JsonNode aws = awsLists();
        if (aws != null) {
            aws.get("s3").fields().forEachRemaining(e -> {
                for (String o : strings(e.getValue())) {
                    Row r = rows.get(o);
                    if (r == null || !List.of(r.commands().replace("!", "").split("\\s+")).contains(e.getKey())) {
                        problems.add(e.getKey() + " " + o + " (aws has it) has no row naming " + e.getKey());
                    }
                }
            });
        }
        assertTrue(problems.isEmpty(), DOC + ", s3 command flags:\n" + String.join("\n", problems));
    }
}
