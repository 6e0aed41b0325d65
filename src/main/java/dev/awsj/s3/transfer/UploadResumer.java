package dev.awsj.s3.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.ListMultipartUploadsResponse;
import software.amazon.awssdk.services.s3.model.ListPartsResponse;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.Part;

/**
 * Finds an unfinished multipart upload of the same key that a run of awsj left behind (Ctrl-C, a
 * killed process) and whose stored parts are exactly the local file's: same part layout, and each
 * part's ETag the MD5 of the bytes at its offset (or its CRC32 the file's). An upload that does not
 * match in every part is left alone: it may be another writer's, and completing it could store a
 * wrong object. See docs/s3-transfers.md, "Resumable uploads".
 */
final class UploadResumer {
    /** An upload to carry on: its id and the parts already stored, by part number. */
    record Resumable(String uploadId, Map<Integer, CompletedPart> parts) {
    }

    private final S3Client s3;
    private final ObjectOptions options;
    private final Scheduler scheduler;

    UploadResumer(S3Client s3, ObjectOptions options, Scheduler scheduler) {
        this.s3 = s3;
        this.options = options;
        this.scheduler = scheduler;
    }

    /** The newest matching upload of {@code dst} for this file and part size, or null. */
    Resumable find(S3Uri dst, java.nio.file.Path file, long size, long partSize) throws Exception {
        List<MultipartUpload> candidates = new ArrayList<>();
        for (ListMultipartUploadsResponse page : scheduler.call(() -> s3.listMultipartUploadsPaginator(b -> b
                .bucket(dst.bucket()).prefix(dst.key()).applyMutation(options::onListUploads)))) {
            for (MultipartUpload u : page.uploads()) {
                // awsj's own uploads ask for CRC32; one made otherwise is not ours to carry on.
                if (u.key().equals(dst.key()) && (u.checksumAlgorithm() == null || u.checksumAlgorithm() == ChecksumAlgorithm.CRC32)) {
                    candidates.add(u);
                }
            }
        }
        candidates.sort(Comparator.comparing((MultipartUpload u) -> u.initiated() == null ? Instant.EPOCH : u.initiated())
                .reversed());
        for (MultipartUpload u : candidates) {
            Resumable r = match(dst, u.uploadId(), file, size, partSize);
            if (r != null) {
                return r;
            }
        }
        return null;
    }

    private Resumable match(S3Uri dst, String uploadId, java.nio.file.Path file, long size, long partSize) throws Exception {
        int count = (int) ((size + partSize - 1) / partSize);
        List<Part> stored = new ArrayList<>();
        for (ListPartsResponse page : scheduler.call(() -> s3.listPartsPaginator(b -> b.bucket(dst.bucket()).key(dst.key())
                .uploadId(uploadId).applyMutation(options::onListParts)))) {
            stored.addAll(page.parts());
        }
        if (stored.isEmpty()) {
            return null;
        }
        for (Part p : stored) {
            int n = p.partNumber();
            if (n < 1 || n > count || p.size() == null || p.size() != Math.min(partSize, size - (n - 1) * partSize)) {
                return null;
            }
        }
        List<CompletedPart> checked = scheduler.runParts(stored.size(), i -> check(stored.get(i), file, partSize));
        Map<Integer, CompletedPart> parts = new TreeMap<>();
        for (CompletedPart c : checked) {
            if (c == null) {
                return null;
            }
            parts.put(c.partNumber(), c);
        }
        return new Resumable(uploadId, parts);
    }

    /** The part as it will be completed when its stored bytes are the file's, else null. */
    private static CompletedPart check(Part p, java.nio.file.Path file, long partSize) throws IOException {
        long offset = (p.partNumber() - 1) * partSize;
        MessageDigest md5 = md5();
        CRC32 crc = new CRC32();
        try (InputStream in = FileBodies.range(file, offset, p.size())) {
            byte[] buf = new byte[64 * 1024];
            int n;
            while ((n = in.read(buf)) > 0) {
                md5.update(buf, 0, n);
                crc.update(buf, 0, n);
            }
        }
        String etag = p.eTag() == null ? "" : p.eTag().replace("\"", "").toLowerCase(Locale.ROOT);
        String crc32 = crc32Base64(crc.getValue());
        boolean same = etag.equals(HexFormat.of().formatHex(md5.digest()))
                || p.checksumCRC32() != null && p.checksumCRC32().equals(crc32);
        return same ? CompletedPart.builder().partNumber(p.partNumber()).eTag(p.eTag()).checksumCRC32(crc32).build() : null;
    }

    private static String crc32Base64(long v) {
        byte[] bytes = {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
