package dev.awsj.translate;

import dev.awsj.cli.Context;
import dev.awsj.cli.CuratedCommands;
import java.util.List;

/** The curated Translate commands: any length of text, files of documents, every language. */
public final class TranslateCommands implements CuratedCommands {
    @Override
    public List<Object> commands(Context ctx) {
        return List.of(new TranslateTextCommand(ctx));
    }
}
