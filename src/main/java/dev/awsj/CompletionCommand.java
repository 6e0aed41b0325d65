package dev.awsj;

import dev.awsj.cli.Context;
import dev.awsj.core.AwsjException;

import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code awsj completion bash|zsh}: prints the completion script for every command and operation.
 * Install with {@code source <(awsj completion bash)}; zsh runs the same script through bashcompinit.
 */
@Command(name = "completion",
        description = "Print a bash or zsh completion script. Install: source <(awsj completion bash)")
public final class CompletionCommand implements Callable<Integer> {
    private final Context ctx;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SHELL", defaultValue = "bash",
            description = "bash (default) or zsh.")
    String shell;

    public CompletionCommand(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        if (!shell.equals("bash") && !shell.equals("zsh")) {
            throw AwsjException.usage("Unknown shell \"" + shell + "\": use bash or zsh");
        }
        CommandLine root = spec.root().commandLine();
        for (CommandLine sub : root.getSubcommands().values()) {
            if (sub.getCommand() instanceof ServiceCommand sc) {
                sc.populate(ctx);
            }
        }
        // As aws's `aws s3 <TAB>`: the s3 commands only; the API operations are s3api's.
        CommandLine s3 = root.getSubcommands().get("s3");
        for (java.util.Map.Entry<String, CommandLine> e : java.util.Map.copyOf(s3.getSubcommands()).entrySet()) {
            if (e.getValue().getCommand() instanceof dev.awsj.api.OperationCommand) {
                s3.getCommandSpec().removeSubcommand(e.getKey());
            }
        }
        // Completion only needs the names; the commands just added are never executed.
        offerGlobalOptions(root, ctx.options().names());
        // picocli's script detects zsh itself and loads bashcompinit there.
        String script = AutoComplete.bash("awsj", root);
        ctx.out().print(script);
        ctx.out().flush();
        return 0;
    }

    /**
     * The global options are hidden from each command's own help (the root's lists them once), but
     * are offered by completion on every command: visible copies replace the hidden ones here, in
     * the model that only this command uses (local copies: each command gets its own here).
     */
    private static void offerGlobalOptions(CommandLine cl, Set<String> global) {
        CommandSpec spec = cl.getCommandSpec();
        for (OptionSpec o : List.copyOf(spec.options())) {
            if (o.hidden() && global.contains(o.longestName())) {
                spec.remove(o);
                spec.addOption(o.toBuilder().hidden(false).scopeType(CommandLine.ScopeType.LOCAL).build());
            }
        }
        for (CommandLine sub : cl.getSubcommands().values()) {
            offerGlobalOptions(sub, global);
        }
    }
}
