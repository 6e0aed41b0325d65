package dev.awsj.s3.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.ChecksumType;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/**
 * Gets objects into files: one GET (checked by the SDK) below the threshold, else parallel ranged
 * GETs written at their offsets and checked against the object's whole-object CRC. Bytes go to a
 * temporary file beside the target, renamed over it only when complete. A body that breaks or
 * stalls is resumed at the byte it reached ({@link #readResuming}).
 */
final class RangedDownloader {
    private static final int BUFFER = 64 * 1024;

    private final S3Client s3;
    private final TransferConfig config;
    private final ObjectOptions options;
    private final Progress progress;
    private final Scheduler scheduler;
    private final CleanUp cleanUp;

    RangedDownloader(S3Client s3, TransferConfig config, ObjectOptions options, Progress progress, Scheduler scheduler,
            CleanUp cleanUp) {
        this.s3 = s3;
        this.config = config;
        this.options = options;
        this.progress = progress;
        this.scheduler = scheduler;
        this.cleanUp = cleanUp;
    }

    void download(S3Uri src, long size, Instant lastModified, String etag, Path target) throws Exception {
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temp = parent.resolve("." + target.getFileName() + ".awsj-"
                + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
        cleanUp.tempFile(temp, true);
        try {
            Instant mtime;
            if (size < config.threshold() || size == 0) {
                getWhole(src, etag, temp);
                mtime = lastModified;
            } else {
                HeadObjectResponse head = scheduler.call(() -> s3.headObject(h -> h.bucket(src.bucket()).key(src.key())
                        .checksumMode(ChecksumMode.ENABLED).applyMutation(options::onHead)));
                WholeChecksum expected = WholeChecksum.of(head);
                long[] crcs = getRanges(src, size, etag, temp, expected);
                if (expected != null) {
                    expected.verify(src, crcs, size, config.partSize(size));
                }
                mtime = lastModified;
            }
            if (config.fsync()) {
                try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                    ch.force(true);
                }
            }
            if (mtime != null) {
                Files.setLastModifiedTime(temp, FileTime.from(mtime));
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
            cleanUp.tempFile(temp, false);
        }
    }

    /**
     * One GET with checksum validation on: the SDK verifies the body against the stored checksum;
     * a body that breaks is resumed (and then checked by awsj).
     */
    private Instant getWhole(S3Uri src, String etag, Path temp) throws Exception {
        GetObjectRequest req = GetObjectRequest.builder().bucket(src.bucket()).key(src.key())
                .checksumMode(ChecksumMode.ENABLED).applyMutation(options::onGet).build();
        try (OutputStream out = Files.newOutputStream(temp)) {
            readResuming(req, etag, 0, -1, (buf, n, pos) -> out.write(buf, 0, n));
        }
        return null;
    }

    /**
     * Parallel ranged GETs written at their offsets; If-Match keeps every range from the same
     * version. With a whole-object checksum to check, returns each range's CRC (else null).
     */
    private long[] getRanges(S3Uri src, long size, String etag, Path temp, WholeChecksum expected) throws Exception {
        long partSize = config.partSize(size);
        int count = (int) ((size + partSize - 1) / partSize);
        long[] crcs = expected == null ? null : new long[count];
        try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            scheduler.runParts(count, index -> {
                long offset = index * partSize;
                long end = Math.min(size, offset + partSize) - 1;
                GetObjectRequest.Builder rb = GetObjectRequest.builder().bucket(src.bucket()).key(src.key())
                        .range("bytes=" + offset + "-" + end).applyMutation(options::onGet);
                if (etag != null) {
                    rb.ifMatch("\"" + etag + "\"");
                }
                java.util.zip.Checksum crc = expected == null ? null : expected.newChecksum();
                readResuming(rb.build(), etag, offset, end, (buf, n, pos) -> {
                    if (crc != null) {
                        crc.update(buf, 0, n);
                    }
                    ByteBuffer bb = ByteBuffer.wrap(buf, 0, n);
                    long at = pos;
                    while (bb.hasRemaining()) {
                        at += ch.write(bb, at);
                    }
                });
                if (crc != null) {
                    crcs[index] = crc.getValue();
                }
                return null;
            });
        }
        return crcs;
    }

    /**
     * Ranged GETs carry no checksum of their own: when the object has a full-object CRC32, CRC32C
     * or CRC64NVME (awsj's multipart uploads store one), the CRCs of the ranges, combined in order,
     * must give it.
     */
    private record WholeChecksum(String expected, String algorithm) {
        static WholeChecksum of(HeadObjectResponse head) {
            return of(head.checksumType(), head.checksumCRC32(), head.checksumCRC32C(), head.checksumCRC64NVME());
        }

        static WholeChecksum of(GetObjectResponse get) {
            return of(get.checksumType(), get.checksumCRC32(), get.checksumCRC32C(), get.checksumCRC64NVME());
        }

        private static WholeChecksum of(ChecksumType type, String crc32, String crc32c, String crc64) {
            if (type != null && type != ChecksumType.FULL_OBJECT) {
                return null;
            }
            if (crc32 != null && !crc32.contains("-")) {
                return new WholeChecksum(crc32, "CRC32");
            }
            if (crc32c != null && !crc32c.contains("-")) {
                return new WholeChecksum(crc32c, "CRC32C");
            }
            if (crc64 != null && !crc64.contains("-")) {
                return new WholeChecksum(crc64, "CRC64NVME");
            }
            return null;
        }

