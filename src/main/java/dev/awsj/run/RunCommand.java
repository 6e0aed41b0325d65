package dev.awsj.run;

import dev.awsj.cli.Awsj;
import dev.awsj.cli.AwsjException;
import dev.awsj.cli.Context;
import dev.awsj.cli.ExitCodes;
import dev.awsj.cli.GlobalOptions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code awsj run FILE|-}: many awsj command lines in one process, in parallel, with the results
 * printed one JSON line each, in input order. A shell loop of a thousand calls pays the start-up a
 * thousand times; this pays it once and reuses the HTTP connections.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {
            "Runs awsj command lines read from FILE (or stdin for -), one a line, written as on the command line "
                    + "without 'awsj' (quotes and backslashes as in a shell; blank lines and # comments skipped).",
            "Lines run in parallel; each result is printed as one JSON line, in input order: "
                    + "{\"Line\":N,\"ExitCode\":C,\"Output\":<its JSON, or text>,\"Error\":\"<its stderr>\"}.",
            "Global options given before 'run' apply to every line that does not give its own.",
            "The exit code is the highest of the lines' exit codes."})
public final class RunCommand implements Callable<Integer> {
    private final Context ctx;

    @Parameters(index = "0", paramLabel = "FILE|-", description = "The file of command lines; - reads stdin.")
    String file;

    @Option(names = "--parallel", paramLabel = "N",
            description = "Lines run at the same time (default: 4 per processor, for I/O-bound calls).")
    Integer parallel;

    RunCommand(Context ctx) {
        this.ctx = ctx;
    }

    /** One line to run: its number in the file and its words, or why it cannot be split. */
    record Line(int number, List<String> words, String splitError) {
    }

    /** What one line did: its number, exit code, stdout and stderr. */
    record Result(int line, int exitCode, String out, String err) {
    }

    @Override
    public Integer call() throws Exception {
        int workers = parallel != null ? parallel : Runtime.getRuntime().availableProcessors() * 4;
        if (workers < 1) {
            throw AwsjException.usage("--parallel takes a number of 1 or more: " + workers);
        }
        List<Line> lines = parse(read());
        List<String> inherited = inheritedOptions(ctx.global());
        int worst = ExitCodes.OK;
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(workers, Math.max(1, lines.size())), r -> {
            Thread t = new Thread(r, "awsj-run");
            t.setDaemon(true);
            return t;
        });
        try (SharedClients clients = new SharedClients(ctx.err())) {
            List<Future<Result>> results = new ArrayList<>();
            for (Line line : lines) {
                results.add(pool.submit(() -> execute(line, inherited, clients)));
            }
            for (Future<Result> f : results) {
                Result r = get(f);
                worst = Math.max(worst, r.exitCode());
                ctx.out().println(ResultJson.line(r));
                ctx.out().flush();
            }
        } finally {
            pool.shutdownNow();
        }
        return worst;
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

    /** The global options given to {@code run} itself, as words to put before each line's own. */
    static List<String> inheritedOptions(GlobalOptions g) {
        List<String> words = new ArrayList<>();
        value(words, "--profile", g.profile);
        value(words, "--region", g.region);
        value(words, "--endpoint-url", g.endpointUrl);
        value(words, "--output", g.output);
        value(words, "--query", g.query);
        value(words, "--ca-bundle", g.caBundle);
        value(words, "--cli-read-timeout", g.cliReadTimeout);
        value(words, "--cli-connect-timeout", g.cliConnectTimeout);
        value(words, "--color", g.color);
        flag(words, "--debug", g.debug);
        flag(words, "--no-verify-ssl", g.noVerifySsl);
        flag(words, "--no-sign-request", g.noSignRequest);
        flag(words, "--no-paginate", g.noPaginate);
        return words;
    }

    private static void value(List<String> words, String option, Object value) {
        if (value != null) {
            words.add(option);
            words.add(String.valueOf(value));
        }
    }

    private static void flag(List<String> words, String option, boolean on) {
        if (on) {
            words.add(option);
        }
    }

    /** The line's words after the inherited options it does not set itself. */
    static String[] withInherited(List<String> inherited, List<String> words) {
        List<String> args = new ArrayList<>();
        for (int i = 0; i < inherited.size(); i++) {
            String option = inherited.get(i);
            boolean takesValue = GlobalOptions.VALUE_OPTIONS.contains(option);
            if (!givenIn(words, option)) {
                args.add(option);
                if (takesValue) {
                    args.add(inherited.get(i + 1));
                }
            }
            if (takesValue) {
                i++;
            }
        }
        args.addAll(words);
        return args.toArray(String[]::new);
    }

    private static boolean givenIn(List<String> words, String option) {
        for (String w : words) {
            if (w.equals(option) || w.startsWith(option + "=")) {
                return true;
            }
        }
        return false;
    }

    private Result execute(Line line, List<String> inherited, SharedClients clients) {
        if (line.splitError() != null) {
            return new Result(line.number(), ExitCodes.USAGE, "", "awsj: error: line " + line.number() + ": "
                    + line.splitError() + "\n");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        InputStream noInput = new ByteArrayInputStream(new byte[0]);
        Map<String, String> env = ctx.env();
        Context lineCtx = new Context(noInput, out, err, env);
        clients.attach(lineCtx);
        clients.enter(lineCtx);
        int code;
        try {
            code = Awsj.run(lineCtx, withInherited(inherited, line.words()));
        } catch (RuntimeException | Error e) {
            code = ExitCodes.OTHER;
            err.writeBytes(("awsj: " + e + "\n").getBytes(StandardCharsets.UTF_8));
        } finally {
            clients.leave();
        }
        return new Result(line.number(), code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
