package dev.awsj.documents;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits text that is too long for one request into chunks within a limit, at the coarsest
 * boundary that fits: paragraphs, then sentences, then words, and only as a last resort inside a
 * word (never inside a surrogate pair). Each chunk remembers the separator that followed it, so
 * processed chunks join back with the original spacing.
 */
public final class TextSplitter {
    /** A piece of the text and the whitespace that followed it in the original. */
    public record Chunk(String text, String after) {
    }

    private static final Pattern[] BOUNDARIES = {
            Pattern.compile("\\R[ \\t]*\\R\\s*"),              // paragraph: a blank line
            Pattern.compile("(?<=[.!?…。！？])[\"'”’)\\]]*\\s+"), // sentence end, then space
            Pattern.compile("\\s+"),                            // word
    };

    public static final ToIntFunction<String> UTF8_BYTES = TextSplitter::utf8Length;
    public static final ToIntFunction<String> CODE_POINTS = s -> s.codePointCount(0, s.length());

    private final int limit;
    private final ToIntFunction<String> measure;

    public TextSplitter(int limit, ToIntFunction<String> measure) {
        if (limit < 2) {
            throw new IllegalArgumentException("limit " + limit);
        }
        this.limit = limit;
        this.measure = measure;
    }

    public List<Chunk> split(String text) {
        List<Chunk> out = new ArrayList<>();
        if (measure.applyAsInt(text) <= limit) {
            out.add(new Chunk(text, ""));
            return out;
        }
        // Trailing whitespace is not sent (services trim it) but kept for the join.
        String body = text.stripTrailing();
        split(body, 0, text.substring(body.length()), out);
        return out;
    }

    /** Joins chunks (or their processed replacements, same order) with the original separators. */
    public static String join(List<Chunk> chunks, List<String> texts) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < texts.size(); i++) {
            sb.append(texts.get(i)).append(chunks.get(i).after());
        }
        return sb.toString();
    }

    private void split(String text, int level, String after, List<Chunk> out) {
        if (measure.applyAsInt(text) <= limit) {
            out.add(new Chunk(text, after));
            return;
        }
        if (level == BOUNDARIES.length) {
            hardSplit(text, after, out);
            return;
        }
        List<String> segments = new ArrayList<>();
        List<String> separators = new ArrayList<>();
        Matcher m = BOUNDARIES[level].matcher(text);
        int start = 0;
        while (m.find()) {
            if (m.start() == 0 || m.end() == text.length()) {
                continue; // leading or trailing whitespace stays with its segment
            }
            segments.add(text.substring(start, m.start()));
            separators.add(m.group());
            start = m.end();
        }
        segments.add(text.substring(start));
        separators.add(after);
        if (segments.size() == 1) {
            split(text, level + 1, after, out);
            return;
        }
        StringBuilder current = new StringBuilder();
        String currentAfter = "";
        for (int i = 0; i < segments.size(); i++) {
            String seg = segments.get(i);
            if (current.length() > 0) {
                String candidate = current + currentAfter + seg;
                if (measure.applyAsInt(candidate) <= limit) {
                    current.setLength(0);
                    current.append(candidate);
                    currentAfter = separators.get(i);
                    continue;
                }
                out.add(new Chunk(current.toString(), currentAfter));
                current.setLength(0);
            }
            if (measure.applyAsInt(seg) <= limit) {
                current.append(seg);
                currentAfter = separators.get(i);
            } else {
                split(seg, level + 1, separators.get(i), out);
            }
        }
        if (current.length() > 0) {
            out.add(new Chunk(current.toString(), currentAfter));
        }
    }

    /** Cuts between code points; both measures awsj uses are additive, so each is counted once. */
    private void hardSplit(String text, String after, List<Chunk> out) {
        int start = 0;
        int size = 0;
        int i = 0;
        while (i < text.length()) {
            int len = Character.charCount(text.codePointAt(i));
            int w = measure.applyAsInt(text.substring(i, i + len));
            if (size + w > limit && i > start) {
                out.add(new Chunk(text.substring(start, i), ""));
                start = i;
                size = 0;
            }
            size += w;
            i += len;
        }
        out.add(new Chunk(text.substring(start), after));
    }

    public static int utf8Length(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }
}