        java.util.zip.Checksum newChecksum() {
            return switch (algorithm) {
                case "CRC32C" -> new java.util.zip.CRC32C();
                case "CRC64NVME" -> new Crc64Nvme();
                default -> new java.util.zip.CRC32();
            };
        }

        void verify(S3Uri src, long[] crcs, long size, long partSize) {
            boolean wide = algorithm.equals("CRC64NVME");
            long v = crcs[0];
            for (int i = 1; i < crcs.length; i++) {
                long len = Math.min(size, (i + 1) * partSize) - i * partSize;
                v = wide ? Crc32Combine.combine64(v, crcs[i], len, Crc64Nvme.POLYNOMIAL)
                        : Crc32Combine.combine(v, crcs[i], len, algorithm.equals("CRC32C") ? Crc32Combine.CRC32C : Crc32Combine.CRC32);
            }
            byte[] all = java.nio.ByteBuffer.allocate(8).putLong(v).array();
            byte[] bytes = wide ? all : java.util.Arrays.copyOfRange(all, 4, 8);
            String actual = java.util.Base64.getEncoder().encodeToString(bytes);
            if (!actual.equals(expected)) {
                throw SdkClientException.create("Checksum mismatch for " + src + ": the object's " + algorithm + " is "
                        + expected + " but the downloaded bytes give " + actual);
            }
        }
    }

    /** Where the bytes of a body go as they arrive. */
    @FunctionalInterface
    interface Sink {
        void write(byte[] buf, int n, long position) throws IOException;
    }

    /**
     * Reads bytes {@code [from, to]} of an object ({@code to} = -1: to its end) into {@code sink}.
     * When the body breaks or stalls while awsj reads it, the read resumes at the byte reached with
     * a ranged GET (If-Match keeps it the same version). A break after new bytes arrived costs
     * nothing; {@code maxAttempts} breaks in a row without a new byte fail the read.
     *
     * @return the position after the last byte read
     */
    long readResuming(GetObjectRequest first, String etag, long from, long to, Sink sink) {
        long pos = from;
        int barren = 0;
        boolean resumed = false;
        boolean whole = from == 0 && to < 0;
        // A resumed whole-object read is checked here against the object's full-object CRC (the
        // SDK checks only a body that arrives in one piece).
        WholeChecksum wholeCheck = null;
        java.util.zip.Checksum crc = null;
        GetObjectRequest req = first;
        while (true) {
            long before = pos;
            GetObjectRequest current = req;
            try (ResponseInputStream<GetObjectResponse> response = scheduler.call(() -> s3.getObject(current));
                    InputStream in = scheduler.bandwidth.wrap(response)) {
                if (wholeCheck == null && whole && before == 0) {
                    wholeCheck = WholeChecksum.of(response.response());
                    crc = wholeCheck == null ? null : wholeCheck.newChecksum();
                }
                byte[] buf = new byte[BUFFER];
                int n;
                while ((n = in.read(buf)) > 0) {
                    sink.write(buf, n, pos);
                    if (crc != null) {
                        crc.update(buf, 0, n);
                    }
                    pos += n;
                    progress.bytes(n);
                }
            } catch (IOException | UncheckedIOException e) {
                IOException cause = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
                barren = pos > before ? 1 : barren + 1;
                if (barren >= config.maxAttempts() || cleanUp.interrupted() || cause instanceof java.io.InterruptedIOException
                        && !(cause instanceof java.net.SocketTimeoutException)) {
                    throw brokenBody(req, pos, cause);
                }
                req = resumeAt(req, etag, pos, to);
                resumed = true;
                continue;
            }
            if (resumed && crc != null) {
                wholeCheck.verify(new S3Uri(req.bucket(), req.key()), new long[] {crc.getValue()}, pos, pos);
            }
            if (to >= 0 && pos != to + 1) {
                throw SdkClientException.create("The body of s3://" + req.bucket() + "/" + req.key() + " ended at byte "
                        + pos + " of the range " + from + "-" + to);
            }
            return pos;
        }
    }

    private static GetObjectRequest resumeAt(GetObjectRequest req, String etag, long pos, long to) {
        GetObjectRequest.Builder b = req.toBuilder().range("bytes=" + pos + "-" + (to >= 0 ? to : "")).checksumMode((ChecksumMode) null);
        if (etag != null) {
            b.ifMatch("\"" + etag + "\"");
        }
        return b.build();
    }

    /** The failure of a body that broke once too often: what, where, and the cause in words. */
    private static SdkClientException brokenBody(GetObjectRequest req, long pos, IOException cause) {
        String what = "s3://" + req.bucket() + "/" + req.key();
        String why = cause instanceof java.net.SocketTimeoutException ? cause.getMessage()
                : "the connection broke (" + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage()) + ")";
        return SdkClientException.builder().message("Reading " + what + " failed at byte " + pos + ": " + why)
                .cause(cause).build();
    }
}
