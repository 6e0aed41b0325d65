package dev.awsj.polly;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsj.api.MemberOptions;
import dev.awsj.core.AwsjException;
import dev.awsj.cli.Context;
import dev.awsj.core.ExitCodes;
import dev.awsj.json.SdkJson;
import dev.awsj.documents.OrderedBatch;
import dev.awsj.documents.TextSource;
import dev.awsj.documents.TextSplitter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.polly.PollyClient;
import software.amazon.awssdk.services.polly.model.SynthesizeSpeechRequest;
import software.amazon.awssdk.services.polly.model.SynthesizeSpeechResponse;

@Command(name = "synthesize-speech",
        description = {"Turn text of any length into speech, written to OUTFILE (- writes the audio to stdout and "
                + "prints no JSON). Prints {\"ContentType\": …, \"RequestCharacters\": …} as aws does.",
                "Text over one request's limit (3,000 billed characters; 6,000 in all for SSML) is split at sentence "
                        + "boundaries (SSML: between elements or sentences, never inside a tag; each part is its own "
                        + "<speak> document), the parts synthesized, and the audio joined into one file: MP3 frames "
                        + "and PCM samples concatenate; OGG Vorbis parts become a chained Ogg stream. The file is "
                        + "written beside OUTFILE under a temporary name, then renamed."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:the audio was written", "252:bad command line, missing file or empty text",
                "254:the service answered with an error (unknown voice, engine not supported by the voice, …)"})
final class SynthesizeSpeechCommand implements Callable<Integer> {
    static final int MAX_BILLED = 3_000;
    static final int MAX_SSML_TOTAL = 6_000;

    private final Context ctx;
    @Mixin
    TextSource source = new TextSource();
    @Parameters(arity = "1..2", paramLabel = "[-] OUTFILE", description = "Optional - (text from stdin), then the audio file.")
    List<String> positional;
    @Option(names = "--voice-id", paramLabel = "VOICE", required = true, description = "e.g. Joanna, Matthew, Lupe (see describe-voices).")
    String voiceId;
    @Option(names = "--output-format", paramLabel = "FORMAT", defaultValue = "mp3", description = "mp3 (default), ogg_vorbis, pcm, or json (speech marks).")
    String outputFormat;
    @Option(names = "--engine", paramLabel = "ENGINE", description = "standard, neural, long-form or generative.")
    String engine;
    @Option(names = "--text-type", paramLabel = "TYPE", description = "text (the default) or ssml.")
    String textType;
    @Option(names = "--sample-rate", paramLabel = "HZ", description = "Hz: mp3/ogg 8000, 16000, 22050, 24000; pcm 8000, 16000.")
    String sampleRate;
    @Option(names = "--language-code", paramLabel = "CODE", description = "For bilingual voices, e.g. en-IN.")
    String languageCode;
    @Option(names = "--lexicon-names", paramLabel = "NAME", split = ",", arity = "1..*")
    List<String> lexiconNames;
    @Option(names = "--speech-mark-types", paramLabel = "TYPE", split = ",", arity = "1..*", description = "With --output-format json: sentence, ssml, viseme, word.")
    List<String> speechMarkTypes;
    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "4", description = "Parts synthesized at once (default ${DEFAULT-VALUE}).")
    int concurrency;

    @Mixin
    MemberOptions.Slot members = new MemberOptions.Slot();

    SynthesizeSpeechCommand(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        boolean dash = positional.size() == 2;
        if (dash && !positional.get(0).equals("-")) {
            throw AwsjException.usage("Unexpected argument \"" + positional.get(0) + "\": give the text with --text, "
                    + "--text-file or -, then OUTFILE.");
        }
        if (concurrency < 1) {
            throw AwsjException.usage("--concurrency must be at least 1.");
        }
        String outfile = positional.get(positional.size() - 1);
        String text = source.read(ctx, dash, null);
        boolean ssml = "ssml".equalsIgnoreCase(textType);
        List<String> parts = ssml ? new SsmlSplitter(MAX_BILLED, MAX_SSML_TOTAL).split(text)
                : new TextSplitter(MAX_BILLED, TextSplitter.CODE_POINTS).split(text).stream()
                        .map(TextSplitter.Chunk::text).toList();
        if (parts.size() > 1 && outputFormat.equalsIgnoreCase("json")) {
            throw AwsjException.usage("Speech marks (--output-format json) need text within one request ("
                    + MAX_BILLED + " characters); this text needs " + parts.size() + " requests.");
        }
        SynthesizeSpeechRequest.Builder b = SynthesizeSpeechRequest.builder();
        members.applyTo(b);
        SynthesizeSpeechRequest template = b.voiceId(voiceId).outputFormat(outputFormat)
                .engine(engine).textType(textType).sampleRate(sampleRate).languageCode(languageCode)
                .lexiconNames(lexiconNames).speechMarkTypesWithStrings(speechMarkTypes).build();
        PollyClient polly = ctx.clients().client(PollyClient.class);
        if (outfile.equals("-")) {
            OutputStream out = ctx.rawOut();
            synthesize(polly, template, parts, out);
            flush(out);
            return ExitCodes.OK;
        }
        Path target = Path.of(outfile).toAbsolutePath();
        if (Files.isDirectory(target)) {
            throw AwsjException.usage("OUTFILE " + outfile + " is a directory; name the audio file to write.");
        }
        if (!Files.isDirectory(target.getParent())) {
            throw AwsjException.usage("Cannot write " + outfile + ": no such directory " + target.getParent());
        }
        Path temp = null;
        try {
            temp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".part");
            ObjectNode result;
            try (OutputStream out = Files.newOutputStream(temp)) {
                result = synthesize(polly, template, parts, out);
            }
            move(temp, target);
            temp = null;
            ctx.output().write(result);
            return ExitCodes.OK;
        } catch (IOException e) {
            throw new AwsjException(ExitCodes.OTHER, "Cannot write " + outfile + ": " + e.getMessage(), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // Best effort: the temporary name starts with a dot and ends in .part.
                }
            }
        }
    }

    /** Synthesizes the parts (several at once), writing each part's audio in order as it is ready. */
    private ObjectNode synthesize(PollyClient polly, SynthesizeSpeechRequest template, List<String> parts, OutputStream out) {
        AudioJoiner joiner = new AudioJoiner(outputFormat.toLowerCase(java.util.Locale.ROOT));
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            indexes.add(i);
        }
        ObjectNode[] first = new ObjectNode[1];
        long[] characters = new long[1];
        OrderedBatch.run(indexes, concurrency, i -> {
            ResponseBytes<SynthesizeSpeechResponse> audio = polly.synthesizeSpeechAsBytes(
                    template.toBuilder().text(parts.get(i)).build());
            return new Part(i, audio);
        }, part -> {
            SynthesizeSpeechResponse r = part.audio.response();
            if (first[0] == null) {
                first[0] = SdkJson.toJson(r);
            }
            characters[0] += r.requestCharacters() == null ? 0 : r.requestCharacters();
            try {
                out.write(joiner.part(part.audio.asByteArrayUnsafe(), part.index, part.index == parts.size() - 1));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        ObjectNode result = first[0];
        if (parts.size() > 1 && result.has("RequestCharacters")) {
            result.put("RequestCharacters", characters[0]);
        }
        return result;
    }

    private record Part(int index, ResponseBytes<SynthesizeSpeechResponse> audio) {
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void flush(OutputStream out) {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
