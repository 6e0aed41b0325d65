package dev.awsj.translate;

import dev.awsj.api.MemberOptions;
import dev.awsj.core.AwsjException;
import dev.awsj.cli.Context;
import dev.awsj.core.ExitCodes;
import dev.awsj.api.CliInputJson;
import dev.awsj.documents.DocumentInput;
import dev.awsj.documents.Documents;
import dev.awsj.documents.LineResults;
import dev.awsj.documents.OrderedBatch;
import dev.awsj.documents.BatchProgress;
import dev.awsj.api.RequestMembers;
import dev.awsj.documents.TextSource;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.translate.TranslateClient;
import software.amazon.awssdk.services.translate.model.TranslateTextRequest;

@Command(name = "translate-text",
        description = {"Translate text of any length: over 10,000 UTF-8 bytes it is split at paragraph, then "
                + "sentence boundaries, the parts translated and joined in order. Prints TranslateText's JSON.",
                "With --input-file (one document a line, or a CSV column with --column) prints one JSON result a "
                        + "line in input order: {\"Line\":N,\"TranslatedText\":…} or {\"Line\":N,\"Error\":{\"Code\":…,\"Message\":…}}; "
                        + "a blank line gets {\"Line\":N} alone, so output lines match input lines.",
                "Exit status 254 when the service refuses the text, or when any line of --input-file failed."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:every text translated", "252:bad command line, missing file or empty text",
                "254:the service answered with an error (for --input-file: one or more lines failed)"})
final class TranslateTextCommand implements Callable<Integer> {
    private final Context ctx;
    @Mixin
    TextSource source = new TextSource();
    @Mixin
    CliInputJson input = new CliInputJson();
    @Mixin
    DocumentInput documents = new DocumentInput();
    @Option(names = "--source-language-code", paramLabel = "CODE", description = "Language code of the text, or auto.")
    String sourceLanguage;
    @Option(names = "--target-language-code", paramLabel = "CODE")
    String targetLanguage;
    @Option(names = "--terminology-names", split = ",", arity = "1..*", paramLabel = "NAME")
    List<String> terminologyNames;
    @Option(names = "--settings", paramLabel = "JSON", description = "As aws: Formality=FORMAL,Profanity=MASK,Brevity=ON or JSON.")
    String settings;

    @Mixin
    MemberOptions.Slot members = new MemberOptions.Slot();

    TranslateTextCommand(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        documents.validate();
        TranslateTextRequest.Builder b = input.fill(TranslateTextRequest.builder(), ctx);
        members.applyTo(b);
        if (sourceLanguage != null) {
            b.sourceLanguageCode(sourceLanguage);
        }
        if (targetLanguage != null) {
            b.targetLanguageCode(targetLanguage);
        }
        if (terminologyNames != null) {
            b.terminologyNames(terminologyNames);
        }
        RequestMembers.set(b, "Settings", settings, "--settings");
        TranslateTextRequest given = b.build();
        if (given.sourceLanguageCode() == null) {
            throw AwsjException.usage("Missing required option: '--source-language-code=CODE' (auto detects it)");
        }
        if (given.targetLanguageCode() == null) {
            throw AwsjException.usage("Missing required option: '--target-language-code=CODE'");
        }
        LongTextTranslator translator = new LongTextTranslator(ctx.clients().client(TranslateClient.class), given,
                LongTextTranslator.MAX_BYTES);
        if (!documents.batch()) {
            String text = given.text() != null && !source.given(documents.stdin())
                    ? TextSource.requireText(given.text(), "the text", "Text") : source.read(ctx, documents.stdin());
            ctx.output().write(translator.translate(text, documents.concurrency()));
            return ExitCodes.OK;
        }
        documents.requireNoText(source);
        List<Documents.Document> docs = documents.documents(ctx);
        LineResults results = new LineResults(ctx);
        BatchProgress progress = new BatchProgress(ctx, "documents", docs.size());
        OrderedBatch.run(docs, documents.concurrency(), d -> {
            if (d.blank()) {
                progress.advance(1);
                return LineResults.blank(d.line());
            }
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
