package dev.awsj.cli;

import dev.awsj.aws.AwsSettings;
import dev.awsj.aws.ClientFactory;
import dev.awsj.output.OutputWriter;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * What one run of awsj works with: its streams, its environment, the parsed global options, and
 * the collaborators built from them on first use. Tests build one with in-memory streams.
 */
public final class Context implements AutoCloseable {
    private final InputStream stdin;
    private final OutputStream rawStdout;
    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;
    private final GlobalOptions global = new GlobalOptions();
    private AwsSettings settings;
    private ClientFactory clients;
    private OutputWriter output;
    private final Map<Throwable, dev.awsj.aws.FailedCall> failedCalls =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    public Context(InputStream stdin, OutputStream stdout, OutputStream stderr, Map<String, String> env) {
        this.stdin = stdin;
        this.rawStdout = stdout;
        this.out = stdout instanceof PrintStream ps ? ps : new PrintStream(stdout, false, StandardCharsets.UTF_8);
        this.err = stderr instanceof PrintStream ps ? ps : new PrintStream(stderr, true, StandardCharsets.UTF_8);
        this.env = Map.copyOf(env);
    }

    public InputStream stdin() {
        return stdin;
    }

    /** stdout for text; carries only results. */
    public PrintStream out() {
        return out;
    }

    /** stdout for bytes (audio, object bodies); flush {@link #out()} first if both are used. */
    public OutputStream rawOut() {
        out.flush();
        return rawStdout;
    }

    /** stderr: progress, warnings, prompts, errors. */
    public PrintStream err() {
        return err;
    }

    public Map<String, String> env() {
        return env;
    }

    public String env(String name) {
        String v = env.get(name);
        return v == null || v.isEmpty() ? null : v;
    }

    public GlobalOptions global() {
        return global;
    }

    /** Profile, region, endpoint and file locations, resolved in the order of DESIGN.md §3. */
    public synchronized AwsSettings settings() {
        if (settings == null) {
            settings = new AwsSettings(global, env);
        }
        return settings;
    }

    public synchronized ClientFactory clients() {
        if (clients == null) {
            clients = new ClientFactory(settings(), global, err, this::recordFailedCall);
            dev.awsj.configure.Prompter prompter = new dev.awsj.configure.Prompter(this);
            clients.mfaCodeReader(prompt -> prompter.interactive() ? prompter.ask(prompt, true) : null);
        }
        return clients;
    }

    /** Replaces the client factory; tests point it at an emulator. */
    public synchronized void clients(ClientFactory factory) {
        this.clients = factory;
    }

    public synchronized OutputWriter output() {
        if (output == null) {
            output = new OutputWriter(out, settings().outputFormat(), global.query, colorEnabled());
        }
        return output;
    }

    /** Remembers which operation a service exception came from, for the AWS CLI's error line. */
    public void recordFailedCall(Throwable t, dev.awsj.aws.FailedCall call) {
        failedCalls.put(t, call);
    }

    /** The call a failure came from, searching its causes; null when no SDK call failed. */
    public dev.awsj.aws.FailedCall failedCall(Throwable t) {
        for (Throwable x = t; x != null; x = x.getCause() == x ? null : x.getCause()) {
            dev.awsj.aws.FailedCall c = failedCalls.get(x);
            if (c != null) {
                return c;
            }
        }
        return null;
    }

    /** Whether stderr is a terminal, for progress lines. {@code AWSJ_FORCE_TTY=1} forces it in tests. */
    public boolean stderrIsTerminal() {
        if ("1".equals(env("AWSJ_FORCE_TTY"))) {
            return true;
        }
        if (err != System.err) {
            return false;
        }
        return isTerminal(2);
    }

    /** Whether stdin is a terminal, for prompts. */
    public boolean stdinIsTerminal() {
        return stdin == System.in && isTerminal(0);
    }

    private boolean colorEnabled() {
        String c = global.color == null ? "auto" : global.color;
        return switch (c) {
            case "on" -> true;
            case "off" -> false;
            default -> out == System.out && isTerminal(1);
        };
    }

    private static boolean isTerminal(int fd) {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (Exception | Error e) {
            return fd != 2 && System.console() != null;
        }
    }

    /** Closes the clients built during the run. */
    @Override
    public synchronized void close() {
        if (clients != null) {
            clients.close();
        }
    }
}
