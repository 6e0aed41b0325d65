package dev.awsj;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The launcher picks a call's start-up archive by the service on its line (src/main/sh/awsj-launch.sh,
 * {@code _awsj_group}); the trainer trains each of them ({@link TrainCommand#lines}). Both name
 * awsj's services, and every one of them.
 */
class LauncherGroupsTest {
    @Test
    void theLauncherKnowsEveryServiceAndTheTrainerEveryGroup() throws Exception {
        String script = Files.readString(Path.of("src/main/sh/awsj-launch.sh"));
        String function = script.substring(script.indexOf("_awsj_group() {"), script.indexOf("\n}\n", script.indexOf("_awsj_group() {")));
        Set<String> words = new TreeSet<>();
        Matcher m = Pattern.compile("^\\s+([a-z0-9 |]+)\\) _awsj_group=", Pattern.MULTILINE).matcher(function);
        while (m.find()) {
            for (String w : m.group(1).split("\\|")) {
                words.add(w.strip());
            }
        }
        // s3api's calls use s3's archive; help, --version and configure "awsj"'s.
        Set<String> groups = new TreeSet<>(words);
        groups.remove("s3api");
        groups.add("awsj");
        Set<String> expected = new TreeSet<>(Awsj.SERVICES);
        expected.add("run");
        assertEquals(expected, words, "the words the launcher looks for");

        Path home = Path.of("/nonexistent");
        List<List<String>> all = TrainCommand.lines(home, "run");
        List<List<String>> union = new ArrayList<>();
        for (String g : groups) {
            List<List<String>> lines = TrainCommand.lines(home, g);
            assertEquals(List.of("--version"), lines.get(0), g + ": every archive serves --version");
            if (!g.equals("run")) {
                for (List<String> line : lines) {
                    if (!union.contains(line)) {
                        union.add(line);
                    }
                }
                List<String> serviceLines = lines.stream().skip(1).map(l -> l.get(0)).distinct().toList();
                if (!g.equals("awsj")) {
                    assertEquals(g.equals("s3") ? List.of("s3", "s3api") : List.of(g), serviceLines,
                            g + "'s archive is trained on its own calls");
                }
            }
        }
        assertEquals(new TreeSet<>(all.stream().map(Object::toString).toList()),
                new TreeSet<>(union.stream().map(Object::toString).toList()), "run's archive has every group's lines");
    }

    /** The launcher names the main class (the jar is on the boot class path, not run with -jar): the jar's. */
    @Test
    void theLauncherStartsTheJarsMainClass() throws Exception {
        String script = Files.readString(Path.of("src/main/sh/awsj-launch.sh"));
        Matcher m = Pattern.compile("^_awsj_main=(\\S+)$", Pattern.MULTILINE).matcher(script);
        assertEquals(true, m.find(), "_awsj_main= in the launcher");
        assertEquals(Main.class.getName(), m.group(1));
        // The jar's Main-Class, set by the shade plugin's manifest transformer.
        String pom = Files.readString(Path.of("pom.xml"));
        assertEquals(true, pom.contains("<mainClass>" + m.group(1) + "</mainClass>"), "the pom's Main-Class");
    }
}
