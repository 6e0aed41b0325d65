package dev.awsj.aws;

import dev.awsj.core.AwsjException;
import java.io.PrintStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.sso.model.GetRoleCredentialsResponse;
import software.amazon.awssdk.services.sso.model.RoleCredentials;
import software.amazon.awssdk.services.sso.model.UnauthorizedException;

/**
 * Credentials of an SSO profile ({@code sso_session} or legacy {@code sso_start_url}, with
 * {@code sso_account_id} and {@code sso_role_name}): reused from {@code ~/.aws/cli/cache} while
 * valid, else fetched with the cached access token ({@link SsoTokens}) through the portal's
 * GetRoleCredentials and cached under botocore's key for aws and awsj alike.
 */
public final class SsoCredentialsProvider implements AwsCredentialsProvider {
    private final ClientFactory clients;
    private final String profileName;
    private final Profile profile;
    private final PrintStream err;
    private AwsSessionCredentials current;

    public SsoCredentialsProvider(ClientFactory clients, String profileName, Profile profile, PrintStream err) {
        this.clients = clients;
        this.profileName = profileName;
        this.profile = profile;
        this.err = err;
    }

    @Override
    public synchronized AwsCredentials resolveCredentials() {
        Instant now = Instant.now();
        if (current != null && current.expirationTime().map(e -> e.isAfter(now.plusSeconds(60))).orElse(false)) {
            return current;
        }
        AwsSettings settings = clients.settings();
        SsoConfig sso = config(settings);
        String account = required("sso_account_id");
        String role = required("sso_role_name");
        Map<String, Object> keyArgs = new TreeMap<>();
        keyArgs.put("roleName", role);
        keyArgs.put("accountId", account);
        if (sso.sessionName() != null) {
            keyArgs.put("sessionName", sso.sessionName());
        } else {
            keyArgs.put("startUrl", sso.startUrl());
        }
        String key = SsoTokens.sha1(AssumeRoleCache.pythonJson(keyArgs, true));
        AssumeRoleCache cache = new AssumeRoleCache(settings.home().resolve(".aws").resolve("cli").resolve("cache"), err);
        Optional<AwsSessionCredentials> cached = cache.load(key, now);
        if (cached.isPresent()) {
            current = cached.get();
            return current;
        }
        String hint = "awsj sso login" + (profileName.equals("default") ? "" : " --profile " + profileName);
        String token = new SsoTokens(clients, err).accessToken(sso, hint);
        GetRoleCredentialsResponse r;
        try (SsoClient portal = clients.signInClient(SsoClient.builder(), "SSO", sso.region())) {
            r = portal.getRoleCredentials(b -> b.accessToken(token).accountId(account).roleName(role));
        } catch (UnauthorizedException e) {
            throw AwsjException.config("The SSO session " + sso.displayName() + " is no longer valid (the portal refused its"
                    + " token): run \"" + hint + "\" to sign in again.");
        }
        RoleCredentials c = r.roleCredentials();
        current = AwsSessionCredentials.builder().accessKeyId(c.accessKeyId()).secretAccessKey(c.secretAccessKey())
                .sessionToken(c.sessionToken()).expirationTime(Instant.ofEpochMilli(c.expiration())).build();
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("ProviderType", "sso");
        entry.put("Credentials", AssumeRoleCache.credentials(current));
        cache.store(key, entry);
        return current;
    }

    private SsoConfig config(AwsSettings settings) {
        Optional<String> session = SsoConfig.prop(profile, "sso_session");
        if (session.isPresent()) {
            return SsoConfig.ofSession(settings, session.get(), profileName);
        }
        String startUrl = required("sso_start_url");
        return new SsoConfig(null, startUrl, required("sso_region"), java.util.List.of());
    }

    private String required(String key) {
        return SsoConfig.prop(profile, key).orElseThrow(() -> AwsjException.config("The SSO profile (" + profileName
                + ") lacks " + key + ". Run \"awsj configure sso --profile " + profileName + "\" or add it to the config file."));
    }
}
