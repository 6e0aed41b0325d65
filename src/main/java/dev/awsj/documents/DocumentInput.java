package dev.awsj.documents;

import dev.awsj.core.AwsjException;
import dev.awsj.cli.Context;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Where a text command's documents come from besides {@link TextSource}: {@code -} for stdin, or
 * {@code --input-file} with one document a line ({@code --column} for a CSV), and how many calls
 * run at once. A picocli mixin shared by translate-text and the Comprehend detect commands.
 */
public class DocumentInput {
    @Parameters(arity = "0..1", paramLabel = "STDIN", description = "- reads the text from stdin.")
    String dash;
    @Option(names = "--input-file", paramLabel = "FILE", description = "One document a line (- is stdin).")
    String inputFile;
    @Option(names = "--column", paramLabel = "NAME", description = "With --input-file: a CSV file; use this column.")
    String column;
    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "" + OrderedBatch.DEFAULT_CONCURRENCY,
            description = "Calls at once (default ${DEFAULT-VALUE}).")
    int concurrency;

    /** Refuses a stray argument, a concurrency below 1 and --column without --input-file (252). */
    public void validate() {
        if (dash != null && !dash.equals("-")) {
            throw AwsjException.usage("Unexpected argument \"" + dash + "\": give the text with --text, --text-file or -.");
        }
        if (concurrency < 1) {
            throw AwsjException.usage("--concurrency must be at least 1.");
        }
        if (column != null && inputFile == null) {
            throw AwsjException.usage("--column needs --input-file.");
        }
    }

    /** Whether {@code -} asked for the text on stdin. */
    public boolean stdin() {
        return dash != null;
    }

    /** Whether the documents come from --input-file. */
    public boolean batch() {
        return inputFile != null;
    }

    public int concurrency() {
        return concurrency;
    }

    /** With --input-file, the text options must not be given too (252). */
    public void requireNoText(TextSource source) {
        if (source.given(stdin())) {
            throw AwsjException.usage("Give either --input-file or the text (--text, --text-file, -), not both.");
        }
    }

    /** The documents of --input-file (or of its --column). */
    public List<Documents.Document> documents(Context ctx) {
        return Documents.read(ctx, inputFile, column);
    }
}
