package dev.awsj.s3;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsj.core.AwsjException;
import dev.awsj.json.SdkJson;
import dev.awsj.s3.transfer.Filters;
import dev.awsj.s3.transfer.ObjectOptions;
import dev.awsj.s3.transfer.ResultPrinter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** The options shared by cp, mv, sync, rm, upload and download, with the AWS CLI's names. */
public final class TransferOptions {
    @Option(names = "--recursive", description = "Act on every object or file below the given prefix or folder.")
    boolean recursive;

    /** The --include and --exclude filters in command-line order (later ones win, as in aws). */
    @ArgGroup(exclusive = true, multiplicity = "0..*")
    List<Filter> filters = new ArrayList<>();

    /** One --include or --exclude; picocli keeps a repeated group's matches in the order typed. */
    static final class Filter {
        @Option(names = "--exclude", required = true, paramLabel = "PATTERN",
                description = "Leave out paths matching this glob. Later --include/--exclude win over earlier ones.")
        String exclude;

        @Option(names = "--include", required = true, paramLabel = "PATTERN",
                description = "Put back paths matching this glob after an --exclude.")
        String include;
    }

    @Option(names = "--dryrun", description = "Show what would be done, without doing it.")
    boolean dryRun;

    @Option(names = "--quiet", description = "Print nothing (the exit code tells the outcome).")
    boolean quiet;

    @Option(names = "--only-show-errors", description = "Print only failures and skipped files.")
    boolean onlyShowErrors;

    @Option(names = "--no-progress", description = "No progress line on stderr.")
    boolean noProgress;

    @Option(names = "--acl", paramLabel = "ACL", converter = Choices.Acl.class, completionCandidates = Choices.Acl.class,
            description = "Canned ACL for new objects: private, public-read, public-read-write, authenticated-read, "
                    + "aws-exec-read, bucket-owner-read, bucket-owner-full-control.")
    String acl;

    @Option(names = "--content-type", paramLabel = "TYPE",
            description = "Content-Type of new objects; guessed from each file's name when absent.")
    String contentType;

    @Option(names = "--no-guess-mime-type", description = "Do not guess the Content-Type from file names.")
    boolean noGuessMimeType;

    @Option(names = "--cache-control", paramLabel = "VALUE", description = "Cache-Control of new objects.")
    String cacheControl;

    @Option(names = "--metadata", paramLabel = "k=v,...",
            description = "User metadata of new objects: k=v,k2=v2 or a JSON object.")
    String metadata;

    @Option(names = "--storage-class", paramLabel = "CLASS", converter = Choices.StorageClass.class,
            completionCandidates = Choices.StorageClass.class,
            description = "STANDARD, REDUCED_REDUNDANCY, STANDARD_IA, ONEZONE_IA, INTELLIGENT_TIERING, GLACIER, "
                    + "DEEP_ARCHIVE, GLACIER_IR.")
    String storageClass;

    @Option(names = "--sse", arity = "0..1", fallbackValue = "AES256", paramLabel = "AES256|aws:kms",
            converter = Choices.Sse.class, completionCandidates = Choices.Sse.class,
            description = "Server-side encryption of new objects (AES256 when given without a value).")
    String sse;

    @Option(names = "--sse-kms-key-id", paramLabel = "KEY", description = "KMS key for --sse aws:kms.")
    String sseKmsKeyId;

    @Option(names = "--content-disposition", paramLabel = "VALUE", description = "Content-Disposition of new objects.")
    String contentDisposition;

    @Option(names = "--content-encoding", paramLabel = "VALUE", description = "Content-Encoding of new objects.")
    String contentEncoding;

    @Option(names = "--content-language", paramLabel = "VALUE", description = "Content-Language of new objects.")
    String contentLanguage;

    @Option(names = "--expires", paramLabel = "TIME",
            description = "Expires of new objects: ISO-8601 (2030-01-01T00:00:00Z) or seconds since the epoch.")
    String expires;

    @Option(names = "--website-redirect", paramLabel = "URL",
            description = "Where a website request for new objects is redirected (x-amz-website-redirect-location).")
    String websiteRedirect;

    @Option(names = "--grants", arity = "1..*", paramLabel = "PERMISSION=GRANTEE",
            description = "Grants of new objects: read|readacl|writeacl|full=id=ID|uri=URI|emailaddress=EMAIL, "
                    + "one or more.")
    List<String> grants;

    @Option(names = "--sse-c", arity = "0..1", fallbackValue = "AES256", paramLabel = "AES256",
            description = "Encrypt (and read) objects with the customer key of --sse-c-key.")
    String sseC;

