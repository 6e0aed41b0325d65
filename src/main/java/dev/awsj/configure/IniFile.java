package dev.awsj.configure;

import dev.awsj.aws.AwsSettings.ConfigSyntax;
import dev.awsj.aws.AwsSettings.ConfigSyntax.Kind;
import dev.awsj.core.AwsjException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One AWS config or credentials file as its lines, so that a change rewrites only the line it
 * touches: comments, blank lines, key order, other sections and line endings stay byte for byte.
 * Which line is a header, a setting or part of a nested block is decided by the syntax aws reads
 * ({@link ConfigSyntax}, shared with the reader): {@code key = value} and {@code key: value}, keys
 * matched without regard to case, indented lines under {@code key =} as a nested block
 * ({@code s3 =\n    max_concurrent_requests = 20}). A file aws would refuse is refused, so nothing is
 * ever written into a file aws cannot read.
 */
public final class IniFile {
    private final Path path;
    /** Each line with its own terminator ("\n", "\r\n" or none on the last line). */
    private final List<String> lines;
    private final String newline;
    private final boolean bom;
    /** What each line is, recomputed after every change. */
    private List<ConfigSyntax.Line> kinds = List.of();

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
     * Parses the bytes of a file; a file aws would refuse (a line outside any section, a broken
     * header, a line that is not a setting, a section or key that appears twice) is refused with
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
        try {
            f.rescan();
        } catch (AwsjException e) {
            throw new AwsjException(e.exitCode(), e.getMessage() + " (nothing was written)");
        }
        return f;
    }

    public Path path() {
        return path;
    }

    private void rescan() {
        kinds = ConfigSyntax.scan(path, lines.stream().map(IniFile::strip).toList());
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

    private Kind kind(int i) {
        return kinds.get(i).kind();
    }

    private boolean isHeader(int i) {
        return kind(i) == Kind.HEADER;
    }

    private boolean isBlankOrComment(int i) {
        return kind(i) == Kind.BLANK || kind(i) == Kind.COMMENT;
    }

    /** A line that continues the setting above it (a nested block's line). */
    private boolean isContinuation(int i) {
        return kind(i) == Kind.CONTINUATION;
    }

    /** The section a header opens, whitespace collapsed as the SDK reads it. */
    private String sectionName(int header) {
        return kinds.get(header).name().trim().replaceAll("\\s+", " ");
    }

    /** Whether line {@code i} sets {@code key} (keys compare in lower case, as aws reads them). */
    private boolean sets(int i, String key) {
        return kind(i) == Kind.SETTING && kinds.get(i).name().equals(key.toLowerCase(Locale.ROOT));
    }

    /** The value of a setting line, as written after its '=' or ':'. */
    private String valueAt(int i) {
        ConfigSyntax.Line l = kinds.get(i);
        return l.view().substring(l.name().length() + " = ".length());
    }

    /** The key of a nested block's line ({@code key = value}, '=' only, as aws reads nested lines). */
    private static String nestedKey(String line) {
        String t = line.trim();
        int eq = t.indexOf('=');
        return eq <= 0 ? null : t.substring(0, eq).trim();
    }

    private static String nestedValue(String line) {
        String t = line.trim();
        return t.substring(t.indexOf('=') + 1).trim();
    }

    /** The section names in file order (e.g. {@code default}, {@code profile dev}). */
    public List<String> sections() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (isHeader(i) && !names.contains(sectionName(i))) {
                names.add(sectionName(i));
            }
        }
        return names;
    }

    public boolean hasSection(String section) {
        return headerIndex(section) >= 0;
    }

    private int headerIndex(String section) {
        for (int i = 0; i < lines.size(); i++) {
            if (isHeader(i) && sectionName(i).equals(section)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The header of the section {@code key} is read from when a section name repeats in a way aws
     * accepts ({@code [profile  dev]} and {@code [profile dev]}, which the SDK merges, a later value
     * winning): the last one holding the key, else the last one.
     */
    private int headerIndex(String section, String key) {
        int last = -1;
        int holding = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (isHeader(i) && sectionName(i).equals(section)) {
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

    /** Line index of a setting in a section, or -1. */
    private int keyIndex(int header, String key) {
        int end = sectionEnd(header);
        for (int i = header + 1; i < end; i++) {
            if (sets(i, key)) {
                return i;
            }
        }
        return -1;
    }

    /** The first line after a setting and the lines that continue it. */
    private int blockEnd(int setting) {
        int end = setting + 1;
        int last = setting;
        while (end < lines.size() && (isContinuation(end) || isBlankOrComment(end))) {
            if (isContinuation(end)) {
                last = end;
            }
            end++;
        }
        return last + 1;
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
        String v = valueAt(k);
        if (!v.isEmpty()) {
            return Optional.of(v);
        }
        List<String> nested = new ArrayList<>();
        for (int i = k + 1; i < blockEnd(k); i++) {
            if (isContinuation(i)) {
                nested.add(strip(lines.get(i)).trim());
            }
        }
        return nested.isEmpty() ? Optional.of("") : Optional.of(String.join("\n", nested));
    }

    /** A key of a nested block: {@code get(section, "s3", "max_concurrent_requests")}. */
    public Optional<String> get(String section, String parent, String key) {
        return get(section, parent).flatMap(block -> {
            for (String l : block.split("\n")) {
                if (key.equals(nestedKey(l))) {
                    return Optional.of(nestedValue(l));
                }
            }
            return Optional.empty();
        });
    }

    /** The settings of a section with their values, in file order, keys in lower case. */
    public Map<String, String> properties(String section) {
        Map<String, String> m = new LinkedHashMap<>();
        int h = headerIndex(section);
        if (h < 0) {
            return m;
        }
        for (int i = h + 1; i < sectionEnd(h); i++) {
            if (kind(i) == Kind.SETTING && !m.containsKey(kinds.get(i).name())) {
                m.put(kinds.get(i).name(), get(section, kinds.get(i).name()).orElse(""));
            }
        }
        return m;
    }

    /**
     * Sets {@code key = value} in a section: replaces the key's line where it exists (written with
     * '=' or ':', in any case), else adds the line after the section's last setting, else appends a
     * new section at the end of the file.
     */
    public void set(String section, String key, String value) {
        String line = key + " = " + value + newline;
        int h = headerIndex(section, key);
        if (h < 0) {
            appendSection(section, List.of(line));
        } else {
            int k = keyIndex(h, key);
            if (k >= 0) {
                // A nested block or continued value under this key is replaced by the plain value.
                lines.subList(k + 1, blockEnd(k)).clear();
                lines.set(k, keepIndent(lines.get(k), line));
            } else {
                lines.add(insertionPoint(h), line);
            }
        }
        rescan();
    }

    /** Sets a key of a nested block, {@code s3 =\n    max_concurrent_requests = 20}, as aws writes it. */
    public void set(String section, String parent, String key, String value) {
        setNested(section, parent, key, value);
        rescan();
    }

    private void setNested(String section, String parent, String key, String value) {
        int h = headerIndex(section, parent);
        if (h < 0) {
            appendSection(section, List.of(parent + " =" + newline, "    " + key + " = " + value + newline));
            return;
        }
        int k = keyIndex(h, parent);
        if (k < 0) {
            int at = insertionPoint(h);
            lines.add(at, parent + " =" + newline);
            lines.add(at + 1, "    " + key + " = " + value + newline);
            return;
        }
        String indent = indentOf(lines.get(k)) + "    ";
        int end = blockEnd(k);
        if (!valueAt(k).isEmpty()) {
            // A plain value becomes the block.
            lines.subList(k + 1, end).clear();
            lines.set(k, keepIndent(lines.get(k), parent + " =" + newline));
            end = k + 1;
        }
        int last = k;
        for (int i = k + 1; i < end; i++) {
            if (isContinuation(i)) {
                if (key.equals(nestedKey(lines.get(i)))) {
                    lines.set(i, keepIndent(lines.get(i), key + " = " + value + newline));
                    return;
                }
                last = i;
            }
        }
        String nestedLine = indent + key + " = " + value + newline;
        if (last > k) {
            // Indent like the block's other lines.
            String prev = lines.get(last);
            nestedLine = keepIndent(prev, key + " = " + value + newline);
            if (!prev.endsWith("\n")) {
                lines.set(last, prev + newline);
                nestedLine = nestedLine + newline;
            }
        } else {
            ensureTerminated(k);
        }
        lines.add(last + 1, nestedLine);
    }

    private static String indentOf(String line) {
        int n = 0;
        while (n < line.length() && (line.charAt(n) == ' ' || line.charAt(n) == '\t')) {
            n++;
        }
        return line.substring(0, n);
    }

    /** Keeps the leading whitespace and the line terminator of the line being replaced. */
    private String keepIndent(String old, String replacement) {
        String body = strip(replacement);
        String end = old.endsWith("\r\n") ? "\r\n" : old.endsWith("\n") ? "\n" : "";
        return indentOf(old) + body + end;
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

    /** Removes a key (and its nested block) from a section; false when it was not there. */
    public boolean remove(String section, String key) {
        int h = headerIndex(section, key);
        int k = h < 0 ? -1 : keyIndex(h, key);
        if (k < 0) {
            return false;
        }
        lines.subList(k, blockEnd(k)).clear();
        rescan();
        return true;
    }

    /** The file's bytes as they are now. */
    public byte[] toBytes() {
        return ((bom ? "\uFEFF" : "") + String.join("", lines)).getBytes(StandardCharsets.UTF_8);
    }
}
