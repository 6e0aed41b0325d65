package dev.awsj.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The checked-in reference in {@code docs/commands} matches the command model. When it fails,
 * regenerate it: {@code mvn -q test-compile exec:java@command-reference -Dawsj.docs.update=true}.
 */
class CommandReferenceTest {
    private static final String HOW = "docs/commands is stale: run `mvn -q test-compile exec:java@command-reference -Dawsj.docs.update=true`"
            + " and commit docs/commands";

    @Test
    void checkedInReferenceIsCurrent() throws Exception {
        Map<String, String> generated = CommandReference.generate();
        Path dir = Path.of("docs");
        TreeSet<String> expected = generated.keySet().stream().filter(k -> k.startsWith("commands/"))
                .collect(Collectors.toCollection(TreeSet::new));
        TreeSet<String> actual;
        try (Stream<Path> s = Files.walk(dir.resolve("commands"))) {
            actual = s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString())
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(expected, actual, HOW);
        for (String f : expected) {
            assertEquals(generated.get(f), Files.readString(dir.resolve(f), StandardCharsets.UTF_8), HOW + " (" + f + ")");
        }
    }

    @Test
    void manPagesAreRoffForEveryDocumentedCommand() {
        Map<String, String> generated = CommandReference.generate();
        String root = generated.get("man/man1/awsj.1");
        assertTrue(root.startsWith(".TH \"AWSJ\" \"1\""), root);
        assertTrue(root.contains(".SH EXIT STATUS"), root);
        assertTrue(generated.containsKey("man/man1/awsj-sns.1"));
    }
}