    @Option(names = "--sse-c-key", paramLabel = "KEY",
            description = "The customer key of --sse-c: its raw 32 bytes, or fileb://FILE.")
    String sseCKey;

    @Option(names = "--sse-c-copy-source", arity = "0..1", fallbackValue = "AES256", paramLabel = "AES256",
            description = "The source object of an S3 copy is encrypted with the customer key of --sse-c-copy-source-key.")
    String sseCCopySource;

    @Option(names = "--sse-c-copy-source-key", paramLabel = "KEY",
            description = "The customer key of the copy source: its raw 32 bytes, or fileb://FILE.")
    String sseCCopySourceKey;

    @Option(names = "--source-region", paramLabel = "REGION",
            description = "Region of the source bucket of an S3 to S3 copy (--region names the destination's).")
    String sourceRegion;

    @Option(names = "--request-payer", arity = "0..1", fallbackValue = "requester", paramLabel = "requester",
            description = "Agree to pay for requests to a requester-pays bucket.")
    String requestPayer;

    @Option(names = "--page-size", paramLabel = "N", description = "Keys asked for in each listing request (default 1000).")
    Integer pageSize;

    @Option(names = "--follow-symlinks", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Follow symbolic links when listing local folders (default); --no-follow-symlinks leaves "
                    + "them out.")
    boolean followSymlinks = true;

    @Option(names = "--force-glacier-transfer",
            description = "Transfer GLACIER and DEEP_ARCHIVE objects too (they fail unless restored).")
    boolean forceGlacierTransfer;

    @Option(names = "--ignore-glacier-warnings",
            description = "Skip GLACIER and DEEP_ARCHIVE objects without a warning and without exit code 2.")
    boolean ignoreGlacierWarnings;

    @Option(names = "--metadata-directive", paramLabel = "COPY|REPLACE",
            description = "MetadataDirective of S3 to S3 copies; when given, --copy-props has no effect.")
    String metadataDirective;

    @Option(names = "--copy-props", paramLabel = "none|metadata-directive|default", defaultValue = "default",
            description = "What an S3 to S3 copy takes from its source: none, metadata-directive (Content-*, "
                    + "Cache-Control, Expires, metadata) or default (those and the tags).")
    String copyProps = "default";

    @Option(names = "--checksum-algorithm", paramLabel = "ALGORITHM",
            description = "Checksum S3 stores for uploads (each part's too) and single-request copies: CRC32, CRC32C, SHA1, "
                    + "SHA256, CRC64NVME.")
    String checksumAlgorithm;

    @Option(names = "--checksum-mode", paramLabel = "ENABLED",
            description = "Verify downloads against the stored checksum: awsj always does; accepted for aws lines.")
    String checksumMode;

    @Option(names = "--no-overwrite",
            description = "Never replace what exists at the destination: uploads and copies are conditional "
                    + "(If-None-Match), downloads leave existing files.")
    boolean noOverwrite;

    @Option(names = "--expected-size", paramLabel = "BYTES",
            description = "Size of a stream uploaded from stdin, so that a large one is cut in fitting parts.")
    Long expectedSize;

    @Option(names = "--max-concurrency", paramLabel = "N",
            description = "Requests in flight at once (default: profile s3 max_concurrent_requests, else 10).")
    Integer maxConcurrency;

    @Option(names = "--no-resume",
            description = "Start a large upload afresh instead of carrying on an unfinished one of the same key.")
    boolean noResume;

    @Option(names = "--fsync",
            description = "Flush each downloaded file to the disk before it replaces its target (default: profile s3 fsync, else off).")
    boolean fsync;

    /** The filters in command-line order. */
    public Filters filters() {
        List<String[]> ordered = new ArrayList<>();
        for (Filter f : filters) {
            ordered.add(f.exclude != null ? new String[] {"--exclude", f.exclude} : new String[] {"--include", f.include});
        }
        return Filters.of(ordered);
    }

    public ResultPrinter.Mode mode() {
        return quiet ? ResultPrinter.Mode.QUIET : onlyShowErrors ? ResultPrinter.Mode.ONLY_ERRORS : ResultPrinter.Mode.NORMAL;
    }

