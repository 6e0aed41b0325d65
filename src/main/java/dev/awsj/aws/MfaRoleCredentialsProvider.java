package dev.awsj.aws;

import dev.awsj.core.AwsjException;
import java.io.PrintStream;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
 * Credentials of a role profile with {@code mfa_serial}: reused from the AWS CLI's cache while they
 * are valid; else the user is asked for the MFA code on the terminal and the role is assumed with
 * it through STS (with the source profile's or {@code credential_source}'s credentials), and the
 * result cached for the next command, awsj's or aws's.
 */
public final class MfaRoleCredentialsProvider implements AwsCredentialsProvider {
    private final Function<AwsCredentialsProvider, StsClient> sts;
    private final AwsSettings settings;
    private final Function<String, String> codeReader;
    private final PrintStream err;
    private AwsSessionCredentials current;

    /**
     * @param sts builds an STS client that signs with the given source credentials
     * @param codeReader asks for the code with the given prompt; returns null when no terminal can
     *     answer
     */
    public MfaRoleCredentialsProvider(Function<AwsCredentialsProvider, StsClient> sts, AwsSettings settings,
            Function<String, String> codeReader, PrintStream err) {
        this.sts = sts;
        this.settings = settings;
        this.codeReader = codeReader;
        this.err = err;
    }

    @Override
    public synchronized AwsCredentials resolveCredentials() {
        Instant now = Instant.now();
        if (current != null && current.expirationTime().map(e -> e.isAfter(now.plusSeconds(60))).orElse(false)) {
            return current;
        }
        String profileName = settings.profileName();
        Profile profile = settings.profile().orElseThrow(() ->
                AwsjException.config("The config profile (" + profileName + ") could not be found"));
        String roleArn = required(profile, "role_arn");
        String serial = required(profile, "mfa_serial");

        // The arguments that make up the cache key, as botocore's AssumeRoleProvider builds them.
        Map<String, Object> args = new HashMap<>();
        args.put("RoleArn", roleArn);
        args.put("SerialNumber", serial);
        prop(profile, "role_session_name").ifPresent(v -> args.put("RoleSessionName", v));
        prop(profile, "external_id").ifPresent(v -> args.put("ExternalId", v));
        Optional<Integer> duration = prop(profile, "duration_seconds").map(v -> {
            try {
                return Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw AwsjException.config("Bad duration_seconds \"" + v + "\" in profile " + profileName + ": give whole seconds");
            }
        });
        duration.ifPresent(d -> args.put("DurationSeconds", d));
        String key = AssumeRoleCache.key(args);
        AssumeRoleCache cache = new AssumeRoleCache(settings.home().resolve(".aws").resolve("cli").resolve("cache"), err);
        Optional<AwsSessionCredentials> cached = cache.load(key, now);
        if (cached.isPresent()) {
            current = cached.get();
            return current;
        }

        AwsCredentialsProvider source = sourceCredentials(profileName, profile);
        String code = codeReader.apply("Enter MFA code for " + serial + ": ");
        if (code == null) {
            throw AwsjException.config("The profile (" + profileName + ") needs an MFA code for " + serial
                    + " to assume " + roleArn + ", and stdin is not a terminal to ask for it. Run an awsj or aws command"
                    + " with this profile in a terminal first (the credentials are cached until they expire).");
        }
        code = code.trim();
        if (code.isEmpty()) {
            throw AwsjException.config("No MFA code was entered for " + serial);
        }
        AssumeRoleRequest.Builder req = AssumeRoleRequest.builder().roleArn(roleArn).serialNumber(serial).tokenCode(code)
                .roleSessionName(prop(profile, "role_session_name").orElse("awsj-session-" + now.getEpochSecond()));
        prop(profile, "external_id").ifPresent(req::externalId);
        duration.ifPresent(req::durationSeconds);
        AssumeRoleResponse r;
        try (StsClient client = sts.apply(source)) {
            r = client.assumeRole(req.build());
        }
        var c = r.credentials();
        current = AwsSessionCredentials.builder().accessKeyId(c.accessKeyId()).secretAccessKey(c.secretAccessKey())
                .sessionToken(c.sessionToken()).expirationTime(c.expiration()).build();
        cache.store(key, current, r.assumedRoleUser() == null ? null : r.assumedRoleUser().assumedRoleId(),
                r.assumedRoleUser() == null ? null : r.assumedRoleUser().arn(), r.responseMetadata().requestId());
        return current;
    }

    private AwsCredentialsProvider sourceCredentials(String profileName, Profile profile) {
        Optional<String> sourceProfile = prop(profile, "source_profile");
        if (sourceProfile.isPresent()) {
            String src = sourceProfile.get();
            if (src.equals(profileName)) {
                // A profile may name itself as its source when it also holds the long-term keys.
                return StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        required(profile, "aws_access_key_id"), required(profile, "aws_secret_access_key")));
            }
            if (settings.profileFile().profile(src).isEmpty()) {
                throw AwsjException.config("The source_profile \"" + src + "\" referenced in the profile \""
                        + profileName + "\" does not exist.");
            }
            return ProfileCredentialsProvider.builder().profileFile(settings.profileFile()).profileName(src).build();
        }
        Optional<String> credentialSource = prop(profile, "credential_source");
        if (credentialSource.isEmpty()) {
            throw AwsjException.config("The profile (" + profileName + ") has role_arn but neither source_profile nor credential_source.");
        }
        return switch (credentialSource.get().toLowerCase(Locale.ROOT)) {
            case "environment" -> environment(profileName);
            case "ec2instancemetadata" -> InstanceProfileCredentialsProvider.create();
            case "ecscontainer" -> ContainerCredentialsProvider.builder().build();
            default -> throw AwsjException.config("Bad credential_source \"" + credentialSource.get() + "\" in profile "
                    + profileName + ": use Environment, Ec2InstanceMetadata or EcsContainer");
        };
    }

    private AwsCredentialsProvider environment(String profileName) {
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
