package dev.awsj.aws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsj.core.AtomicFileWriter;
import dev.awsj.core.AwsjException;
import dev.awsj.core.ExitCodes;
import dev.awsj.json.JsonTrees;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.ssooidc.model.AuthorizationPendingException;
import software.amazon.awssdk.services.ssooidc.model.CreateTokenResponse;
import software.amazon.awssdk.services.ssooidc.model.RegisterClientResponse;
import software.amazon.awssdk.services.ssooidc.model.SlowDownException;
import software.amazon.awssdk.services.ssooidc.model.SsoOidcException;
import software.amazon.awssdk.services.ssooidc.model.StartDeviceAuthorizationResponse;

/**
 * SSO access tokens in the AWS CLI's cache, {@code ~/.aws/sso/cache}, in its file names and JSON so
 * that a token from {@code aws sso login} serves awsj and the other way round: the file is the
 * SHA-1 of the sso-session's name (of the start URL for a legacy profile); it holds
 * {@code startUrl, region, accessToken, expiresAt} and, for refreshing, {@code clientId,
 * clientSecret, registrationExpiresAt, refreshToken}. The client registration is cached beside it
 * under botocore's key. Login is OIDC device authorization (docs/configuration.md, "SSO").
 */
public final class SsoTokens {
    /** botocore refreshes a token that expires within 15 minutes, and renews registrations as early. */
    static final long REFRESH_WINDOW_SECONDS = 15 * 60;
    private static final long SLOW_DOWN_SECONDS = 5;
    private static final long DEFAULT_INTERVAL_SECONDS = 5;
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private final ClientFactory clients;
    private final Path folder;
    private final PrintStream err;

    public SsoTokens(ClientFactory clients, PrintStream err) {
        this.clients = clients;
        this.folder = clients.settings().home().resolve(".aws").resolve("sso").resolve("cache");
        this.err = err;
    }

    public Path folder() {
        return folder;
    }

    /** The token file of a sign-in, as botocore's SSOTokenLoader names it. */
    public Path file(SsoConfig sso) {
        return folder.resolve(sha1(sso.sessionName() != null ? sso.sessionName() : sso.startUrl()) + ".json");
    }

    /**
     * A valid access token: the cached one, refreshed once with its refresh token when it expires
     * within the window (sso-session sign-ins only, as in aws). Missing or expired: exit 253 with
     * the login hint.
     */
    public String accessToken(SsoConfig sso, String loginHint) {
        Path f = file(sso);
        JsonNode token = read(f).orElseThrow(() -> expired(sso, loginHint, "no token"));
        Instant now = Instant.now();
        Instant expires = AssumeRoleCache.parseExpiration(token.path("expiresAt").asText(""));
        String access = token.path("accessToken").asText("");
        if (expires == null || access.isEmpty()) {
            throw expired(sso, loginHint, "no token");
        }
        if (expires.getEpochSecond() - now.getEpochSecond() < REFRESH_WINDOW_SECONDS && sso.sessionName() != null) {
            Optional<String> refreshed = refresh(sso, token, now);
            if (refreshed.isPresent()) {
                return refreshed.get();
            }
        }
        if (!expires.isAfter(now)) {
            throw expired(sso, loginHint, "an expired token");
        }
        return access;
    }

    private Optional<String> refresh(SsoConfig sso, JsonNode token, Instant now) {
        for (String key : new String[] {"refreshToken", "clientId", "clientSecret", "registrationExpiresAt"}) {
            if (token.path(key).asText("").isEmpty()) {
                return Optional.empty();
            }
        }
        Instant registration = AssumeRoleCache.parseExpiration(token.path("registrationExpiresAt").asText());
        if (registration == null || !registration.isAfter(now)) {
            return Optional.empty();
        }
        CreateTokenResponse r;
        try (SsoOidcClient oidc = oidc(sso)) {
            r = oidc.createToken(b -> b.grantType("refresh_token").clientId(token.path("clientId").asText())
                    .clientSecret(token.path("clientSecret").asText()).refreshToken(token.path("refreshToken").asText()));
        } catch (SsoOidcException e) {
            // As in aws: a failed refresh leaves the cached token, valid or not.
            return Optional.empty();
        }
        Map<String, Object> fresh = tokenEntry(sso, r, token.path("clientId").asText(), token.path("clientSecret").asText(),
                token.path("registrationExpiresAt").asText(), now);
        if (!fresh.containsKey("refreshToken")) {
            fresh.put("refreshToken", token.path("refreshToken").asText());
        }
        write(file(sso), fresh);
        return Optional.of(r.accessToken());
    }

