package dev.awsj.core;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Replaces a file so that a reader (or a crash) sees either the old bytes or the new ones, never a
 * mix: the bytes go to a temporary file in the same folder, are forced to disk, and the temporary
 * file is renamed over the target. New files get mode 0600 and a new folder 0700; an existing
 * file keeps its mode, owner and group, with a warning when others can read it. A file without its
 * owner's write permission is refused, as is a folder awsj cannot create files in, even for root
 * (docs/reliability.md). {@link #locked} serializes read-modify-write of a file between threads and
 * processes through a lock file beside it.
 */
public class AtomicFileWriter {
    static final Set<PosixFilePermission> OWNER_RW = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> OWNER_RWX = PosixFilePermissions.fromString("rwx------");
    /** How long {@link #locked} waits for another process's change before giving up. */
    public static final Duration LOCK_WAIT = Duration.ofSeconds(10);
    /** The locks this process holds or waits for, by lock file: a file lock is per process, not per thread. */
    private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final PrintStream err;
    private final Duration lockWait;

    public AtomicFileWriter(PrintStream err) {
        this(err, LOCK_WAIT);
    }

    public AtomicFileWriter(PrintStream err, Duration lockWait) {
        this.err = err;
        this.lockWait = lockWait;
    }

    /** Called after the temporary file is complete and before the rename; tests inject a crash here. */
    protected void beforeRename(Path temp, Path target) throws IOException {
        // nothing in normal runs
    }

    /**
     * The cause of a file-system failure in a few words ("no such file", "permission denied", "no
     * space left on device"), never just the path, which is all some exceptions carry as message.
     */
    public static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NotDirectoryException) {
            return "not a folder";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "already exists";
        }
        String r = e instanceof FileSystemException f ? f.getReason() : e.getMessage();
        if (r == null || r.isBlank() || e instanceof FileSystemException f && r.equals(f.getFile())) {
            return e.getClass().getSimpleName().replaceAll("(?<=[a-z])(?=[A-Z])", " ").toLowerCase(Locale.ROOT);
        }
        return Character.toLowerCase(r.charAt(0)) + r.substring(1);
    }

    /** The file a write goes to: a symlink's target (so a symlinked file stays a link), else the path itself. */
    private static Path real(Path target) throws IOException {
        return Files.isSymbolicLink(target) ? target.toRealPath() : target.toAbsolutePath();
    }

    /** The lock file of a target: {@code NAME.lock} beside the file it stands for. */
    public static Path lockFile(Path target) {
        try {
            Path real = real(target);
            return real.resolveSibling(real.getFileName() + ".lock");
        } catch (IOException e) {
            throw AwsjException.config("Unable to write " + target + ": " + reason(e));
        }
    }

    private static boolean posix(Path p) {
        try {
            return Files.getFileStore(p).supportsFileAttributeView("posix");
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Refuses, before anything is written, a target that cannot be replaced: a file without its
     * owner's write permission (even for root, who could write it: the mode says it is not to be
     * changed) or that this user may not write, and a folder that awsj cannot create the
     * temporary file in. Exit 253, one line naming the file or the folder and the cause.
     */
    public void checkWritable(Path target) {
        try {
            Path real = real(target);
            if (Files.exists(real)) {
                if (posix(real)) {
                    Set<PosixFilePermission> mode = Files.getPosixFilePermissions(real);
                    if (!mode.contains(PosixFilePermission.OWNER_WRITE)) {
                        throw AwsjException.config("Unable to write " + target + ": the file is read-only (mode "
                                + PosixFilePermissions.toString(mode) + "), so it was left as it was; to allow changes: chmod u+w "
                                + target);
                    }
                }
                if (!Files.isWritable(real)) {
                    throw AwsjException.config("Unable to write " + target + ": permission denied; the file was left as it was");
                }
            }
            Path dir = real.getParent();
            while (dir != null && !Files.exists(dir)) {
                dir = dir.getParent();
            }
            if (dir == null) {
                return;
            }
            if (!Files.isDirectory(dir)) {
                throw AwsjException.config("Unable to write " + target + ": " + dir + " is not a folder");
            }
            boolean ownerMayWrite = !posix(dir) || Files.getPosixFilePermissions(dir).contains(PosixFilePermission.OWNER_WRITE);
            if (!ownerMayWrite || !Files.isWritable(dir)) {
                throw AwsjException.config("Unable to write " + target + ": the folder " + dir
                        + " is not writable (permission denied), and awsj replaces a file by writing a new one beside it;"
                        + " the file was left as it was");
            }
        } catch (IOException e) {
            throw AwsjException.config("Unable to write " + target + ": " + reason(e) + "; the file was left as it was");
        }
    }

    /**
     * Runs {@code body} holding the lock of each target, so that two awsj processes (or threads)
     * changing one file read, change and write it one after the other instead of one undoing the
     * other. The lock is an exclusive lock on {@code NAME.lock} beside the file (made once, mode
     * 0600, left in place: a lock file that is removed can be locked twice); locks are taken in path
     * order, and the operating system releases them if the process dies. When another process holds
     * a lock longer than the wait given, exit 255 naming the file and the lock file.
     */
    public <T> T locked(Collection<Path> targets, Supplier<T> body) {
        Set<Path> lockFiles = new TreeSet<>();
        for (Path t : targets) {
            checkWritable(t);
            Path lock = lockFile(t);
            try {
                createFolder(lock.getParent());
            } catch (IOException e) {
                throw AwsjException.config("Unable to write " + t + ": cannot create the folder " + lock.getParent() + ": "
                        + reason(e));
            }
            lockFiles.add(lock);
        }
        long deadline = System.nanoTime() + lockWait.toNanos();
        Deque<Runnable> release = new ArrayDeque<>();
        try {
            for (Path lock : lockFiles) {
                release.push(acquire(lock, deadline));
            }
            return body.get();
        } finally {
            while (!release.isEmpty()) {
                release.pop().run();
            }
        }
    }

    /** {@link #locked(Collection, Supplier)} for a body without a result. */
    public void locked(Collection<Path> targets, Runnable body) {
        locked(targets, () -> {
            body.run();
            return null;
        });
    }

    private Runnable acquire(Path lock, long deadline) {
        ReentrantLock inProcess = IN_PROCESS.computeIfAbsent(lock, k -> new ReentrantLock());
        try {
            if (!inProcess.tryLock(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                throw busy(lock);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AwsjException(ExitCodes.INTERRUPTED, "Interrupted.", e);
        }
        if (inProcess.getHoldCount() > 1) {
            // This thread holds the file lock already.
            return inProcess::unlock;
        }
        FileChannel ch = null;
        try {
            ch = open(lock);
            while (true) {
                FileLock held;
                try {
                    held = ch.tryLock();
                } catch (OverlappingFileLockException e) {
                    held = null; // held in this process outside this class
                }
                if (held != null) {
                    FileChannel channel = ch;
                    return () -> {
                        try {
                            channel.close(); // releases the lock
                        } catch (IOException ignored) {
                            // closing a lock file cannot lose data
                        }
                        inProcess.unlock();
                    };
                }
                if (System.nanoTime() >= deadline) {
                    throw busy(lock);
                }
                Thread.sleep(20);
            }
        } catch (IOException e) {
            close(ch);
            inProcess.unlock();
            throw AwsjException.config("Unable to lock " + lock + " (the lock of " + target(lock) + "): " + reason(e)
                    + (e instanceof AccessDeniedException ? "; if no awsj is running, remove it: rm " + lock : "")
                    + "; nothing was written");
        } catch (InterruptedException e) {
            close(ch);
            inProcess.unlock();
            Thread.currentThread().interrupt();
            throw new AwsjException(ExitCodes.INTERRUPTED, "Interrupted.", e);
        } catch (RuntimeException e) {
            close(ch);
            inProcess.unlock();
            throw e;
        }
    }

    private static FileChannel open(Path lock) throws IOException {
        Set<StandardOpenOption> options = EnumSet.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        return posix(lock.getParent()) ? FileChannel.open(lock, options, PosixFilePermissions.asFileAttribute(OWNER_RW))
                : FileChannel.open(lock, options);
    }

    private static void close(FileChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // nothing was written through it
            }
        }
    }

    private static Path target(Path lock) {
        String name = lock.getFileName().toString();
        return lock.resolveSibling(name.substring(0, name.length() - ".lock".length()));
    }

    private AwsjException busy(Path lock) {
        String waited = lockWait.toMillis() % 1000 == 0 ? lockWait.toSeconds() + " seconds" : lockWait.toMillis() + " ms";
        return new AwsjException(ExitCodes.OTHER, "Unable to change " + target(lock) + ": another awsj held its lock " + lock
                + " for " + waited + "; nothing was written, try again");
    }

    public void write(Path target, byte[] bytes) {
        checkWritable(target);
        Path real = target;
        Path dir = null;
        Path temp = null;
        try {
            real = real(target);
            dir = real.getParent();
            createFolder(dir);
            boolean posix = posix(dir);
            Set<PosixFilePermission> mode = OWNER_RW;
            PosixFileAttributes existing = null;
            if (Files.exists(real) && posix) {
                existing = Files.readAttributes(real, PosixFileAttributes.class);
                mode = existing.permissions();
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
            if (existing != null) {
                keepOwner(target, temp, existing);
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
            throw failed(target, dir, e);
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

    /**
     * A write that failed, in words that name the cause rather than the temporary file: a folder
     * awsj may not write in or a read-only file system is the setup (253); a full disk or any other
     * I/O failure is 255. The target is intact either way.
     */
    private static AwsjException failed(Path target, Path dir, IOException e) {
        String r = reason(e);
        if (e instanceof AccessDeniedException && dir != null) {
            return AwsjException.config("Unable to write " + target + ": permission denied in the folder " + dir
                    + "; the file was left as it was");
        }
        if (r.equalsIgnoreCase("read-only file system")) {
            return AwsjException.config("Unable to write " + target + ": " + r + "; the file was left as it was");
        }
        return new AwsjException(ExitCodes.OTHER, "Unable to write " + target + ": " + r + "; the file was left as it was", e);
    }

    /**
     * The replacement belongs to the file's owner and group, as the file did (root changing a
     * user's file must not take it from the user); when that cannot be, nothing is written.
     */
    private static void keepOwner(Path target, Path temp, PosixFileAttributes existing) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(temp, PosixFileAttributeView.class);
        PosixFileAttributes now = view.readAttributes();
        UserPrincipal owner = existing.owner();
        GroupPrincipal group = existing.group();
        try {
            if (!now.owner().equals(owner)) {
                view.setOwner(owner);
            }
            if (!now.group().equals(group)) {
                view.setGroup(group);
            }
        } catch (IOException e) {
            throw AwsjException.config("Unable to write " + target + ": it belongs to " + owner.getName() + ":" + group.getName()
                    + ", and a replacement written by this user could not be given to them (" + reason(e)
                    + "); the file was left as it was");
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
