package dev.awsj.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code --output table}, laid out as the AWS CLI lays it out (its formatter's TableFormatter over
 * its MultiTable): the result becomes a list of sections titled with the operation's name and
 * member names; an object's scalars are one row under a header of their sorted keys (one key: a key/value
 * row), a list of objects is one row per object under the sorted union of their scalar keys, and
 * what is nested follows as sub-sections, indented one level with {@code |} on both sides. Empty
 * lists and objects are left out. Every section spans the width of the widest; when that is wider
 * than the terminal, single-row sections turn into key/value rows. Column widths scale to the
 * section's width as the AWS CLI's do (rounding half to even).
 */
public final class TableFormat {
    private static final String ROW_COLOR = "\u001b[1m\u001b[34m";
    private static final String INDENT_COLOR = "\u001b[2m\u001b[33m";
    private static final String RESET = "\u001b[0m";

    private final List<Section> sections = new ArrayList<>();
    private Section current;

    private TableFormat() {
    }

    /**
     * @param title the operation's name (the AWS CLI's top title), or null for none
     * @param terminalWidth the width above which single-row sections turn vertical
     */
    public static void write(JsonNode data, String title, PrintStream out, boolean color, int terminalWidth) {
        TableFormat t = new TableFormat();
        if (!t.build(title == null ? "" : title, data, 0)) {
            return;
        }
        out.print(t.render(color, terminalWidth));
    }

    private static final class Section {
        String title = "";
        List<String> headers = new ArrayList<>();
        final List<List<String>> rows = new ArrayList<>();
        int indent;
        final List<Integer> maxWidths = new ArrayList<>();

        void header(List<String> h) {
            update(h);
            headers = h;
        }

        void row(List<String> r) {
            rows.add(r);
            update(r);
        }

        private void update(List<String> r) {
            if (maxWidths.isEmpty()) {
                r.forEach(c -> maxWidths.add(length(c)));
            } else {
                for (int i = 0; i < r.size() && i < maxWidths.size(); i++) {
                    maxWidths.set(i, Math.max(maxWidths.get(i), length(r.get(i))));
                }
            }
        }

        int totalWidth() {
            int total = 0;
            for (int w : maxWidths) {
                total += w + 4;
            }
            total += 2 + 2 * indent;
            return Math.max(length(title) + 2 + 2 * indent, total);
        }

        /** The widths of the columns (4 of padding each) scaled to sum to {@code maxWidth}. */
        int[] widths(int maxWidth) {
            int n = maxWidths.size();
            int[] scaled = new int[n];
            if (n == 0) {
                return scaled;
            }
            int sum = 0;
            for (int w : maxWidths) {
                sum += w + 4;
            }
            double factor = maxWidth / (double) sum;
            for (int i = 0; i < n; i++) {
                scaled[i] = (int) Math.rint(factor * (maxWidths.get(i) + 4));
            }
            int offBy = -maxWidth;
            for (int s : scaled) {
                offBy += s;
            }
            while (offBy != 0) {
                boolean shrink = offBy > 0;
                for (int k = 0; k < n && offBy != 0; k++) {
                    int i = shrink ? k : n - 1 - k;
                    if (offBy > 0) {
                        scaled[i]--;
                        offBy--;
                    } else {
                        scaled[i]++;
                        offBy++;
                    }
                }
            }
            return scaled;
        }
    }

    // ---- building, as the AWS CLI's TableFormatter -------------------------------------------

    private void newSection(String title, int indent) {
        current = new Section();
        current.title = title;
        current.indent = indent;
        sections.add(current);
    }

    private Section current() {
        if (current == null) {
            newSection("", 0);
        }
        return current;
    }

