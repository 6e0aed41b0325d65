package dev.awsj.configure;

import dev.awsj.cli.Context;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code awsj configure get KEY}: prints a value from the files; exit 1 when it is not set, as aws. */
@Command(name = "get", mixinStandardHelpOptions = true,
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
        SettingName s = SettingName.parse(name, ctx.settings().profileName());
        ConfigFiles files = ConfigureCommand.files(ctx);
        Optional<String> v;
        if (s.subKey() == null) {
            v = files.get(s.profile(), s.key());
            if (v.isEmpty() && !ConfigFiles.isSecret(s.key())) {
                // Like aws, a profile's keys may also sit in the credentials file.
                v = files.credentials().get(s.profile(), s.key());
            }
        } else {
            v = files.get(s.profile(), s.key(), s.subKey());
        }
        if (v.isEmpty()) {
            return 1;
        }
        ctx.out().println(v.get());
        return 0;
    }
}
