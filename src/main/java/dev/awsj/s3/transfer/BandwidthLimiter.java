package dev.awsj.s3.transfer;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;

/**
 * {@code s3 = max_bandwidth}: one token bucket shared by every transfer thread of a command, so
 * all bodies together, uploaded and downloaded, move at most that many bytes a second
 * (docs/s3-transfers.md). A thread pays for the bytes it has read by waiting until the bucket has
 * earned them; at most a tenth of a second of unused rate is saved up, so a pause is not followed
 * by a burst above the limit. Bodies are read in pieces of a twentieth of a second, so a low limit
 * still moves bytes evenly.
 */
public final class BandwidthLimiter {
    /** No limit: {@link #wrap} returns the stream itself. */
    public static final BandwidthLimiter UNLIMITED = new BandwidthLimiter(0);

    private static final long SECOND = 1_000_000_000L;
    private final long bytesPerSecond;
    private final long savedNanos;
    private final int piece;
    /** When the bytes handed out so far are paid for (System.nanoTime). */
    private long paidUntil;

    /** @param bytesPerSecond the limit; 0 for none */
    public BandwidthLimiter(long bytesPerSecond) {
        this.bytesPerSecond = bytesPerSecond;
        this.savedNanos = SECOND / 10;
        this.piece = (int) Math.max(1, Math.min(64 * 1024, bytesPerSecond / 20));
        this.paidUntil = System.nanoTime();
    }

    public static BandwidthLimiter of(long bytesPerSecond) {
        return bytesPerSecond > 0 ? new BandwidthLimiter(bytesPerSecond) : UNLIMITED;
    }

    public long bytesPerSecond() {
        return bytesPerSecond;
    }

    /** The stream, read no faster than the shared limit allows. */
    public InputStream wrap(InputStream in) {
        if (bytesPerSecond <= 0) {
            return in;
        }
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    pay(1);
                }
                return b;
            }

            @Override
            public int read(byte[] buf, int off, int len) throws IOException {
                int n = super.read(buf, off, Math.min(len, piece));
                if (n > 0) {
                    pay(n);
                }
                return n;
            }
        };
    }

    /** Waits until {@code n} more bytes fit within the limit. */
    void pay(long n) throws InterruptedIOException {
        long wait;
        synchronized (this) {
            long now = System.nanoTime();
            if (paidUntil < now - savedNanos) {
                paidUntil = now - savedNanos;
            }
            paidUntil += n * SECOND / bytesPerSecond;
            wait = paidUntil - now;
        }
        if (wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while holding to max_bandwidth");
            }
        }
    }
}
