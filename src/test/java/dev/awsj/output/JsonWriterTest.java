package dev.awsj.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.JsonGeneratorDelegate;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The JSON printer walks the tree with jackson-core alone (no ObjectMapper on the start-up path):
 * its text is the text Jackson's mapper wrote with the AWS CLI layout, byte for byte.
 */
class JsonWriterTest {
    /** The writer awsj used before: an ObjectWriter with the same pretty printer and Python floats. */
    static String mapperJson(JsonNode node) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        ObjectWriter writer = mapper.writer(new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("    ", "\n"))
                .withArrayIndenter(new DefaultIndenter("    ", "\n"))
                .withSeparators(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                        .withObjectEmptySeparator("")
                        .withArrayEmptySeparator("")));
        StringWriter sw = new StringWriter();
        try (JsonGenerator g = new JsonGeneratorDelegate(mapper.getFactory().createGenerator(sw), false) {
            @Override
            public void writeNumber(double v) throws IOException {
                delegate.writeNumber(PythonFloat.repr(v));
            }

            @Override
            public void writeNumber(float v) throws IOException {
                delegate.writeNumber(PythonFloat.repr(v));
            }
        }) {
            writer.writeValue(g, node);
        }
        return sw.toString();
    }

    static ObjectNode sample() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode o = f.objectNode();
        o.put("Name", "caf\u00e9 \"quoted\" \\ tab\t newline\n control\u0001 emoji \uD83D\uDE00 </script>");
        o.put("Int", 42).put("Long", 1L << 40).put("Short", (short) 7).put("Negative", -3);
        o.put("Double", 99.9364013671875).put("Small", 1.5e-05).put("Big", 1e16).put("Float", 0.1f);
        o.put("Decimal", new BigDecimal("1.50")).put("Huge", new BigInteger("123456789012345678901234567890"));
        o.put("True", true).put("False", false).putNull("Null");
        o.put("Binary", new byte[] {0, 1, 2, (byte) 255});
        o.putObject("Empty");
        o.putArray("EmptyList");
        ArrayNode a = o.putArray("List");
        a.add(1).add("two").add(3.0).addObject().put("Key", "value").putArray("Inner").add(f.nullNode());
        a.addArray().add(f.objectNode());
        return o;
    }

    @Test
    void prettyJsonIsWhatTheMapperWrote() throws IOException {
        ObjectNode o = sample();
        assertEquals(mapperJson(o), OutputWriter.json(o));
        for (JsonNode n : new JsonNode[] {JsonNodeFactory.instance.textNode("x"), JsonNodeFactory.instance.numberNode(2.5),
                JsonNodeFactory.instance.arrayNode(), JsonNodeFactory.instance.objectNode(), JsonNodeFactory.instance.nullNode()}) {
            assertEquals(mapperJson(n), OutputWriter.json(n));
        }
    }

    @Test
    void printedJsonIsTheSameTextWithANewline() throws IOException {
        ObjectNode o = sample();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        new OutputWriter(out, "json", null, false).write(o);
        assertEquals(mapperJson(o) + System.lineSeparator(), bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void oneLineJsonIsCompactWithTheFloatsOfThePrettyOutput() {
        ObjectNode o = sample();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        new OutputWriter(out, "json", null, false).writeLine(o);
        // As JsonNode.toString() writes it, but floats as Python (and the pretty output) writes them.
        String expected = o.toString().replace("\"Small\":1.5E-5", "\"Small\":1.5e-05").replace("\"Big\":1.0E16", "\"Big\":1e+16")
                .replace("\"Float\":0.1,", "\"Float\":0.10000000149011612,"); // a float node widened to double, as pretty
        assertTrue(expected.contains("1e+16") && expected.contains("1.5e-05"), expected);
        assertEquals(expected + System.lineSeparator(), bytes.toString(StandardCharsets.UTF_8));
    }
}
