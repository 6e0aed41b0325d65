package dev.awsj.aws;

import dev.awsj.core.AwsjException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.profiles.Profile;

/**
 * Where a profile signs in with IAM Identity Center: an {@code [sso-session NAME]} section named by
 * the profile's {@code sso_session}, or the legacy {@code sso_start_url}/{@code sso_region} keys of
 * the profile itself (docs/configuration.md, "SSO").
 *
 * @param sessionName the sso-session's name; null for a legacy profile
 * @param scopes {@code sso_registration_scopes}, empty when not set
 */
public record SsoConfig(String sessionName, String startUrl, String region, List<String> scopes) {

    /** The SSO configuration of the selected profile, or empty when it has none. */
    public static Optional<SsoConfig> ofProfile(AwsSettings settings) {
        Optional<Profile> profile = settings.profile();
        if (profile.isEmpty()) {
            return Optional.empty();
        }
        Profile p = profile.get();
        Optional<String> session = prop(p, "sso_session");
        if (session.isPresent()) {
            return Optional.of(ofSession(settings, session.get(), settings.profileName()));
        }
        Optional<String> startUrl = prop(p, "sso_start_url");
        if (startUrl.isEmpty()) {
            return Optional.empty();
        }
        String region = prop(p, "sso_region").orElseThrow(() -> AwsjException.config("The profile (" + p.name()
                + ") has sso_start_url but no sso_region. Run \"awsj configure sso\" or add sso_region to it."));
        return Optional.of(new SsoConfig(null, startUrl.get(), region, List.of()));
    }

    /** The {@code [sso-session NAME]} section; {@code profileName} names who refers to it, for messages (null: the user). */
    public static SsoConfig ofSession(AwsSettings settings, String name, String profileName) {
        Profile s = settings.profileFile().getSection("sso-session", name).orElseThrow(() -> AwsjException.config(
                (profileName == null ? "The sso-session \"" + name + "\"" : "The profile \"" + profileName
                        + "\" uses the sso_session \"" + name + "\", but that section") + " does not exist in the config file."));
        List<String> missing = new ArrayList<>();
        Optional<String> startUrl = prop(s, "sso_start_url");
        Optional<String> region = prop(s, "sso_region");
        startUrl.ifPresentOrElse(v -> { }, () -> missing.add("sso_start_url"));
        region.ifPresentOrElse(v -> { }, () -> missing.add("sso_region"));
        if (!missing.isEmpty()) {
            throw AwsjException.config("The sso-session \"" + name + "\" lacks " + String.join(" and ", missing) + ".");
        }
        List<String> scopes = new ArrayList<>();
        prop(s, "sso_registration_scopes").ifPresent(raw -> {
            for (String scope : raw.split(",")) {
                if (!scope.isBlank()) {
                    scopes.add(scope.trim());
                }
            }
        });
        return new SsoConfig(name, startUrl.get(), region.get(), List.copyOf(scopes));
    }

    /**
     * Whether a profile signs in with SSO. Here, not in the provider, so that deciding costs no
     * loading of the SSO client's classes.
     */
    public static boolean isSso(Profile p) {
        return prop(p, "sso_session").isPresent() || prop(p, "sso_start_url").isPresent();
    }

    /** What a message calls this sign-in: the session's name or the start URL. */
    public String displayName() {
        return sessionName != null ? sessionName : startUrl;
    }

    static Optional<String> prop(Profile p, String key) {
        return p.property(key).map(String::trim).filter(v -> !v.isEmpty());
    }
}
