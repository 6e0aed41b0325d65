package dev.awsj.documents;

import dev.awsj.api.ParameterValues;
import dev.awsj.core.AwsjException;
import dev.awsj.cli.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The text a command works on: {@code --text T}, {@code --text-file F}, or {@code -} (stdin, given
 * as {@code --text -}, {@code --text-file -} or a lone {@code -} argument). A picocli mixin.
 */
public class TextSource {
    @Option(names = "--text", paramLabel = "TEXT", description = "The text; - reads it from stdin, file://F from a file.")
    String text;

    @Option(names = "--text-file", paramLabel = "FILE", description = "Read the text from a UTF-8 file; - is stdin.")
    String textFile;

    /** Whether any source was named, counting a lone {@code -} argument. */
    public boolean given(boolean dashArgument) {
        return text != null || textFile != null || dashArgument;
    }

    /**
     * The text, never empty. {@code dashArgument} is true when the command line held a lone
     * {@code -}. Errors (252) name the option and what to do.
     */
    public String read(Context ctx, boolean dashArgument) {
        return read(ctx, dashArgument, "Text");
    }

    /**
     * As {@link #read(Context, boolean)}; {@code minLengthMember}: the model member the text goes
     * to when the model gives it a least length of 1 (an empty text is then refused with aws's
     * report), or null.
     */
    public String read(Context ctx, boolean dashArgument, String minLengthMember) {
        int sources = (text != null ? 1 : 0) + (textFile != null ? 1 : 0) + (dashArgument ? 1 : 0);
        if (sources == 0) {
            throw AwsjException.usage("No text given: use --text TEXT, --text-file FILE, or - to read stdin.");
        }
        if (sources > 1) {
            throw AwsjException.usage("Give only one of --text, --text-file and -.");
        }
        String value;
        if (dashArgument || "-".equals(text) || "-".equals(textFile)) {
            value = readStdin(ctx);
        } else if (textFile != null) {
            value = readFile(textFile, "--text-file");
        } else {
            value = ParameterValues.load(text, "--text"); // file://F, as aws reads any parameter
        }
        return requireText(value, "the text", minLengthMember);
    }

    /** {@code value} unless it is empty or blank (252). */
    public static String requireText(String value, String what) {
        return requireText(value, what, null);
    }

    /**
     * As {@link #requireText(String, String)}; an empty value for {@code minLengthMember} (a
     * member the model gives a least length of 1) is refused with the report aws gives for it.
     */
    public static String requireText(String value, String what, String minLengthMember) {
        if (value != null && value.isEmpty() && minLengthMember != null) {
            throw AwsjException.validation(java.util.List.of("Invalid length for parameter " + minLengthMember
                    + ", value: 0, valid min length: 1"));
        }
        if (value == null || value.isBlank()) {
            throw AwsjException.usage("Empty text: " + what + " has no characters to send.");
        }
        return value;
    }

    public static String readStdin(Context ctx) {
        if (ctx.stdinIsTerminal()) {
            ctx.err().println("Reading the text from stdin; end it with Ctrl-D.");
        }
        try {
            return new String(ctx.stdin().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read stdin", e);
        }
    }

    /** A UTF-8 file's text; a missing or unreadable file is one clear line (252). */
    public static String readFile(String path, String option) {
        return new String(readFileBytes(path, option), StandardCharsets.UTF_8);
    }

    public static byte[] readFileBytes(String path, String option) {
        Path p = Path.of(path);
        try {
            if (Files.isDirectory(p)) {
                throw AwsjException.usage(option + ": " + path + " is a directory, not a file.");
            }
            return Files.readAllBytes(p);
        } catch (NoSuchFileException e) {
            throw AwsjException.usage(option + ": no such file: " + path);
        } catch (IOException e) {
            throw AwsjException.usage(option + ": cannot read " + path + ": " + e.getMessage());
        }
    }
}
