package dev.awsj.sso;

import dev.awsj.aws.AwsSettings;
import dev.awsj.aws.SsoConfig;
import dev.awsj.aws.SsoTokens;
import dev.awsj.cli.Context;
import dev.awsj.core.AwsjException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code awsj sso login}: OIDC device authorization for the profile's sso-session (or the one
 * named), printing the URL and code as aws does and opening a browser where one exists; the token
 * lands in aws's cache, {@code ~/.aws/sso/cache}.
 */
@Command(name = "login", description = {"Sign in to the profile's SSO session (or --sso-session's) and cache the token.",
    "Shows a URL and a code to approve the sign-in with; opens the browser unless --no-browser."})
final class SsoLoginCommand implements Callable<Integer> {
    private final Context ctx;

    @Option(names = "--sso-session", paramLabel = "NAME", description = "The [sso-session NAME] of the config file to sign in to"
            + " (default: the profile's sso_session).")
    String ssoSession;

    @Option(names = "--no-browser", description = "Do not open a browser: only print the URL and the code.")
    boolean noBrowser;

    SsoLoginCommand(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        AwsSettings settings = ctx.settings();
        SsoConfig sso = ssoSession != null ? SsoConfig.ofSession(settings, ssoSession, null)
                : SsoConfig.ofProfile(settings).orElseThrow(() -> AwsjException.config("The profile (" + settings.profileName()
                        + ") has no SSO configuration (sso_session or sso_start_url). Run \"awsj configure sso\" to add it."));
        new SsoTokens(ctx.clients(), ctx.err()).login(sso, new DeviceAuthorizationPrinter(ctx, noBrowser));
        ctx.out().println("Successfully logged into Start URL: " + sso.startUrl());
        return 0;
    }
}
