package dev.awsj.configure;

import dev.awsj.cli.Context;
import java.io.PrintStream;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import software.amazon.awssdk.auth.credentials.AwsCredentials;

/**
 * {@code awsj configure list}: the profile, keys and region in effect and where each came from, in
 * the table {@code aws configure list} prints; secrets masked to their last four characters.
 */
@Command(name = "list", mixinStandardHelpOptions = true,
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
        ConfigFiles files = ConfigureCommand.files(ctx);
        String profile = ctx.settings().profileName();
        PrintStream out = ctx.out();
        print(out, "Name", new Row("Value", "Type", "Location"));
        print(out, "----", new Row("-----", "----", "--------"));
        print(out, "profile", profileRow());
        Row[] keys = credentialRows(files, profile);
        print(out, "access_key", keys[0]);
        print(out, "secret_key", keys[1]);
        print(out, "region", regionRow(files, profile));
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

    private Row[] credentialRows(ConfigFiles files, String profile) {
        String key = ctx.env("AWS_ACCESS_KEY_ID");
        String secret = ctx.env("AWS_SECRET_ACCESS_KEY");
        if (ctx.global().profile() == null && key != null && secret != null) {
            return new Row[] {new Row(ConfigureCommand.mask(key), "env", "AWS_ACCESS_KEY_ID"),
                new Row(ConfigureCommand.mask(secret), "env", "AWS_SECRET_ACCESS_KEY")};
        }
        Optional<String> fileKey = files.credentials().get(profile, "aws_access_key_id");
        Optional<String> fileSecret = files.credentials().get(profile, "aws_secret_access_key");
        if (fileKey.isPresent() && fileSecret.isPresent()) {
            String where = files.credentialsPath().toString();
            return new Row[] {new Row(ConfigureCommand.mask(fileKey.get()), "shared-credentials-file", where),
                new Row(ConfigureCommand.mask(fileSecret.get()), "shared-credentials-file", where)};
        }
        String section = ConfigFiles.configSection(profile);
        Optional<String> confKey = files.config().get(section, "aws_access_key_id");
        Optional<String> confSecret = files.config().get(section, "aws_secret_access_key");
        if (confKey.isPresent() && confSecret.isPresent()) {
            String where = files.configPath().toString();
            return new Row[] {new Row(ConfigureCommand.mask(confKey.get()), "config-file", where),
                new Row(ConfigureCommand.mask(confSecret.get()), "config-file", where)};
        }
        String type = files.get(profile, "role_arn").isPresent() ? "assume-role"
                : files.get(profile, "credential_process").isPresent() ? "custom-process"
                : files.get(profile, "sso_session").isPresent() || files.get(profile, "sso_start_url").isPresent() ? "sso"
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

    private Row regionRow(ConfigFiles files, String profile) {
        if (ctx.global().region() != null) {
            return new Row(ctx.global().region(), "manual", "--region");
        }
        for (String v : new String[] {"AWS_REGION", "AWS_DEFAULT_REGION"}) {
            if (ctx.env(v) != null) {
                return new Row(ctx.env(v), "env", v);
            }
        }
        Optional<String> r = files.config().get(ConfigFiles.configSection(profile), "region");
        if (r.isPresent()) {
            return new Row(r.get(), "config-file", files.configPath().toString());
        }
        return Row.notSet();
    }
}
