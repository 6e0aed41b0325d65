package dev.awsj.configure;

import dev.awsj.core.AtomicFileWriter;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.awsj.core.AwsjException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileWriterTest {
    @TempDir
    Path dir;

    private final PrintStream err = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

    private List<String> names() throws IOException {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aCrashBetweenWriteAndRenameLeavesTheOldFileIntact() throws Exception {
        Path target = dir.resolve("credentials");
        Files.writeString(target, "[default]\naws_access_key_id = OLD\n");
        Path[] seenTemp = new Path[1];
        AtomicFileWriter crashing = new AtomicFileWriter(err) {
            @Override
            protected void beforeRename(Path temp, Path t) throws IOException {
                seenTemp[0] = temp;
                // The new bytes are complete on disk beside the target, in the same folder...
                assertEquals("[default]\naws_access_key_id = NEW\n", Files.readString(temp));
                assertEquals(dir, temp.getParent());
                // ...when the process dies.
                throw new IOException("simulated crash");
            }
        };
        AwsjException e = assertThrows(AwsjException.class,
                () -> crashing.write(target, "[default]\naws_access_key_id = NEW\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(253, e.exitCode());
        assertTrue(e.getMessage().contains("left as it was"), e.getMessage());
        assertEquals("[default]\naws_access_key_id = OLD\n", Files.readString(target));
        assertTrue(seenTemp[0] != null && !Files.exists(seenTemp[0]));
        assertEquals(List.of("credentials"), names());
    }

    @Test
    void aCrashThroughConfigFilesLeavesBothFilesIntact() throws Exception {
        Path config = dir.resolve("config");
        Path creds = dir.resolve("credentials");
        Files.writeString(config, "# mine\n[default]\nregion = a\n");
        Files.writeString(creds, "[default]\naws_access_key_id = OLD\n");
        AtomicFileWriter crashing = new AtomicFileWriter(err) {
            @Override
            protected void beforeRename(Path temp, Path t) {
                throw new IllegalStateException("killed");
            }
        };
        ConfigFiles files = new ConfigFiles(config, creds, crashing);
        assertThrows(IllegalStateException.class, () -> files.set("default", "region", "b"));
        assertThrows(IllegalStateException.class, () -> files.set("default", "aws_access_key_id", "NEW"));
        assertEquals("# mine\n[default]\nregion = a\n", Files.readString(config));
        assertEquals("[default]\naws_access_key_id = OLD\n", Files.readString(creds));
        assertEquals(List.of("config", "credentials"), names());
    }

    @Test
    void aSymlinkedFileIsWrittenThroughNotReplaced() throws Exception {
        Path real = dir.resolve("real-credentials");
        Files.writeString(real, "old\n");
        Path link = dir.resolve("credentials");
        Files.createSymbolicLink(link, real);
        new AtomicFileWriter(err).write(link, "new\n".getBytes(StandardCharsets.UTF_8));
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("new\n", Files.readString(real));
    }

    @Test
    void successLeavesNoTemporaryFiles() throws Exception {
        Path target = dir.resolve("sub/config");
        new AtomicFileWriter(err).write(target, "a\n".getBytes(StandardCharsets.UTF_8));
        new AtomicFileWriter(err).write(target, "b\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("b\n", Files.readString(target));
        try (var s = Files.list(target.getParent())) {
            assertEquals(List.of("config"), s.map(p -> p.getFileName().toString()).toList());
        }
    }
}
