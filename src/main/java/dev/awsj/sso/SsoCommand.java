package dev.awsj.sso;

import dev.awsj.cli.Context;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code awsj sso}: sign in to IAM Identity Center and out again (docs/configuration.md, "SSO"). */
@Command(name = "sso", description = "Sign in with IAM Identity Center (SSO): login, logout.",
        subcommands = {SsoLoginCommand.class, SsoLogoutCommand.class})
public final class SsoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    public SsoCommand(Context ctx) {
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return dev.awsj.core.ExitCodes.USAGE;
    }
}