    /** The request options of this line, checked as aws checks them (bad values exit 252). */
    public ObjectOptions objectOptions() {
        checkChoice("--metadata-directive", metadataDirective, "COPY", "REPLACE");
        checkChoice("--copy-props", copyProps, "none", "metadata-directive", "default");
        checkChoice("--sse-c", sseC, "AES256");
        checkChoice("--sse-c-copy-source", sseCCopySource, "AES256");
        checkChoice("--request-payer", requestPayer, "requester");
        checkChoice("--checksum-mode", checksumMode, "ENABLED");
        checkChoice("--checksum-algorithm", checksumAlgorithm, "CRC32", "CRC32C", "SHA1", "SHA256", "CRC64NVME");
        pairedWith("--sse-c", sseC, "--sse-c-key", sseCKey);
        pairedWith("--sse-c-copy-source", sseCCopySource, "--sse-c-copy-source-key", sseCCopySourceKey);
        if (pageSize != null && pageSize < 1) {
            throw AwsjException.usage("--page-size must be a positive number: " + pageSize);
        }
        return ObjectOptions.builder().acl(acl).contentType(contentType).cacheControl(cacheControl)
                .contentDisposition(contentDisposition).contentEncoding(contentEncoding).contentLanguage(contentLanguage)
                .expires(expires == null ? null : parseExpires(expires)).metadata(parseMetadata(metadata))
                .storageClass(storageClass).websiteRedirect(websiteRedirect).grants(parseGrants(grants))
                .sse(sse).sseKmsKeyId(sseKmsKeyId)
                .sseC(sseC, keyBytes("--sse-c-key", sseCKey))
                .sseCCopySource(sseCCopySource, keyBytes("--sse-c-copy-source-key", sseCCopySourceKey))
                .requestPayer(requestPayer).metadataDirective(metadataDirective)
                .copyProps(ObjectOptions.CopyProps.parse(copyProps)).checksumAlgorithm(checksumAlgorithm)
                .guessContentType(!noGuessMimeType).noOverwrite(noOverwrite).build();
    }

    private static void checkChoice(String option, String value, String... choices) {
        if (value != null && !List.of(choices).contains(value)) {
            throw AwsjException.usage("argument " + option + ": Invalid choice, valid choices are: " + String.join(" | ",
                    choices) + " (got \"" + value + "\")");
        }
    }

    private static void pairedWith(String option, String value, String keyOption, String key) {
        if (value != null && key == null) {
            throw AwsjException.usage("If " + option + " is specified, " + keyOption + " must be specified as well.");
        }
        if (key != null && value == null) {
            throw AwsjException.usage("If " + keyOption + " is specified, " + option + " must be specified as well.");
        }
    }

    /** A customer key: the raw key as typed (aws takes it so), or the bytes of fileb://FILE. */
    static byte[] keyBytes(String option, String value) {
        if (value == null) {
            return null;
        }
        if (value.startsWith("fileb://")) {
            try {
                return java.nio.file.Files.readAllBytes(java.nio.file.Path.of(value.substring("fileb://".length())));
            } catch (java.io.IOException e) {
                throw AwsjException.usage("Cannot read " + option + " from " + value + ": " + e.getMessage());
            }
        }
        return value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    static java.time.Instant parseExpires(String value) {
        try {
            return SdkJson.parseInstant(value);
        } catch (RuntimeException e) {
            throw AwsjException.usage("Bad value for --expires: \"" + value
                    + "\". Give an ISO-8601 time (2030-01-01T00:00:00Z) or seconds since the epoch");
        }
    }

    /** {@code --grants read=uri=http://… full=id=…}: by permission word, as aws maps them to Grant* members. */
    static Map<String, String> parseGrants(List<String> grants) {
        Map<String, String> m = new LinkedHashMap<>();
        if (grants == null) {
            return m;
        }
        for (String g : grants) {
            int eq = g.indexOf('=');
            if (eq < 0) {
                throw AwsjException.usage("grants should be of the form permission=principal");
            }
            String permission = g.substring(0, eq);
            if (!List.of("read", "readacl", "writeacl", "full").contains(permission)) {
                throw AwsjException.usage("permission must be one of: read|readacl|writeacl|full");
            }
            m.put(permission, g.substring(eq + 1));
        }
        return m;
    }

    /** The listing options of this line ({@code --page-size}, {@code --request-payer}). */
    public java.util.function.Consumer<software.amazon.awssdk.services.s3.model.ListObjectsV2Request.Builder> listRequest() {
        return b -> b.maxKeys(pageSize).requestPayer(requestPayer);
    }

    static Map<String, String> parseMetadata(String value) {
        Map<String, String> m = new LinkedHashMap<>();
        if (value == null || value.isBlank()) {
            return m;
        }
        String v = value.trim();
        if (v.startsWith("{")) {
            JsonNode n = SdkJson.parse(v, "--metadata");
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                m.put(e.getKey(), e.getValue().asText());
            }
            return m;
        }
        for (String pair : v.split(",")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw AwsjException.usage("Bad value for --metadata: \"" + value + "\". Give key=value,key2=value2");
            }
            m.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
        }
        return m;
    }
}
