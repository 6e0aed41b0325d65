package dev.awsj.documents;

import dev.awsj.cli.Context;
import java.io.PrintStream;

/**
 * The progress of a batch of documents (translate-text and the Comprehend detect commands with
 * --input-file): one line on stderr, rewritten in place ({@code Processed 50/200 documents}), shown
 * only when stderr is a terminal so that logs and pipes stay clean.
 */
public final class BatchProgress {
    private final PrintStream err;
    private final boolean enabled;
    private final String noun;
    private final int total;
    private int done;
    private int lastWidth;

    public BatchProgress(Context ctx, String noun, int total) {
        this.err = ctx.err();
        this.enabled = ctx.stderrIsTerminal() && total > 1;
        this.noun = noun;
        this.total = total;
    }

    public synchronized void advance(int count) {
        done += count;
        if (enabled) {
            String line = "Processed " + done + "/" + total + " " + noun;
            err.print("\r" + line + " ".repeat(Math.max(0, lastWidth - line.length())));
            lastWidth = line.length();
            err.flush();
        }
    }

    /** Erases the line so the shell prompt or the next message starts clean. */
    public synchronized void finish() {
        if (enabled && lastWidth > 0) {
            err.print("\r" + " ".repeat(lastWidth) + "\r");
            err.flush();
        }
    }
}
