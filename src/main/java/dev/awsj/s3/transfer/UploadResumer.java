package dev.awsj.s3.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.ListMultipartUploadsResponse;
import software.amazon.awssdk.services.s3.model.ListPartsResponse;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.Part;

/**
 * Finds an unfinished multipart upload of the same key that a run of awsj left behind (Ctrl-C, a
 * killed process) and whose stored parts are exactly the local file's: created with the same
 * checksum algorithm, same part layout, and each part's ETag the MD5 of the bytes at its offset (or
 * its stored checksum the file's). An upload that does not
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
    private final UploadChecksum checksum;

    UploadResumer(S3Client s3, ObjectOptions options, Scheduler scheduler) {
        this.s3 = s3;
        this.options = options;
        this.scheduler = scheduler;
        this.checksum = options.uploadChecksum();
    }

    /**
     * The newest matching upload of {@code dst} for this file and part size, or null. The look-up
     * is an optimisation: when it fails (no such bucket, a policy that allows PutObject but not
     * ListMultipartUploads or ListParts, an emulator without them) the upload starts afresh, and
     * what the user sees is the outcome of the upload itself. Only Ctrl-C stops it here.
     */
    Resumable find(S3Uri dst, java.nio.file.Path file, long size, long partSize) {
        try {
            return lookUp(dst, file, size, partSize);
        } catch (AbortedException e) {
            throw e;
        } catch (Exception e) {
            return null;
        }
    }

    private Resumable lookUp(S3Uri dst, java.nio.file.Path file, long size, long partSize) throws Exception {
        List<MultipartUpload> candidates = new ArrayList<>();
        for (ListMultipartUploadsResponse page : scheduler.call(() -> s3.listMultipartUploadsPaginator(b -> b
                .bucket(dst.bucket()).prefix(dst.key()).applyMutation(options::onListUploads)))) {
            for (MultipartUpload u : page.uploads()) {
                // One made with another checksum is not this command's to carry on.
                if (u.key().equals(dst.key()) && checksum.created(u)) {
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
        List<CompletedPart> checked = scheduler.runParts(stored.size(), i -> check(stored.get(i), file, partSize, checksum));
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
    private static CompletedPart check(Part p, java.nio.file.Path file, long partSize, UploadChecksum checksum)
            throws IOException {
        long offset = (p.partNumber() - 1) * partSize;
        MessageDigest md5 = md5();
        UploadChecksum.Digest local = checksum.newDigest();
        try (InputStream in = FileBodies.range(file, offset, p.size())) {
            byte[] buf = new byte[64 * 1024];
            int n;
            while ((n = in.read(buf)) > 0) {
                md5.update(buf, 0, n);
                local.update(buf, 0, n);
            }
        }
        String etag = p.eTag() == null ? "" : p.eTag().replace("\"", "").toLowerCase(Locale.ROOT);
        String value = local.base64();
        String stored = checksum.value(p);
        boolean same = stored != null ? stored.equals(value) : etag.equals(HexFormat.of().formatHex(md5.digest()));
        return same ? checksum.part(p.partNumber(), p.eTag(), value) : null;
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
