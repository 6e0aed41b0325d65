package dev.awsj.aws;

import dev.awsj.core.AwsjException;
import java.io.PrintStream;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.InstanceProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;

/**
 * Credentials of every role profile ({@code role_arn} with {@code source_profile} or
 * {@code credential_source}; {@code external_id}, {@code role_session_name},
 * {@code duration_seconds}, {@code mfa_serial}): reused from the AWS CLI's cache
 * ({@code ~/.aws/cli/cache}, {@link AssumeRoleCache}) while valid, else the role is assumed through
 * STS with the source's credentials (asking for the MFA code on the terminal when the profile has
 * {@code mfa_serial}) and the result cached for the next command, awsj's or aws's. A source
 * profile that is itself a role profile is assumed the same way, hop by hop, each hop cached; an
 * SSO source signs in as {@link SsoCredentialsProvider}. docs/configuration.md, "Roles".
 */
public final class RoleCredentialsProvider implements AwsCredentialsProvider {
    private final ClientFactory clients;
    private final String profileName;
    private final Function<String, String> codeReader;
    private final PrintStream err;
    /** The profiles of the chain that led here, to refuse a cycle. */
    private final Set<String> chain;
    private AwsSessionCredentials current;

    /**
     * @param codeReader asks for the MFA code with the given prompt; returns null when no terminal
     *     can answer
     */
    public RoleCredentialsProvider(ClientFactory clients, String profileName, Function<String, String> codeReader,
            PrintStream err) {
        this(clients, profileName, codeReader, err, new LinkedHashSet<>());
    }

    private RoleCredentialsProvider(ClientFactory clients, String profileName, Function<String, String> codeReader,
            PrintStream err, Set<String> chain) {
        this.clients = clients;
        this.profileName = profileName;
        this.codeReader = codeReader;
        this.err = err;
        this.chain = chain;
        this.chain.add(profileName);
    }

    @Override
    public synchronized AwsCredentials resolveCredentials() {
        Instant now = Instant.now();
        if (current != null && current.expirationTime().map(e -> e.isAfter(now.plusSeconds(60))).orElse(false)) {
            return current;
        }
        AwsSettings settings = clients.settings();
        Profile profile = settings.profileFile().profile(profileName).orElseThrow(() ->
                AwsjException.config("The config profile (" + profileName + ") could not be found"));
        String roleArn = required(profile, "role_arn");
        Optional<String> serial = prop(profile, "mfa_serial");
        Optional<String> sessionName = prop(profile, "role_session_name");
        Optional<String> externalId = prop(profile, "external_id");
        Optional<Integer> duration = prop(profile, "duration_seconds").map(v -> {
            try {
                return Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw AwsjException.config("Bad duration_seconds \"" + v + "\" in profile " + profileName + ": give whole seconds");
            }
        });

        // The arguments that make up the cache key, as botocore's AssumeRoleProvider builds them:
        // without a generated session name and without the MFA code.
        Map<String, Object> args = new HashMap<>();
        args.put("RoleArn", roleArn);
        serial.ifPresent(v -> args.put("SerialNumber", v));
        sessionName.ifPresent(v -> args.put("RoleSessionName", v));
        externalId.ifPresent(v -> args.put("ExternalId", v));
        duration.ifPresent(d -> args.put("DurationSeconds", d));
        String key = AssumeRoleCache.key(args);
        AssumeRoleCache cache = new AssumeRoleCache(settings.home().resolve(".aws").resolve("cli").resolve("cache"), err);
        Optional<AwsSessionCredentials> cached = cache.load(key, now);
        if (cached.isPresent()) {
            current = cached.get();
            return current;
        }

        AwsCredentialsProvider source = sourceCredentials(settings, profile);
        AssumeRoleRequest.Builder req = AssumeRoleRequest.builder().roleArn(roleArn)
                .roleSessionName(sessionName.orElse("awsj-session-" + now.getEpochSecond()));
        externalId.ifPresent(req::externalId);
        duration.ifPresent(req::durationSeconds);
        if (serial.isPresent()) {
            String code = codeReader.apply("Enter MFA code for " + serial.get() + ": ");
            if (code == null) {
                throw AwsjException.config("The profile (" + profileName + ") needs an MFA code for " + serial.get()
                        + " to assume " + roleArn + ", and stdin is not a terminal to ask for it. Run an awsj or aws command"
                        + " with this profile in a terminal first (the credentials are cached until they expire).");
            }
            code = code.trim();
            if (code.isEmpty()) {
                throw AwsjException.config("No MFA code was entered for " + serial.get());
            }
            req.serialNumber(serial.get()).tokenCode(code);
        }
        AssumeRoleResponse r;
        try (StsClient client = clients.stsClient(source)) {
            r = client.assumeRole(req.build());
        }
        var c = r.credentials();
        current = AwsSessionCredentials.builder().accessKeyId(c.accessKeyId()).secretAccessKey(c.secretAccessKey())
                .sessionToken(c.sessionToken()).expirationTime(c.expiration()).build();
        cache.store(key, current, r.assumedRoleUser() == null ? null : r.assumedRoleUser().assumedRoleId(),
                r.assumedRoleUser() == null ? null : r.assumedRoleUser().arn(), r.responseMetadata().requestId());
        return current;
    }

