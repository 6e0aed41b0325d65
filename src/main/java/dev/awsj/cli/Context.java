package dev.awsj.cli;

import dev.awsj.aws.AwsSettings;
import dev.awsj.aws.ClientFactory;
import dev.awsj.core.GlobalSettings;
import dev.awsj.output.OutputWriter;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/**
 * What one run of awsj works with: its streams, its environment, the global options (parsed into
 * {@link #options()}, read frozen through {@link #global()}), and the collaborators built from them
 * on first use. Tests build one with in-memory streams. See docs/architecture.md for the flow.
 */
public final class Context implements AutoCloseable {
    private final InputStream stdin;
    private final OutputStream rawStdout;
    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;
    private final GlobalOptions options;
    private Map<String, String> inheritedOptions = Map.of();
    private Function<AwsSettings, ClientFactory> sharedClients;
    private boolean runLine;
    private GlobalSettings global;
    private AwsSettings settings;
    private ClientFactory clients;
    private boolean ownsClients;
    private OutputWriter output;

    public Context(InputStream stdin, OutputStream stdout, OutputStream stderr, Map<String, String> env) {
        this(stdin, stdout, stderr, env, new GlobalOptions());
    }

    /** With the parser's target for the global options given: a test may add one to see it picked up. */
    public Context(InputStream stdin, OutputStream stdout, OutputStream stderr, Map<String, String> env,
            GlobalOptions options) {
        this.stdin = stdin;
        this.rawStdout = stdout;
        this.out = stdout instanceof PrintStream ps ? ps : new PrintStream(stdout, false, StandardCharsets.UTF_8);
        this.err = stderr instanceof PrintStream ps ? ps : new PrintStream(stderr, true, StandardCharsets.UTF_8);
        this.env = Map.copyOf(env);
        this.options = options;
    }

    /**
     * A context for one line of {@code awsj run}: these streams, this environment, and a fresh
     * parser target of the same kind of global options.
     */
    public Context forLine(InputStream in, OutputStream stdout, OutputStream stderr) {
        Context line = new Context(in, stdout, stderr, env, options.fresh());
        line.runLine = true;
        return line;
    }

    /** Whether this context runs one line of {@code awsj run}. */
    public boolean isRunLine() {
        return runLine;
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

    /** The object picocli parses the global options into; only the command-line layer writes it. */
    public GlobalOptions options() {
        return options;
    }

    /** The global options given, frozen on first use (after parsing). */
    public synchronized GlobalSettings global() {
        if (global == null) {
            global = options.settings();
        }
        return global;
    }

    /**
     * Values for global options this line does not give itself, by option name: {@code awsj run}
     * hands each line the options given to {@code run} (applied as picocli default values).
     */
    public Map<String, String> inheritedOptions() {
        return inheritedOptions;
    }

    public void inheritOptions(Map<String, String> values) {
        this.inheritedOptions = Map.copyOf(values);
    }

    /**
     * Takes clients from {@code source} (given this line's settings) instead of building its own;
     * they are not closed with this context. {@code awsj run} shares them between lines so. Where
     * {@code source} gives null, the context builds its own.
     */
    public synchronized void shareClients(Function<AwsSettings, ClientFactory> source) {
        this.sharedClients = source;
    }

    /** Profile, region, endpoint and file locations, resolved in the order of docs/configuration.md. */
    public synchronized AwsSettings settings() {
        if (settings == null) {
            settings = new AwsSettings(global(), env);
        }
        return settings;
    }

    public synchronized ClientFactory clients() {
        if (clients == null) {
            if (sharedClients != null) {
                clients = sharedClients.apply(settings());
            }
            if (clients == null) {
                clients = new ClientFactory(settings(), err);
                ownsClients = true;
                Prompter prompter = prompter();
                clients.mfaCodeReader(prompt -> prompter.interactive() ? prompter.ask(prompt, true) : null);
            }
        }
        return clients;
    }

    /** Replaces the client factory; tests point it at an emulator. It is closed with this context. */
    public synchronized void clients(ClientFactory factory) {
        this.clients = factory;
        this.ownsClients = true;
    }

    public synchronized OutputWriter output() {
        if (output == null) {
            output = new OutputWriter(out, settings().outputFormat(), global().query(), colorEnabled(), terminalWidth());
        }
        return output;
    }

    /**
     * The width of {@code --output table}: 80 unless stdout is a terminal, then {@code COLUMNS}
     * when the shell exports it (the AWS CLI asks the terminal itself; docs/configuration.md).
     */
    private int terminalWidth() {
        if (out == System.out && isTerminal(1)) {
            try {
                return Integer.parseInt(env("COLUMNS").trim());
            } catch (RuntimeException e) {
                return 80;
            }
        }
        return 80;
    }

    /** Asks the user on stderr, reading stdin. */
    public Prompter prompter() {
        return new Prompter(stdin, err, stdinIsTerminal(), "1".equals(env("AWSJ_FORCE_TTY")));
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
        String c = global().color() == null ? "auto" : global().color();
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

    /** Closes the clients built for this context (shared ones belong to whoever shared them). */
    @Override
    public synchronized void close() {
        if (clients != null && ownsClients) {
            clients.close();
        }
    }
}
