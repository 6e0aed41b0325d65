package dev.awsj;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The launcher puts awsj's jar on the boot class path (docs/architecture.md, "Start-up"), where its
 * classes see only the modules of the boot loader. The tests run awsj on the application class
 * path, where everything is visible, so this one reads the sources: no package of a module that
 * another loader defines ({@code java.net.http}, {@code jdk.httpserver}, {@code java.sql}, …) is
 * named outside {@code dev.awsj.train}, which {@code TrainCommand} loads with a loader of its own.
 */
class BootModulesOnlyTest {
    @Test
    void awsjNamesNoPackageTheBootLoaderCannotSee() throws Exception {
        Set<String> unseen = new TreeSet<>();
        for (Module m : ModuleLayer.boot().modules()) {
            if (m.getClassLoader() != null) {
                unseen.addAll(m.getPackages());
            }
        }
        assertTrue(unseen.contains("java.net.http") && unseen.contains("com.sun.net.httpserver"), unseen.toString());
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                if (f.startsWith(Path.of("src/main/java/dev/awsj/train"))) {
                    continue;
                }
                String code = Files.readString(f);
                for (String pkg : unseen) {
                    if (code.matches("(?s).*\\b" + pkg.replace(".", "\\.") + "\\.[A-Z*].*")) {
                        found.add(f + ": " + pkg);
                    }
                }
            }
        }
        assertEquals(List.of(), found);
    }
}
