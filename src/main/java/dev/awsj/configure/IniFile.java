package dev.awsj.configure;

import dev.awsj.core.AwsjException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One AWS config or credentials file as its lines, so that a change rewrites only the line it
 * touches: comments, blank lines, key order, other sections and line endings stay byte for byte.
 * The syntax is the one botocore and the Java SDK accept: {@code [section]} headers, {@code key =
 * value} lines, {@code #}/{@code ;} comments, and indented lines under {@code key =} as a nested block
 * ({@code s3 =\n    max_concurrent_requests = 20}).
 */
public final class IniFile {
    private final Path path;
    /** Each line with its own terminator ("\n", "\r\n" or none on the last line). */
    private final List<String> lines;
    private final String newline;
    private final boolean bom;

    private IniFile(Path path, List<String> lines, String newline, boolean bom) {
        this.path = path;
        this.lines = lines;
        this.newline = newline;
        this.bom = bom;
    }

    /** An empty file at {@code path} (not yet written). */
    public static IniFile empty(Path path) {
        return new IniFile(path, new ArrayList<>(), "\n", false);
    }

    /**
     * Parses the bytes of a file; a line outside any section or a broken header is refused with
     * exit 253 and {@code path:line: message}. Messages never quote the line: it may hold a secret.
     */
    public static IniFile parse(Path path, byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8);
        boolean bom = text.startsWith("\uFEFF");
        if (bom) {
            text = text.substring(1);
        }
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        String newline = !lines.isEmpty() && lines.get(0).endsWith("\r\n") ? "\r\n" : "\n";
        IniFile f = new IniFile(path, lines, newline, bom);
        f.validate();
        return f;
    }

    public Path path() {
        return path;
    }

    private void validate() {
        boolean inSection = false;
        boolean canContinue = false;
        for (int i = 0; i < lines.size(); i++) {
            String raw = strip(lines.get(i));
            String t = raw.trim();
            if (t.isEmpty() || isComment(t)) {
                continue;
            }
            if (t.startsWith("[")) {
                if (!t.endsWith("]") && !(t.contains("]") && isComment(t.substring(t.indexOf(']') + 1).trim()))) {
                    throw malformed(i, "broken section header: it must end with ']'");
                }
                if (sectionName(t).isEmpty()) {
                    throw malformed(i, "empty section name");
                }
                inSection = true;
                canContinue = false;
                continue;
            }
            if (!inSection) {
                throw malformed(i, "a line outside any section: add a [section] header above it");
            }
            boolean indented = Character.isWhitespace(raw.charAt(0));
            if (indented && canContinue) {
                continue;
            }
            int eq = t.indexOf('=');
            if (eq <= 0) {
                throw malformed(i, "expected 'key = value'");
            }
            canContinue = true;
        }
    }

    private AwsjException malformed(int index, String message) {
        return AwsjException.config(path + ":" + (index + 1) + ": " + message + " (nothing was written)");
    }

    static boolean isComment(String trimmed) {
        return trimmed.startsWith("#") || trimmed.startsWith(";");
    }

    private static String strip(String line) {
        if (line.endsWith("\r\n")) {
            return line.substring(0, line.length() - 2);
        }
        if (line.endsWith("\n")) {
            return line.substring(0, line.length() - 1);
        }
        return line;
    }

    /** The name inside {@code [ ... ]}, whitespace collapsed as the SDK does. */
    private static String sectionName(String trimmedHeader) {
        int close = trimmedHeader.indexOf(']');
        return trimmedHeader.substring(1, close < 0 ? trimmedHeader.length() : close).trim().replaceAll("\\s+", " ");
    }

    private boolean isHeader(int i) {
        return strip(lines.get(i)).trim().startsWith("[");
    }

    private boolean isBlankOrComment(int i) {
        String t = strip(lines.get(i)).trim();
        return t.isEmpty() || isComment(t);
    }

    private boolean isIndented(int i) {
        String s = strip(lines.get(i));
        return !s.isEmpty() && Character.isWhitespace(s.charAt(0));
    }

    /** The section names in file order (e.g. {@code default}, {@code profile dev}). */
    public List<String> sections() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (isHeader(i)) {
                String n = sectionName(strip(lines.get(i)).trim());
                if (!names.contains(n)) {
                    names.add(n);
                }
            }
        }
        return names;
    }

    public boolean hasSection(String section) {
        return headerIndex(section) >= 0;
    }

    private int headerIndex(String section) {
        for (int i = 0; i < lines.size(); i++) {
            if (isHeader(i) && sectionName(strip(lines.get(i)).trim()).equals(section)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The header of the section {@code key} is read from when a section name repeats (the SDK merges
     * the sections, a later value winning): the last one holding the key, else the last one.
     */
    private int headerIndex(String section, String key) {
        int last = -1;
        int holding = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (isHeader(i) && sectionName(strip(lines.get(i)).trim()).equals(section)) {
                last = i;
                if (keyIndex(i, key) >= 0) {
                    holding = i;
                }
            }
        }
        return holding >= 0 ? holding : last;
    }

    /** Index of the first line after the section that starts at {@code header}. */
    private int sectionEnd(int header) {
        int i = header + 1;
        while (i < lines.size() && !isHeader(i)) {
            i++;
        }
        return i;
    }

    private static String keyOf(String line) {
        String t = strip(line).trim();
        int eq = t.indexOf('=');
        return eq <= 0 ? null : t.substring(0, eq).trim();
    }

    private static String valueOf(String line) {
        String t = strip(line).trim();
        return t.substring(t.indexOf('=') + 1).trim();
    }

    /** Line index of a top-level key in a section (the last, which the SDK reads, if it repeats), or -1. */
    private int keyIndex(int header, String key) {
        int end = sectionEnd(header);
        int found = -1;
        for (int i = header + 1; i < end; i++) {
            if (!isBlankOrComment(i) && !isIndented(i) && key.equals(keyOf(lines.get(i)))) {
                found = i;
            }
        }
        return found;
    }

    /** The value of {@code key} in {@code section}; a nested block's value is its lines joined by "\n". */
    public Optional<String> get(String section, String key) {
        int h = headerIndex(section, key);
        if (h < 0) {
            return Optional.empty();
        }
        int k = keyIndex(h, key);
        if (k < 0) {
            return Optional.empty();
        }
        String v = valueOf(lines.get(k));
        if (!v.isEmpty()) {
            return Optional.of(v);
        }
        List<String> nested = new ArrayList<>();
        for (int i = k + 1; i < sectionEnd(h) && (isIndented(i) || isBlankOrComment(i)); i++) {
            if (!isBlankOrComment(i)) {
                nested.add(strip(lines.get(i)).trim());
            }
        }
        return nested.isEmpty() ? Optional.of("") : Optional.of(String.join("\n", nested));
    }

    /** A key of a nested block: {@code get(section, "s3", "max_concurrent_requests")}. */
    public Optional<String> get(String section, String parent, String key) {
        return get(section, parent).flatMap(block -> {
            for (String l : block.split("\n")) {
                if (key.equals(keyOf(l))) {
                    return Optional.of(valueOf(l));
                }
            }
            return Optional.empty();
        });
    }

    /** The top-level keys of a section with their values, in file order. */
    public Map<String, String> properties(String section) {
        Map<String, String> m = new LinkedHashMap<>();
        int h = headerIndex(section);
        if (h < 0) {
            return m;
        }
        for (int i = h + 1; i < sectionEnd(h); i++) {
            if (!isBlankOrComment(i) && !isIndented(i)) {
                String k = keyOf(lines.get(i));
                if (k != null && !m.containsKey(k)) {
                    m.put(k, get(section, k).orElse(""));
                }
            }
        }
        return m;
    }

    /**
     * Sets {@code key = value} in a section: replaces the key's line where it exists, else adds the
     * line after the section's last setting, else appends a new section at the end of the file.
     */
    public void set(String section, String key, String value) {
        String line = key + " = " + value + newline;
        int h = headerIndex(section, key);
        if (h < 0) {
            appendSection(section, List.of(line));
            return;
        }
        int k = keyIndex(h, key);
        if (k >= 0) {
            // A nested block under this key is replaced by the plain value.
            int end = k + 1;
            while (end < sectionEnd(h) && isIndented(end)) {
                end++;
            }
            lines.subList(k + 1, end).clear();
            lines.set(k, keepIndent(lines.get(k), line));
            return;
        }
        lines.add(insertionPoint(h), line);
    }

    /** Sets a key of a nested block, {@code s3 =\n    max_concurrent_requests = 20}, as aws writes it. */
    public void set(String section, String parent, String key, String value) {
        String nestedLine = "    " + key + " = " + value + newline;
        int h = headerIndex(section, parent);
        if (h < 0) {
            appendSection(section, List.of(parent + " =" + newline, nestedLine));
            return;
        }
        int k = keyIndex(h, parent);
        if (k < 0) {
            int at = insertionPoint(h);
            lines.add(at, parent + " =" + newline);
            lines.add(at + 1, nestedLine);
            return;
        }
        if (!valueOf(lines.get(k)).isEmpty()) {
            lines.set(k, parent + " =" + newline);
        }
        int end = sectionEnd(h);
        int last = k;
        for (int i = k + 1; i < end && (isIndented(i) || isBlankOrComment(i)); i++) {
            if (isIndented(i) && !isBlankOrComment(i)) {
                if (key.equals(keyOf(lines.get(i)))) {
                    lines.set(i, keepIndent(lines.get(i), key + " = " + value + newline));
                    return;
                }
                last = i;
            }
        }
        if (last > k) {
            // Indent like the block's other lines.
            String prev = lines.get(last);
            nestedLine = keepIndent(prev, key + " = " + value + newline);
            if (!prev.endsWith("\n")) {
                lines.set(last, prev + newline);
                nestedLine = nestedLine + newline;
            }
        }
        lines.add(last + 1, nestedLine);
    }

    /** Keeps the leading whitespace and the line terminator of the line being replaced. */
    private String keepIndent(String old, String replacement) {
        int n = 0;
        while (n < old.length() && (old.charAt(n) == ' ' || old.charAt(n) == '\t')) {
            n++;
        }
        String indent = old.substring(0, n);
        String body = strip(replacement);
        String end = old.endsWith("\r\n") ? "\r\n" : old.endsWith("\n") ? "\n" : "";
        return indent + body + end;
    }

    /** After the section's last setting (or its header), before trailing blank lines and comments. */
    private int insertionPoint(int header) {
        int end = sectionEnd(header);
        int last = header;
        for (int i = header + 1; i < end; i++) {
            if (!isBlankOrComment(i)) {
                last = i;
            }
        }
        ensureTerminated(last);
        return last + 1;
    }

    private void ensureTerminated(int i) {
        if (i >= 0 && i < lines.size() && !lines.get(i).endsWith("\n")) {
            lines.set(i, lines.get(i) + newline);
        }
    }

    private void appendSection(String section, List<String> body) {
        ensureTerminated(lines.size() - 1);
        lines.add("[" + section + "]" + newline);
        lines.addAll(body);
    }

    /** Removes a key from a section; false when it was not there. */
    public boolean remove(String section, String key) {
        int h = headerIndex(section, key);
        int k = h < 0 ? -1 : keyIndex(h, key);
        if (k < 0) {
            return false;
        }
        int end = k + 1;
        while (end < sectionEnd(h) && isIndented(end)) {
            end++;
        }
        lines.subList(k, end).clear();
        return true;
    }

    /** The file's bytes as they are now. */
    public byte[] toBytes() {
        return ((bom ? "\uFEFF" : "") + String.join("", lines)).getBytes(StandardCharsets.UTF_8);
    }
}