    private AwsCredentialsProvider sourceCredentials(AwsSettings settings, Profile profile) {
        Optional<String> sourceProfile = prop(profile, "source_profile");
        if (sourceProfile.isPresent()) {
            String src = sourceProfile.get();
            if (src.equals(profileName)) {
                // A profile may name itself as its source when it also holds the long-term keys.
                return staticKeys(profile).orElseThrow(() -> AwsjException.config("The profile (" + profileName
                        + ") names itself as source_profile but holds no aws_access_key_id and aws_secret_access_key."));
            }
            Profile source = settings.profileFile().profile(src).orElseThrow(() -> AwsjException.config(
                    "The source_profile \"" + src + "\" referenced in the profile \"" + profileName + "\" does not exist."));
            if (chain.contains(src)) {
                throw AwsjException.config("The profiles " + String.join(" -> ", chain) + " -> " + src
                        + " form a cycle of source_profile references.");
            }
            // As botocore: a source's static keys win over its own role (a profile may be both).
            Optional<AwsCredentialsProvider> keys = staticKeys(source);
            if (keys.isPresent()) {
                return keys.get();
            }
            if (prop(source, "role_arn").isPresent()) {
                return new RoleCredentialsProvider(clients, src, codeReader, err, new LinkedHashSet<>(chain));
            }
            if (SsoConfig.isSso(source)) {
                return new SsoCredentialsProvider(clients, src, source, err);
            }
            // credential_process and the rest: the SDK's reading of that profile.
            return ProfileCredentialsProvider.builder().profileFile(settings.profileFile()).profileName(src).build();
        }
        Optional<String> credentialSource = prop(profile, "credential_source");
        if (credentialSource.isEmpty()) {
            throw AwsjException.config("The profile (" + profileName + ") has role_arn but neither source_profile nor credential_source.");
        }
        return switch (credentialSource.get().toLowerCase(Locale.ROOT)) {
            case "environment" -> environment(settings);
            case "ec2instancemetadata" -> InstanceProfileCredentialsProvider.create();
            case "ecscontainer" -> ContainerCredentialsProvider.builder().build();
            default -> throw AwsjException.config("Bad credential_source \"" + credentialSource.get() + "\" in profile "
                    + profileName + ": use Environment, Ec2InstanceMetadata or EcsContainer");
        };
    }

    private static Optional<AwsCredentialsProvider> staticKeys(Profile p) {
        Optional<String> id = prop(p, "aws_access_key_id");
        Optional<String> secret = prop(p, "aws_secret_access_key");
        if (id.isEmpty() || secret.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> token = prop(p, "aws_session_token");
        return Optional.of(StaticCredentialsProvider.create(token.isPresent()
                ? AwsSessionCredentials.create(id.get(), secret.get(), token.get())
                : AwsBasicCredentials.create(id.get(), secret.get())));
    }

    private AwsCredentialsProvider environment(AwsSettings settings) {
        Map<String, String> env = settings.env();
        String id = env.get("AWS_ACCESS_KEY_ID");
        String secret = env.get("AWS_SECRET_ACCESS_KEY");
        if (id == null || id.isEmpty() || secret == null || secret.isEmpty()) {
            throw AwsjException.config("The profile (" + profileName + ") takes its source credentials from the"
                    + " environment, but AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set.");
        }
        String token = env.get("AWS_SESSION_TOKEN");
        return StaticCredentialsProvider.create(token == null || token.isEmpty()
                ? AwsBasicCredentials.create(id, secret) : AwsSessionCredentials.create(id, secret, token));
    }

    private static Optional<String> prop(Profile p, String key) {
        return p.property(key).map(String::trim).filter(s -> !s.isEmpty());
    }

    private static String required(Profile p, String key) {
        return prop(p, key).orElseThrow(() -> AwsjException.config("The profile (" + p.name() + ") lacks " + key));
    }
}
