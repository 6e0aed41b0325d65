package dev.awsj.sso;

import dev.awsj.aws.AwsSettings;
import dev.awsj.aws.SsoConfig;
import dev.awsj.aws.SsoTokens;
import dev.awsj.cli.Context;
import dev.awsj.core.AwsjException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
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
        PrintStream err = ctx.err();
        new SsoTokens(ctx.clients(), err).login(sso, auth -> {
            boolean opened = !noBrowser && openBrowser(auth.verificationUriComplete());
            if (opened) {
                err.print("Attempting to automatically open the SSO authorization page in your default browser.\n"
                        + "If the browser does not open or you wish to use a different device to authorize this request,"
                        + " open the following URL:\n\n" + auth.verificationUri() + "\n\nThen enter the code:\n\n"
                        + auth.userCode() + "\n");
            } else {
                err.print("Browser will not be automatically opened.\nPlease visit the following URL:\n\n"
                        + auth.verificationUri() + "\n\nThen enter the code:\n\n" + auth.userCode()
                        + "\n\nAlternatively, you may visit the following URL which will autofill the code upon loading:\n"
                        + auth.verificationUriComplete() + "\n");
            }
            err.flush();
        });
        ctx.out().println("Successfully logged into Start URL: " + sso.startUrl());
        return 0;
    }

    /** Opens the URL with the desktop's opener, where there is a desktop and one is installed. */
    private boolean openBrowser(String url) {
        if (url == null) {
            return false;
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String[] command;
        if (os.contains("mac")) {
            command = new String[] {"open", url};
        } else if (os.contains("win")) {
            command = new String[] {"rundll32", "url.dll,FileProtocolHandler", url};
        } else {
            if (ctx.env("DISPLAY") == null && ctx.env("WAYLAND_DISPLAY") == null) {
                return false;
            }
            command = new String[] {"xdg-open", url};
        }
        if (!os.contains("win") && !onPath(command[0])) {
            return false;
        }
        try {
            new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private boolean onPath(String program) {
        String path = ctx.env("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
