package dev.awsj.aws;

import dev.awsj.core.AtomicFileWriter;
import dev.awsj.core.AwsjException;
import dev.awsj.core.GlobalSettings;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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

    static {
        // The SDK reads the config files a second time on its own, with its parser and from the
        // process's environment, each time a client or presigner is built (its "default profile
        // file"), and fails a command on a file it reads differently from aws (key: value). awsj
        // hands every client the files as read here (ClientFactory), so that second read is pointed
        // at a file that does not exist.
        String none = Path.of(System.getProperty("java.io.tmpdir"), "awsj-the-sdk-reads-no-config-file", "none").toString();
        System.setProperty("aws.configFile", none);
        System.setProperty("aws.sharedCredentialsFile", none);
        // Endpoints are resolved once, here (endpoint()), from this process's settings; the SDK's
        // own search of the environment and the profile for endpoint URLs is turned off.
        System.setProperty("aws.ignoreConfiguredEndpointUrls", "true");
    }

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
     * sees the values through it (the credentials file over the config file; see
     * docs/configuration.md). A file aws would refuse is refused first ({@link ConfigSyntax}).
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
        String what = type == ProfileFile.Type.CREDENTIALS ? "credentials" : "config";
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (AccessDeniedException e) {
            throw AwsjException.config("Unable to read the " + what + " file " + file + ": permission denied");
        } catch (IOException e) {
            throw AwsjException.config("Unable to read the " + what + " file " + file + ": " + AtomicFileWriter.reason(e));
        }
        // What aws refuses is refused here, with path:line; what it reads reaches the SDK's parser
        // in the one form that parser reads (ConfigSyntax), line for line.
        String view = ConfigSyntax.view(file, ConfigSyntax.lines(bytes));
        try {
            return ProfileFile.builder().content(new ByteArrayInputStream(view.getBytes(StandardCharsets.UTF_8)))
                    .type(type).build();
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
     * A setting of the selected profile (a nested one such as {@code s3 = \n  addressing_style = path}
     * as the SDK keeps it, {@code s3.addressing_style}); blank values are absent.
     */
    public Optional<String> profileProperty(Setting setting) {
        if (setting.key() == null) {
            throw new IllegalArgumentException(setting + " is not a profile key");
        }
        return profileProperty(setting.key());
    }

    /** The first of a setting's environment variables that is set, else the profile's value. */
    public Optional<String> value(Setting setting) {
        for (String name : setting.env()) {
            String v = env(name);
            if (v != null) {
                return Optional.of(v);
            }
        }
        return setting.key() == null ? Optional.empty() : profileProperty(setting);
    }

    /** A true/false setting, read as aws reads it: true when the value is "true" in any case. */
    public boolean flag(Setting setting) {
        return value(setting).map(v -> v.trim().equalsIgnoreCase("true")).orElse(false);
    }

    /** {@code use_fips_endpoint} / AWS_USE_FIPS_ENDPOINT: the FIPS endpoints of every service. */
    public boolean fipsEnabled() {
        return flag(Setting.USE_FIPS_ENDPOINT);
    }

    /**
     * Dual-stack (IPv6) endpoints: {@code use_dualstack_endpoint} / AWS_USE_DUALSTACK_ENDPOINT; for
     * S3 the profile's {@code s3.use_dualstack_endpoint} comes first, as in aws.
     */
    public boolean dualstackEnabled(String serviceEnvName) {
        if (serviceEnvName.equalsIgnoreCase("S3")) {
            Optional<String> s3 = profileProperty(Setting.S3_USE_DUALSTACK_ENDPOINT);
            if (s3.isPresent()) {
                return s3.get().equalsIgnoreCase("true");
            }
        }
        return flag(Setting.USE_DUALSTACK_ENDPOINT);
    }

    /** {@code s3.use_accelerate_endpoint}: S3 Transfer Acceleration endpoints. */
    public boolean s3Accelerate() {
        return flag(Setting.S3_USE_ACCELERATE_ENDPOINT);
    }

    /**
     * {@code s3.payload_signing_enabled}: whether S3 request bodies are signed with SHA-256 (empty:
     * not set, awsj's default of unsigned bodies guarded by a checksum).
     */
    public Optional<Boolean> s3PayloadSigning() {
        return profileProperty(Setting.S3_PAYLOAD_SIGNING_ENABLED).map(v -> v.equalsIgnoreCase("true"));
    }

    /** {@code s3.addressing_style}: auto (the default), path or virtual. */
    public String s3AddressingStyle() {
        String style = profileProperty(Setting.S3_ADDRESSING_STYLE).orElse("auto").toLowerCase(Locale.ROOT);
        if (!style.equals("auto") && !style.equals("path") && !style.equals("virtual")) {
            throw AwsjException.config("Bad s3 addressing_style \"" + style + "\" in the profile: use auto, path or virtual");
        }
        return style;
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
        return profileProperty(Setting.REGION);
    }

    /** The region; exit 253 at once when none is configured. */
    public String region() {
        return regionIfSet().orElseThrow(() -> AwsjException.config(
                "You must specify a region. Use --region, set AWS_REGION, or run \"awsj configure\" to set the profile's region."));
    }

    /**
     * The endpoint for a service: {@code --endpoint-url} > AWS_ENDPOINT_URL_&lt;SERVICE&gt; >
     * AWS_ENDPOINT_URL > the {@code endpoint_url} of the service in the profile's {@code services}
     * section > the profile's {@code endpoint_url}; all but {@code --endpoint-url} are off with
     * {@code ignore_configured_endpoint_urls}. Empty means the SDK's default (which the FIPS,
     * dual-stack and accelerate settings shape).
     */
    public Optional<URI> endpoint(String serviceEnvName) {
        return endpoint(global.endpointUrl(), serviceEnvName);
    }

    private Optional<URI> endpoint(String option, String serviceEnvName) {
        String e = option;
        if (e == null && !flag(Setting.IGNORE_CONFIGURED_ENDPOINT_URLS)) {
            e = env("AWS_ENDPOINT_URL_" + serviceEnvName.toUpperCase(Locale.ROOT));
            if (e == null) {
                e = env("AWS_ENDPOINT_URL");
            }
            if (e == null) {
                e = serviceSectionEndpoint(serviceEnvName.toLowerCase(Locale.ROOT)).orElse(null);
            }
            if (e == null) {
                e = profileProperty(Setting.ENDPOINT_URL).orElse(null);
            }
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
     * The profile's {@code services = NAME} names a {@code [services NAME]} section of the config
     * file; its {@code SERVICE =} blocks give each service's {@code endpoint_url}.
     */
    private Optional<String> serviceSectionEndpoint(String serviceId) {
        return profileProperty(Setting.SERVICE_ENDPOINT_URL)
                .flatMap(name -> profileFile().getSection("services", name))
                .flatMap(section -> section.property(serviceId + ".endpoint_url"))
                .map(String::trim).filter(v -> !v.isEmpty());
    }

    /**
     * The STS endpoint for assuming roles: as {@link #endpoint} but without {@code --endpoint-url},
     * which is meant for the command's own service (as in aws). Empty for STS's own.
     */
    public Optional<URI> stsEndpoint() {
        return credentialEndpoint("STS");
    }

    /**
     * The endpoint of a service awsj calls for credentials (STS, SSO, SSO_OIDC): as {@link #endpoint}
     * without {@code --endpoint-url}. Empty for the service's own.
     */
    public Optional<URI> credentialEndpoint(String serviceEnvName) {
        return endpoint(null, serviceEnvName);
    }

    /**
     * The HTTP proxy for a request to {@code target}, as aws takes it from the environment:
     * HTTPS_PROXY for https URLs, HTTP_PROXY for http ones (lower-case names too), none for a host
     * NO_PROXY lists (a name matches itself and its subdomains; {@code *} matches every host).
     * Empty: connect directly (or as the JVM's own proxy properties say).
     */
    public Optional<java.net.Proxy> proxy(URI target) {
        Setting which = "https".equalsIgnoreCase(target.getScheme()) ? Setting.HTTPS_PROXY : Setting.HTTP_PROXY;
        Optional<String> value = value(which);
        if (value.isEmpty() || noProxy(target.getHost(), target.getPort())) {
            return Optional.empty();
        }
        String v = value.get().contains("://") ? value.get() : "http://" + value.get();
        URI proxy;
        try {
            proxy = URI.create(v);
        } catch (IllegalArgumentException e) {
            proxy = null;
        }
        String name = which.env().get(0);
        if (proxy == null || proxy.getHost() == null || !"http".equalsIgnoreCase(proxy.getScheme())) {
            throw AwsjException.config("Bad " + name + " \"" + value.get() + "\": give an http:// proxy URL such as http://proxy.example.com:3128");
        }
        if (proxy.getUserInfo() != null) {
            throw AwsjException.config(name + " holds a user name: awsj does not send proxy credentials; use a proxy that needs none");
        }
        return Optional.of(new java.net.Proxy(java.net.Proxy.Type.HTTP,
                java.net.InetSocketAddress.createUnresolved(proxy.getHost(), proxy.getPort() > 0 ? proxy.getPort() : 80)));
    }

    private boolean noProxy(String host, int port) {
        if (host == null) {
            return true;
        }
        String h = host.toLowerCase(Locale.ROOT);
        for (String entry : value(Setting.NO_PROXY).orElse("").split(",")) {
            String e = entry.trim().toLowerCase(Locale.ROOT);
            if (e.isEmpty()) {
                continue;
            }
            if (e.equals("*")) {
                return true;
            }
            // host:port, or [v6]:port; a bare IPv6 address has more than one colon.
            int colon = e.lastIndexOf(':');
            boolean hasPort = e.startsWith("[") ? colon > e.indexOf(']') : colon > 0 && colon == e.indexOf(':');
            if (hasPort) {
                if (!e.substring(colon + 1).equals(String.valueOf(port))) {
                    continue;
                }
                e = e.substring(0, colon);
            }
            if (e.startsWith("[") && e.endsWith("]")) {
                e = e.substring(1, e.length() - 1);
            }
            if (h.startsWith("[") && h.endsWith("]")) {
                h = h.substring(1, h.length() - 1);
            }
            e = e.startsWith("*.") ? e.substring(2) : e.startsWith(".") ? e.substring(1) : e;
            if (h.equals(e) || h.endsWith("." + e)) {
                return true;
            }
        }
        return false;
    }

    /** json (default), text, table, yaml or off: {@code --output} > AWS_DEFAULT_OUTPUT > profile. */
    public String outputFormat() {
        String o = global.output();
        if (o == null) {
            o = env("AWS_DEFAULT_OUTPUT");
        }
        if (o == null) {
            o = safeProfileProperty(Setting.OUTPUT);
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

    /**
     * How blob values given as text are read (docs/configuration.md, "Blobs"): {@code base64}
     * (the default, as in aws v2) or {@code raw-in-base64-out} (the text's UTF-8 bytes), from
     * {@code --cli-binary-format}, then the profile's {@code cli_binary_format}.
     */
    public boolean rawBlobInput() {
        String f = global.cliBinaryFormat();
        if (f == null) {
            f = safeProfileProperty(Setting.CLI_BINARY_FORMAT);
        }
        if (f == null) {
            return false;
        }
        f = f.trim();
        if (!GlobalSettings.BINARY_FORMATS.contains(f)) {
            throw AwsjException.config("Unknown cli_binary_format value: " + f + ", valid values are \"base64\" or"
                    + " \"raw-in-base64-out\"");
        }
        return f.equals("raw-in-base64-out");
    }

    /**
     * Whether timestamps print as the service sent them (the profile's {@code cli_timestamp_format
     * = wire}) rather than in ISO 8601 (the default, {@code iso8601}), as aws reads it: from the
     * config file only. Any other value is exit 253 (docs/configuration.md, "Timestamps").
     */
    public boolean wireTimestamps() {
        String f = safeProfileProperty(Setting.CLI_TIMESTAMP_FORMAT);
        if (f == null || f.equals("iso8601")) {
            return false;
        }
        if (!f.equals("wire")) {
            throw AwsjException.config("Unknown cli_timestamp_format value: " + f + ", valid values are \"wire\" or"
                    + " \"iso8601\"");
        }
        return true;
    }

    /**
     * Refuses an unknown {@code cli_timestamp_format} (exit 253) before any command runs, as aws
     * does. A config file that cannot be read is left to the command that reads it.
     */
    public void checkTimestampFormat() {
        try {
            // A look at the text first: help and configure need not parse the files otherwise.
            Path config = configFile();
            if (!Files.isRegularFile(config) || !Files.readString(config).contains(Setting.CLI_TIMESTAMP_FORMAT.key())) {
                return;
            }
            safeProfileProperty(Setting.CLI_TIMESTAMP_FORMAT);
        } catch (java.io.IOException | RuntimeException e) {
            return;
        }
        wireTimestamps();
    }

    private String safeProfileProperty(Setting key) {
        if (!Files.exists(configFile())) {
            return null;
        }
        return profileProperty(key).orElse(null);
    }

    /** Retry settings: AWS_MAX_ATTEMPTS / AWS_RETRY_MODE, then the profile's max_attempts / retry_mode. */
    public Map<String, String> retrySettings() {
        Map<String, String> m = new HashMap<>();
        String attempts = value(Setting.MAX_ATTEMPTS).orElse(null);
        String mode = value(Setting.RETRY_MODE).orElse(null);
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
        return value(Setting.CA_BUNDLE);
    }

    public Map<String, String> env() {
        return env;
    }

    /** The global options given on the command line. */
    public GlobalSettings global() {
        return global;
    }

    /**
     * The syntax of the config and credentials files as aws reads them. botocore parses them with
     * Python's configparser in strict mode: {@code key = value} or {@code key: value} (the first '='
     * or ':' separates), keys in lower case, {@code #} and {@code ;} comment lines, a value continued
     * on the lines indented deeper than its key (a nested block such as {@code s3 =} takes
     * {@code key = value} lines only). A file aws refuses is refused here with exit 253 and
     * {@code path:line: message}: a line outside any section, a line that is neither a header nor a
     * setting, a broken header, and a section or a key that appears twice. What aws reads reaches the
     * SDK's parser, the one reader of values, as a view with the same lines (so its line numbers
     * hold): each setting as {@code key = value} at the start of its line, comment lines blank,
     * continuation lines indented. {@code configure}'s writer uses the same scan to find the line a
     * setting is on. Messages never quote a line: it may hold a secret.
     */
    public static final class ConfigSyntax {
        /** What a line of the file is. */
        public enum Kind { BLANK, COMMENT, HEADER, SETTING, CONTINUATION }

        /**
         * One line: its kind; for a header the section name as written between the brackets, for a
         * setting its key in lower case (as configparser keeps it), else null; and the line as the
         * SDK's parser is given it.
         */
        public record Line(Kind kind, String name, String view) {
        }

        private ConfigSyntax() {
        }

        /** The lines of a file: UTF-8, without a byte order mark or line terminators. */
        public static List<String> lines(byte[] content) {
            String text = new String(content, StandardCharsets.UTF_8);
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
            if (lines.get(lines.size() - 1).isEmpty()) {
                lines.remove(lines.size() - 1);
            }
            lines.replaceAll(l -> l.endsWith("\r") ? l.substring(0, l.length() - 1) : l);
            return lines;
        }

        /** The kind of each line (lines without terminators), or exit 253 for a file aws refuses. */
        public static List<Line> scan(Path path, List<String> lines) {
            List<Line> out = new ArrayList<>(lines.size());
            Map<String, Integer> sections = new HashMap<>();
            Map<String, Map<String, Integer>> keysBySection = new HashMap<>();
            Map<String, Integer> keys = null;
            String section = null;
            String setting = null;
            boolean nested = false;
            int indentLevel = 0;
            for (int i = 0; i < lines.size(); i++) {
                String raw = lines.get(i);
                String t = raw.strip();
                if (t.isEmpty()) {
                    // A blank line does not end a value: an indented line after it still continues it.
                    out.add(new Line(Kind.BLANK, null, ""));
                    continue;
                }
                if (t.startsWith("#") || t.startsWith(";")) {
                    out.add(new Line(Kind.COMMENT, null, ""));
                    continue;
                }
                int indent = raw.length() - raw.stripLeading().length();
                if (setting != null && indent > indentLevel) {
                    if (nested && t.indexOf('=') <= 0) {
                        throw malformed(path, i, "expected 'key = value' in the nested block under " + setting
                                + " (aws reads only '=' there)");
                    }
                    out.add(new Line(Kind.CONTINUATION, null, "    " + t));
                    continue;
                }
                indentLevel = indent;
                if (t.startsWith("[")) {
                    int close = t.lastIndexOf(']');
                    if (close < 0) {
                        throw malformed(path, i, "broken section header: it must end with ']'");
                    }
                    String name = t.substring(1, close);
                    if (name.isBlank()) {
                        throw malformed(path, i, "empty section name");
                    }
                    // configparser lets only [DEFAULT] repeat (its keys apply to every section).
                    Integer first = sections.putIfAbsent(name, i);
                    if (first != null && !name.equals("DEFAULT")) {
                        throw malformed(path, i, "the section [" + name + "] appears twice (first on line " + (first + 1)
                                + "); aws refuses such a file: merge the two");
                    }
                    keys = keysBySection.computeIfAbsent(name, k -> new HashMap<>());
                    section = name;
                    setting = null;
                    out.add(new Line(Kind.HEADER, name, "[" + name + "]"));
                    continue;
                }
                if (section == null) {
                    throw malformed(path, i, "a line outside any section: add a [section] header above it");
                }
                int eq = t.indexOf('=');
                int colon = t.indexOf(':');
                int sep = eq < 0 ? colon : colon < 0 ? eq : Math.min(eq, colon);
                if (sep < 0) {
                    throw malformed(path, i, "expected 'key = value' or 'key: value'");
                }
                String key = t.substring(0, sep).strip().toLowerCase(Locale.ROOT);
                if (key.isEmpty()) {
                    throw malformed(path, i, "a setting without a name before its '" + t.charAt(sep) + "'");
                }
                Integer first = keys.putIfAbsent(key, i);
                if (first != null) {
                    throw malformed(path, i, key + " is set twice in [" + section + "] (first on line " + (first + 1)
                            + "); aws refuses such a file: keep one");
                }
                String value = t.substring(sep + 1).strip();
                setting = key;
                nested = value.isEmpty();
                out.add(new Line(Kind.SETTING, key, key + " = " + value));
            }
            return out;
        }

        /** The text the SDK's parser is given for a file's lines; exit 253 for a file aws refuses. */
        public static String view(Path path, List<String> lines) {
            StringBuilder b = new StringBuilder();
            for (Line l : scan(path, lines)) {
                b.append(l.view()).append('\n');
            }
            return b.toString();
        }

        private static AwsjException malformed(Path path, int index, String message) {
            return AwsjException.config(path + ":" + (index + 1) + ": " + message);
        }
    }
}
