package dev.awsj.sso;

import dev.awsj.aws.SsoTokens;
import dev.awsj.cli.Context;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Shows a pending SSO sign-in as aws does (the URL and the code to enter there, on stderr) and opens
 * the browser at the URL that fills the code in, where there is a desktop and unless told not to.
 */
final class DeviceAuthorizationPrinter implements Consumer<SsoTokens.Authorization> {
    private final Context ctx;
    private final boolean noBrowser;

    DeviceAuthorizationPrinter(Context ctx, boolean noBrowser) {
        this.ctx = ctx;
        this.noBrowser = noBrowser;
    }

    @Override
    public void accept(SsoTokens.Authorization auth) {
        PrintStream err = ctx.err();
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
