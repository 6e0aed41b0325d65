package dev.awsj.configure;

import dev.awsj.core.AtomicFileWriter;

import dev.awsj.core.AwsjException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The pair of files {@code aws} keeps: secrets in the credentials file under {@code [NAME]},
 * everything else in the config file under {@code [default]} or {@code [profile NAME]}. Reads both,
 * and writes each change atomically to the file it belongs in.
 */
public final class ConfigFiles {
    /** The keys that only ever go to the credentials file. */
    public static final Set<String> SECRET_KEYS = Set.of("aws_access_key_id", "aws_secret_access_key", "aws_session_token");

    private final Path configPath;
    private final Path credentialsPath;
    private final AtomicFileWriter writer;
    private IniFile config;
    private IniFile credentials;

    public ConfigFiles(Path configPath, Path credentialsPath, AtomicFileWriter writer) {
        this.configPath = configPath;
        this.credentialsPath = credentialsPath;
        this.writer = writer;
    }

    public Path configPath() {
        return configPath;
    }

    public Path credentialsPath() {
        return credentialsPath;
    }

    public synchronized IniFile config() {
        if (config == null) {
            config = load(configPath);
        }
        return config;
    }

    public synchronized IniFile credentials() {
        if (credentials == null) {
            credentials = load(credentialsPath);
        }
        return credentials;
    }

    private static IniFile load(Path p) {
        if (!Files.exists(p)) {
            return IniFile.empty(p);
        }
        try {
            return IniFile.parse(p, Files.readAllBytes(p));
        } catch (AccessDeniedException e) {
            throw AwsjException.config("Unable to read " + p + ": permission denied");
        } catch (IOException e) {
            throw AwsjException.config("Unable to read " + p + ": " + e.getMessage());
        }
    }

    /** The config file's section for a profile: {@code default} or {@code profile NAME}. */
    public static String configSection(String profile) {
        return profile.equals("default") ? "default" : "profile " + profile;
    }

    public static boolean isSecret(String key) {
        return SECRET_KEYS.contains(key);
    }

    /**
     * A profile's value: secrets from the credentials file first (then the config file, where some
     * people keep them), everything else from the config file.
     */
    public Optional<String> get(String profile, String key) {
        if (isSecret(key)) {
            Optional<String> v = credentials().get(profile, key);
            return v.isPresent() ? v : configGet(profile, key);
        }
        return configGet(profile, key);
    }

    private Optional<String> configGet(String profile, String key) {
        Optional<String> v = config().get(configSection(profile), key);
        if (v.isEmpty() && profile.equals("default")) {
            v = config().get("profile default", key);
        }
        return v;
    }

    public Optional<String> get(String profile, String parent, String key) {
        return config().get(configSection(profile), parent, key);
    }

    /** Where a profile's value was found, for {@code configure list}: the file's path, or empty. */
    public Optional<Path> whereIs(String profile, String key) {
        if (isSecret(key) && credentials().get(profile, key).isPresent()) {
            return Optional.of(credentialsPath);
        }
        return configGet(profile, key).isPresent() ? Optional.of(configPath) : Optional.empty();
    }

    /** Both files must parse before either is written: a broken setup is reported, not made worse. */
    private void checkBoth() {
        config();
        credentials();
    }

    /** Sets a value in the file it belongs in and writes that file. */
    public void set(String profile, String key, String value) {
        checkBoth();
        if (isSecret(key)) {
            credentials().set(profile, key, value);
            writer.write(credentialsPath, credentials().toBytes());
        } else {
            config().set(configSection(profile), key, value);
            writer.write(configPath, config().toBytes());
        }
    }

    /** Sets a nested value ({@code s3.max_concurrent_requests}) in the config file. */
    public void set(String profile, String parent, String key, String value) {
        checkBoth();
        config().set(configSection(profile), parent, key, value);
        writer.write(configPath, config().toBytes());
    }

    /** Sets several values of one profile, writing each file at most once. */
    public void setAll(String profile, java.util.Map<String, String> values) {
        checkBoth();
        boolean creds = false;
        boolean conf = false;
        for (var e : values.entrySet()) {
            if (isSecret(e.getKey())) {
                credentials().set(profile, e.getKey(), e.getValue());
                creds = true;
            } else {
                config().set(configSection(profile), e.getKey(), e.getValue());
                conf = true;
            }
        }
        if (creds) {
            writer.write(credentialsPath, credentials().toBytes());
        }
        if (conf) {
            writer.write(configPath, config().toBytes());
        }
    }

    /** Every profile name of both files: the config file's first, in file order, then the rest. */
    public List<String> profiles() {
        List<String> names = new ArrayList<>();
        for (String s : config().sections()) {
            String name = s.equals("default") ? "default" : s.startsWith("profile ") ? s.substring(8).trim() : null;
            if (name != null && !name.isEmpty() && !names.contains(name)) {
                names.add(name);
            }
        }
        for (String s : credentials().sections()) {
            if (!names.contains(s)) {
                names.add(s);
            }
        }
        return names;
    }
}
