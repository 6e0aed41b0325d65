package dev.awsj.s3;

import dev.awsj.cli.Context;
import dev.awsj.core.AwsjException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "rm",
        description = "Delete an object, or with --recursive every object below a prefix (1,000 keys a request).")
final class RmCommand implements Callable<Integer> {
    private final Context ctx;

    @Parameters(index = "0", paramLabel = "S3URI")
    String target;

    @Mixin
    TransferOptions options;

    @Spec
    CommandSpec spec;

    /**
     * The transfer options that mean something to a delete: aws's rm takes these (and awsj's
     * progress and concurrency settings); the ones for new objects (--acl, --storage-class, …) it refuses.
     */
    private static final Set<String> TAKEN = Set.of("--recursive", "--exclude", "--include", "--dryrun", "--quiet",
            "--only-show-errors", "--no-progress", "--max-concurrency", "--request-payer", "--page-size");

    RmCommand(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        CommandSpec mixin = spec.mixins().get("options");
        List<String> refused = spec.commandLine().getParseResult().matchedOptions().stream()
                .filter(o -> mixin.options().stream().anyMatch(m -> m.longestName().equals(o.longestName())))
                .map(OptionSpec::longestName).filter(n -> !TAKEN.contains(n)).distinct().toList();
        if (!refused.isEmpty()) {
            throw AwsjException.usage("Unknown options: " + String.join(", ", refused)
                    + " (rm deletes objects; those options are for the objects cp, mv and sync write)");
        }
        return new Transfers(ctx, options).remove(target);
    }
}
