package dev.awsj.aws;

import dev.awsj.core.AwsjException;
import dev.awsj.core.GlobalSettings;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;

/**
 * Profile, region, endpoint, output format and file locations, resolved the way the AWS CLI does
 * (docs/configuration.md): command-line option, then environment, then the profile in the config files.
 * Nothing here waits on the network.
 */
public final class AwsSettings {
    private final GlobalSettings global;
    private final Map<String, String> env;
    private static final Pattern LINE = Pattern.compile("(.*) on line (\\d+)\\.?", Pattern.DOTALL);
    private ProfileFile profileFile;
    private ProfileFile credentialsProfiles;
    private ProfileFile configProfiles;

    public AwsSettings(GlobalSettings global, Map<String, String> env) {
        this.global = global;
        this.env = env;
    }

    private String env(String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? null : v.trim();
    }

    /** {@code --profile} > AWS_PROFILE > AWS_DEFAULT_PROFILE > "default". */
    public String profileName() {
        if (global.profile() != null) {
            return global.profile();
        }
        String p = env("AWS_PROFILE");
        if (p == null) {
            p = env("AWS_DEFAULT_PROFILE");
        }
        return p == null ? "default" : p;
    }

    /** Whether the profile was asked for by name (so a missing one is an error). */
    public boolean profileExplicit() {
        return global.profile() != null || env("AWS_PROFILE") != null || env("AWS_DEFAULT_PROFILE") != null;
    }

    public Path home() {
        String h = env("HOME");
        return Path.of(h != null ? h : System.getProperty("user.home"));
    }

    public Path configFile() {
        String f = env("AWS_CONFIG_FILE");
        return f != null ? expandHome(f) : home().resolve(".aws").resolve("config");
    }

    public Path credentialsFile() {
        String f = env("AWS_SHARED_CREDENTIALS_FILE");
        return f != null ? expandHome(f) : home().resolve(".aws").resolve("credentials");
    }

    private Path expandHome(String f) {
        if (f.equals("~") || f.startsWith("~/")) {
            return home().resolve(f.equals("~") ? "" : f.substring(2));
        }
        return Path.of(f);
    }

    /**
     * The config and credentials files merged, as the SDK reads them; missing files are empty. This
     * is the one reader of the files: every command, {@code configure get} and {@code list} included,
     * sees the values through it (a later duplicate section wins, the credentials file over the config
     * file; see docs/configuration.md).
     */
    public synchronized ProfileFile profileFile() {
        if (profileFile == null) {
            profileFile = ProfileFile.aggregator().addFile(credentialsProfiles()).addFile(configProfiles()).build();
        }
        return profileFile;
    }

    private synchronized ProfileFile credentialsProfiles() {
        if (credentialsProfiles == null) {
            credentialsProfiles = read(credentialsFile(), ProfileFile.Type.CREDENTIALS);
        }
        return credentialsProfiles;
    }

    private synchronized ProfileFile configProfiles() {
        if (configProfiles == null) {
            configProfiles = read(configFile(), ProfileFile.Type.CONFIGURATION);
        }
        return configProfiles;
    }

    private static ProfileFile read(Path file, ProfileFile.Type type) {
        if (!Files.isRegularFile(file)) {
            return ProfileFile.aggregator().build();
        }
        if (!Files.isReadable(file)) {
            throw AwsjException.config("Unable to read the " + (type == ProfileFile.Type.CREDENTIALS ? "credentials" : "config")
                    + " file " + file + ": permission denied");
        }
        try {
            return ProfileFile.builder().content(file).type(type).build();
        } catch (RuntimeException e) {
            // The SDK says "... on line N": report it as path:N: ..., as configure set does.
            String m = String.valueOf(e.getMessage());
            Matcher line = LINE.matcher(m);
            throw AwsjException.config(line.matches() ? file + ":" + line.group(2) + ": " + line.group(1)
                    : "Unable to parse " + file + ": " + m);
        }
    }

    /** The selected profile, if either file has it. */
    public Optional<Profile> profile() {
        return profileFile().profile(profileName());
    }

    /** A property of the selected profile. */
    public Optional<String> profileProperty(String key) {
        return profileValue(profileName(), key).map(String::trim).filter(s -> !s.isEmpty());
    }

    /**
     * A property of a named profile as the SDK reads it, an empty value included; a nested key is
     * {@code s3.addressing_style}.
     */
    public Optional<String> profileValue(String profile, String key) {
        return profileFile().profile(profile).flatMap(p -> p.property(key));
    }

    /**
     * A nested property such as {@code s3 = \n  addressing_style = path}, which the SDK keeps as
     * {@code s3.addressing_style} (merged over duplicate sections, as the SDK merges them).
     */
    public Optional<String> profileSubProperty(String section, String key) {
        return profileProperty(section + "." + key);
    }

