package dev.awsj;

import dev.awsj.cli.Context;
import dev.awsj.core.AwsjException;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code awsj completion bash|zsh}: prints the completion script for every command and operation.
 * Install with {@code source <(awsj completion bash)}; zsh runs the same script through bashcompinit.
 */
@Command(name = "completion", mixinStandardHelpOptions = true,
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
        // Completion only needs the names; the commands just added are never executed.
        // picocli's script detects zsh itself and loads bashcompinit there.
        String script = AutoComplete.bash("awsj", root);
        ctx.out().print(script);
        ctx.out().flush();
        return 0;
    }
}
