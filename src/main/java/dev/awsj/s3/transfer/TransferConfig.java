package dev.awsj.s3.transfer;

import dev.awsj.aws.AwsSettings;
import dev.awsj.aws.Setting;
import dev.awsj.core.AwsjException;
import java.util.Locale;
import java.util.Optional;

/**
 * Concurrency and part sizes: {@code --max-concurrency}, else the profile's
 * {@code s3 = max_concurrent_requests / multipart_chunksize / multipart_threshold} (values as
 * the AWS CLI takes them: {@code 8MB}, {@code 16MiB}, {@code 1048576}), else the AWS CLI's
 * defaults of 10 requests and 8 MiB. {@code resume}: a file's multipart upload carries on an
 * unfinished one of the same key whose parts match the file (docs/s3-transfers.md, "Resumable uploads");
 * {@code fsync} ({@code --fsync}, profile {@code s3 = fsync = true}): downloads reach the disk before
 * the rename (off by default: docs/s3-transfers.md, "Safety guarantees", gives the figures).
 */
public record TransferConfig(int maxConcurrency, long chunkSize, long threshold, int maxAttempts, boolean resume,
        boolean fsync, long maxBandwidth) {
    public static final long MIB = 1024L * 1024;
    /** The SDK's default of the standard retry mode, when max_attempts is not set. */
    public static final int DEFAULT_ATTEMPTS = 3;
    public static final TransferConfig DEFAULT = new TransferConfig(10, 8 * MIB, 8 * MIB);
    /** S3 allows at most 10,000 parts and 5 GiB in one part or one PUT/copy. */
    public static final int MAX_PARTS = 10_000;
    public static final long MAX_SINGLE = 5L * 1024 * MIB;

    public TransferConfig(int maxConcurrency, long chunkSize, long threshold) {
        this(maxConcurrency, chunkSize, threshold, DEFAULT_ATTEMPTS, true, false, 0);
    }

    /** With {@code fsync} on, a download is flushed to the disk before it is renamed over its target. */
    public TransferConfig withFsync(boolean on) {
        return new TransferConfig(maxConcurrency, chunkSize, threshold, maxAttempts, resume, on, maxBandwidth);
    }

    /** With {@code resume} off, a multipart upload never looks for an unfinished one to carry on. */
    public TransferConfig withResume(boolean on) {
        return new TransferConfig(maxConcurrency, chunkSize, threshold, maxAttempts, on, fsync, maxBandwidth);
    }

    public static TransferConfig resolve(AwsSettings settings, Integer maxConcurrency) {
        int conc = maxConcurrency != null ? maxConcurrency
                : sub(settings, Setting.S3_MAX_CONCURRENT_REQUESTS).map(v -> parseInt(v, "max_concurrent_requests")).orElse(DEFAULT.maxConcurrency);
        if (conc < 1) {
            throw AwsjException.usage("--max-concurrency must be 1 or more: " + conc);
        }
        long chunk = sub(settings, Setting.S3_MULTIPART_CHUNKSIZE).map(v -> parseSize(v, "multipart_chunksize")).orElse(DEFAULT.chunkSize);
        long threshold = sub(settings, Setting.S3_MULTIPART_THRESHOLD).map(v -> parseSize(v, "multipart_threshold")).orElse(DEFAULT.threshold);
        // The same budget as every request's (validated where the clients are built).
        int attempts = DEFAULT_ATTEMPTS;
        try {
            attempts = Math.max(1, Integer.parseInt(settings.retrySettings().getOrDefault("max_attempts", "3").trim()));
        } catch (NumberFormatException e) {
            // reported by the client factory, which refuses the value
        }
        boolean fsync = sub(settings, Setting.S3_FSYNC).map(v -> parseBoolean(v, "fsync")).orElse(false);
        long bandwidth = sub(settings, Setting.S3_MAX_BANDWIDTH).map(TransferConfig::parseRate).orElse(0L);
        return new TransferConfig(conc, chunk, threshold, attempts, true, fsync, bandwidth);
    }

    private static Optional<String> sub(AwsSettings settings, Setting key) {
        return settings.profileProperty(key);
    }

    private static boolean parseBoolean(String v, String name) {
        String s = v.trim().toLowerCase(Locale.ROOT);
        if (s.equals("true") || s.equals("false")) {
            return s.equals("true");
        }
        throw AwsjException.config("Bad s3 " + name + " \"" + v + "\" in the profile: give true or false");
    }

    private static int parseInt(String v, String name) {
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw AwsjException.config("Bad s3 " + name + " \"" + v + "\" in the profile: give a whole number");
        }
    }

    /** {@code 8MB} = 8 MiB as in the AWS CLI (KB/MB/GB/TB are powers of 1024, as are KiB/MiB/...). */
    public static long parseSize(String v, String name) {
        String s = v.trim().toUpperCase(Locale.ROOT).replace(" ", "");
        long mult = 1;
        String[][] units = {{"KIB", "1024"}, {"MIB", "1048576"}, {"GIB", "1073741824"}, {"TIB", "1099511627776"},
            {"KB", "1024"}, {"MB", "1048576"}, {"GB", "1073741824"}, {"TB", "1099511627776"}, {"B", "1"}};
        for (String[] u : units) {
            if (s.endsWith(u[0])) {
                mult = Long.parseLong(u[1]);
                s = s.substring(0, s.length() - u[0].length());
                break;
            }
        }
        try {
            long n = Long.parseLong(s) * mult;
            if (n < 1) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw AwsjException.config("Bad s3 " + name + " \"" + v + "\" in the profile: give a size such as 8MB");
        }
    }

    /**
     * {@code max_bandwidth} as aws reads it: bytes a second with {@code B/s} ({@code 10MB/s},
     * {@code 800KB/s}, {@code 1048576B/s}), or bits a second with {@code b/s} ({@code 80Mb/s}); the
     * prefixes are powers of 1024, as for sizes.
     */
    public static long parseRate(String v) {
        String s = v.trim();
        long rate;
        if (s.endsWith("B/s")) {
            rate = parseSize(s.substring(0, s.length() - 2), "max_bandwidth");
        } else if (s.endsWith("b/s")) {
            rate = parseSize(s.substring(0, s.length() - 2), "max_bandwidth") / 8;
        } else {
            throw AwsjException.config("Bad s3 max_bandwidth \"" + v + "\" in the profile: give a rate in bytes a second"
                    + " such as 10MB/s or 800KB/s, or in bits a second such as 10Mb/s");
        }
        if (rate < 1) {
            throw AwsjException.config("Bad s3 max_bandwidth \"" + v + "\" in the profile: give a rate of 1B/s or more");
        }
        return rate;
    }

    /** The part size for an object of {@code size} bytes: the chunk size, grown to stay within 10,000 parts. */
    public long partSize(long size) {
        long min = (size + MAX_PARTS - 1) / MAX_PARTS;
        return Math.max(chunkSize, min);
    }
}
