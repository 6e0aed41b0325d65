package dev.awsj.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.awsj.aws.Setting;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md lists every setting awsj reads, and only those: its "Every setting" table
 * and {@link Setting} agree row for row, and every {@code AWS_...} variable or profile key named
 * in the main sources is one of them.
 */
class ConfigurationKeysDocTest {
    private static final Path DOC = Path.of("docs/configuration.md");
    private static final Pattern TICKED = Pattern.compile("`([^`]+)`");
    /** Names in the sources that awsj writes rather than reads. */
    private static final Set<String> WRITTEN_NOT_READ = Set.of("AWS_CREDENTIAL_EXPIRATION");

    /** "key -> env, env" for each row of the doc's table. */
    private static TreeMap<String, String> docRows() throws IOException {
        String doc = Files.readString(DOC);
        int start = doc.indexOf("\n## Every setting");
        assertTrue(start >= 0, "docs/configuration.md has no \"## Every setting\" section");
        int end = doc.indexOf("\n## ", start + 1);
        String section = doc.substring(start, end < 0 ? doc.length() : end);
        TreeMap<String, String> rows = new TreeMap<>();
        for (String line : section.split("\n")) {
            if (!line.startsWith("| `") && !line.startsWith("| —")) {
                continue;
            }
            String[] cells = line.split("\\|");
            String key = ticked(cells[1]).stream().findFirst().orElse("—");
            String env = String.join(", ", ticked(cells[2]));
            rows.merge(key, env, (a, b) -> a + "; " + b);
        }
        return rows;
    }

    private static List<String> ticked(String cell) {
        List<String> out = new ArrayList<>();
        Matcher m = TICKED.matcher(cell);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void theDocListsEverySettingAndOnlyThose() throws IOException {
        TreeMap<String, String> code = new TreeMap<>();
        for (Setting s : Setting.values()) {
            code.merge(s.key() == null ? "—" : s.key(), String.join(", ", s.env()), (a, b) -> a + "; " + b);
        }
        // The environment-only rows are compared as a set: their order in the doc is free.
        assertEquals(new TreeSet<>(List.of(code.remove("—").split("; "))), new TreeSet<>(List.of(docRows().get("—").split("; "))),
                "the environment-only rows of docs/configuration.md's \"Every setting\" table");
        TreeMap<String, String> doc = docRows();
        doc.remove("—");
        assertEquals(code, doc, "docs/configuration.md's \"Every setting\" table and aws.Setting");
    }

    @Test
    void everyNameTheSourcesReadIsASetting() throws IOException {
        Set<String> env = new TreeSet<>();
        Set<String> keys = new TreeSet<>();
        for (Setting s : Setting.values()) {
            env.addAll(s.env());
            if (s.key() != null) {
                keys.add(s.key());
            }
        }
        Pattern envName = Pattern.compile("\"(AWS_[A-Z0-9_]*)\"");
        Pattern profileKey = Pattern.compile("(?:profileProperty|profileValue)\\((?:[^,()]+,\\s*)?\"([a-z0-9_.]+)\"\\)");
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String src = Files.readString(f);
                Matcher m = envName.matcher(src);
                while (m.find()) {
                    String name = m.group(1).endsWith("_") ? m.group(1) + "<SERVICE>" : m.group(1);
                    if (!env.contains(name) && !WRITTEN_NOT_READ.contains(name)) {
                        missing.add(f.getFileName() + ": " + name);
                    }
                }
                m = profileKey.matcher(src);
                while (m.find()) {
                    if (!keys.contains(m.group(1))) {
                        missing.add(f.getFileName() + ": " + m.group(1));
                    }
                }
            }
        }
        assertEquals(List.of(), missing, "read in the sources but not listed in aws.Setting (and so in docs/configuration.md)");
    }
}
