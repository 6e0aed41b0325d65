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

    public ObjectOptions objectOptions() {
        return new ObjectOptions(acl, contentType, cacheControl, parseMetadata(metadata), storageClass, sse, sseKmsKeyId,
                !noGuessMimeType);
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
