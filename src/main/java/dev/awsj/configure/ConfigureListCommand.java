package dev.awsj.configure;

import dev.awsj.aws.AwsSettings;
import dev.awsj.cli.Context;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import software.amazon.awssdk.auth.credentials.AwsCredentials;

/**
 * {@code awsj configure list}: the profile, keys and region in effect and where each came from, in
 * the table {@code aws configure list} prints; secrets masked to their last four characters.
 */
@Command(name = "list",
        description = "Show the profile, credentials and region in effect and where each comes from (secrets masked).")
final class ConfigureListCommand implements Callable<Integer> {
    private static final String NOT_SET = "<not set>";
    private final Context ctx;

    ConfigureListCommand(Context ctx) {
        this.ctx = ctx;
    }

    private record Row(String value, String type, String location) {
        static Row notSet() {
            return new Row(NOT_SET, "None", "None");
        }
    }

    @Override
    public Integer call() {
        AwsSettings settings = ctx.settings();
        String profile = settings.profileName();
        // Every row first: a file that does not parse stops the command before anything is printed.
        Row profileRow = profileRow();
        Row[] keys = credentialRows(settings, profile);
        Row region = regionRow(settings, profile);
        PrintStream out = ctx.out();
        print(out, "Name", new Row("Value", "Type", "Location"));
        print(out, "----", new Row("-----", "----", "--------"));
        print(out, "profile", profileRow);
        print(out, "access_key", keys[0]);
        print(out, "secret_key", keys[1]);
        print(out, "region", region);
        return 0;
    }

    private static void print(PrintStream out, String name, Row r) {
        out.printf("%10s %24s %16s    %s%n", name, r.value(), r.type(), r.location());
    }

    private Row profileRow() {
        if (ctx.global().profile() != null) {
            return new Row(ctx.global().profile(), "manual", "--profile");
        }
        for (String v : new String[] {"AWS_PROFILE", "AWS_DEFAULT_PROFILE"}) {
            if (ctx.env(v) != null) {
                return new Row(ctx.env(v), "env", v);
            }
        }
        return Row.notSet();
    }

    /** A value of the profile as the SDK reads it, typed and located by the file it comes from. */
    private static Optional<Row> fileRow(AwsSettings settings, String profile, String key, boolean secret) {
        return settings.profileValue(profile, key).map(String::trim).filter(v -> !v.isEmpty()).map(v -> {
            Path where = settings.propertySource(profile, key).orElseThrow();
            String type = where.equals(settings.credentialsFile()) ? "shared-credentials-file" : "config-file";
            return new Row(secret ? ConfigureCommand.mask(v) : v, type, where.toString());
        });
    }

    private Row[] credentialRows(AwsSettings settings, String profile) {
        String key = ctx.env("AWS_ACCESS_KEY_ID");
        String secret = ctx.env("AWS_SECRET_ACCESS_KEY");
        if (ctx.global().profile() == null && key != null && secret != null) {
            return new Row[] {new Row(ConfigureCommand.mask(key), "env", "AWS_ACCESS_KEY_ID"),
                new Row(ConfigureCommand.mask(secret), "env", "AWS_SECRET_ACCESS_KEY")};
        }
        Optional<Row> fileKey = fileRow(settings, profile, "aws_access_key_id", true);
        Optional<Row> fileSecret = fileRow(settings, profile, "aws_secret_access_key", true);
        if (fileKey.isPresent() && fileSecret.isPresent()) {
            return new Row[] {fileKey.get(), fileSecret.get()};
        }
        String type = settings.profileValue(profile, "role_arn").isPresent() ? "assume-role"
                : settings.profileValue(profile, "credential_process").isPresent() ? "custom-process"
                : settings.profileValue(profile, "sso_session").isPresent()
                        || settings.profileValue(profile, "sso_start_url").isPresent() ? "sso"
                : null;
        if (type != null) {
            try {
                AwsCredentials c = ctx.clients().credentials().resolveCredentials();
                return new Row[] {new Row(ConfigureCommand.mask(c.accessKeyId()), type, ""),
                    new Row(ConfigureCommand.mask(c.secretAccessKey()), type, "")};
            } catch (RuntimeException e) {
                ctx.err().println("Note: the " + type + " credentials of profile " + profile + " could not be resolved: "
                        + firstLine(e.getMessage()));
            }
        }
        return new Row[] {Row.notSet(), Row.notSet()};
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** In the order {@link AwsSettings#regionIfSet} takes: the region every other command uses. */
    private Row regionRow(AwsSettings settings, String profile) {
        if (ctx.global().region() != null) {
            return new Row(ctx.global().region(), "manual", "--region");
        }
        for (String v : new String[] {"AWS_REGION", "AWS_DEFAULT_REGION"}) {
            if (ctx.env(v) != null) {
                return new Row(ctx.env(v), "env", v);
            }
        }
        return fileRow(settings, profile, "region", false).orElse(Row.notSet());
    }
}
