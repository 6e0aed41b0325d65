package dev.awsj.configure;

import dev.awsj.cli.Context;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code awsj configure list-profiles}: every profile name of both files, one a line. */
@Command(name = "list-profiles",
        description = "List the profile names of the config and credentials files, one a line.")
final class ConfigureListProfilesCommand implements Callable<Integer> {
    private final Context ctx;

    ConfigureListProfilesCommand(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        for (String p : ctx.settings().profileNames()) {
            ctx.out().println(p);
        }
        return 0;
    }
}
