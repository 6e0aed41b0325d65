package dev.awsj.configure;

import dev.awsj.core.AtomicFileWriter;

import dev.awsj.core.AwsjException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * The pair of files {@code aws} keeps, for writing: secrets in the credentials file under
 * {@code [NAME]}, everything else in the config file under {@code [default]} or {@code [profile NAME]},
 * each change written atomically to the file it belongs in, where the SDK reads it. Values are read
 * through {@code aws.AwsSettings}, the SDK's parser, never from here.
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
    private static String configSection(String profile) {
        return profile.equals("default") ? "default" : "profile " + profile;
    }

    public static boolean isSecret(String key) {
        return SECRET_KEYS.contains(key);
    }

    /**
     * The config file section a profile's values are written to: {@code [profile NAME]}, or for the
     * default profile {@code [default]}, unless the file has {@code [profile default]}, which the
     * SDK then reads instead.
     */
    private String section(String profile) {
        return profile.equals("default") && config().hasSection("profile default") ? "profile default" : configSection(profile);
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
            config().set(section(profile), key, value);
            writer.write(configPath, config().toBytes());
        }
    }

    /** Sets a nested value ({@code s3.max_concurrent_requests}) in the config file. */
    public void set(String profile, String parent, String key, String value) {
        checkBoth();
        config().set(section(profile), parent, key, value);
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
                config().set(section(profile), e.getKey(), e.getValue());
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
}
