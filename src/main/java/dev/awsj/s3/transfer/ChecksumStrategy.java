package dev.awsj.s3.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import software.amazon.awssdk.checksums.DefaultChecksumAlgorithm;
import software.amazon.awssdk.checksums.SdkChecksum;
import software.amazon.awssdk.checksums.spi.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.ChecksumType;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/**
 * {@code sync --checksum}: files of the same size are compared by content, so a same-size edit is
 * never missed. An object's fingerprint is its ETag when that is a plain MD5 (single-part, not
 * KMS-encrypted), else its stored full-object checksum (CRC32, CRC32C, CRC64NVME, SHA-1, SHA-256)
 * read with one HEAD; the local file is hashed with the same algorithm. An object with neither
 * (a multipart upload with composite part checksums) falls back to size and time.
 */
public final class ChecksumStrategy implements SyncStrategy {
    private static final java.util.regex.Pattern MD5 = java.util.regex.Pattern.compile("[0-9a-fA-F]{32}");

    private final S3Client s3;
    private final SyncStrategy fallback;

    public ChecksumStrategy(S3Client s3, SyncStrategy fallback) {
        this.s3 = s3;
        this.fallback = fallback;
    }

    /** A content fingerprint: algorithm name and value (hex for MD5, base64 for the others). */
    record Fingerprint(String algorithm, String value) {
    }

    @Override
    public boolean shouldSync(Entry src, Entry dst) {
        if (src.size() != dst.size()) {
            return true;
        }
        if (!src.isLocal() && !dst.isLocal()) {
            Fingerprint a = fingerprint(src, null);
            Fingerprint b = a == null ? null : fingerprint(dst, a.algorithm());
            if (a != null && b != null && a.algorithm().equals(b.algorithm())) {
                return !a.value().equalsIgnoreCase(b.value());
            }
            return fallback.shouldSync(src, dst);
        }
        Entry local = src.isLocal() ? src : dst;
        Entry object = src.isLocal() ? dst : src;
        Fingerprint f = fingerprint(object, null);
        if (f == null) {
            return fallback.shouldSync(src, dst);
        }
        return !f.value().equalsIgnoreCase(hashLocal(local, f.algorithm()));
    }

    /** The object's fingerprint, preferring {@code preferred} when it has several; null if none. */
    private Fingerprint fingerprint(Entry object, String preferred) {
        boolean md5Etag = object.etag() != null && MD5.matcher(object.etag()).matches();
        if (md5Etag && (preferred == null || preferred.equals("MD5"))) {
            return new Fingerprint("MD5", object.etag().toLowerCase(Locale.ROOT));
        }
        HeadObjectResponse h = s3.headObject(b -> b.bucket(object.uri().bucket()).key(object.uri().key())
                .checksumMode(ChecksumMode.ENABLED));
        boolean full = h.checksumType() == null || h.checksumType() == ChecksumType.FULL_OBJECT;
        if (full) {
            String[][] candidates = {{"CRC64NVME", h.checksumCRC64NVME()}, {"CRC32", h.checksumCRC32()},
                {"CRC32C", h.checksumCRC32C()}, {"SHA256", h.checksumSHA256()}, {"SHA1", h.checksumSHA1()}};
            for (String[] c : candidates) {
                if (c[1] != null && !c[1].contains("-") && (preferred == null || preferred.equals(c[0]))) {
                    return new Fingerprint(c[0], c[1]);
                }
            }
        }
        return md5Etag ? new Fingerprint("MD5", object.etag().toLowerCase(Locale.ROOT)) : null;
    }

    /** The local file's digest in the fingerprint's encoding. */
    static String hashLocal(Entry local, String algorithm) {
        try (InputStream in = Files.newInputStream(local.path())) {
            byte[] buf = new byte[64 * 1024];
            int n;
            if (algorithm.equals("MD5")) {
                MessageDigest md = MessageDigest.getInstance("MD5");
                while ((n = in.read(buf)) > 0) {
                    md.update(buf, 0, n);
                }
                return HexFormat.of().formatHex(md.digest());
            }
            ChecksumAlgorithm alg = DefaultChecksumAlgorithm.fromValue(algorithm);
            SdkChecksum sum = SdkChecksum.forAlgorithm(alg);
            while ((n = in.read(buf)) > 0) {
                sum.update(buf, 0, n);
            }
            return Base64.getEncoder().encodeToString(sum.getChecksumBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
