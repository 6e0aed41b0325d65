package dev.awsj.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code --output table}: boxed sections in the spirit of the AWS CLI's table output. An object's
 * scalars form a two-column key/value table; a list of objects forms one table with a column per
 * key; nested containers follow as titled sections.
 */
public final class TableFormat {
    private static final String BOLD = "\u001b[1m";
    private static final String RESET = "\u001b[0m";

    private TableFormat() {
    }

    public static void write(JsonNode data, PrintStream out, boolean color) {
        StringBuilder sb = new StringBuilder();
        section(null, data, sb, color);
        out.print(sb);
    }

    private static void section(String title, JsonNode node, StringBuilder sb, boolean color) {
        List<String> headers = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        List<Map.Entry<String, JsonNode>> nested = new ArrayList<>();
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().isContainerNode()) {
                    nested.add(e);
                } else {
                    rows.add(List.of(e.getKey(), TextFormat.scalar(e.getValue())));
                }
            }
        } else if (node.isArray()) {
            Set<String> keys = new LinkedHashSet<>();
            boolean objects = false;
            for (JsonNode e : node) {
                if (e.isObject()) {
                    objects = true;
                    e.fields().forEachRemaining(f -> {
                        if (!f.getValue().isContainerNode()) {
                            keys.add(f.getKey());
                        }
                    });
                }
            }
            if (objects) {
                headers.addAll(keys);
                for (JsonNode e : node) {
                    List<String> row = new ArrayList<>();
                    for (String k : keys) {
                        JsonNode v = e.get(k);
                        row.add(v == null ? "" : TextFormat.scalar(v));
                    }
                    if (!keys.isEmpty()) {
                        rows.add(row);
                    }
                    e.fields().forEachRemaining(f -> {
                        if (f.getValue().isContainerNode()) {
                            nested.add(f);
                        }
                    });
                }
            } else {
                for (JsonNode e : node) {
                    if (e.isContainerNode()) {
                        nested.add(Map.entry(title == null ? "" : title, e));
                    } else {
                        rows.add(List.of(TextFormat.scalar(e)));
                    }
                }
            }
        } else {
            rows.add(List.of(TextFormat.scalar(node)));
        }
        if (!rows.isEmpty() || title != null) {
            table(title, headers, rows, sb, color);
        }
        for (Map.Entry<String, JsonNode> e : nested) {
            section(e.getKey(), e.getValue(), sb, color);
        }
    }

    private static void table(String title, List<String> headers, List<List<String>> rows, StringBuilder sb, boolean color) {
        int cols = headers.isEmpty() ? rows.stream().mapToInt(List::size).max().orElse(1) : headers.size();
        int[] w = new int[cols];
        for (int i = 0; i < headers.size(); i++) {
            w[i] = headers.get(i).length();
        }
        for (List<String> r : rows) {
            for (int i = 0; i < r.size(); i++) {
                w[i] = Math.max(w[i], r.get(i).length());
            }
        }
        int inner = 0;
        for (int x : w) {
            inner += x + 3;
        }
        inner -= 1;
        if (title != null && title.length() + 2 > inner) {
            w[cols - 1] += title.length() + 2 - inner;
            inner = title.length() + 2;
        }
        String rule = "+" + "-".repeat(inner) + "+\n";
        sb.append(rule);
        if (title != null) {
            int left = (inner - title.length()) / 2;
            sb.append('|').append(" ".repeat(left)).append(color ? BOLD + title + RESET : title)
                    .append(" ".repeat(inner - left - title.length())).append("|\n").append(rule);
        }
        if (!headers.isEmpty()) {
            row(headers, w, sb);
            sb.append(rule);
        }
        for (List<String> r : rows) {
            row(r, w, sb);
        }
        if (!rows.isEmpty()) {
            sb.append(rule);
        }
    }

    private static void row(List<String> cells, int[] w, StringBuilder sb) {
        sb.append('|');
        for (int i = 0; i < w.length; i++) {
            String c = i < cells.size() ? cells.get(i) : "";
            sb.append(' ').append(c).append(" ".repeat(w[i] - c.length())).append(" |");
        }
        sb.append('\n');
    }
}
