package dev.awsj.documents;

import dev.awsj.core.AwsjException;
import dev.awsj.cli.Context;
import java.util.ArrayList;
import java.util.List;

/**
 * The documents of an input file: one a line, or one a CSV record taken from a named column.
 * Blank documents are kept (they get a result line of their own, so output lines match input
 * lines); each keeps the line number it starts on.
 */
public final class Documents {
    /** One input document and the 1-based line of the file it starts on. */
    public record Document(int line, String text) {
        /** Nothing to send: its result is {@code {"Line":N}} alone. */
        public boolean blank() {
            return text.isBlank();
        }
    }

    private Documents() {
    }

    /** Reads {@code path} ({@code -} is stdin); with {@code column}, as a CSV file with a header row. */
    public static List<Document> read(Context ctx, String path, String column) {
        String content = "-".equals(path) ? TextSource.readStdin(ctx) : TextSource.readFile(path, "--input-file");
        if (content.startsWith("\uFEFF")) {
            content = content.substring(1);
        }
        return column == null ? lines(content) : csvColumn(content, column, path);
    }

    static List<Document> lines(String content) {
        List<Document> docs = new ArrayList<>();
        String[] lines = content.split("\r?\n", -1);
        // The empty string after a final newline is not a line.
        int n = lines.length > 0 && lines[lines.length - 1].isEmpty() ? lines.length - 1 : lines.length;
        for (int i = 0; i < n; i++) {
            docs.add(new Document(i + 1, lines[i]));
        }
        return docs;
    }

    static List<Document> csvColumn(String content, String column, String path) {
        List<Csv.Row> rows = Csv.parse(content);
        if (rows.isEmpty()) {
            return List.of();
        }
        List<String> header = rows.get(0).fields();
        int index = -1;
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).trim().equals(column)) {
                index = i;
                break;
            }
        }
        if (index < 0) {
            throw AwsjException.usage("--column: " + path + " has no column named \"" + column + "\"; its columns are: "
                    + String.join(", ", header));
        }
        List<Document> docs = new ArrayList<>();
        for (Csv.Row row : rows.subList(1, rows.size())) {
            docs.add(new Document(row.line(), index < row.fields().size() ? row.fields().get(index) : ""));
        }
        return docs;
    }
}
