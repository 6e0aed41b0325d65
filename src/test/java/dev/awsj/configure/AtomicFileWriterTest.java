package dev.awsj.configure;

import dev.awsj.core.AtomicFileWriter;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.awsj.core.AwsjException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
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
        assertEquals(255, e.exitCode());
        assertEquals("Unable to write " + target + ": simulated crash; the file was left as it was", e.getMessage());
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
        assertEquals(List.of("config", "config.lock", "credentials", "credentials.lock"), names(), "no temporary file is left");
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

    /** An I/O failure in the middle of a write: the message says what went wrong, never just a temporary file's name. */
    private AwsjException failWith(Path target, java.util.function.Function<Path, IOException> failure) throws Exception {
        Files.writeString(target, "old\n");
        AtomicFileWriter failing = new AtomicFileWriter(err) {
            @Override
            protected void beforeRename(Path temp, Path t) throws IOException {
                throw failure.apply(temp);
            }
        };
        AwsjException e = assertThrows(AwsjException.class, () -> failing.write(target, "new\n".getBytes(StandardCharsets.UTF_8)));
        assertFalse(e.getMessage().contains(".tmp"), e.getMessage());
        assertEquals("old\n", Files.readString(target));
        assertEquals(List.of(target.getFileName().toString()), names());
        return e;
    }

    @Test
    void aFolderThatRefusesTheTemporaryFileIsNamed() throws Exception {
        Path target = dir.resolve("config");
        AwsjException e = failWith(target, temp -> new AccessDeniedException(temp.toString()));
        assertEquals(253, e.exitCode());
        assertEquals("Unable to write " + target + ": permission denied in the folder " + dir + "; the file was left as it was",
                e.getMessage());
    }

    @Test
    void aFullDiskIsNamed() throws Exception {
        Path target = dir.resolve("config");
        AwsjException e = failWith(target, temp -> new FileSystemException(temp.toString(), null, "No space left on device"));
        assertEquals(255, e.exitCode());
        assertEquals("Unable to write " + target + ": no space left on device; the file was left as it was", e.getMessage());
        AwsjException ro = failWith(target, temp -> new FileSystemException(temp.toString(), null, "Read-only file system"));
        assertEquals(253, ro.exitCode());
        assertEquals("Unable to write " + target + ": read-only file system; the file was left as it was", ro.getMessage());
    }

    @Test
    void theReasonOfAnIoFailureIsWordsNotAPath() {
        assertEquals("permission denied", AtomicFileWriter.reason(new AccessDeniedException("/x/.config.123.tmp")));
        assertEquals("no such file", AtomicFileWriter.reason(new NoSuchFileException("/x/y")));
        assertEquals("not a folder", AtomicFileWriter.reason(new NotDirectoryException("/x/y")));
        assertEquals("not a directory", AtomicFileWriter.reason(new FileSystemException("/etc/hostname/x", null, "Not a directory")));
        assertEquals("is a directory", AtomicFileWriter.reason(new IOException("Is a directory")));
        assertEquals("file system exception", AtomicFileWriter.reason(new FileSystemException("/x/y")));
    }
}
