package dev.awsj.comprehend;

import dev.awsj.cli.AwsjException;
import dev.awsj.cli.Context;
import dev.awsj.cli.ExitCodes;
import dev.awsj.json.SdkJson;
import dev.awsj.textio.Documents;
import dev.awsj.textio.LineResults;
import dev.awsj.textio.OrderedBatch;
import dev.awsj.textio.Progress;
import dev.awsj.textio.TextSource;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import software.amazon.awssdk.services.comprehend.ComprehendClient;

/**
 * A Comprehend detect command: one text (--text, --text-file, -) prints the API's JSON; a file of
 * documents (--input-file) prints one JSON result a line. The subclasses only name the analysis.
 */
abstract class DetectCommand implements Callable<Integer> {
    static final String EXIT_HEADING = "Exit codes:%n";
    static final String EXIT_OK = "0:every document analysed";
    static final String EXIT_USAGE = "252:bad command line, missing file or empty text";
    static final String EXIT_SERVICE = "254:the service answered with an error (with --input-file: one or more documents failed)";
    static final String BATCH_FOOTER = "%nWith --input-file FILE (one document a line, or a CSV with --column NAME) the documents "
            + "go in batch calls of 25, several calls at once, and one JSON result is printed a line in input order: "
            + "{\"Line\":N,...} or {\"Line\":N,\"Error\":{\"Code\":...,\"Message\":...}}. Blank lines are skipped. "
            + "A document over 5,000 UTF-8 bytes gets an error line; the others still run. "
            + "A progress line goes to stderr when it is a terminal. Exit status 254 when any document failed.";
    static final String SINGLE_FOOTER = "%nWith --input-file FILE (one document a line, or a CSV with --column NAME) each "
            + "document is one call (the API has no batch call), several calls at once, and one JSON result is printed a "
            + "line in input order: {\"Line\":N,...} or {\"Line\":N,\"Error\":{\"Code\":...,\"Message\":...}}. Blank lines "
            + "are skipped. A progress line goes to stderr when it is a terminal. Exit status 254 when any document failed.";

    private final Context ctx;
    private final Analysis analysis;
    @Mixin
    TextSource source = new TextSource();
    @Parameters(arity = "0..1", paramLabel = "STDIN", description = "- reads the text from stdin.")
    String dash;
    @Option(names = "--language-code", paramLabel = "CODE", description = "Language of the text, e.g. en, es (not for detect-dominant-language).")
    String languageCode;
    @Option(names = "--input-file", paramLabel = "FILE", description = "One document a line (- is stdin).")
    String inputFile;
    @Option(names = "--column", paramLabel = "NAME", description = "With --input-file: a CSV file; analyse this column.")
    String column;
    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "" + OrderedBatch.DEFAULT_CONCURRENCY,
            description = "Calls at once (default ${DEFAULT-VALUE}).")
    int concurrency;

    DetectCommand(Context ctx, Analysis analysis) {
        this.ctx = ctx;
        this.analysis = analysis;
    }

    @Override
    public Integer call() {
        if (dash != null && !dash.equals("-")) {
            throw AwsjException.usage("Unexpected argument \"" + dash + "\": give the text with --text, --text-file or -.");
        }
        if (analysis.needsLanguage && languageCode == null) {
            throw AwsjException.usage(analysis.command + " needs --language-code (e.g. en); "
                    + "detect-dominant-language finds it.");
        }
        if (!analysis.needsLanguage && languageCode != null) {
            throw AwsjException.usage(analysis.command + " takes no --language-code.");
        }
        if (concurrency < 1) {
            throw AwsjException.usage("--concurrency must be at least 1.");
        }
        if (column != null && inputFile == null) {
            throw AwsjException.usage("--column needs --input-file.");
        }
        ComprehendClient client = ctx.clients().client(ComprehendClient.class);
        if (inputFile == null) {
            String text = source.read(ctx, dash != null);
            ctx.output().write(SdkJson.toJson(analysis.single.call(client, text, languageCode)));
            return ExitCodes.OK;
        }
        if (source.given(dash != null)) {
            throw AwsjException.usage("Give either --input-file or the text (--text, --text-file, -), not both.");
        }
        List<Documents.Document> docs = Documents.read(ctx, inputFile, column);
        LineResults results = new LineResults(ctx);
        Progress progress = new Progress(ctx, "documents", docs.size());
        new BatchRunner(client, analysis, languageCode, concurrency).run(docs, progress, results::write);
        progress.finish();
        return results.finish("documents");
    }
}
