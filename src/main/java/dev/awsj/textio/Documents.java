package dev.awsj.textio;

import dev.awsj.cli.AwsjException;
import dev.awsj.cli.Context;
import java.util.ArrayList;
import java.util.List;

/**
 * The documents of an input file: one a line, or one a CSV record taken from a named column.
 * Blank documents are skipped (they have no result); each keeps the line number it starts on.
 */
public final class Documents {
    /** One input document and the 1-based line of the file it starts on. */
    public record Document(int line, String text) {
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
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                docs.add(new Document(i + 1, lines[i]));
            }
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
            String value = index < row.fields().size() ? row.fields().get(index) : "";
            if (!value.isBlank()) {
                docs.add(new Document(row.line(), value));
            }
        }
        return docs;
    }
}
