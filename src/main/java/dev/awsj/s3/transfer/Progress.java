package dev.awsj.s3.transfer;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bytes and files done so far, and the one progress line on stderr
 * ({@code Completed 256.0 MiB/1.0 GiB (85.3 MiB/s) with 3 file(s) remaining}), redrawn in place
 * a few times a second when enabled (stderr is a terminal and no --quiet/--no-progress).
 */
public final class Progress implements AutoCloseable {
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong total = new AtomicLong();
    private final AtomicInteger remaining = new AtomicInteger();
    private final PrintStream err;
    private final boolean enabled;
    private final long start = System.nanoTime();
    private Thread ticker;
    private int lastWidth;

    public Progress(PrintStream err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
    }

    public static Progress disabled() {
        return new Progress(null, false);
    }

    public void addExpected(long bytes, int files) {
        total.addAndGet(bytes);
        remaining.addAndGet(files);
    }

    public void bytes(long n) {
        done.addAndGet(n);
    }

    public void fileDone() {
        remaining.decrementAndGet();
    }

    public long bytesDone() {
        return done.get();
    }

    public double seconds() {
        return (System.nanoTime() - start) / 1e9;
    }

    public synchronized void start() {
        if (!enabled || ticker != null) {
            return;
        }
        ticker = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(200);
                    draw();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "awsj-progress");
        ticker.setDaemon(true);
        ticker.start();
    }

    synchronized void draw() {
        double secs = Math.max(seconds(), 0.001);
        long d = Math.min(done.get(), Math.max(total.get(), done.get()));
        String line = String.format(Locale.ROOT, "Completed %s/%s (%s/s) with %d file(s) remaining",
                human(d), human(total.get()), human((long) (d / secs)), Math.max(remaining.get(), 0));
        int pad = Math.max(0, lastWidth - line.length());
        err.print("\r" + line + " ".repeat(pad));
        err.flush();
        lastWidth = line.length();
    }

    /** Erases the line so that a result line can be printed in its place. */
    public synchronized void clear() {
        if (enabled && lastWidth > 0) {
            err.print("\r" + " ".repeat(lastWidth) + "\r");
            err.flush();
            lastWidth = 0;
        }
    }

    /** Stops the ticker; the final figures are drawn once (so even a quick transfer shows them), then erased. */
    @Override
    public synchronized void close() {
        if (ticker != null) {
            ticker.interrupt();
            ticker = null;
            draw();
        }
        clear();
    }

    /** 1024-based sizes as the AWS CLI prints them: "256.0 MiB", "12 Bytes". */
    public static String human(long bytes) {
        if (bytes < 1024) {
            return bytes + (bytes == 1 ? " Byte" : " Bytes");
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB"};
        double v = bytes;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