    private static boolean empty(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return true;
        }
        if (n.isContainerNode()) {
            return n.isEmpty();
        }
        if (n.isTextual()) {
            return n.asText().isEmpty();
        }
        if (n.isBoolean()) {
            return !n.asBoolean();
        }
        return n.isNumber() && n.asDouble() == 0;
    }

    private boolean build(String title, JsonNode node, int indent) {
        if (empty(node)) {
            return false;
        }
        if (title != null) {
            newSection(title, indent);
        }
        if (node.isArray()) {
            if (node.get(0).isObject()) {
                fromList(node, indent, title);
            } else {
                for (JsonNode item : node) {
                    if (!item.isContainerNode()) {
                        current().row(List.of(TextFormat.scalar(item)));
                    } else if (item.isObject()) {
                        // iterating a dict in Python gives its keys: the AWS CLI adds them as a row
                        List<String> row = new ArrayList<>();
                        item.fieldNames().forEachRemaining(row::add);
                        current().row(row);
                    } else if (allScalars(item)) {
                        List<String> row = new ArrayList<>();
                        item.forEach(v -> row.add(TextFormat.scalar(v)));
                        current().row(row);
                    } else {
                        build(null, item, 0);
                    }
                }
            }
        }
        if (node.isObject()) {
            fromObject(node, indent);
        }
        return true;
    }

    private static boolean allScalars(JsonNode container) {
        for (JsonNode v : container) {
            if (v.isContainerNode()) {
                return false;
            }
        }
        return true;
    }

    private void fromObject(JsonNode node, int indent) {
        List<String> headers = new ArrayList<>();
        List<String> more = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            (e.getValue().isContainerNode() ? more : headers).add(e.getKey());
        }
        headers.sort(null);
        more.sort(null);
        if (headers.size() == 1) {
            current().row(List.of(headers.get(0), TextFormat.scalar(node.get(headers.get(0)))));
        } else if (!headers.isEmpty()) {
            current().header(headers);
            List<String> row = new ArrayList<>();
            headers.forEach(h -> row.add(TextFormat.scalar(node.get(h))));
            current().row(row);
        }
        for (String m : more) {
            build(m, node.get(m), indent + 1);
        }
    }

    private void fromList(JsonNode list, int indent, String title) {
        TreeSet<String> headerSet = new TreeSet<>();
        TreeSet<String> moreSet = new TreeSet<>();
        for (JsonNode item : list) {
            item.fields().forEachRemaining(f -> (f.getValue().isContainerNode() ? moreSet : headerSet).add(f.getKey()));
        }
        List<String> headers = List.copyOf(headerSet);
        current().header(headers);
        boolean first = true;
        for (JsonNode item : list) {
            if (!first && !moreSet.isEmpty()) {
                newSection(title, indent);
                current.header(headers);
            }
            first = false;
            List<String> row = new ArrayList<>();
            for (String h : headers) {
                row.add(item.has(h) ? TextFormat.scalar(item.get(h)) : "");
            }
            current().row(row);
            for (String m : moreSet) {
                if (item.has(m)) {
                    build(m, item.get(m), indent + 1);
                }
            }
        }
    }

    // ---- rendering, as the AWS CLI's MultiTable ----------------------------------------------

    private String render(boolean color, int terminalWidth) {
        int max = maxWidth();
        if (max > terminalWidth) {
            for (int i = 0; i < sections.size(); i++) {
                Section s = sections.get(i);
                if (s.rows.size() == 1 && !s.headers.isEmpty()) {
                    Section v = new Section();
                    v.title = s.title;
                    v.indent = s.indent;
                    for (int c = 0; c < s.headers.size() && c < s.rows.get(0).size(); c++) {
                        v.row(List.of(s.headers.get(c), s.rows.get(0).get(c)));
                    }
                    sections.set(i, v);
                }
            }
            max = maxWidth();
        }
        StringBuilder sb = new StringBuilder();
        sb.append("-".repeat(max)).append('\n');
        for (Section s : sections) {
            renderSection(s, max, sb, color);
        }
        return sb.toString();
    }

    private int maxWidth() {
        int max = 0;
        for (Section s : sections) {
            max = Math.max(max, s.totalWidth());
        }
        return max;
    }

    private static void renderSection(Section s, int fullWidth, StringBuilder sb, boolean color) {
        String edge = (color ? INDENT_COLOR + "|" + RESET : "|").repeat(s.indent);
        int width = fullWidth - 2 * s.indent;
        List<String> lines = new ArrayList<>();
        if (!s.title.isEmpty()) {
            lines.add(center(s.title, length(s.title), width, "|", "|"));
            if (s.headers.isEmpty() && s.rows.isEmpty()) {
                lines.add("+" + "-".repeat(Math.max(0, width - 2)) + "+");
            }
        }
        int[] widths = s.widths(width);
        if (!s.headers.isEmpty()) {
            lines.add(lineBreak(widths));
            StringBuilder h = new StringBuilder();
            for (int i = 0; i < widths.length && i < s.headers.size(); i++) {
                String text = s.headers.get(i);
                h.append(center(text, length(text), widths[i], i == 0 ? "|" : "", "|"));
            }
            lines.add(h.toString());
        }
        if (!s.rows.isEmpty() && widths.length > 0) {
            lines.add(lineBreak(widths));
            for (List<String> row : s.rows) {
                StringBuilder r = new StringBuilder();
                for (int i = 0; i < widths.length && i < row.size(); i++) {
                    String text = row.get(i);
                    r.append(alignLeft(color ? ROW_COLOR + text + RESET : text, length(text), widths[i],
                            i == 0 ? "|" : ""));
                }
                lines.add(r.toString());
            }
            lines.add(lineBreak(widths));
        }
        for (String l : lines) {
            sb.append(edge).append(l).append(edge).append('\n');
        }
    }

    private static String lineBreak(int[] widths) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
            sb.append(i == 0 ? "+" + "-".repeat(Math.max(0, widths[i] - 2)) + "+" : "-".repeat(Math.max(0, widths[i] - 1)) + "+");
        }
        return sb.toString();
    }

    private static String center(String text, int textLength, int length, String left, String right) {
        int start = Math.floorDiv(length, 2) - Math.floorDiv(textLength, 2) - 1;
        int soFar = left.length() + Math.max(0, start) + textLength;
        return left + " ".repeat(Math.max(0, start)) + text + " ".repeat(Math.max(0, length - right.length() - soFar)) + right;
    }

    private static String alignLeft(String text, int textLength, int length, String left) {
        int padding = length - (textLength + 2 + left.length() + 1) >= 0 ? 2 : 0;
        int rest = length - left.length() - padding - textLength - 1;
        return left + " ".repeat(padding) + text + " ".repeat(Math.max(0, rest)) + "|";
    }

    /** Columns a string takes: East Asian wide and full-width characters count two, as in the AWS CLI. */
    static int length(String s) {
        int n = 0;
        for (int i = 0; i < s.length();) {
            int cp = s.codePointAt(i);
            n += wide(cp) ? 2 : 1;
            i += Character.charCount(cp);
        }
        return n;
    }

    private static boolean wide(int cp) {
        return cp >= 0x1100 && cp <= 0x115F || cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F
                || cp >= 0xAC00 && cp <= 0xD7A3 || cp >= 0xF900 && cp <= 0xFAFF || cp >= 0xFE30 && cp <= 0xFE4F
                || cp >= 0xFF00 && cp <= 0xFF60 || cp >= 0xFFE0 && cp <= 0xFFE6 || cp >= 0x1F300 && cp <= 0x1F64F
                || cp >= 0x20000 && cp <= 0x3FFFD;
    }
}
