package dev.awsj.aws;

import dev.awsj.json.JsonTrees;
import dev.awsj.core.AtomicFileWriter;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * The assumed-role credentials cache the AWS CLI keeps in {@code ~/.aws/cli/cache}, read and
 * written in its own form so that awsj and aws share it: the file name is the SHA-1 of the
 * AssumeRole arguments as Python's {@code json.dumps(args, sort_keys=True)} prints them (without a
 * generated session name and without the MFA code), the content the AssumeRole response as JSON.
 */
public final class AssumeRoleCache {
    /** botocore refreshes cached credentials 15 minutes before they expire; so does awsj. */
    static final long EXPIRY_WINDOW_SECONDS = 15 * 60;

    private final Path folder;
    private final PrintStream err;

    public AssumeRoleCache(Path folder, PrintStream err) {
        this.folder = folder;
        this.err = err;
    }

    /** The cache key of botocore's {@code BaseAssumeRoleCredentialFetcher._create_cache_key}. */
    public static String key(Map<String, Object> assumeRoleArgs) {
        String json = pythonJson(new TreeMap<>(assumeRoleArgs));
        try {
            byte[] sha = MessageDigest.getInstance("SHA-1").digest(json.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha).replace(':', '_').replace('/', '_');
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Path file(String key) {
        return folder.resolve(key + ".json");
    }

    /** The cached credentials when present and valid for more than the expiry window. */
    public Optional<AwsSessionCredentials> load(String key, Instant now) {
        Path f = file(key);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try {
            JsonNode c = JsonTrees.read(Files.readAllBytes(f)).path("Credentials");
            Instant expiry = parseExpiration(c.path("Expiration").asText(""));
            String id = c.path("AccessKeyId").asText(null);
            String secret = c.path("SecretAccessKey").asText(null);
            String token = c.path("SessionToken").asText(null);
            if (id == null || secret == null || token == null || expiry == null
                    || expiry.getEpochSecond() - now.getEpochSecond() < EXPIRY_WINDOW_SECONDS) {
                return Optional.empty();
            }
            return Optional.of(AwsSessionCredentials.builder().accessKeyId(id).secretAccessKey(secret)
                    .sessionToken(token).expirationTime(expiry).build());
        } catch (Exception e) {
            // A damaged cache entry is ignored and replaced, as botocore does.
            return Optional.empty();
        }
    }

    /** Writes the AssumeRole response in the form botocore's JSONFileCache writes it (mode 0600). */
    public void store(String key, AwsSessionCredentials c, String assumedRoleId, String assumedRoleArn, String requestId) {
        Map<String, Object> response = new java.util.LinkedHashMap<>();
        response.put("Credentials", credentials(c));
        if (assumedRoleId != null || assumedRoleArn != null) {
            Map<String, Object> user = new java.util.LinkedHashMap<>();
            user.put("AssumedRoleId", assumedRoleId);
            user.put("Arn", assumedRoleArn);
            response.put("AssumedRoleUser", user);
        }
        Map<String, Object> meta = new java.util.LinkedHashMap<>();
        meta.put("RequestId", requestId);
        meta.put("HTTPStatusCode", 200);
        meta.put("RetryAttempts", 0);
        response.put("ResponseMetadata", meta);
        store(key, response);
    }

    /** Writes an entry whose {@code Credentials} member {@link #load} reads (SSO role credentials: {@code ProviderType} sso). */
    public void store(String key, Map<String, Object> entry) {
        new AtomicFileWriter(err).write(file(key), pythonJson(entry).getBytes(StandardCharsets.UTF_8));
    }

    /** The {@code Credentials} member as botocore caches it. */
    public static Map<String, Object> credentials(AwsSessionCredentials c) {
        Map<String, Object> creds = new java.util.LinkedHashMap<>();
        creds.put("AccessKeyId", c.accessKeyId());
        creds.put("SecretAccessKey", c.secretAccessKey());
        creds.put("SessionToken", c.sessionToken());
        creds.put("Expiration", c.expirationTime()
                .map(e -> DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").format(e.atOffset(ZoneOffset.UTC)) + "Z")
                .orElse(null));
        return creds;
    }

    public Path folder() {
        return folder;
    }

    /** Expiration as aws writes it: {@code 2026-11-23T13:00:00Z} (botocore 1.4x), {@code ...UTC} (older), or any ISO-8601. */
    static Instant parseExpiration(String s) {
        String t = s.trim();
        if (t.isEmpty()) {
            return null;
        }
        if (t.endsWith("UTC")) {
            t = t.substring(0, t.length() - 3) + "Z";
        }
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (RuntimeException e) {
            try {
                return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
            } catch (RuntimeException e2) {
                return null;
            }
        }
    }

    /** Python's {@code json.dumps(value)}: ", " and ": " separators, non-ASCII escaped. Maps keep their order. */
    static String pythonJson(Object v) {
        return pythonJson(v, false);
    }

    /** As {@link #pythonJson(Object)}; {@code compact}: with {@code separators=(',', ':')}. */
    static String pythonJson(Object v, boolean compact) {
        StringBuilder sb = new StringBuilder();
        write(sb, v, compact ? "," : ", ", compact ? ":" : ": ");
        return sb.toString();
    }

    private static void write(StringBuilder sb, Object v, String comma, String colon) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof Map<?, ?> m) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!first) {
                    sb.append(comma);
                }
                first = false;
                write(sb, String.valueOf(e.getKey()), comma, colon);
                sb.append(colon);
                write(sb, e.getValue(), comma, colon);
            }
            sb.append('}');
        } else if (v instanceof List<?> l) {
            sb.append('[');
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) {
                    sb.append(comma);
                }
                write(sb, l.get(i), comma, colon);
            }
            sb.append(']');
        } else if (v instanceof Number || v instanceof Boolean) {
            sb.append(v);
        } else {
            String s = v.toString();
            sb.append('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '"' -> sb.append("\\\"");
                    case '\\' -> sb.append("\\\\");
                    case '\n' -> sb.append("\\n");
                    case '\r' -> sb.append("\\r");
                    case '\t' -> sb.append("\\t");
                    case '\b' -> sb.append("\\b");
                    case '\f' -> sb.append("\\f");
                    default -> {
                        if (c < 0x20 || c > 0x7e) {
                            sb.append(String.format("\\u%04x", (int) c));
                        } else {
                            sb.append(c);
                        }
                    }
                }
            }
            sb.append('"');
        }
    }
}
