package dev.awsj.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.awsj.core.AwsjException;
import dev.awsj.json.SdkJson;
import io.burt.jmespath.Expression;
import io.burt.jmespath.JmesPath;
import io.burt.jmespath.jackson.JacksonRuntime;
import io.burt.jmespath.parser.ParseException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Map;

/**
 * The one place that renders results: apply {@code --query} (JMESPath, as the AWS CLI), then print
 * as json, text, table, yaml or nothing. Only results reach stdout.
 */
public final class OutputWriter {
    /** The values of {@code --output}, AWS_DEFAULT_OUTPUT and the profile's {@code output}. */
    public static final java.util.List<String> FORMATS = java.util.List.of("json", "text", "table", "yaml", "yaml-stream", "off");

    private final PrintStream out;
    private final String format;
    private final Expression<JsonNode> query;
    private final boolean color;

    private final int terminalWidth;

    public OutputWriter(PrintStream out, String format, String query, boolean color) {
        this(out, format, query, color, 80);
    }

    /** @param terminalWidth the width of {@code --output table} (the AWS CLI's: the terminal's, else 80) */
    public OutputWriter(PrintStream out, String format, String query, boolean color, int terminalWidth) {
        this.out = out;
        this.format = format;
        this.query = query == null ? null : compile(query);
        this.color = color;
        this.terminalWidth = terminalWidth;
    }

    /** Compiles a JMESPath expression; a syntax error is exit 252. */
    public static Expression<JsonNode> compile(String query) {
        try {
            JmesPath<JsonNode> jmespath = new AwsCliJmesPath();
            return jmespath.compile(query);
        } catch (ParseException e) {
            throw AwsjException.usage("Bad value for --query " + query + ": " + e.getMessage().split("\n")[0]);
        }
    }

    public String format() {
        return format;
    }

    /** Applies the query and prints the result in the selected format. */
    public void write(JsonNode result) {
        write(result, null);
    }

    /**
     * Applies the query and prints the result in the selected format; {@code title} (the
     * operation's name) heads a table, as in the AWS CLI.
     */
    public void write(JsonNode result, String title) {
        JsonNode data = query == null ? result : query.search(result);
        if (data == null) {
            data = NullNode.instance;
        }
        switch (format) {
            case "off" -> {
            }
            case "text" -> TextFormat.write(data, out);
            case "table" -> TableFormat.write(data, title, out, color, terminalWidth);
            // The YAML library is loaded here only: no other output refers to YamlFormat.
            case "yaml" -> YamlFormat.write(data, out, false);
            case "yaml-stream" -> YamlFormat.write(data, out, true);
            default -> {
                // The AWS CLI prints nothing for an empty response with no query.
                if (query == null && data.isObject() && data.isEmpty()) {
                    break;
                }
                writeJson(data, out);
                out.println();
            }
        }
        out.flush();
    }

    /** One line of compact JSON: for line-per-result output (batches, `run`). */
    public void writeLine(JsonNode result) {
        JsonNode data = query == null ? result : query.search(result);
        if (data == null) {
            out.println("null");
        } else {
            // One compact line, numbers as in the pretty output (Python's floats: 1e-05, not 1.0E-5).
            try (JsonGenerator g = Json.FACTORY.createGenerator(printing(out))) {
                Json.node(g, data);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            out.println();
        }
        out.flush();
    }

    /**
     * Pretty JSON with the AWS CLI's layout: four spaces, ": ", no space in empty containers, and
     * floating-point numbers as Python writes them.
     */
    public static String json(JsonNode node) {
        java.io.StringWriter sw = new java.io.StringWriter();
        try (JsonGenerator g = Json.FACTORY.createGenerator(sw)) {
            Json.write(g, node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sw.toString();
    }

    /** The same JSON written to {@code out} as it is made (no newline after it). */
    public static void writeJson(JsonNode node, PrintStream out) {
        try (JsonGenerator g = Json.FACTORY.createGenerator(printing(out))) {
            Json.write(g, node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A writer that prints to {@code out}, so the stream's own character encoding applies. */
    private static Writer printing(PrintStream out) {
        return new Writer() {
            @Override
            public void write(char[] cbuf, int off, int len) {
                out.append(java.nio.CharBuffer.wrap(cbuf, off, len));
            }

            @Override
            public void write(String str, int off, int len) {
                out.append(str, off, off + len);
            }

            @Override
            public void flush() {
                out.flush();
            }

            @Override
            public void close() {
                flush();
            }
        };
    }

    /**
     * The JSON writer: jackson-core's generator walked over the tree by hand, so that printing a
     * result needs no ObjectMapper (a third of Jackson's classes, loaded on every call otherwise).
     */
    private static final class Json {
        static final JsonFactory FACTORY = new JsonFactory();
        private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("    ", "\n"))
                .withArrayIndenter(new DefaultIndenter("    ", "\n"))
                .withSeparators(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                        .withObjectEmptySeparator("")
                        .withArrayEmptySeparator(""));

        static void write(JsonGenerator g, JsonNode node) throws IOException {
            g.setPrettyPrinter(PRETTY.createInstance());
            node(g, node);
        }

        /** A value; floating-point numbers as Python writes them. */
        static void node(JsonGenerator g, JsonNode n) throws IOException {
            switch (n.getNodeType()) {
                case OBJECT -> {
                    g.writeStartObject();
                    for (Map.Entry<String, JsonNode> e : n.properties()) {
                        g.writeFieldName(e.getKey());
                        node(g, e.getValue());
                    }
                    g.writeEndObject();
                }
                case ARRAY -> {
                    g.writeStartArray();
                    for (JsonNode e : n) {
                        node(g, e);
                    }
                    g.writeEndArray();
                }
                case STRING -> g.writeString(n.textValue());
                case BOOLEAN -> g.writeBoolean(n.booleanValue());
                case NULL, MISSING -> g.writeNull();
                case NUMBER -> number(g, n);
                case BINARY -> g.writeBinary(n.binaryValue());
                // Anything else (a POJO node): as Jackson's mapper writes it.
                default -> g.writeRawValue(SdkJson.MAPPER.writeValueAsString(n));
            }
        }

        private static void number(JsonGenerator g, JsonNode n) throws IOException {
            switch (n.numberType()) {
                case INT -> g.writeNumber(n.intValue());
                case LONG -> g.writeNumber(n.longValue());
                case BIG_INTEGER -> g.writeNumber(n.bigIntegerValue());
                case BIG_DECIMAL -> g.writeNumber(n.decimalValue());
                // Doubles and floats (widened to double, as before) as Python writes them.
                case FLOAT -> g.writeNumber(PythonFloat.repr(n.floatValue()));
                case DOUBLE -> g.writeNumber(PythonFloat.repr(n.doubleValue()));
            }
        }
    }
}
