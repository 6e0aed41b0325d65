package dev.awsj.comprehend;

import dev.awsj.api.MemberOptions;
import dev.awsj.core.AwsjException;
import dev.awsj.cli.Context;
import dev.awsj.core.ExitCodes;
import dev.awsj.json.SdkJson;
import dev.awsj.api.CliInputJson;
import dev.awsj.documents.DocumentInput;
import dev.awsj.documents.Documents;
import dev.awsj.documents.LineResults;
import dev.awsj.documents.BatchProgress;
import dev.awsj.api.RequestMembers;
import dev.awsj.documents.TextSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.comprehend.ComprehendClient;
import software.amazon.awssdk.utils.builder.Buildable;

/**
 * A Comprehend detect command: one text (--text, --text-file, -) prints the API's JSON; a file of
 * documents (--input-file) prints one JSON result a line. The subclasses only name the analysis;
 * the exit codes (picocli reads a superclass's {@code @Command} first, so a subclass states only
 * what differs) and the note on --input-file are theirs too.
 */
@Command(exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {
            "0:every document analysed",
            "252:bad command line, missing file or empty text",
            "254:the service answered with an error (with --input-file: one or more documents failed)"})
abstract class DetectCommand implements Callable<Integer> {
    /** The help's note on --input-file: after the exit codes, before the global options every command lists. */
    private static final String INPUT_FILE_NOTE = "inputFileNote";
    private static final String BATCH_NOTE = "%nWith --input-file FILE (one document a line, or a CSV with --column NAME) the documents "
            + "go in batch calls of 25, several calls at once, and one JSON result is printed a line in input order: "
            + "{\"Line\":N,...} or {\"Line\":N,\"Error\":{\"Code\":...,\"Message\":...}}, N being the line of the file "
            + "the document starts on; a blank document gets {\"Line\":N} alone, so output lines match input lines. "
            + "A document over 5,000 UTF-8 bytes gets an error line; the others still run. "
            + "A progress line goes to stderr when it is a terminal. Exit status 254 when any document failed.";
    /** The note for an analysis without a batch API (detect-pii-entities). */
    private static final String SINGLE_NOTE = "%nWith --input-file FILE (one document a line, or a CSV with --column NAME) each "
            + "document is one call (the API has no batch call), several calls at once, and one JSON result is printed a "
            + "line in input order: {\"Line\":N,...} or {\"Line\":N,\"Error\":{\"Code\":...,\"Message\":...}}; a blank "
            + "document gets {\"Line\":N} alone. A progress line goes to stderr when it is a terminal. Exit status 254 when any document failed.";

    private final Context ctx;
    private final Analysis analysis;
    @Mixin
    TextSource source = new TextSource();
    @Mixin
    CliInputJson input = new CliInputJson();
    @Mixin
    DocumentInput documents = new DocumentInput();
    @Option(names = "--language-code", paramLabel = "CODE", description = "Language of the text, e.g. en, es (not for detect-dominant-language).")
    String languageCode;

    /** A member of the request a builder holds so far (SDK getters work on built requests only). */
    private static Object member(SdkPojo builder, String name) {
        return RequestMembers.get((SdkPojo) ((Buildable) builder).build(), name);
    }

    private void requireLanguage(boolean missing) {
        if (missing) {
            throw AwsjException.usage(analysis.command + " needs --language-code (e.g. en); "
                    + "detect-dominant-language finds it.");
        }
    }

    @Mixin
    MemberOptions.Slot members = new MemberOptions.Slot();

    DetectCommand(Context ctx, Analysis analysis) {
        this.ctx = ctx;
        this.analysis = analysis;
    }

    /** Adds the note on --input-file to the help, as its own section (the footer is the global options). */
    @Spec
    void help(CommandSpec spec) {
        UsageMessageSpec usage = spec.usageMessage();
        List<String> keys = new ArrayList<>(usage.sectionKeys());
        keys.add(keys.indexOf(UsageMessageSpec.SECTION_KEY_FOOTER_HEADING), INPUT_FILE_NOTE);
        usage.sectionKeys(keys);
        String[] note = {analysis.batch != null ? BATCH_NOTE : SINGLE_NOTE};
        usage.sectionMap().put(INPUT_FILE_NOTE, help -> Help.join(help.ansi(), usage.width(),
                usage.adjustLineBreaksForWideCJKCharacters(), note, new StringBuilder()).toString());
    }

    @Override
    public Integer call() {
        documents.validate();
        if (!analysis.needsLanguage && languageCode != null) {
            throw AwsjException.usage(analysis.command + " takes no --language-code.");
        }
        ComprehendClient client = ctx.clients().client(ComprehendClient.class);
        if (!documents.batch()) {
            SdkPojo b = input.fill(analysis.request.get(), ctx);
            members.applyTo(b);
            if (source.given(documents.stdin()) || member(b, "Text") == null) {
                RequestMembers.setValue(b, "Text", source.read(ctx, documents.stdin()));
            }
            TextSource.requireText((String) member(b, "Text"), "the text", "Text");
            if (languageCode != null) {
                RequestMembers.setValue(b, "LanguageCode", languageCode);
            }
            requireLanguage(analysis.needsLanguage && member(b, "LanguageCode") == null && member(b, "EndpointArn") == null);
            ctx.output().write(SdkJson.toJson(analysis.single.call(client, (SdkRequest) ((Buildable) b).build())));
            return ExitCodes.OK;
        }
        documents.requireNoText(source);
        if (input.given()) {
            throw AwsjException.usage("--cli-input-json describes one request; with --input-file use the options.");
        }
        requireLanguage(analysis.needsLanguage && languageCode == null);
        List<Documents.Document> docs = documents.documents(ctx);
        LineResults results = new LineResults(ctx);
        BatchProgress progress = new BatchProgress(ctx, "documents", docs.size());
        new BatchRunner(client, analysis, languageCode, documents.concurrency()).run(docs, progress, results::write);
        progress.finish();
        return results.finish("documents");
    }
}
