package dev.awsj.output;

import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactoryBuilder;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;

/**
 * {@code --output yaml} and {@code --output yaml-stream}, as the AWS CLI prints them. aws dumps
 * with ruamel.yaml's safe dumper; SnakeYAML, under jackson-dataformat-yaml, has the same emitter
 * (both descend from PyYAML's), so with the same requests the bytes are the same: block style, no
 * {@code ---}, two-space indents, a list's {@code - } at its key's indentation, lines folded at 80
 * columns, and a string plain unless YAML would read it as something else (then single-quoted,
 * or double-quoted where single quotes cannot hold it). Which strings YAML reads as something else
 * is decided by ruamel's resolvers ({@link #PLAIN_NOT_A_STRING}): {@code 'true'}, {@code '1.0'},
 * {@code '.inf'}, {@code '0x1F'}, {@code '2024-01-01'}, {@code 'null'}, {@code ''}. Numbers are
 * written as Python writes them.
 *
 * <p>Where awsj differs from aws: map keys keep the response's order (ruamel sorts them);
 * {@code yes}, {@code no}, {@code on}, {@code off}, {@code y}, {@code n} and {@code 12:30} are quoted
 * (see {@link #PLAIN_NOT_A_STRING}); inside double quotes SnakeYAML writes {@code \x7f} where ruamel
 * writes {@code \x7F}, and leaves printable characters such as emoji and the byte order mark as
 * they are where ruamel escapes them; an empty map key is written {@code ? ''}; and yaml-stream
 * prints the result as one list item, where aws prints one item per page. The values read back are
 * the same in every case.
 *
 * <p>Only {@link OutputWriter}'s yaml branch refers to this class, so the YAML library is loaded
 * for yaml output only.
 */
final class YamlFormat {
    /**
     * When a plain scalar is not read as a string: ruamel.yaml's implicit resolvers (its
     * resolver.py), those of YAML 1.2, which aws applies, and those of YAML 1.1, which many readers
     * still apply (PyYAML, SnakeYAML, jackson-dataformat-yaml). A string matching one is quoted.
     * Only the 1.1 ones make awsj quote where aws does not: {@code y}, {@code n}, {@code yes},
     * {@code no}, {@code on}, {@code off} (booleans in 1.1) and {@code 12:30} (base 60).
     */
    private static final List<Pattern> PLAIN_NOT_A_STRING = List.of(
            // bool (1.2: true and false only)
            Pattern.compile("y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF"),
            // float, 1.2 then 1.1 (base 60)
            Pattern.compile("[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+]?[0-9]+)?"
                    + "|[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)"
                    + "|[-+]?\\.[0-9_]+(?:[eE][-+][0-9]+)?"
                    + "|[-+]?\\.(?:inf|Inf|INF)"
                    + "|\\.(?:nan|NaN|NAN)"
                    + "|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*"),
            // int, 1.2 then 1.1 (base 60); tried only on text starting with one of -+0123456789
            Pattern.compile("(?=[-+0-9])(?:[-+]?0b[0-1_]+|[-+]?0o?[0-7_]+|[-+]?[0-9_]+|[-+]?0x[0-9a-fA-F_]+"
                    + "|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)"),
            // merge key
            Pattern.compile("<<"),
            // null
            Pattern.compile("~|null|Null|NULL|"),
            // timestamp
            Pattern.compile("[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]"
                    + "|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?"
                    + "(?:[Tt]|[ \\t]+)[0-9][0-9]?"
                    + ":[0-9][0-9]:[0-9][0-9](?:\\.[0-9]*)?"
                    + "(?:[ \\t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?"),
            // value key, and the tag and anchor indicators alone
            Pattern.compile("="),
            Pattern.compile("[!&*]"));

    private static final ObjectMapper YAML = new ObjectMapper(new AwsCliYamlFactory(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)));

    private YamlFormat() {
    }

    /** Prints {@code data} as aws's {@code --output yaml} ({@code stream} false) or {@code yaml-stream}. */
    static void write(JsonNode data, PrintStream out, boolean stream) {
        if (data.isObject() && data.isEmpty()) {
            return; // aws prints nothing for an empty response
        }
        if (stream) {
            out.print(yaml(JsonNodeFactory.instance.arrayNode().add(data)));
        } else if (data.isValueNode()) {
            out.println(OutputWriter.json(data)); // aws prints a bare scalar as JSON, not as a YAML document
        } else {
            out.print(yaml(data));
        }
    }

    private static String yaml(JsonNode data) {
        StringWriter sw = new StringWriter();
        try {
            YAML.writeValue(sw, data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sw.toString();
    }

    /** Whether YAML reads {@code s}, written plain, as a string. */
    private static boolean plainIsString(String s) {
        for (Pattern p : PLAIN_NOT_A_STRING) {
            if (p.matcher(s).matches()) {
                return false;
            }
        }
        return true;
    }

    private static final class AwsCliYamlFactory extends YAMLFactory {
        private static final long serialVersionUID = 1L;

        AwsCliYamlFactory(YAMLFactoryBuilder b) {
            super(b);
        }

        @Override
        protected YAMLGenerator _createGenerator(Writer out, IOContext ctxt) throws IOException {
            return new AwsCliYamlGenerator(ctxt, _generatorFeatures, _yamlGeneratorFeatures, _quotingChecker, _objectCodec,
                    out, _version);
        }
    }

    /**
     * The style ruamel's representer asks the emitter for, for a string (a value or a map key): plain
     * when YAML reads the plain text back as this string, else single quotes; the emitter then
     * takes the style the text allows (single or double quotes, folded at 80 columns) as ruamel's
     * does. Text with a line break is never plain (SnakeYAML would fold it into a plain scalar,
     * ruamel quotes it), and ruamel escapes NEL and the byte order mark in double quotes.
     */
    private static DumperOptions.ScalarStyle style(String text) {
        if (text.indexOf('\u0085') >= 0 || text.indexOf('\uFEFF') >= 0) {
            return DumperOptions.ScalarStyle.DOUBLE_QUOTED;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029') {
                return DumperOptions.ScalarStyle.SINGLE_QUOTED;
            }
        }
        return plainIsString(text) ? DumperOptions.ScalarStyle.PLAIN : DumperOptions.ScalarStyle.SINGLE_QUOTED;
    }

    /** Strings (values and map keys) in the style of {@link #style}; floats as Python's repr. */
    private static final class AwsCliYamlGenerator extends YAMLGenerator {
        AwsCliYamlGenerator(IOContext ctxt, int features, int yamlFeatures, StringQuotingChecker quoting, ObjectCodec codec,
                Writer out, DumperOptions.Version version) throws IOException {
            super(ctxt, features, yamlFeatures, quoting, codec, out, version);
        }

        @Override
        protected void _writeScalar(String value, String type, DumperOptions.ScalarStyle style) throws IOException {
            super._writeScalar(value, type, type.equals("string") ? style(value) : style);
        }

        @Override
        public void writeNumber(double v) throws IOException {
            _verifyValueWrite("write number");
            _writeScalar(PythonFloat.repr(v), "double", DumperOptions.ScalarStyle.PLAIN);
        }

        @Override
        public void writeNumber(float v) throws IOException {
            writeNumber((double) v);
        }
    }
}
