package dev.awsj.s3.transfer;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.ContentStreamProvider;

/** Request bodies read from files: a range of a file, counted into the progress line. */
final class FileBodies {
    private FileBodies() {
    }

    interface StreamOpener {
        InputStream open() throws IOException;
    }

    /** A stream of {@code length} bytes of {@code file} from {@code offset}. */
    static InputStream range(Path file, long offset, long length) throws IOException {
        FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
        ch.position(offset);
        InputStream in = Channels.newInputStream(ch);
        return new FilterInputStream(in) {
            long left = length;

            @Override
            public int read() throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int b = super.read();
                if (b >= 0) {
                    left--;
                }
                return b;
            }

            @Override
            public int read(byte[] buf, int off, int len) throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int n = super.read(buf, off, (int) Math.min(len, left));
                if (n > 0) {
                    left -= n;
                }
                return n;
            }
        };
    }

    /**
     * A body provider (opened again on each retry) that counts the bytes read into the progress line
     * and reads them within max_bandwidth.
     */
    static ContentStreamProvider counted(StreamOpener opener, Progress progress, BandwidthLimiter bandwidth) {
        return () -> {
            try {
                return new CountingStream(bandwidth.wrap(opener.open()), progress);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    /** A body from memory, sent within max_bandwidth. */
    static RequestBody bytes(byte[] body, BandwidthLimiter bandwidth) {
        if (bandwidth.bytesPerSecond() <= 0) {
            return RequestBody.fromBytes(body);
        }
        return RequestBody.fromContentProvider(() -> bandwidth.wrap(new java.io.ByteArrayInputStream(body)), body.length,
                "application/octet-stream");
    }

    private static final class CountingStream extends FilterInputStream {
        private final Progress progress;

        CountingStream(InputStream in, Progress progress) {
            super(in);
            this.progress = progress;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                progress.bytes(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0) {
                progress.bytes(n);
            }
            return n;
        }
    }
}
