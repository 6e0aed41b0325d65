package dev.awsj.comprehend;

import dev.awsj.cli.Context;
import dev.awsj.cli.CuratedCommands;
import java.util.List;
import picocli.CommandLine.Command;

/**
 * The curated Comprehend commands: one text, or files of documents through the batch APIs. Each
 * names its analysis; the options, exit codes and --input-file notes come from {@link DetectCommand}.
 */
public final class ComprehendCommands implements CuratedCommands {
    @Override
    public List<Object> commands(Context ctx) {
        return List.of(new DominantLanguage(ctx), new Sentiment(ctx), new Entities(ctx), new KeyPhrases(ctx), new PiiEntities(ctx), new Syntax(ctx));
    }

    @Command(name = "detect-dominant-language", description = "Detect the dominant language of a text (no --language-code needed).")
    static final class DominantLanguage extends DetectCommand {
        DominantLanguage(Context ctx) {
            super(ctx, Analysis.DOMINANT_LANGUAGE);
        }
    }

    @Command(name = "detect-sentiment", description = "Detect the sentiment of a text: POSITIVE, NEGATIVE, NEUTRAL or MIXED, with scores.")
    static final class Sentiment extends DetectCommand {
        Sentiment(Context ctx) {
            super(ctx, Analysis.SENTIMENT);
        }
    }

    @Command(name = "detect-entities", description = "Detect named entities (people, places, organisations, dates, quantities...) in a text.")
    static final class Entities extends DetectCommand {
        Entities(Context ctx) {
            super(ctx, Analysis.ENTITIES);
        }
    }

    @Command(name = "detect-key-phrases", description = "Detect the key phrases of a text.")
    static final class KeyPhrases extends DetectCommand {
        KeyPhrases(Context ctx) {
            super(ctx, Analysis.KEY_PHRASES);
        }
    }

    @Command(name = "detect-pii-entities", description = "Detect personally identifiable information (names, addresses, card numbers...) in a text.")
    static final class PiiEntities extends DetectCommand {
        PiiEntities(Context ctx) {
            super(ctx, Analysis.PII_ENTITIES);
        }
    }

    @Command(name = "detect-syntax", description = "Tag the words of a text with their parts of speech (en, es, fr, de, it, pt).")
    static final class Syntax extends DetectCommand {
        Syntax(Context ctx) {
            super(ctx, Analysis.SYNTAX);
        }
    }
}
