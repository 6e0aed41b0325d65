package dev.awsj.cli;

import java.io.ByteArrayOutputStream;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Asks the user for one line: the prompt goes to stderr, the answer comes from the terminal (with
 * no echo for secrets) when stdin is one, else from stdin, one line per question, for scripts.
 * {@code AWSJ_FORCE_TTY=1} makes a piped stdin count as the terminal, for tests.
 */
public final class Prompter {
    private final InputStream in;
    private final PrintStream err;
    private final boolean terminal;
    private final boolean forceTerminal;

    /**
     * @param terminal whether {@code in} is the terminal
     * @param forceTerminal treat {@code in} as a terminal that a person answers (tests)
     */
    public Prompter(InputStream in, PrintStream err, boolean terminal, boolean forceTerminal) {
        this.in = in;
        this.err = err;
        this.terminal = terminal;
        this.forceTerminal = forceTerminal;
    }

    /** Whether a person can answer: stdin is a terminal. */
    public boolean interactive() {
        return terminal || forceTerminal;
    }

    /** The answer without its line end, or null at end of input. */
    public String ask(String prompt, boolean secret) {
        err.print(prompt);
        err.flush();
        Console console = terminal ? System.console() : null;
        if (console != null) {
            if (secret) {
                char[] c = console.readPassword();
                return c == null ? null : new String(c);
            }
            return console.readLine();
        }
        if (secret && terminal) {
            // stdin is a terminal but stdout is not (awsj ... | jq): no Console, so turn echo off ourselves.
            boolean off = stty("-echo");
            try {
                return readLine(in);
            } finally {
                if (off) {
                    stty("echo");
                    err.println();
                }
            }
        }
        return readLine(in);
    }

    private static boolean stty(String mode) {
        try {
            Process p = new ProcessBuilder("stty", mode).redirectInput(ProcessBuilder.Redirect.INHERIT)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** One line, read byte by byte so that nothing after it is consumed. */
    static String readLine(InputStream in) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try {
            int b;
            boolean any = false;
            while ((b = in.read()) != -1) {
                any = true;
                if (b == '\n') {
                    break;
                }
                buf.write(b);
            }
            if (!any) {
                return null;
            }
        } catch (IOException e) {
            return null;
        }
        String s = buf.toString(StandardCharsets.UTF_8);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }
}
