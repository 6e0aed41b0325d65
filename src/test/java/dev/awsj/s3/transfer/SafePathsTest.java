package dev.awsj.s3.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafePathsTest {
    @Test
    void keysInsideTheFolderResolve(@TempDir Path root) throws Exception {
        assertEquals(root.toAbsolutePath().resolve("a/b.txt"), SafePaths.resolveInside(root, "a/b.txt"));
        assertEquals(root.toAbsolutePath().resolve("b.txt"), SafePaths.resolveInside(root, "a/../b.txt"));
    }

    @Test
    void keysLeavingTheFolderAreRefused(@TempDir Path root) throws Exception {
        for (String key : new String[] {"../../etc/x", "/abs/path", "/../x", "a/../../b", "..", ".", "", "a/../.."}) {
            assertNull(SafePaths.resolveInside(root, key), key);
        }
    }

    @Test
    void symbolicLinksLeadingOutAreRefused(@TempDir Path tmp) throws Exception {
        Path root = tmp.resolve("root");
        Path outside = tmp.resolve("outside");
        Files.createDirectories(root);
        Files.createDirectories(outside);
        Files.createSymbolicLink(root.resolve("out"), outside);
        Files.createSymbolicLink(root.resolve("file-link"), outside.resolve("f"));
        assertNull(SafePaths.resolveInside(root, "out/x"));
        assertNull(SafePaths.resolveInside(root, "out/deeper/x"));
        assertNull(SafePaths.resolveInside(root, "file-link"));
        Files.createDirectories(root.resolve("in"));
        Files.createSymbolicLink(root.resolve("inner"), root.resolve("in"));
        assertEquals(root.toAbsolutePath().resolve("inner/x"), SafePaths.resolveInside(root, "inner/x"),
                "a link that stays inside is fine");
    }
}
