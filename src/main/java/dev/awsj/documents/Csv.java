package dev.awsj.documents;

import java.util.ArrayList;
import java.util.List;

/** A small RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks. */
public final class Csv {
    /** One record and the 1-based line it starts on. */
    public record Row(int line, List<String> fields) {
    }

    private Csv() {
    }

    public static List<Row> parse(String content) {
        List<Row> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int rowLine = 1;
        boolean quoted = false;
        boolean rowHasData = false;
        int n = content.length();
        for (int i = 0; i < n; i++) {
            char c = content.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < n && content.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
                continue;
            }
            switch (c) {
                case '"' -> {
                    quoted = true;
                    rowHasData = true;
                }
                case ',' -> {
                    fields.add(field.toString());
                    field.setLength(0);
                    rowHasData = true;
                }
                case '\r' -> {
                }
                case '\n' -> {
                    if (rowHasData || field.length() > 0) {
                        fields.add(field.toString());
                        rows.add(new Row(rowLine, List.copyOf(fields)));
                    }
                    fields.clear();
                    field.setLength(0);
                    rowHasData = false;
                    line++;
                    rowLine = line;
                }
                default -> {
                    field.append(c);
                    rowHasData = true;
                }
            }
        }
        if (rowHasData || field.length() > 0) {
            fields.add(field.toString());
            rows.add(new Row(rowLine, List.copyOf(fields)));
        }
        return rows;
    }
}
