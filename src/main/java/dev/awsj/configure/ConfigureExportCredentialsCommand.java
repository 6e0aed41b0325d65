package dev.awsj.configure;

import dev.awsj.core.AwsjException;
import dev.awsj.cli.Context;
import dev.awsj.json.SdkJson;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * {@code awsj configure export-credentials}: the credentials the current profile resolves to, as
 * a {@code credential_process} JSON document or as shell variables, the formats aws prints.
 */
@Command(name = "export-credentials",
        description = {"Print the resolved credentials of the current profile.",
            "--format process (default): the JSON a credential_process prints; env: export lines for a POSIX shell; "
                + "env-no-export: NAME=value lines; powershell: $Env:NAME=\"value\" lines; windows-cmd: set NAME=value "
                + "lines; fish: set -gx NAME \"value\" lines."})
final class ConfigureExportCredentialsCommand implements Callable<Integer> {
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");
    private final Context ctx;

    /** Each format of aws's export-credentials but process: the line for one variable. */
    private static final Map<String, String> LINE_FORMATS = Map.of(
            "env", "export %s=%s",
            "env-no-export", "%s=%s",
            "powershell", "$Env:%s=\"%s\"",
            "windows-cmd", "set %s=%s",
            "fish", "set -gx %s \"%s\"");

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "process (default), env, env-no-export, powershell, windows-cmd or fish.")
    String format = "process";

    ConfigureExportCredentialsCommand(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        if (!format.equals("process") && !LINE_FORMATS.containsKey(format)) {
            throw AwsjException.usage("Bad value for --format: \"" + format
                    + "\". Use process, env, env-no-export, powershell, windows-cmd or fish.");
        }
        AwsCredentials c = ctx.clients().credentials().resolveCredentials();
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("AWS_ACCESS_KEY_ID", c.accessKeyId());
        vars.put("AWS_SECRET_ACCESS_KEY", c.secretAccessKey());
        if (c instanceof AwsSessionCredentials s) {
            vars.put("AWS_SESSION_TOKEN", s.sessionToken());
        }
        Optional<Instant> expiry = c.expirationTime();
        expiry.ifPresent(e -> vars.put("AWS_CREDENTIAL_EXPIRATION", ISO.format(e.atOffset(ZoneOffset.UTC))));
        if (format.equals("process")) {
            // Python's json.dumps(indent=2), as aws prints it.
            StringBuilder sb = new StringBuilder("{\n  \"Version\": 1");
            String[][] members = {{"AccessKeyId", "AWS_ACCESS_KEY_ID"}, {"SecretAccessKey", "AWS_SECRET_ACCESS_KEY"},
                {"SessionToken", "AWS_SESSION_TOKEN"}, {"Expiration", "AWS_CREDENTIAL_EXPIRATION"}};
            for (String[] m : members) {
                if (vars.containsKey(m[1])) {
                    sb.append(",\n  \"").append(m[0]).append("\": ").append(quote(vars.get(m[1])));
                }
            }
            ctx.out().println(sb.append("\n}"));
            return 0;
        }
        // One line a variable, each ended with \n (aws writes \n; on Windows its stdout makes that \r\n).
        StringBuilder lines = new StringBuilder();
        vars.forEach((k, v) -> lines.append(String.format(LINE_FORMATS.get(format), k, v)).append('\n'));
        ctx.out().print(lines);
        ctx.out().flush();
        return 0;
    }

    private static String quote(String s) {
        try {
            return SdkJson.MAPPER.writeValueAsString(s);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
