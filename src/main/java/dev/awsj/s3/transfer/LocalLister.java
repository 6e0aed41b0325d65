package dev.awsj.s3.transfer;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Lists the files below a local folder lazily, following symbolic links as the AWS CLI does (or
 * leaving them out with {@code --no-follow-symlinks}), in S3's key order so they merge-join with
 * an object listing. One folder is read at a time (its
 * names sorted with sub-folders as {@code name/}, which is where their files fall in key order),
 * so what is held at once is the open folders' names, not the whole tree. Unreadable and special
 * files are reported as skipped, never silently dropped.
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

    /**
     * The files below {@code root} in key order; {@code skipped} hears of each file left out as the
     * walk reaches it. A missing root lists nothing.
     *
     * @throws IOException when the root itself cannot be read
     */
    public Iterator<Entry> iterate(Path root, Consumer<TransferResult.Skipped> skipped) throws IOException {
        Walk walk = new Walk(root, skipped);
        if (Files.exists(root)) {
            BasicFileAttributes attrs = Files.readAttributes(root, BasicFileAttributes.class);
            walk.enter(root, attrs, true);
        }
        return walk;
    }

    /** A folder being walked: its children in key order, and where the walk is among them. */
    private record Folder(Path dir, Object fileKey, List<Child> children, int[] next) {
    }

    private record Child(String name, String sortKey, Path path, BasicFileAttributes attrs, IOException error) {
    }

    private final class Walk implements Iterator<Entry> {
        private final Path root;
        private final Consumer<TransferResult.Skipped> skipped;
        private final Deque<Folder> stack = new ArrayDeque<>();
        private Entry next;
        /** The most names held at once (for tests: the listing does not grow with the tree). */
        private int held;
        private int maxHeld;

        Walk(Path root, Consumer<TransferResult.Skipped> skipped) {
            this.root = root;
            this.skipped = skipped;
        }

        void enter(Path dir, BasicFileAttributes attrs, boolean isRoot) throws IOException {
            if (!isRoot && !Files.isReadable(dir)) {
                skipped.accept(new TransferResult.Skipped(dir.toString(), "Directory is not readable"));
                return;
            }
            Object key = attrs.fileKey();
            if (key != null) {
                for (Folder f : stack) {
                    if (key.equals(f.fileKey())) {
                        skip(dir, new FileSystemLoopException(dir.toString()));
                        return;
                    }
                }
            }
            List<Child> children = new ArrayList<>();
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
                for (Path p : ds) {
                    if (!followSymlinks && Files.isSymbolicLink(p)) {
                        continue;
                    }
                    String name = p.getFileName().toString();
                    BasicFileAttributes a = null;
                    IOException error = null;
                    try {
                        a = Files.readAttributes(p, BasicFileAttributes.class);
                    } catch (IOException e) {
                        // a broken link: seen as the link itself, as Files.walkFileTree does
                        try {
                            a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                        } catch (IOException e2) {
                            error = e2;
                        }
                    }
                    String sortKey = a != null && a.isDirectory() ? name + "/" : name;
                    children.add(new Child(name, sortKey, p, a, error));
                }
            } catch (IOException e) {
                if (isRoot) {
                    throw e;
                }
                skip(dir, e);
                return;
            }
            children.sort((x, y) -> KeyOrder.INSTANCE.compare(x.sortKey(), y.sortKey()));
            stack.push(new Folder(dir, key, children, new int[1]));
            held += children.size();
            maxHeld = Math.max(maxHeld, held);
        }

        private void skip(Path file, IOException e) {
            String reason = e instanceof FileSystemLoopException ? "Symbolic link loop"
                    : e instanceof NoSuchFileException ? "File does not exist (broken link?)"
                    : "File is not readable";
            skipped.accept(new TransferResult.Skipped(file.toString(), reason));
        }

        @Override
        public boolean hasNext() {
            while (next == null && !stack.isEmpty()) {
                Folder f = stack.peek();
                if (f.next()[0] >= f.children().size()) {
                    stack.pop();
                    held -= f.children().size();
                    continue;
                }
                Child c = f.children().get(f.next()[0]++);
                if (c.error() != null) {
                    if (filters.includes(relKey(root, c.path()))) {
                        skip(c.path(), c.error());
                    }
                } else if (c.attrs().isDirectory()) {
                    try {
                        enter(c.path(), c.attrs(), false);
                    } catch (IOException e) {
                        skip(c.path(), e);
                    }
                } else {
                    next = visit(c);
                }
            }
            return next != null;
        }

        private Entry visit(Child c) {
            String rel = relKey(root, c.path());
            if (!filters.includes(rel)) {
                return null;
            }
            if (!c.attrs().isRegularFile()) {
                skipped.accept(new TransferResult.Skipped(c.path().toString(), "File is not a regular file"));
            } else if (!Files.isReadable(c.path())) {
                skipped.accept(new TransferResult.Skipped(c.path().toString(), "File is not readable"));
            } else {
                return Entry.local(rel, c.attrs().size(), c.attrs().lastModifiedTime().toInstant(), c.path());
            }
            return null;
        }

        @Override
        public Entry next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Entry e = Objects.requireNonNull(next);
            next = null;
            return e;
        }
    }

    /** The most names a walk held at once (the open folders' children), for tests. */
    static int maxHeld(Iterator<Entry> walk) {
        return ((Walk) walk).maxHeld;
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
