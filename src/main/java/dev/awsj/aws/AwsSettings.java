package dev.awsj.aws;

import dev.awsj.core.AwsjException;
import dev.awsj.core.GlobalSettings;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
    private ProfileFile profileFile;

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

    /** The config and credentials files merged, as the SDK reads them; missing files are empty. */
    public synchronized ProfileFile profileFile() {
        if (profileFile == null) {
            ProfileFile.Aggregator agg = ProfileFile.aggregator();
            addFile(agg, credentialsFile(), ProfileFile.Type.CREDENTIALS);
            addFile(agg, configFile(), ProfileFile.Type.CONFIGURATION);
            profileFile = agg.build();
        }
        return profileFile;
    }

    private static void addFile(ProfileFile.Aggregator agg, Path file, ProfileFile.Type type) {
        if (!Files.isRegularFile(file)) {
            return;
        }
        if (!Files.isReadable(file)) {
            throw AwsjException.config("Unable to read the " + (type == ProfileFile.Type.CREDENTIALS ? "credentials" : "config")
                    + " file " + file + ": permission denied");
        }
        try {
            agg.addFile(ProfileFile.builder().content(file).type(type).build());
        } catch (RuntimeException e) {
            throw AwsjException.config("Unable to parse " + file + ": " + e.getMessage());
        }
    }

    /** The selected profile, if either file has it. */
    public Optional<Profile> profile() {
        return profileFile().profile(profileName());
    }

    /** A property of the selected profile. */
    public Optional<String> profileProperty(String key) {
        return profile().flatMap(p -> p.property(key)).map(String::trim).filter(s -> !s.isEmpty());
    }

    /**
     * A nested property such as {@code s3 = \n  addressing_style = path}, which the SDK keeps as the
     * multi-line value of {@code s3}.
     */
    public Optional<String> profileSubProperty(String section, String key) {
        Optional<String> block = profile().flatMap(p -> p.property(section));
        if (block.isEmpty()) {
            return Optional.empty();
        }
        for (String line : block.get().split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0 && line.substring(0, eq).trim().equals(key)) {
                String v = line.substring(eq + 1).trim();
                return v.isEmpty() ? Optional.empty() : Optional.of(v);
            }
        }
        return Optional.empty();
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