    /** What the device authorization shows the user: where to go and the code to enter. */
    public record Authorization(String verificationUri, String verificationUriComplete, String userCode) {
    }

    /**
     * Signs in by device authorization: registers a client (or reuses the cached registration),
     * starts the authorization, hands its URL and code to {@code onPending}, and polls for the
     * token, slowing down when the service asks to. Writes the token file; returns the access token.
     */
    public String login(SsoConfig sso, Consumer<Authorization> onPending) {
        Instant now = Instant.now();
        try (SsoOidcClient oidc = oidc(sso)) {
            Map<String, Object> registration = registration(oidc, sso, now);
            String clientId = (String) registration.get("clientId");
            String clientSecret = (String) registration.get("clientSecret");
            StartDeviceAuthorizationResponse auth = oidc.startDeviceAuthorization(b -> b.clientId(clientId)
                    .clientSecret(clientSecret).startUrl(sso.startUrl()));
            long interval = auth.interval() != null && auth.interval() > 0 ? auth.interval() : DEFAULT_INTERVAL_SECONDS;
            boolean shown = false;
            while (true) {
                try {
                    CreateTokenResponse r = oidc.createToken(b -> b.grantType("urn:ietf:params:oauth:grant-type:device_code")
                            .clientId(clientId).clientSecret(clientSecret).deviceCode(auth.deviceCode()));
                    Map<String, Object> entry = tokenEntry(sso, r, clientId, clientSecret,
                            (String) registration.get("expiresAt"), Instant.now());
                    write(file(sso), entry);
                    return r.accessToken();
                } catch (AuthorizationPendingException e) {
                    // not yet approved: show the code (once), then ask again after the interval
                } catch (SlowDownException e) {
                    interval += SLOW_DOWN_SECONDS;
                }
                if (!shown) {
                    // One attempt first: a pre-authorized client needs no code shown (as aws).
                    onPending.accept(new Authorization(auth.verificationUri(), auth.verificationUriComplete(), auth.userCode()));
                    shown = true;
                }
                try {
                    Thread.sleep(interval * 1000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AwsjException(ExitCodes.INTERRUPTED, "Interrupted while waiting for the sign-in to be approved", e);
                }
            }
        }
    }

    private Map<String, Object> registration(SsoOidcClient oidc, SsoConfig sso, Instant now) {
        Map<String, Object> keyArgs = new TreeMap<>();
        keyArgs.put("tool", "botocore");
        keyArgs.put("startUrl", sso.startUrl());
        keyArgs.put("region", sso.region());
        keyArgs.put("scopes", sso.scopes().isEmpty() ? null : sso.scopes());
        keyArgs.put("session_name", sso.sessionName());
        Path f = folder.resolve(sha1(AssumeRoleCache.pythonJson(keyArgs)) + ".json");
        Optional<JsonNode> cached = read(f);
        if (cached.isPresent()) {
            JsonNode c = cached.get();
            Instant expires = AssumeRoleCache.parseExpiration(c.path("expiresAt").asText(""));
            if (expires != null && expires.getEpochSecond() - now.getEpochSecond() >= REFRESH_WINDOW_SECONDS
                    && !c.path("clientId").asText("").isEmpty() && !c.path("clientSecret").asText("").isEmpty()) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("clientId", c.path("clientId").asText());
                r.put("clientSecret", c.path("clientSecret").asText());
                r.put("expiresAt", c.path("expiresAt").asText());
                return r;
            }
        }
        String clientName = "botocore-client-" + (sso.sessionName() != null ? sso.sessionName() : String.valueOf(now.getEpochSecond()));
        RegisterClientResponse r = oidc.registerClient(b -> {
            b.clientName(clientName).clientType("public");
            if (!sso.scopes().isEmpty()) {
                b.scopes(sso.scopes());
            }
        });
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("clientId", r.clientId());
        entry.put("clientSecret", r.clientSecret());
        entry.put("expiresAt", UTC.format(Instant.ofEpochSecond(r.clientSecretExpiresAt() == null ? 0 : r.clientSecretExpiresAt())));
        if (!sso.scopes().isEmpty()) {
            entry.put("scopes", sso.scopes());
        }
        write(f, entry);
        return entry;
    }

