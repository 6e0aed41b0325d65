package dev.awsj.translate;

import dev.awsj.cli.AwsjException;
import dev.awsj.cli.Context;
import dev.awsj.cli.ExitCodes;
import dev.awsj.textio.Documents;
import dev.awsj.textio.LineResults;
import dev.awsj.textio.OrderedBatch;
import dev.awsj.textio.Progress;
import dev.awsj.textio.RequestMembers;
import dev.awsj.textio.TextSource;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.translate.TranslateClient;
import software.amazon.awssdk.services.translate.model.TranslateTextRequest;

@Command(name = "translate-text", mixinStandardHelpOptions = true,
        description = {"Translate text of any length: over 10,000 UTF-8 bytes it is split at paragraph, then "
                + "sentence boundaries, the parts translated and joined in order. Prints TranslateText's JSON.",
                "With --input-file (one document a line, or a CSV column with --column) prints one JSON result a "
                        + "line in input order: {\"Line\":N,\"TranslatedText\":…} or {\"Line\":N,\"Error\":{\"Code\":…,\"Message\":…}}; "
                        + "blank lines are skipped.",
                "Exit status 254 when the service refuses the text, or when any line of --input-file failed."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:every text translated", "252:bad command line, missing file or empty text",
                "254:the service answered with an error (for --input-file: one or more lines failed)"})
final class TranslateTextCommand implements Callable<Integer> {
    private final Context ctx;
    @Mixin
    TextSource source = new TextSource();
    @Parameters(arity = "0..1", paramLabel = "STDIN", description = "- reads the text from stdin.")
    String dash;
    @Option(names = "--input-file", paramLabel = "FILE", description = "One document a line (- is stdin).")
    String inputFile;
    @Option(names = "--column", paramLabel = "NAME", description = "With --input-file: a CSV file; translate this column.")
    String column;
    @Option(names = "--source-language-code", paramLabel = "CODE", required = true, description = "Language code of the text, or auto.")
    String sourceLanguage;
    @Option(names = "--target-language-code", paramLabel = "CODE", required = true)
    String targetLanguage;
    @Option(names = "--terminology-names", split = ",", arity = "1..*", paramLabel = "NAME")
    List<String> terminologyNames;
    @Option(names = "--settings", paramLabel = "JSON", description = "As aws: Formality=FORMAL,Profanity=MASK,Brevity=ON or JSON.")
    String settings;
    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "" + OrderedBatch.DEFAULT_CONCURRENCY,
            description = "Calls at once (default ${DEFAULT-VALUE}).")
    int concurrency;

    TranslateTextCommand(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        if (dash != null && !dash.equals("-")) {
            throw AwsjException.usage("Unexpected argument \"" + dash + "\": give the text with --text, --text-file or -.");
        }
        if (concurrency < 1) {
            throw AwsjException.usage("--concurrency must be at least 1.");
        }
        if (column != null && inputFile == null) {
            throw AwsjException.usage("--column needs --input-file.");
        }
        TranslateTextRequest.Builder b = TranslateTextRequest.builder().sourceLanguageCode(sourceLanguage)
                .targetLanguageCode(targetLanguage).terminologyNames(terminologyNames);
        RequestMembers.set(b, "Settings", settings, "--settings");
        LongTextTranslator translator = new LongTextTranslator(ctx.clients().client(TranslateClient.class), b.build(),
                LongTextTranslator.MAX_BYTES);
        if (inputFile == null) {
            ctx.output().write(translator.translate(source.read(ctx, dash != null), concurrency));
            return ExitCodes.OK;
        }
        if (source.given(dash != null)) {
            throw AwsjException.usage("Give either --input-file or the text (--text, --text-file, -), not both.");
        }
        List<Documents.Document> docs = Documents.read(ctx, inputFile, column);
        LineResults results = new LineResults(ctx);
        Progress progress = new Progress(ctx, "documents", docs.size());
        OrderedBatch.run(docs, concurrency, d -> {
            try {
                // Each document's parts run one after another: the documents already run concurrently.
                return LineResults.ok(d.line(), translator.translate(d.text(), 1));
            } catch (AwsServiceException e) {
                return LineResults.error(d.line(), e);
            } finally {
                progress.advance(1);
            }
        }, results::write);
        progress.finish();
        return results.finish("documents");
    }
}
