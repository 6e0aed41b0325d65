package dev.awsj.configure;

import dev.awsj.core.AwsjException;

/**
 * A name given to {@code configure set/get}, read as {@code aws} reads it: {@code region} (the current
 * profile), {@code s3.max_concurrent_requests} (a nested key of the current profile),
 * {@code default.region}, {@code profile.NAME.region}, {@code profile.NAME.s3.addressing_style}.
 */
record SettingName(String profile, String key, String subKey) {

    static SettingName parse(String name, String currentProfile) {
        if (name == null || name.isBlank()) {
            throw AwsjException.usage("Give a setting name, e.g. region or profile.dev.region");
        }
        String[] parts = name.split("\\.", -1);
        for (String p : parts) {
            if (p.isBlank()) {
                throw AwsjException.usage("Bad setting name \"" + name + "\": empty part between dots");
            }
        }
        String profile = currentProfile;
        int i = 0;
        if (parts[0].equals("default") && parts.length > 1) {
            profile = "default";
            i = 1;
        } else if (parts[0].equals("profile") && parts.length > 2) {
            profile = parts[1];
            i = 2;
        }
        int rest = parts.length - i;
        if (rest == 1) {
            return new SettingName(profile, parts[i], null);
        }
        if (rest == 2) {
            if (ConfigFiles.isSecret(parts[i])) {
                throw AwsjException.usage("Bad setting name \"" + name + "\": " + parts[i] + " takes no nested keys");
            }
            return new SettingName(profile, parts[i], parts[i + 1]);
        }
        throw AwsjException.usage("Bad setting name \"" + name
                + "\": use KEY, SECTION.KEY, default.KEY or profile.NAME.KEY");
    }
}
