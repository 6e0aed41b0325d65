package dev.awsj.s3.transfer;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.s3.model.AbortMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectsRequest;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListMultipartUploadsRequest;
import software.amazon.awssdk.services.s3.model.ListPartsRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.UploadPartCopyRequest;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;

/**
 * What the requests of one transfer carry, with the AWS CLI's mapping of its flags to request
 * members (docs/s3-transfers.md, "Object options"): the new object's headers ({@code --acl
 * --content-type --cache-control --content-disposition --content-encoding --content-language
 * --expires --metadata --storage-class --website-redirect --grants --sse --sse-kms-key-id
 * --checksum-algorithm}), the customer key of every object request ({@code --sse-c}), the copy
 * source's key ({@code --sse-c-copy-source}), {@code --request-payer} on every request, and how a
 * copy treats the source's properties ({@code --metadata-directive}, {@code --copy-props}). A null
 * field leaves S3's default. Without {@code --content-type} an upload's type is guessed from the
 * file name.
 */
public final class ObjectOptions {
    public static final ObjectOptions NONE = builder().build();

    /** {@code --copy-props}: which properties an S3→S3 copy takes from its source. */
    public enum CopyProps {
        /** Nothing: metadata and tags are replaced (by what the flags give, or nothing). */
        NONE,
        /** Content-*, Cache-Control, Expires and user metadata; not tags. */
        METADATA_DIRECTIVE,
        /** The metadata-directive properties and the tags. */
        DEFAULT;

        public static CopyProps parse(String value) {
            return switch (value) {
                case "none" -> NONE;
                case "metadata-directive" -> METADATA_DIRECTIVE;
                case "default" -> DEFAULT;
                default -> throw new IllegalArgumentException(value);
            };
        }
    }

    private final Builder v;

    private ObjectOptions(Builder v) {
        this.v = v;
    }

    public static Builder builder() {
        return new Builder();
    }

    public String contentType() {
        return v.contentType;
    }

    String typeFor(Path file) {
        if (v.contentType != null) {
            return v.contentType;
        }
        return v.guessContentType && file != null ? ContentTypes.guess(file) : null;
    }

    /** Whether a flag sets one of the properties that CopyObject only takes with MetadataDirective=REPLACE. */
    boolean setsMetadataProperties() {
        return v.contentType != null || v.cacheControl != null || v.contentDisposition != null
                || v.contentEncoding != null || v.contentLanguage != null || v.expires != null || !v.metadata.isEmpty();
    }

    /**
     * Whether a single-request copy needs the source's HeadObject: with the default copy
     * properties, a flag that replaces one property keeps the others from the source (the AWS
     * CLI's rule), so they are read first.
     */
    boolean copyNeedsSourceHead() {
        return v.metadataDirective == null && v.copyProps != CopyProps.NONE && setsMetadataProperties();
    }

    /** Whether a multipart copy takes the source's properties into its new upload. */
    boolean multipartCopyKeepsSourceProperties() {
        return v.metadataDirective == null && v.copyProps != CopyProps.NONE;
    }

    /** The checksum of uploads: {@code --checksum-algorithm}'s, else CRC32 full-object. */
    UploadChecksum uploadChecksum() {
        return UploadChecksum.of(v.checksumAlgorithm);
    }

    public boolean noOverwrite() {
        return v.noOverwrite;
    }

    // ---- the new object's properties --------------------------------------------------------

    void apply(PutObjectRequest.Builder b, Path file) {
        b.acl(v.acl).contentType(typeFor(file)).cacheControl(v.cacheControl).contentDisposition(v.contentDisposition)
                .contentEncoding(v.contentEncoding).contentLanguage(v.contentLanguage).expires(v.expires)
                .storageClass(v.storageClass).websiteRedirectLocation(v.websiteRedirect)
                .grantRead(v.grants.get("read")).grantFullControl(v.grants.get("full"))
                .grantReadACP(v.grants.get("readacl")).grantWriteACP(v.grants.get("writeacl"))
                .serverSideEncryption(v.sse).ssekmsKeyId(v.sseKmsKeyId)
                .sseCustomerAlgorithm(v.sseC).sseCustomerKey(base64(v.sseCKey)).sseCustomerKeyMD5(md5(v.sseCKey))
                .requestPayer(v.requestPayer).checksumAlgorithm(v.checksumAlgorithm);
        if (!v.metadata.isEmpty()) {
            b.metadata(v.metadata);
        }
        if (v.noOverwrite) {
            b.ifNoneMatch("*");
        }
    }

