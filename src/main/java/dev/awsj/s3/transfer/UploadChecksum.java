package dev.awsj.s3.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.Checksum;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumType;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.Part;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * The checksum of an upload's parts and of the object they make (docs/s3-transfers.md,
 * "Integrity"). Without {@code --checksum-algorithm}: CRC32, full-object, so that a ranged download
 * can be checked as a whole. With it, as the AWS CLI does: the multipart upload is created with that
 * algorithm, each part sends its checksum and the complete request lists them. SHA-1 and SHA-256
 * can only be composite (a checksum of the parts' checksums, {@code …-N}); the CRCs are stored as
 * full-object checksums, which S3 allows for them and which downloads verify. CRC64NVME is computed
 * by awsj ({@link Crc64Nvme}) and sent as a value; the SDK computes the others as trailers.
 */
final class UploadChecksum {
    static final UploadChecksum DEFAULT = new UploadChecksum(ChecksumAlgorithm.CRC32);

    private final ChecksumAlgorithm algorithm;

    private UploadChecksum(ChecksumAlgorithm algorithm) {
        this.algorithm = algorithm;
    }

    /** The checksum of {@code --checksum-algorithm} (already checked against its choices), or the default. */
    static UploadChecksum of(String flag) {
        return flag == null ? DEFAULT : new UploadChecksum(ChecksumAlgorithm.fromValue(flag.toUpperCase(Locale.ROOT)));
    }

    ChecksumAlgorithm algorithm() {
        return algorithm;
    }

    /** FULL_OBJECT for the CRCs; null (S3's default, COMPOSITE) for SHA-1 and SHA-256, as aws sends it. */
    ChecksumType type() {
        return sha() ? null : ChecksumType.FULL_OBJECT;
    }

    private boolean sha() {
        return algorithm == ChecksumAlgorithm.SHA1 || algorithm == ChecksumAlgorithm.SHA256;
    }

    /** Whether awsj computes the value itself (the SDK would need the native CRT library). */
    boolean computedByAwsj() {
        return algorithm == ChecksumAlgorithm.CRC64_NVME;
    }

    void onCreate(CreateMultipartUploadRequest.Builder b) {
        b.checksumAlgorithm(algorithm).checksumType(type());
    }

    /**
     * Whether an unfinished upload was created with this algorithm, so that it may be carried on
     * (its type is not compared: the parts and the complete request are the same for both).
     */
    boolean created(MultipartUpload u) {
        return u.checksumAlgorithm() == null ? algorithm == ChecksumAlgorithm.CRC32 : u.checksumAlgorithm() == algorithm;
    }

    /** A part's request: the algorithm, and the value when awsj computes it ({@code value} may be null otherwise). */
    void onPart(UploadPartRequest.Builder b, String value) {
        b.checksumAlgorithm(algorithm);
        if (computedByAwsj()) {
            b.checksumCRC64NVME(value);
        }
    }

    /** A single PUT of {@code --checksum-algorithm CRC64NVME}: its value, computed by awsj. */
    void onPut(PutObjectRequest.Builder b, String value) {
        if (computedByAwsj()) {
            b.checksumCRC64NVME(value);
        }
    }

    /** The completed part: its ETag and its checksum of this algorithm. */
    CompletedPart part(int number, String etag, String value) {
        CompletedPart.Builder b = CompletedPart.builder().partNumber(number).eTag(etag);
        switch (algorithm) {
            case CRC32 -> b.checksumCRC32(value);
            case CRC32_C -> b.checksumCRC32C(value);
            case CRC64_NVME -> b.checksumCRC64NVME(value);
            case SHA1 -> b.checksumSHA1(value);
            case SHA256 -> b.checksumSHA256(value);
            default -> throw new IllegalStateException("no checksum member for " + algorithm);
        }
        return b.build();
    }

    /** The part's stored checksum of this algorithm, as UploadPart answered it. */
    String value(UploadPartResponse r) {
        return pick(r.checksumCRC32(), r.checksumCRC32C(), r.checksumCRC64NVME(), r.checksumSHA1(), r.checksumSHA256());
    }

    String value(Part p) {
        return pick(p.checksumCRC32(), p.checksumCRC32C(), p.checksumCRC64NVME(), p.checksumSHA1(), p.checksumSHA256());
    }

    private String pick(String crc32, String crc32c, String crc64, String sha1, String sha256) {
        return switch (algorithm) {
            case CRC32 -> crc32;
            case CRC32_C -> crc32c;
            case CRC64_NVME -> crc64;
            case SHA1 -> sha1;
            case SHA256 -> sha256;
            default -> null;
        };
    }

    /** A local digest of this algorithm, base64 as S3 shows it. */
    Digest newDigest() {
        return switch (algorithm) {
            case CRC32 -> crc(new CRC32(), 4);
            case CRC32_C -> crc(new CRC32C(), 4);
            case CRC64_NVME -> crc(new Crc64Nvme(), 8);
            case SHA1 -> message("SHA-1");
            case SHA256 -> message("SHA-256");
            default -> throw new IllegalStateException("no local digest for " + algorithm);
        };
    }

    /** The digest of {@code in} to its end, base64. */
    String digest(InputStream in) throws IOException {
        Digest d = newDigest();
        byte[] buf = new byte[64 * 1024];
        int n;
        while ((n = in.read(buf)) > 0) {
            d.update(buf, 0, n);
        }
        return d.base64();
    }

    String digest(byte[] bytes) {
        Digest d = newDigest();
        d.update(bytes, 0, bytes.length);
        return d.base64();
    }

    /** Bytes in, a base64 value out. */
    interface Digest {
        void update(byte[] b, int off, int len);

        String base64();
    }

    private static Digest crc(Checksum c, int bytes) {
        return new Digest() {
            @Override
            public void update(byte[] b, int off, int len) {
                c.update(b, off, len);
            }

            @Override
            public String base64() {
                byte[] value = ByteBuffer.allocate(8).putLong(c.getValue()).array();
                return Base64.getEncoder().encodeToString(java.util.Arrays.copyOfRange(value, 8 - bytes, 8));
            }
        };
    }

    private static Digest message(String name) {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance(name);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return new Digest() {
            @Override
            public void update(byte[] b, int off, int len) {
                md.update(b, off, len);
            }

            @Override
            public String base64() {
                return Base64.getEncoder().encodeToString(md.digest());
            }
        };
    }
}
