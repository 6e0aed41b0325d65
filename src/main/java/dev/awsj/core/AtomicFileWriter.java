package dev.awsj.core;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * Replaces a file so that a reader (or a crash) sees either the old bytes or the new ones, never a
 * mix: the bytes go to a temporary file in the same folder, are forced to disk, and the temporary
 * file is renamed over the target. New files get mode 0600 and a new folder 0700; an existing
 * file keeps its mode, with a warning when others can read it.
 */
public class AtomicFileWriter {
    static final Set<PosixFilePermission> OWNER_RW = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> OWNER_RWX = PosixFilePermissions.fromString("rwx------");

    private final PrintStream err;

    public AtomicFileWriter(PrintStream err) {
        this.err = err;
    }

    /** Called after the temporary file is complete and before the rename; tests inject a crash here. */
    protected void beforeRename(Path temp, Path target) throws IOException {
        // nothing in normal runs
    }

    public void write(Path target, byte[] bytes) {
        Path real = target;
        Path temp = null;
        try {
            if (Files.isSymbolicLink(target)) {
                // Write through a symlinked ~/.aws/credentials instead of replacing the link.
                real = target.toRealPath();
            }
            Path dir = real.toAbsolutePath().getParent();
            createFolder(dir);
            Set<PosixFilePermission> mode = OWNER_RW;
            boolean posix = Files.getFileStore(dir).supportsFileAttributeView("posix");
            if (Files.exists(real) && posix) {
                mode = Files.getPosixFilePermissions(real);
                if (mode.contains(PosixFilePermission.GROUP_READ) || mode.contains(PosixFilePermission.OTHERS_READ)) {
                    err.println("Warning: " + target + " is readable by other users (mode "
                            + PosixFilePermissions.toString(mode) + "); run: chmod 600 " + target);
                }
            }
            temp = posix
                    ? Files.createTempFile(dir, "." + real.getFileName() + ".", ".tmp",
                            PosixFilePermissions.asFileAttribute(OWNER_RW))
                    : Files.createTempFile(dir, "." + real.getFileName() + ".", ".tmp");
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            if (posix) {
                Files.setPosixFilePermissions(temp, mode);
            }
            beforeRename(temp, real);
            try {
                Files.move(temp, real, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, real, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
            syncFolder(dir);
        } catch (IOException e) {
            throw AwsjException.config("Unable to write " + target + ": " + e.getMessage() + " (the file was left as it was)");
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the original is intact; a stray temporary file is all that is left
                }
            }
        }
    }

    private static void createFolder(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Path parent = dir.getParent();
        if (parent != null) {
            createFolder(parent);
        }
        try {
            if (Files.getFileStore(parent != null ? parent : dir.getRoot()).supportsFileAttributeView("posix")) {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_RWX));
                Files.setPosixFilePermissions(dir, EnumSet.copyOf(OWNER_RWX));
            } else {
                Files.createDirectory(dir);
            }
        } catch (FileAlreadyExistsException e) {
            // made by someone else meanwhile
        }
    }

    /** Makes the rename itself durable; not every file system lets a folder be opened, which is fine. */
    private static void syncFolder(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | RuntimeException ignored) {
            // best effort
        }
    }
}