    void apply(CreateMultipartUploadRequest.Builder b, Path file) {
        b.acl(v.acl).contentType(typeFor(file)).cacheControl(v.cacheControl).contentDisposition(v.contentDisposition)
                .contentEncoding(v.contentEncoding).contentLanguage(v.contentLanguage).expires(v.expires)
                .storageClass(v.storageClass).websiteRedirectLocation(v.websiteRedirect)
                .grantRead(v.grants.get("read")).grantFullControl(v.grants.get("full"))
                .grantReadACP(v.grants.get("readacl")).grantWriteACP(v.grants.get("writeacl"))
                .serverSideEncryption(v.sse).ssekmsKeyId(v.sseKmsKeyId)
                .sseCustomerAlgorithm(v.sseC).sseCustomerKey(base64(v.sseCKey)).sseCustomerKeyMD5(md5(v.sseCKey))
                .requestPayer(v.requestPayer);
        if (!v.metadata.isEmpty()) {
            b.metadata(v.metadata);
        }
    }

    /**
     * A single-request copy, as the AWS CLI sends it: {@code --metadata-directive} when given
     * (then the source's properties are not touched); else with {@code --copy-props none} the
     * metadata and tags are replaced; else a flag that sets a property replaces the metadata and
     * the others are carried over from {@code sourceHead}.
     */
    void apply(CopyObjectRequest.Builder b, HeadObjectResponse sourceHead) {
        b.acl(v.acl).storageClass(v.storageClass).websiteRedirectLocation(v.websiteRedirect)
                .contentType(v.contentType).cacheControl(v.cacheControl).contentDisposition(v.contentDisposition)
                .contentEncoding(v.contentEncoding).contentLanguage(v.contentLanguage).expires(v.expires)
                .grantRead(v.grants.get("read")).grantFullControl(v.grants.get("full"))
                .grantReadACP(v.grants.get("readacl")).grantWriteACP(v.grants.get("writeacl"))
                .serverSideEncryption(v.sse).ssekmsKeyId(v.sseKmsKeyId)
                .sseCustomerAlgorithm(v.sseC).sseCustomerKey(base64(v.sseCKey)).sseCustomerKeyMD5(md5(v.sseCKey))
                .copySourceSSECustomerAlgorithm(v.sseCCopySource).copySourceSSECustomerKey(base64(v.sseCCopySourceKey))
                .copySourceSSECustomerKeyMD5(md5(v.sseCCopySourceKey))
                .requestPayer(v.requestPayer).checksumAlgorithm(v.checksumAlgorithm);
        if (!v.metadata.isEmpty()) {
            b.metadata(v.metadata);
        }
        if (v.noOverwrite) {
            b.ifNoneMatch("*");
        }
        if (v.metadataDirective != null) {
            b.metadataDirective(v.metadataDirective);
            return;
        }
        if (v.copyProps == CopyProps.NONE) {
            b.metadataDirective("REPLACE").taggingDirective("REPLACE");
            return;
        }
        if (v.copyProps == CopyProps.METADATA_DIRECTIVE) {
            b.taggingDirective("REPLACE");
        }
        if (setsMetadataProperties()) {
            b.metadataDirective("REPLACE");
            if (sourceHead != null) {
                keepSourceProperties(b, sourceHead);
            }
        }
    }

    private void keepSourceProperties(CopyObjectRequest.Builder b, HeadObjectResponse h) {
        if (v.contentType == null) {
            b.contentType(h.contentType());
        }
        if (v.cacheControl == null) {
            b.cacheControl(h.cacheControl());
        }
        if (v.contentDisposition == null) {
            b.contentDisposition(h.contentDisposition());
        }
        if (v.contentEncoding == null) {
            b.contentEncoding(h.contentEncoding());
        }
        if (v.contentLanguage == null) {
            b.contentLanguage(h.contentLanguage());
        }
        if (v.expires == null) {
            b.expires(h.expires());
        }
        if (v.metadata.isEmpty() && h.hasMetadata()) {
            b.metadata(h.metadata());
        }
    }

    // ---- every other request of a transfer --------------------------------------------------

    /** GetObject of a download: the customer key and the payer. */
    public void onGet(GetObjectRequest.Builder b) {
        b.sseCustomerAlgorithm(v.sseC).sseCustomerKey(base64(v.sseCKey)).sseCustomerKeyMD5(md5(v.sseCKey))
                .requestPayer(v.requestPayer);
    }

    /** HeadObject of a download's or a copy's source. */
    public void onHead(HeadObjectRequest.Builder b) {
        b.sseCustomerAlgorithm(v.sseC).sseCustomerKey(base64(v.sseCKey)).sseCustomerKeyMD5(md5(v.sseCKey))
                .requestPayer(v.requestPayer);
    }

    /** HeadObject of a copy's source: its key is the copy-source key. */
    public void onHeadCopySource(HeadObjectRequest.Builder b) {
        b.sseCustomerAlgorithm(v.sseCCopySource).sseCustomerKey(base64(v.sseCCopySourceKey))
                .sseCustomerKeyMD5(md5(v.sseCCopySourceKey)).requestPayer(v.requestPayer);
    }

