package dev.awsj.configure;

import dev.awsj.aws.AwsSettings;
import dev.awsj.cli.Context;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code awsj configure get KEY}: prints a value as every other command reads it (the SDK's view of
 * both files, {@link AwsSettings}); exit 1 when it is not set, as aws.
 */
@Command(name = "get",
        description = {"Print one value from the config or credentials file (exit 1 when it is not set).",
            "KEY as for 'configure set': region, s3.max_concurrent_requests, profile.NAME.region, ..."})
final class ConfigureGetCommand implements Callable<Integer> {
    private final Context ctx;

    @Parameters(index = "0", paramLabel = "KEY", description = "The name of the setting.")
    String name;

    ConfigureGetCommand(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        AwsSettings settings = ctx.settings();
        SettingName s = SettingName.parse(name, settings.profileName());
        Optional<String> v = s.subKey() == null
                ? settings.profileValue(s.profile(), s.key()).map(ConfigureGetCommand::block)
                : settings.profileValue(s.profile(), s.key() + "." + s.subKey());
        if (v.isEmpty()) {
            return 1;
        }
        ctx.out().println(v.get());
        return 0;
    }

    /** A nested block ({@code s3 =} and indented lines) as its lines, without the indent. */
    private static String block(String value) {
        if (!value.contains("\n")) {
            return value;
        }
        return Arrays.stream(value.split("\n")).map(String::trim).filter(l -> !l.isEmpty()).collect(Collectors.joining("\n"));
    }
}
