package dev.awsj.sso;

import dev.awsj.aws.SsoTokens;
import dev.awsj.cli.Context;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code awsj sso logout}: as aws, signs out every cached SSO token (the portal's Logout, then the
 * file is deleted) and deletes the SSO role credentials cached in {@code ~/.aws/cli/cache}.
 */
@Command(name = "logout", description = "Sign out of every SSO session: delete the cached tokens and the SSO role credentials.")
final class SsoLogoutCommand implements Callable<Integer> {
    private final Context ctx;

    SsoLogoutCommand(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        new SsoTokens(ctx.clients(), ctx.err()).logout();
        return 0;
    }
}
