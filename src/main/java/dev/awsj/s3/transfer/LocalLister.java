package dev.awsj.s3.transfer;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * Lists the files below a local folder, following symbolic links as the AWS CLI does, sorted in
 * S3's key order so they merge-join with an object listing. Unreadable and special files are
 * reported as skipped, never silently dropped.
 */
public final class LocalLister {
    private final Filters filters;
    private final boolean followSymlinks;

    public LocalLister(Filters filters) {
        this(filters, true);
    }

    /** @param followSymlinks false ({@code --no-follow-symlinks}): symbolic links are left out, as aws does */
    public LocalLister(Filters filters, boolean followSymlinks) {
        this.filters = filters;
        this.followSymlinks = followSymlinks;
    }

    public Listing list(Path root) throws IOException {
        List<Entry> entries = new ArrayList<>();
        List<TransferResult.Skipped> skipped = new ArrayList<>();
        if (!Files.exists(root)) {
            return new Listing(entries, skipped);
        }
        Files.walkFileTree(root, followSymlinks ? EnumSet.of(FileVisitOption.FOLLOW_LINKS) : EnumSet.noneOf(FileVisitOption.class), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (!followSymlinks && !dir.equals(root) && attrs.isSymbolicLink()) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                if (!dir.equals(root) && !Files.isReadable(dir)) {
                    skipped.add(new TransferResult.Skipped(dir.toString(), "Directory is not readable"));
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                String rel = relKey(root, file);
                if (!filters.includes(rel) || !followSymlinks && attrs.isSymbolicLink()) {
                    return FileVisitResult.CONTINUE;
                }
                if (!attrs.isRegularFile()) {
                    skipped.add(new TransferResult.Skipped(file.toString(), "File is not a regular file"));
                } else if (!Files.isReadable(file)) {
                    skipped.add(new TransferResult.Skipped(file.toString(), "File is not readable"));
                } else {
                    entries.add(Entry.local(rel, attrs.size(), attrs.lastModifiedTime().toInstant(), file));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                String reason = e instanceof FileSystemLoopException ? "Symbolic link loop"
                        : e instanceof NoSuchFileException ? "File does not exist (broken link?)"
                        : "File is not readable";
                skipped.add(new TransferResult.Skipped(file.toString(), reason));
                return FileVisitResult.CONTINUE;
            }
        });
        entries.sort((a, b) -> KeyOrder.INSTANCE.compare(a.relKey(), b.relKey()));
        return new Listing(entries, skipped);
    }

    static String relKey(Path root, Path file) {
        Path rel = root.relativize(file);
        StringBuilder sb = new StringBuilder();
        for (Path part : rel) {
            if (sb.length() > 0) {
                sb.append('/');
            }
            sb.append(part);
        }
        return sb.toString();
    }
}