    /** The file a profile's property is read from: the credentials file (which wins), the config file, or none. */
    public Optional<Path> propertySource(String profile, String key) {
        if (credentialsProfiles().profile(profile).flatMap(p -> p.property(key)).isPresent()) {
            return Optional.of(credentialsFile());
        }
        if (configProfiles().profile(profile).flatMap(p -> p.property(key)).isPresent()) {
            return Optional.of(configFile());
        }
        return Optional.empty();
    }

    /** The profile names of the config file, then those only the credentials file has, in file order. */
    public List<String> profileNames() {
        Set<String> names = new LinkedHashSet<>(configProfiles().profiles().keySet());
        names.addAll(credentialsProfiles().profiles().keySet());
        return List.copyOf(names);
    }

    /** The region, or empty when none is set anywhere. */
    public Optional<String> regionIfSet() {
        if (global.region() != null && !global.region().isBlank()) {
            return Optional.of(global.region().trim());
        }
        String r = env("AWS_REGION");
        if (r == null) {
            r = env("AWS_DEFAULT_REGION");
        }
        if (r != null) {
            return Optional.of(r);
        }
        return profileProperty("region");
    }

    /** The region; exit 253 at once when none is configured. */
    public String region() {
        return regionIfSet().orElseThrow(() -> AwsjException.config(
                "You must specify a region. Use --region, set AWS_REGION, or run \"awsj configure\" to set the profile's region."));
    }

    /**
     * The endpoint for a service: {@code --endpoint-url} > AWS_ENDPOINT_URL_&lt;SERVICE&gt; >
     * AWS_ENDPOINT_URL > profile {@code endpoint_url}. Empty means the SDK's default.
     */
    public Optional<URI> endpoint(String serviceEnvName) {
        return endpoint(global.endpointUrl(), serviceEnvName);
    }

    private Optional<URI> endpoint(String option, String serviceEnvName) {
        String e = option;
        if (e == null) {
            e = env("AWS_ENDPOINT_URL_" + serviceEnvName.toUpperCase(Locale.ROOT));
        }
        if (e == null) {
            e = env("AWS_ENDPOINT_URL");
        }
        if (e == null) {
            e = profileProperty("endpoint_url").orElse(null);
        }
        if (e == null) {
            return Optional.empty();
        }
        try {
            URI uri = URI.create(e.trim());
            if (uri.getScheme() == null || uri.getHost() == null
                    || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                throw new IllegalArgumentException();
            }
            return Optional.of(uri);
        } catch (IllegalArgumentException ex) {
            throw AwsjException.usage("Bad value for --endpoint-url: \"" + e + "\". Give a URL such as http://127.0.0.1:9090");
        }
    }

    /**
     * The STS endpoint for assuming roles: as {@link #endpoint} but without {@code --endpoint-url},
     * which is meant for the command's own service (as in aws). Empty for STS's own.
     */
    public Optional<URI> stsEndpoint() {
        return endpoint(null, "STS");
    }

    /** json (default), text, table, yaml or off: {@code --output} > AWS_DEFAULT_OUTPUT > profile. */
    public String outputFormat() {
        String o = global.output();
        if (o == null) {
            o = env("AWS_DEFAULT_OUTPUT");
        }
        if (o == null) {
            o = safeProfileProperty("output");
        }
        if (o == null) {
            return "json";
        }
        o = o.trim().toLowerCase(Locale.ROOT);
        if (!dev.awsj.output.OutputWriter.FORMATS.contains(o)) {
            throw AwsjException.usage("Bad value for --output: \"" + o + "\". Use json, text, table, yaml or off.");
        }
        return o;
    }

    private String safeProfileProperty(String key) {
        if (!Files.exists(configFile())) {
            return null;
        }
        return profileProperty(key).orElse(null);
    }

    /** Retry settings: AWS_MAX_ATTEMPTS / AWS_RETRY_MODE, then the profile's max_attempts / retry_mode. */
    public Map<String, String> retrySettings() {
        Map<String, String> m = new HashMap<>();
        String attempts = env("AWS_MAX_ATTEMPTS");
        if (attempts == null) {
            attempts = profileProperty("max_attempts").orElse(null);
        }
        String mode = env("AWS_RETRY_MODE");
        if (mode == null) {
            mode = profileProperty("retry_mode").orElse(null);
        }
        if (attempts != null) {
            m.put("max_attempts", attempts);
        }
        if (mode != null) {
            m.put("retry_mode", mode);
        }
        return m;
    }

    /** AWS_CA_BUNDLE or the profile's ca_bundle, when {@code --ca-bundle} is absent. */
    public Optional<String> caBundle() {
        if (global.caBundle() != null) {
            return Optional.of(global.caBundle());
        }
        String b = env("AWS_CA_BUNDLE");
        return b != null ? Optional.of(b) : profileProperty("ca_bundle");
    }

    public Map<String, String> env() {
        return env;
    }

    /** The global options given on the command line. */
    public GlobalSettings global() {
        return global;
    }
}