    void onUploadPart(UploadPartRequest.Builder b) {
        b.sseCustomerAlgorithm(v.sseC).sseCustomerKey(base64(v.sseCKey)).sseCustomerKeyMD5(md5(v.sseCKey))
                .requestPayer(v.requestPayer);
    }

    void onUploadPartCopy(UploadPartCopyRequest.Builder b) {
        b.sseCustomerAlgorithm(v.sseC).sseCustomerKey(base64(v.sseCKey)).sseCustomerKeyMD5(md5(v.sseCKey))
                .copySourceSSECustomerAlgorithm(v.sseCCopySource).copySourceSSECustomerKey(base64(v.sseCCopySourceKey))
                .copySourceSSECustomerKeyMD5(md5(v.sseCCopySourceKey)).requestPayer(v.requestPayer);
    }

    void onComplete(CompleteMultipartUploadRequest.Builder b) {
        b.requestPayer(v.requestPayer);
        if (v.noOverwrite) {
            b.ifNoneMatch("*");
        }
    }

    public void onDelete(DeleteObjectRequest.Builder b) {
        b.requestPayer(v.requestPayer);
    }

    void onDeletes(DeleteObjectsRequest.Builder b) {
        b.requestPayer(v.requestPayer);
    }

    /** The look for an unfinished upload to resume (docs/s3-transfers.md, "Resumable uploads"). */
    void onListUploads(ListMultipartUploadsRequest.Builder b) {
        b.requestPayer(v.requestPayer);
    }

    void onListParts(ListPartsRequest.Builder b) {
        b.requestPayer(v.requestPayer);
    }

    void onAbort(AbortMultipartUploadRequest.Builder b) {
        b.requestPayer(v.requestPayer);
    }

    /** The key as S3 wants it: base64 of its bytes (the flag takes the raw key, as aws does). */
    private static String base64(byte[] key) {
        return key == null ? null : Base64.getEncoder().encodeToString(key);
    }

    private static String md5(byte[] key) {
        if (key == null) {
            return null;
        }
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(key));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Collects the flags; {@link #build()} freezes them. */
    public static final class Builder {
        private String acl;
        private String contentType;
        private String cacheControl;
        private String contentDisposition;
        private String contentEncoding;
        private String contentLanguage;
        private Instant expires;
        private Map<String, String> metadata = Map.of();
        private String storageClass;
        private String websiteRedirect;
        private Map<String, String> grants = Map.of();
        private String sse;
        private String sseKmsKeyId;
        private String sseC;
        private byte[] sseCKey;
        private String sseCCopySource;
        private byte[] sseCCopySourceKey;
        private String requestPayer;
        private String metadataDirective;
        private CopyProps copyProps = CopyProps.DEFAULT;
        private String checksumAlgorithm;
        private boolean guessContentType = true;
        private boolean noOverwrite;
        private boolean built;

        public Builder acl(String s) { acl = s; return this; }
        public Builder contentType(String s) { contentType = s; return this; }
        public Builder cacheControl(String s) { cacheControl = s; return this; }
        public Builder contentDisposition(String s) { contentDisposition = s; return this; }
        public Builder contentEncoding(String s) { contentEncoding = s; return this; }
        public Builder contentLanguage(String s) { contentLanguage = s; return this; }
        public Builder expires(Instant t) { expires = t; return this; }
        public Builder metadata(Map<String, String> m) { metadata = Map.copyOf(m); return this; }
        public Builder storageClass(String s) { storageClass = s; return this; }
        public Builder websiteRedirect(String s) { websiteRedirect = s; return this; }
        /** Grants by permission word of {@code --grants}: read, readacl, writeacl, full. */
        public Builder grants(Map<String, String> g) { grants = new LinkedHashMap<>(g); return this; }
        public Builder sse(String s) { sse = s; return this; }
        public Builder sseKmsKeyId(String s) { sseKmsKeyId = s; return this; }
        public Builder sseC(String algorithm, byte[] key) { sseC = algorithm; sseCKey = key; return this; }
        public Builder sseCCopySource(String algorithm, byte[] key) {
            sseCCopySource = algorithm;
            sseCCopySourceKey = key;
            return this;
        }
        public Builder requestPayer(String s) { requestPayer = s; return this; }
        public Builder metadataDirective(String s) { metadataDirective = s; return this; }
        public Builder copyProps(CopyProps c) { copyProps = c; return this; }
        public Builder checksumAlgorithm(String s) { checksumAlgorithm = s; return this; }
        public Builder guessContentType(boolean b) { guessContentType = b; return this; }
        public Builder noOverwrite(boolean b) { noOverwrite = b; return this; }

        public ObjectOptions build() {
            if (built) {
                throw new IllegalStateException("built already");
            }
            built = true;
            return new ObjectOptions(this);
        }
    }
}
