package dev.awsj.polly;

import dev.awsj.cli.Context;
import dev.awsj.cli.CuratedCommands;
import java.util.List;

/** The curated Polly commands: every voice, and speech from text of any length. */
public final class PollyCommands implements CuratedCommands {
    @Override
    public List<Object> commands(Context ctx) {
        return List.of(new SynthesizeSpeechCommand(ctx));
    }
}
