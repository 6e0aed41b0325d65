package dev.awsj.configure;

import dev.awsj.core.AtomicFileWriter;
import dev.awsj.core.AwsjException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The pair of files {@code aws} keeps, for writing: secrets in the credentials file under
 * {@code [NAME]}, everything else in the config file under {@code [default]} or {@code [profile NAME]},
 * each change written atomically to the file it belongs in, where the SDK reads it. Values are read
 * through {@code aws.AwsSettings}, the SDK's parser, never from here.
 *
 * <p>Every change is a read-modify-write under the lock of the file it writes
 * ({@link AtomicFileWriter#locked}): the files are read afresh once the lock is held, so two
 * {@code configure set} running at once both land. Both files must read as aws reads them before
 * either is written, and both must be writable.
 */
public final class ConfigFiles {
    /** The keys that only ever go to the credentials file. */
    public static final Set<String> SECRET_KEYS = Set.of("aws_access_key_id", "aws_secret_access_key", "aws_session_token");

    private final Path configPath;
    private final Path credentialsPath;
    private final AtomicFileWriter writer;

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

    private static IniFile load(Path p) {
        if (!Files.exists(p)) {
            return IniFile.empty(p);
        }
        try {
            return IniFile.parse(p, Files.readAllBytes(p));
        } catch (AccessDeniedException e) {
            throw AwsjException.config("Unable to read " + p + ": permission denied (nothing was written)");
        } catch (IOException e) {
            throw AwsjException.config("Unable to read " + p + ": " + AtomicFileWriter.reason(e) + " (nothing was written)");
        }
    }

    /** The config file section for a profile: {@code default} or {@code profile NAME}. */
    private static String configSection(String profile) {
        return profile.equals("default") ? "default" : "profile " + profile;
    }

    public static boolean isSecret(String key) {
        return SECRET_KEYS.contains(key);
    }

    /** The two files as read inside the lock, for a change to apply to. */
    private record Loaded(IniFile config, IniFile credentials) {
        /**
         * The config file section a profile's values are written to: {@code [profile NAME]}, or for
         * the default profile {@code [default]}, unless the file has {@code [profile default]},
         * which the SDK then reads instead.
         */
        String section(String profile) {
            return profile.equals("default") && config.hasSection("profile default") ? "profile default" : configSection(profile);
        }
    }

    /**
     * Applies a change to one or both files: takes the lock of each file that changes, reads both
     * (a file aws would refuse stops everything), applies the change, and writes the files that
     * changed, credentials first.
     */
    private void change(boolean credentials, boolean config, Consumer<Loaded> apply) {
        List<Path> targets = new ArrayList<>();
        if (credentials) {
            targets.add(credentialsPath);
        }
        if (config) {
            targets.add(configPath);
        }
        if (targets.isEmpty()) {
            return;
        }
        // A file or folder that cannot be written is refused before a lock is taken (locked checks them all).
        writer.locked(targets, () -> {
            Loaded files = new Loaded(load(configPath), load(credentialsPath));
            apply.accept(files);
            if (credentials) {
                writer.write(credentialsPath, files.credentials().toBytes());
            }
            if (config) {
                writer.write(configPath, files.config().toBytes());
            }
        });
    }

    /** Sets a value in the file it belongs in and writes that file. */
    public void set(String profile, String key, String value) {
        boolean secret = isSecret(key);
        change(secret, !secret, f -> {
            if (secret) {
                f.credentials().set(profile, key, value);
            } else {
                f.config().set(f.section(profile), key, value);
            }
        });
    }

    /** Sets a nested value ({@code s3.max_concurrent_requests}) in the config file. */
    public void set(String profile, String parent, String key, String value) {
        change(false, true, f -> f.config().set(f.section(profile), parent, key, value));
    }

    /** Sets several values of one profile, writing each file at most once. */
    public void setAll(String profile, Map<String, String> values) {
        boolean creds = values.keySet().stream().anyMatch(ConfigFiles::isSecret);
        boolean conf = values.keySet().stream().anyMatch(k -> !isSecret(k));
        change(creds, conf, f -> {
            for (var e : values.entrySet()) {
                if (isSecret(e.getKey())) {
                    f.credentials().set(profile, e.getKey(), e.getValue());
                } else {
                    f.config().set(f.section(profile), e.getKey(), e.getValue());
                }
            }
        });
    }

    /**
     * Sets a profile's values and those of another config file section (e.g. {@code sso-session
     * NAME}) in one write of the config file.
     */
    public void setConfig(String profile, Map<String, String> values, String section, Map<String, String> sectionValues) {
        change(false, true, f -> {
            values.forEach((key, value) -> f.config().set(f.section(profile), key, value));
            sectionValues.forEach((key, value) -> f.config().set(section, key, value));
        });
    }

    /** Sets secrets of several profiles ({@code configure import}) in one write of the credentials file. */
    public void setCredentials(Map<String, Map<String, String>> byProfile) {
        change(!byProfile.isEmpty(), false, f -> byProfile.forEach((profile, values) ->
                values.forEach((key, value) -> f.credentials().set(profile, key, value))));
    }
}
