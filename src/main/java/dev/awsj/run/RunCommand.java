package dev.awsj.run;

import dev.awsj.core.AwsjException;
import dev.awsj.cli.Context;
import dev.awsj.core.ExitCodes;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code awsj run FILE|-}: many awsj command lines in one process, in parallel, with the results
 * printed one JSON line each, in input order. A shell loop of a thousand calls pays the start-up a
 * thousand times; this pays it once and reuses the HTTP connections.
 */
@Command(name = "run",
        description = {
            "Runs awsj command lines read from FILE (or stdin for -), one a line, written as on the command line "
                    + "without 'awsj' (quotes and backslashes as in a shell; blank lines and # comments skipped).",
            "Lines run one after another, as in a script; --parallel N runs up to N independent lines at once. "
                    + "Each result is printed as one JSON line, in input order: "
                    + "{\"Line\":N,\"ExitCode\":C,\"Output\":<its JSON, or text>,\"Error\":\"<its stderr>\"} "
                    + "(\"OutputBase64\" instead of \"Output\" when a line printed bytes that are not UTF-8 text).",
            "A line cannot itself be 'run'.",
            "Global options given before 'run' apply to every line that does not give its own.",
            "The exit code is the highest of the lines' exit codes."})
public final class RunCommand implements Callable<Integer> {
    /** Runs one command line in a context; the command-line layer passes its own entry point. */
    public interface LineRunner {
        int run(Context ctx, String[] args);
    }

    private final Context ctx;
    private final LineRunner runner;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE|-", description = "The file of command lines; - reads stdin.")
    String file;

    /** The most lines that may run at once: each holds a thread and its output until printed. */
    static final int MAX_PARALLEL = 64;

    @Option(names = "--parallel", paramLabel = "N",
            description = "Run up to N lines at the same time (1 to " + MAX_PARALLEL + "; default 1: in order, "
                    + "each line after the one before it ends). Only for lines that do not depend on each other.")
    int parallel = 1;

    public RunCommand(Context ctx, LineRunner runner) {
        this.ctx = ctx;
        this.runner = runner;
    }

    /** One line to run: its number in the file and its words, or why it cannot be split. */
    record Line(int number, List<String> words, String splitError) {
    }

    /** What one line did: its number, exit code, stdout and stderr. */
    record Result(int line, int exitCode, byte[] out, String err) {
    }

    @Override
    public Integer call() throws Exception {
        if (ctx.isRunLine()) {
            throw AwsjException.usage("awsj run cannot be used inside awsj run");
        }
        if (parallel < 1 || parallel > MAX_PARALLEL) {
            throw AwsjException.usage("--parallel takes a number from 1 to " + MAX_PARALLEL + ": " + parallel);
        }
        List<Line> lines = parse(read());
        Map<String, String> inherited = givenGlobalOptions();
        int worst = ExitCodes.OK;
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallel, Math.max(1, lines.size())), r -> {
            Thread t = new Thread(r, "awsj-run");
            t.setDaemon(true);
            return t;
        });
        try (SharedClients clients = new SharedClients(ctx.err())) {
            // At most `parallel` lines are submitted and not yet printed: results leave in input order.
            Deque<Future<Result>> window = new ArrayDeque<>();
            for (Line line : lines) {
                if (window.size() == parallel) {
                    worst = Math.max(worst, print(get(window.removeFirst())));
                }
                window.addLast(pool.submit(() -> execute(line, inherited, clients)));
            }
            while (!window.isEmpty()) {
                worst = Math.max(worst, print(get(window.removeFirst())));
            }
        } finally {
            pool.shutdownNow();
        }
        return worst;
    }

    private int print(Result r) {
        ctx.out().println(ResultJson.line(r));
        ctx.out().flush();
        return r.exitCode();
    }

    private static Result get(Future<Result> f) throws InterruptedException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            // execute() reports every failure as a result; this is a bug, not a line's failure.
            throw new IllegalStateException(e.getCause());
        }
    }

    private String read() {
        try {
            if (file.equals("-")) {
                return new String(ctx.stdin().readAllBytes(), StandardCharsets.UTF_8);
            }
            return Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw AwsjException.usage("No such file: " + file);
        } catch (IOException e) {
            throw AwsjException.usage("Cannot read " + file + ": " + e.getMessage());
        }
    }

    /** The lines to run: blank and comment lines are skipped but still counted. */
    static List<Line> parse(String text) {
        List<Line> lines = new ArrayList<>();
        String[] raw = text.split("\n", -1);
        for (int i = 0; i < raw.length; i++) {
            List<String> words;
            try {
                words = CommandLineSplitter.split(raw[i]);
            } catch (IllegalArgumentException e) {
                lines.add(new Line(i + 1, List.of(), e.getMessage()));
                continue;
            }
            if (!words.isEmpty() && words.get(0).equals("awsj")) {
                words = words.subList(1, words.size());
            }
            if (!words.isEmpty()) {
                lines.add(new Line(i + 1, words, null));
            }
        }
        return lines;
    }

    /**
     * The global options given on the {@code run} line (before or after {@code run}), by name: each
     * line takes them as default values (so its own win), through picocli's default-value provider.
     */
    Map<String, String> givenGlobalOptions() {
        Set<String> global = ctx.options().names();
        Map<String, String> given = new LinkedHashMap<>();
        for (ParseResult pr = spec.root().commandLine().getParseResult(); pr != null; pr = pr.subcommand()) {
            for (OptionSpec o : pr.matchedOptions()) {
                if (global.contains(o.longestName())) {
                    given.put(o.longestName(), String.valueOf((Object) o.getValue()));
                }
            }
        }
        return given;
    }

    private Result execute(Line line, Map<String, String> inherited, SharedClients clients) {
        if (line.splitError() != null) {
            return new Result(line.number(), ExitCodes.USAGE, new byte[0], "awsj: error: line " + line.number() + ": "
                    + line.splitError() + "\n");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        InputStream noInput = new ByteArrayInputStream(new byte[0]);
        Context lineCtx = ctx.forLine(noInput, out, err);
        lineCtx.inheritOptions(inherited);
        lineCtx.shareClients(clients::factoryFor);
        int code;
        try {
            code = runner.run(lineCtx, line.words().toArray(String[]::new));
        } catch (RuntimeException | Error e) {
            code = ExitCodes.OTHER;
            err.writeBytes(("awsj: " + e + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return new Result(line.number(), code, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
    }
}
