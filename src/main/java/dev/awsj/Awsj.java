package dev.awsj;

import dev.awsj.cli.Context;
import dev.awsj.cli.ErrorHandler;
import dev.awsj.core.ExitCodes;

import dev.awsj.aws.Service;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import dev.awsj.run.RunCommand;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine;

/**
 * Builds the configured command line for {@code Main} and the tests alike, and runs it.
 */
public final class Awsj {
    /** The service commands, in the order help lists them. */
    /** Set AWSJ_FULL_TREE to this to build every command in full (the docs generator does). */
    public static final String FULL_TREE = "1";

    static final List<String> SERVICES = List.of("s3", "s3api", "sns", "rekognition", "polly", "translate", "comprehend");

    /** The root's other commands. */
    private static final List<String> TOOLS = List.of("configure", "sso", "completion", "run");

    private Awsj() {
    }

    /** Runs one command line with the given streams and environment; returns the exit code. */
    public static int run(String[] args, InputStream in, OutputStream out, OutputStream err, Map<String, String> env) {
        return run(new Context(in, out, err, env), args);
    }

    /** Runs one command line in a context the caller built ({@code awsj run} shares clients so); closes it. */
    public static int run(Context ctx, String[] args) {
        try {
            if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
                // The version needs no command model: print it without building one.
                ctx.out().println(new VersionProvider().getVersion()[0]);
                return ExitCodes.OK;
            }
            CommandLine cl = commandLine(ctx, args);
            return cl.execute(helpWords(cl, ctx, args));
        } catch (RuntimeException | Error e) {
            return new ErrorHandler(ctx).report(e);
        } finally {
            ctx.out().flush();
            ctx.close();
        }
    }

    /**
     * The root command with every service command; only the service named in {@code args} gets its
     * operations. Streams and handlers are set last, so they reach every subcommand.
     */
    public static CommandLine commandLine(Context ctx, String[] args) {
        CommandLine.IFactory factory = new ContextFactory(ctx);
        CommandLine cl = new CommandLine(new RootCommand(ctx.options()), factory);
        cl.getCommandSpec().usageMessage().footer(RootCommand.globalOptionsHelp(ctx.options()));
        // Only the command on the line is built in full (picocli reads its annotations). When that
        // command is known, it is the only one added: the others matter only to help listings and
        // "did you mean", which a known command never reaches. Otherwise the others are named
        // placeholders. `completion` needs them all.
        List<String> words = words(ctx, args);
        boolean helpWord = !words.isEmpty() && words.get(0).equals("help");
        String first = words.isEmpty() ? "" : helpWord && words.size() > 1 ? words.get(1) : words.get(0);
        boolean all = args.length == 0 && words.isEmpty() && FULL_TREE.equals(ctx.env("AWSJ_FULL_TREE"))
                || first.equals("completion");
        boolean one = !all && (SERVICES.contains(first) || TOOLS.contains(first));
        for (String name : SERVICES) {
            if (!one || name.equals(first)) {
                Service s = Service.byCliName(name.equals("s3api") ? "s3" : name).orElseThrow();
                cl.addSubcommand(name, ServiceCommand.commandLine(name, s));
            }
        }
        if (!one || first.equals("configure")) {
            cl.addSubcommand("configure", all || first.equals("configure") ? configure(factory)
                    : placeholder("configure", "Configure credentials and settings: the prompt, set, get, list, list-profiles,"
                            + " import, export-credentials, sso."));
        }
        if (!one || first.equals("sso")) {
            cl.addSubcommand("sso", all || first.equals("sso") ? new CommandLine(dev.awsj.sso.SsoCommand.class, factory)
                    : placeholder("sso", "Sign in with IAM Identity Center (SSO): login, logout."));
        }
        if (!one || first.equals("completion")) {
            cl.addSubcommand("completion", all ? new CommandLine(new CompletionCommand(ctx), factory)
                    : placeholder("completion", String.join(" ",
                            CompletionCommand.class.getAnnotation(CommandLine.Command.class).description())));
        }
        if (!one || first.equals("run")) {
            cl.addSubcommand("run", all || first.equals("run") ? new CommandLine(new RunCommand(ctx, Awsj::run), factory)
                    : placeholder("run", "Run awsj commands from a file or stdin, one a line, in one process."));
        }
        if (args.length > 0 && args[0].equals("__train")) {
            cl.addSubcommand("__train", new CommandLine(TrainCommand.class, factory));
        }
        if (!one || helpWord) {
            cl.addSubcommand("help", new CommandLine.HelpCommand());
        }
        populateService(cl, ctx, args);
        ErrorHandler handler = new ErrorHandler(ctx);
        cl.setOut(new PrintWriter(new java.io.OutputStreamWriter(ctx.out(), StandardCharsets.UTF_8), true));
        cl.setErr(new PrintWriter(new java.io.OutputStreamWriter(ctx.err(), StandardCharsets.UTF_8), true));
        cl.setExecutionExceptionHandler(handler);
        cl.setParameterExceptionHandler(handler);
        cl.setExitCodeExceptionMapper(ErrorHandler::exitCode);
        if (!ctx.inheritedOptions().isEmpty()) {
            // awsj run: the options given to run apply to each line that does not give its own.
            Set<String> global = ctx.options().names();
            cl.setDefaultValueProvider(arg -> arg instanceof OptionSpec o && global.contains(o.longestName())
                    ? ctx.inheritedOptions().get(o.longestName()) : null);
        }
        cl.setExecutionStrategy(parseResult -> {
            try {
                ctx.options().validate();
            } catch (RuntimeException e) {
                // A bad global value (--output, --color, --query): one line and 252, as any bad value.
                return handler.report(e);
            }
            String command = parseResult.hasSubcommand() ? parseResult.subcommand().commandSpec().name() : "";
            if (!command.equals("completion") && !command.equals("__train")) {
                try {
                    // As aws: an unknown cli_timestamp_format stops every command, help and configure too.
                    ctx.settings().checkTimestampFormat();
                } catch (RuntimeException e) {
                    return handler.report(e);
                }
            }
            return new CommandLine.RunLast().execute(parseResult);
        });
        cl.setAbbreviatedOptionsAllowed(false);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setUsageHelpAutoWidth(true);
        return cl;
    }

    /**
     * The line as picocli should read it where aws reads {@code help} and {@code --help} its own way
     * (docs/exit-codes.md): the word {@code help} as a command's only argument asks for that command's
     * help ({@code awsj s3 cp help}, as {@code aws s3 cp help}); and {@code --help} after a word that
     * is not a command ({@code awsj nosuch thing --help}) does not hide the unknown word, which is
     * then reported as any unknown command is (252).
     */
    static String[] helpWords(CommandLine root, Context ctx, String[] args) {
        Set<String> valueOptions = ctx.options().valueNames();
        Set<String> globals = ctx.options().names();
        CommandLine cmd = root;
        boolean unknownWord = false;
        List<Integer> rest = new java.util.ArrayList<>();
        boolean inPath = true;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.startsWith("-") && globals.contains(a.contains("=") ? a.substring(0, a.indexOf('=')) : a)) {
                if (valueOptions.contains(a)) {
                    i++;
                }
                continue;
            }
            if (inPath && !a.startsWith("-") && cmd.getSubcommands().containsKey(a)) {
                cmd = cmd.getSubcommands().get(a);
                continue;
            }
            if (inPath && !a.startsWith("-") && !cmd.getSubcommands().isEmpty()
                    && cmd.getCommandSpec().positionalParameters().isEmpty()) {
                unknownWord = true;
            }
            inPath = false;
            rest.add(i);
        }
        String[] line = args.clone();
        if (cmd != root && rest.size() == 1 && args[rest.get(0)].equals("help")
                && !(cmd.getCommand() instanceof CommandLine.HelpCommand)) {
            line[rest.get(0)] = "--help";
            return line;
        }
        if (unknownWord) {
            return java.util.Arrays.stream(args).filter(a -> !a.equals("--help") && !a.equals("-h")).toArray(String[]::new);
        }
        return line;
    }

    private static CommandLine configure(CommandLine.IFactory factory) {
        // `configure sso` lives with the other sign-in commands (dev.awsj.sso).
        return new CommandLine(dev.awsj.configure.ConfigureCommand.class, factory)
                .addSubcommand("sso", new CommandLine(dev.awsj.sso.ConfigureSsoCommand.class, factory));
    }

    /**
     * Populates the one service named on the command line (the first word that is not an option),
     * building in full only the command named after it.
     */
    static void populateService(CommandLine cl, Context ctx, String[] args) {
        List<String> words = words(ctx, args);
        if (words.isEmpty()) {
            return;
        }
        if (words.get(0).equals("help")) {
            words.remove(0);
        }
        CommandLine sub = words.isEmpty() ? null : cl.getSubcommands().get(words.get(0));
        if (sub != null && sub.getCommand() instanceof ServiceCommand sc) {
            String command = words.size() > 1 ? words.get(1) : "";
            boolean help = command.equals("help") && words.size() > 2;
            sc.populate(ctx, help ? words.get(2) : command, help);
        }
    }

    /**
     * The first three words of the line that are not options or their values: which service and
     * command to build, read before parsing so that only those are built (start-up time).
     */
    private static List<String> words(Context ctx, String[] args) {
        Set<String> valueOptions = ctx.options().valueNames();
        List<String> words = new java.util.ArrayList<>();
        for (int i = 0; i < args.length && words.size() < 3; i++) {
            String a = args[i];
            if (a.startsWith("-")) {
                if (valueOptions.contains(a)) {
                    i++;
                }
                continue;
            }
            words.add(a);
        }
        return words;
    }

    /** A command that is only named here; never run, as the real one replaces it when named. */
    static CommandLine placeholder(String name, String description) {
        CommandLine.Model.CommandSpec spec = CommandLine.Model.CommandSpec.wrapWithoutInspection(
                (java.util.concurrent.Callable<Integer>) () -> {
                    throw new IllegalStateException("placeholder of " + name + " executed");
                });
        spec.name(name);
        spec.usageMessage().description(description);
        return new CommandLine(spec);
    }

    /** Builds commands with the {@link Context} in their constructor when they take one. */
    private static final class ContextFactory implements CommandLine.IFactory {
        private final Context ctx;
        private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

        ContextFactory(Context ctx) {
            this.ctx = ctx;
        }

        @Override
        public <K> K create(Class<K> cls) throws Exception {
            try {
                var c = cls.getDeclaredConstructor(Context.class);
                c.setAccessible(true);
                return c.newInstance(ctx);
            } catch (NoSuchMethodException e) {
                return fallback.create(cls);
            }
        }
    }
}