    /**
     * Signs out as aws does: each cached token (a file with an {@code accessToken}) is revoked at
     * the portal where it names its region (failures ignored) and deleted; so are the SSO role
     * credentials ({@code ProviderType} sso) of {@code ~/.aws/cli/cache}.
     */
    public void logout() {
        for (Path f : jsonFiles(folder)) {
            Optional<JsonNode> token = read(f);
            if (token.isEmpty() || !token.get().has("accessToken")) {
                continue;
            }
            String region = token.get().path("region").asText("");
            if (!region.isEmpty()) {
                try (SsoClient portal = clients.signInClient(SsoClient.builder(), "SSO", region)) {
                    portal.logout(b -> b.accessToken(token.get().path("accessToken").asText()));
                } catch (RuntimeException e) {
                    // The token may be expired or revoked already: delete it all the same.
                }
            }
            delete(f);
        }
        for (Path f : jsonFiles(clients.settings().home().resolve(".aws").resolve("cli").resolve("cache"))) {
            if (read(f).map(n -> "sso".equals(n.path("ProviderType").asText())).orElse(false)) {
                delete(f);
            }
        }
    }

    private static java.util.List<Path> jsonFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return java.util.List.of();
        }
        try (var files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw AwsjException.config("Cannot read " + dir + ": " + e.getMessage());
        }
    }

    private static void delete(Path f) {
        try {
            Files.deleteIfExists(f);
        } catch (IOException e) {
            throw AwsjException.config("Cannot delete " + f + ": " + e.getMessage());
        }
    }

    private static Map<String, Object> tokenEntry(SsoConfig sso, CreateTokenResponse r, String clientId, String clientSecret,
            String registrationExpiresAt, Instant now) {
        Map<String, Object> token = new LinkedHashMap<>();
        token.put("startUrl", sso.startUrl());
        token.put("region", sso.region());
        token.put("accessToken", r.accessToken());
        token.put("expiresAt", UTC.format(now.plusSeconds(r.expiresIn() == null ? 0 : r.expiresIn())));
        token.put("clientId", clientId);
        token.put("clientSecret", clientSecret);
        token.put("registrationExpiresAt", registrationExpiresAt);
        if (r.refreshToken() != null) {
            token.put("refreshToken", r.refreshToken());
        }
        return token;
    }

    private SsoOidcClient oidc(SsoConfig sso) {
        return clients.signInClient(SsoOidcClient.builder(), "SSO_OIDC", sso.region());
    }

    private AwsjException expired(SsoConfig sso, String loginHint, String what) {
        return AwsjException.config(what.equals("no token")
                ? "There is no SSO token for " + sso.displayName() + ": run \"" + loginHint + "\" to sign in."
                : "The SSO token for " + sso.displayName() + " has expired and could not be refreshed: run \""
                        + loginHint + "\" to sign in again.");
    }

    static Optional<JsonNode> read(Path f) {
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try {
            JsonNode n = JsonTrees.read(Files.readAllBytes(f));
            return n != null && n.isObject() ? Optional.of(n) : Optional.empty();
        } catch (IOException e) {
            // A damaged cache file counts as absent, as in aws.
            return Optional.empty();
        }
    }

    private void write(Path f, Map<String, Object> entry) {
        try {
            Files.createDirectories(f.getParent());
        } catch (IOException e) {
            throw AwsjException.config("Cannot create " + f.getParent() + ": " + e.getMessage());
        }
        new AtomicFileWriter(err).write(f, AssumeRoleCache.pythonJson(entry).getBytes(StandardCharsets.UTF_8));
    }

    static String sha1(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
