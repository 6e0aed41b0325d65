package dev.awsj.s3.transfer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Where an object may be written below a destination folder. A key such as {@code ../../etc/x},
 * {@code /abs/path} or {@code a/../../b} would land outside it, and so would a path that passes
 * through a symbolic link pointing out of it: those are refused. The check is made on the real
 * (canonical) path of the deepest folder that already exists.
 */
public final class SafePaths {
    private SafePaths() {
    }

    /** The target path for {@code relKey} below {@code root} (created if missing), or null when it would escape. */
    public static Path resolveInside(Path root, String relKey) throws IOException {
        if (relKey.isEmpty() || relKey.startsWith("/") || relKey.startsWith("\\") || relKey.indexOf('\0') >= 0
                || relKey.contains("\\") && java.io.File.separatorChar == '\\') {
            return null;
        }
        Path absRoot = root.toAbsolutePath().normalize();
        Path target;
        try {
            target = absRoot.resolve(relKey).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            return null;
        }
        if (!target.startsWith(absRoot) || target.equals(absRoot)) {
            return null;
        }
        if (!Files.isDirectory(absRoot)) {
            Files.createDirectories(absRoot);
        }
        Path realRoot = absRoot.toRealPath();
        Path existing = target.getParent();
        while (!Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        Path realExisting;
        try {
            realExisting = existing.toRealPath();
        } catch (IOException e) {
            return null; // a dangling link on the way: refuse rather than guess
        }
        if (!realExisting.startsWith(realRoot)) {
            return null; // a link inside the destination that points out of it
        }
        if (Files.isSymbolicLink(target)) {
            return null; // writing would replace a link the user made; never follow or clobber it
        }
        return target;
    }
}
