package dev.awsj.output;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
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

/**
 * The one place that renders results: apply {@code --query} (JMESPath, as the AWS CLI), then print
 * as json, text, table, yaml or nothing. Only results reach stdout.
 */
public final class OutputWriter {
    private static final ObjectWriter JSON = SdkJson.MAPPER.writer(new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("    ", "\n"))
            .withArrayIndenter(new DefaultIndenter("    ", "\n"))
            .withSeparators(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator("")))
            .without(com.fasterxml.jackson.databind.SerializationFeature.FAIL_ON_EMPTY_BEANS);

    /** The values of {@code --output}, AWS_DEFAULT_OUTPUT and the profile's {@code output}. */
    public static final java.util.List<String> FORMATS = java.util.List.of("json", "text", "table", "yaml", "yaml-stream", "off");

    private final PrintStream out;
    private final String format;
    private final Expression<JsonNode> query;
    private final boolean color;

    public OutputWriter(PrintStream out, String format, String query, boolean color) {
        this.out = out;
        this.format = format;
        this.query = query == null ? null : compile(query);
        this.color = color;
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
        JsonNode data = query == null ? result : query.search(result);
        if (data == null) {
            data = NullNode.instance;
        }
        switch (format) {
            case "off" -> {
            }
            case "text" -> TextFormat.write(data, out);
            case "table" -> TableFormat.write(data, out, color);
            // The YAML library is loaded here only: no other output refers to YamlFormat.
            case "yaml" -> YamlFormat.write(data, out, false);
            case "yaml-stream" -> YamlFormat.write(data, out, true);
            default -> {
                // The AWS CLI prints nothing for an empty response with no query.
                if (query == null && data.isObject() && data.isEmpty()) {
                    break;
                }
                out.println(json(data));
            }
        }
        out.flush();
    }

    /** One line of compact JSON: for line-per-result output (batches, `run`). */
    public void writeLine(JsonNode result) {
        JsonNode data = query == null ? result : query.search(result);
        out.println(data == null ? "null" : data.toString());
        out.flush();
    }

    /**
     * Pretty JSON with the AWS CLI's layout: four spaces, ": ", no space in empty containers, and
     * floating-point numbers as Python writes them.
     */
    public static String json(JsonNode node) {
        try {
            java.io.StringWriter sw = new java.io.StringWriter();
            try (com.fasterxml.jackson.core.JsonGenerator g = new PythonFloats(SdkJson.MAPPER.getFactory().createGenerator(sw))) {
                JSON.writeValue(g, node);
            }
            return sw.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes doubles and floats through {@link PythonFloat}. */
    private static final class PythonFloats extends com.fasterxml.jackson.core.util.JsonGeneratorDelegate {
        PythonFloats(com.fasterxml.jackson.core.JsonGenerator d) {
            super(d, false);
        }

        @Override
        public void writeNumber(double v) throws IOException {
            delegate.writeNumber(PythonFloat.repr(v));
        }

        @Override
        public void writeNumber(float v) throws IOException {
            delegate.writeNumber(PythonFloat.repr(v));
        }
    }

}
