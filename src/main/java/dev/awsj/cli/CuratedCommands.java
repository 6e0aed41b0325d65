package dev.awsj.cli;

import java.util.List;

/**
 * The hand-made commands of one service (files, transfers, batches, prompts). Each service package
 * has one implementation named in {@link ServiceCommand}; its commands replace the generic command
 * of the same name. Command objects are picocli-annotated and take the {@link Context} in their
 * constructor.
 */
public interface CuratedCommands {
    List<Object> commands(Context ctx);
}
