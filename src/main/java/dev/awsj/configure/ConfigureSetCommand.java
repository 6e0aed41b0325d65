package dev.awsj.configure;

import dev.awsj.cli.Context;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code awsj configure set KEY VALUE}: one setting, written to the file it belongs in. */
@Command(name = "set",
        description = {"Set one value in the config or credentials file.",
            "KEY is region, output, aws_access_key_id, ... for the current profile; s3.max_concurrent_requests for a "
                + "nested setting; default.KEY or profile.NAME.KEY for another profile. Secret keys go to the credentials "
                + "file, everything else to the config file."})
final class ConfigureSetCommand implements Callable<Integer> {
    private final Context ctx;

    @Parameters(index = "0", paramLabel = "KEY", description = "The name of the setting.")
    String name;

    @Parameters(index = "1", paramLabel = "VALUE", description = "The value to set.")
    String value;

    ConfigureSetCommand(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        SettingName s = SettingName.parse(name, ctx.settings().profileName());
        ConfigFiles files = ConfigureCommand.files(ctx);
        if (s.subKey() == null) {
            files.set(s.profile(), s.key(), value);
        } else {
            files.set(s.profile(), s.key(), s.subKey(), value);
        }
        return 0;
    }
}
