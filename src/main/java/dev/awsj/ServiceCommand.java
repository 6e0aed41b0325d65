package dev.awsj;

import dev.awsj.cli.Context;
import dev.awsj.cli.CuratedCommands;
import dev.awsj.core.ExitCodes;

import dev.awsj.api.MemberOptions;
import dev.awsj.api.Operation;
import dev.awsj.api.OperationCommand;
import dev.awsj.api.ServiceModel;
import dev.awsj.api.WaitCommand;
import dev.awsj.aws.Service;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * One service's command ({@code awsj sns}). Its operation subcommands are added only when the
 * service is named on the command line ({@link #populate}), so other services cost nothing.
 */
public final class ServiceCommand implements Callable<Integer> {
    /** Where each service keeps its curated commands, loaded only for the service on the line. */
    private static final Map<String, String> CURATED = Map.of(
            "s3", "dev.awsj.s3.S3Commands",
            "sns", "dev.awsj.sns.SnsCommands",
            "rekognition", "dev.awsj.rekognition.RekognitionCommands",
            "polly", "dev.awsj.polly.PollyCommands",
            "translate", "dev.awsj.translate.TranslateCommands",
            "comprehend", "dev.awsj.comprehend.ComprehendCommands");

    private final String name;
    private final Service service;
    private CommandSpec spec;
    private boolean populated;

    private ServiceCommand(String name, Service service) {
        this.name = name;
        this.service = service;
    }

    /** {@code name} is the command word: a service name, or {@code s3api} for S3's raw operations. */
    public static CommandLine commandLine(String name, Service service) {
        ServiceCommand cmd = new ServiceCommand(name, service);
        CommandSpec spec = CommandSpec.wrapWithoutInspection(cmd);
        cmd.spec = spec;
        spec.name(name);
        // -h/--help and -V/--version come from the root command (scope INHERIT) when it adds this.
        spec.usageMessage().description(name.equals("s3api")
                ? "Every Amazon S3 API operation, as `aws s3api`."
                : "Commands of " + service.cliName() + ": every API operation"
                        + (CURATED.containsKey(name) ? ", and commands for files, transfers and batches." : "."))
                .synopsisSubcommandLabel("<command>");
        return new CommandLine(spec);
    }

    /** Adds every operation in full (for completion). */
    public void populate(Context ctx) {
        populate(ctx, null);
    }

    /**
     * Adds the generic operations and then the curated commands, which win on a shared name. When
     * {@code commandName} names one of them, only that one is added, built in full: the others
     * matter only to help listings and "did you mean", which a known name never reaches (start-up
     * time, docs/architecture.md). Otherwise (null: completion, or an unknown name, or help) every
     * command is added, only {@code commandName}'s in full, the others as named placeholders.
     */
    public void populate(Context ctx, String commandName) {
        populate(ctx, commandName, false);
    }

    /** As {@link #populate(Context, String)}; with {@code help}, the service's {@code help} command is added too. */
    public void populate(Context ctx, String commandName, boolean help) {
        if (populated) {
            return;
        }
        populated = true;
        CommandLine cl = spec.commandLine();
        List<Object> curated = name.equals("s3api") ? List.of() : curated(ctx);
        if (commandName != null && addCurated(ctx, cl, curated, commandName)) {
            if (help) {
                cl.addSubcommand("help", new CommandLine.HelpCommand());
            }
            return;
        }
        Map<String, CommandLine> subs = new LinkedHashMap<>();
        ServiceModel model = ServiceModel.load(service);
        Map<String, Operation> ops = model.operations();
        boolean known = commandName != null && (ops.containsKey(commandName) || commandName.equals("wait") && hasWaiters(model));
        for (Operation op : ops.values()) {
            if (known && !commandName.equals(op.cliName())) {
                continue;
            }
            boolean full = commandName == null || commandName.equals(op.cliName());
            // A placeholder is enough for help listings and "did you mean", and loads no class of
            // the generic layer's (JSON trees, JMESPath) for a curated command.
            subs.put(op.cliName(), full ? OperationCommand.commandLine(ctx, op)
                    : Awsj.placeholder(op.cliName(), "Calls the " + op.name() + " operation."));
        }
        for (Object c : known ? List.of() : curated) {
            CommandLine.Command annotation = c.getClass().getAnnotation(CommandLine.Command.class);
            String subName = annotation.name();
            subs.put(subName, commandName != null && !commandName.equals(subName)
                    ? Awsj.placeholder(subName, String.join(" ", annotation.description()))
                    : curatedCommand(ctx, c, ops::get));
        }
        // The waiters, as aws has them: `aws s3api wait …`, `aws rekognition wait …` (not `aws s3 wait`).
        if (hasWaiters(model) && (!known || commandName.equals("wait"))) {
            subs.put("wait", commandName == null || commandName.equals("wait") ? WaitCommand.commandLine(ctx, model, null)
                    : Awsj.placeholder("wait", "Wait until a condition is met (the service's waiters)."));
        }
        for (Map.Entry<String, CommandLine> e : subs.entrySet()) {
            cl.addSubcommand(e.getKey(), e.getValue());
        }
        if (!known || help) {
            cl.addSubcommand("help", new CommandLine.HelpCommand());
        }
    }

    private boolean hasWaiters(ServiceModel model) {
        return !name.equals("s3") && !model.rules().waiters().isEmpty();
    }

    /**
     * Adds the curated command {@code commandName} alone, if there is one; the service model is read
     * only when it replaces an operation.
     */
    private boolean addCurated(Context ctx, CommandLine cl, List<Object> curated, String commandName) {
        for (Object c : curated) {
            if (c.getClass().getAnnotation(CommandLine.Command.class).name().equals(commandName)) {
                cl.addSubcommand(commandName, curatedCommand(ctx, c, op -> ServiceModel.load(service).operations().get(op)));
                return true;
            }
        }
        return false;
    }

    /** A curated command in full; one that replaces an operation also takes the operation's other members. */
    private static CommandLine curatedCommand(Context ctx, Object c, java.util.function.Function<String, Operation> ops) {
        CommandLine sub = new CommandLine(c);
        for (CommandLine.Model.CommandSpec mixin : sub.getCommandSpec().mixins().values()) {
            Operation op;
            if (mixin.userObject() instanceof MemberOptions.Slot slot && (op = ops.apply(sub.getCommandSpec().name())) != null) {
                slot.fill(MemberOptions.addTo(sub.getCommandSpec(), op, ctx.options().names(),
                        () -> ctx.settings().rawBlobInput()));
            }
        }
        return sub;
    }

    private List<Object> curated(Context ctx) {
        String cls = CURATED.get(name);
        if (cls == null) {
            return List.of();
        }
        try {
            Class<?> c = Class.forName(cls);
            return ((CuratedCommands) c.getDeclaredConstructor().newInstance()).commands(ctx);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot load " + cls, e);
        }
    }

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        cl.getErr().println("awsj " + name + ": a command is required. Try 'awsj " + name + " help' for the list.");
        cl.usage(cl.getErr());
        return ExitCodes.USAGE;
    }
}
