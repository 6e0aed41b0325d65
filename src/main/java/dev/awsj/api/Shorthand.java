package dev.awsj.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsj.core.AwsjException;

/**
 * The AWS CLI's shorthand syntax for structures, maps and lists given on the command line
 * ({@code Key=a,Values=b,c}, {@code TagSet=[{Key=k,Value=v}]}), parsed by aws's grammar
 * (docs/shorthand.md): key-value pairs separated by commas; a value is a word, a comma-separated
 * list of words, an explicit list {@code [..]} or a hash {@code {..}}, nested freely; words may be
 * single- or double-quoted (with {@code \'} / {@code \"} and {@code \\} escapes) or carry
 * {@code \,} for a comma; whitespace around {@code =} and {@code ,} is ignored; {@code key@=file://F}
 * (or {@code fileb://F}) takes the value from a file. A key given twice at the top level is an
 * error, as in aws. The result is JSON: every scalar a string (bytes for {@code fileb://}); the
 * member types decide later what the strings mean.
 */
public final class Shorthand {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String KEY_CHARS = "-_.#/:";

    private final String input;
    private final String option;
    private int index;
    /** Whether the value being read was given with {@code @=}: file:// and fileb:// are loaded. */
    private boolean paramfiles;

    private Shorthand(String input, String option) {
        this.input = input;
        this.option = option;
    }

    /** Parses one shorthand value given to {@code option}; a syntax error is exit 252 naming both. */
    public static ObjectNode parse(String text, String option) {
        return new Shorthand(text, option).parameter();
    }

    /** A syntax or duplicate-key error, with where it is, as aws words it but on one line. */
    private AwsjException error(String message, int at) {
        return AwsjException.usage("Error parsing parameter '" + option + "': " + message + " for input: " + input
                + " (at character " + (at + 1) + ")");
    }

    private static final class Mismatch extends RuntimeException {
        final String expected;
        final String actual;
        final int at;

        Mismatch(String expected, String actual, int at) {
            super(null, null, false, false);
            this.expected = expected;
            this.actual = actual;
            this.at = at;
        }
    }

    private ObjectNode parameter() {
        try {
            ObjectNode params = NODES.objectNode();
            String key = key();
            params.set(key, valueAfterKey());
            int last = index;
            while (index < input.length()) {
                expect(',', true);
                key = key();
                JsonNode value = valueAfterKey();
                if (params.has(key)) {
                    throw error("Second instance of key \"" + key + "\" encountered. This is often because there is"
                            + " a preceding \",\" instead of a space", last + 1);
                }
                params.set(key, value);
                last = index;
            }
            return params;
        } catch (Mismatch m) {
            throw error("Expected: '" + m.expected + "', received: '" + m.actual + "'", m.at);
        }
    }

    /** After a key: {@code =} or {@code @=} (which loads file:// and fileb:// values), then the values. */
    private JsonNode valueAfterKey() {
        assignment();
        return values();
    }

    private void assignment() {
        paramfiles = false;
        consumeWhitespace();
        if (current() == '@') {
            index++;
            paramfiles = true;
        }
        expect('=', true);
    }

    private String key() {
        int start = index;
        while (!atEof()) {
            char c = input.charAt(index);
            if (!(c < 128 && (Character.isLetterOrDigit(c) || KEY_CHARS.indexOf(c) >= 0))) {
                break;
            }
            index++;
        }
        return input.substring(start, index);
    }

    private JsonNode values() {
        if (atEof()) {
            return NODES.textNode("");
        }
        char c = input.charAt(index);
        if (c == '[') {
            return explicitList();
        }
        if (c == '{') {
            return hash();
        }
        return csvValue();
    }

    private JsonNode csvValue() {
        JsonNode first = firstValue();
        consumeWhitespace();
        if (atEof() || input.charAt(index) != ',') {
            return first;
        }
        expect(',', true);
        ArrayNode list = NODES.arrayNode().add(first);
        while (true) {
            try {
                JsonNode next = secondValue();
                consumeWhitespace();
                if (atEof()) {
                    list.add(next);
                    break;
                }
                expect(',', true);
                list.add(next);
            } catch (Mismatch m) {
                if (atEof()) {
                    throw m;
                }
                // "a=b,c=d": c is the next key, not a second value of a; back to the comma before it.
                while (index >= 0 && input.charAt(index) != ',') {
                    index--;
                }
                break;
            }
        }
        return list.size() == 1 ? first : list;
    }

    private ArrayNode explicitList() {
        expect('[', true);
        ArrayNode values = NODES.arrayNode();
        while (current() != ']') {
            values.add(explicitValue());
            consumeWhitespace();
            if (current() != ']') {
                expect(',', false);
                consumeWhitespace();
            }
        }
        expect(']', false);
        return values;
    }

    private JsonNode explicitValue() {
        int c = current();
        if (c == '[') {
            return explicitList();
        }
        if (c == '{') {
            return hash();
        }
        return firstValue();
    }

    private ObjectNode hash() {
        expect('{', true);
        ObjectNode keyvals = NODES.objectNode();
        while (current() != '}') {
            String key = key();
            assignment();
            JsonNode v = explicitValue();
            consumeWhitespace();
            if (current() != '}') {
                expect(',', false);
                consumeWhitespace();
            }
            keyvals.set(key, v);
        }
        expect('}', false);
        return keyvals;
    }

    private JsonNode firstValue() {
        int c = current();
        if (c == '\'' || c == '"') {
            return resolve(quoted((char) c));
        }
        int start = index;
        index = scanWord(index, true);
        return resolve(unescapeCommas(input.substring(start, index)).stripTrailing());
    }

    private JsonNode secondValue() {
        int c = current();
        if (c == '\'' || c == '"') {
            return resolve(quoted((char) c));
        }
        int end = scanWord(index, false);
        if (end == index) {
            throw new Mismatch("<second>", "<none>", index);
        }
        String word = input.substring(index, end);
        index = end;
        return resolve(unescapeCommas(word).stripTrailing());
    }

    /**
     * The end of the word starting at {@code from} (equal to it when there is none): {@code \,} or
     * a character the word may hold. A word starts with anything but whitespace, quotes, {@code ,},
     * {@code =}, {@code [} and <code>{</code>; a first value then continues with anything but quotes,
     * {@code ,}, {@code ]} and <code>}</code>; a second value of a comma list with anything but quotes,
     * {@code ,} and {@code =}.
     */
    private int scanWord(int from, boolean first) {
        int i = from;
        while (i < input.length()) {
            char c = input.charAt(i);
            if (c == '\\' && i + 1 < input.length() && input.charAt(i + 1) == ',') {
                i += 2;
                continue;
            }
            boolean ok;
            if (i == from) {
                ok = c > ' ' && "\"',=[{".indexOf(c) < 0;
            } else if (first) {
                ok = isWhitespace(c) || c > ' ' && "\"',]}".indexOf(c) < 0;
            } else {
                ok = isWhitespace(c) || c > ' ' && "\"',=".indexOf(c) < 0;
            }
            if (!ok) {
                break;
            }
            i++;
        }
        return i;
    }

    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
    }

    private static String unescapeCommas(String word) {
        return word.replace("\\,", ",");
    }

    /**
     * A quoted word: {@code \q} stands for the quote and {@code \\} for a backslash. When the word
     * is not closed, the last escaped quote closes it (as aws's regular expression backtracks).
     */
    private String quoted(char quote) {
        int start = index;
        int i = index + 1;
        int lastEscaped = -1;
        int close = -1;
        while (i < input.length()) {
            char c = input.charAt(i);
            if (c == '\\' && i + 1 < input.length() && input.charAt(i + 1) == quote) {
                lastEscaped = i + 1;
                i += 2;
            } else if (c == quote) {
                close = i;
                break;
            } else {
                i++;
            }
        }
        if (close < 0) {
            close = lastEscaped;
        }
        if (close < 0) {
            throw new Mismatch(quote == '\'' ? "<singled quoted>" : "<double quoted>", "<none>", start);
        }
        index = close + 1;
        String value = input.substring(start + 1, close);
        return value.replace("\\" + quote, String.valueOf(quote)).replace("\\\\", "\\");
    }

    /** A value given with {@code @=}: {@code file://F} as text, {@code fileb://F} as bytes. */
    private JsonNode resolve(String value) {
        if (paramfiles && value.startsWith("fileb://")) {
            return NODES.binaryNode(ParameterValues.readBytes(value.substring("fileb://".length()), option));
        }
        if (paramfiles && value.startsWith("file://")) {
            return NODES.textNode(ParameterValues.load(value, option));
        }
        return NODES.textNode(value);
    }

    private void expect(char c, boolean whitespace) {
        if (whitespace) {
            consumeWhitespace();
        }
        if (index >= input.length()) {
            throw new Mismatch(String.valueOf(c), "EOF", index);
        }
        char actual = input.charAt(index);
        if (actual != c) {
            throw new Mismatch(String.valueOf(c), String.valueOf(actual), index);
        }
        index++;
        if (whitespace) {
            consumeWhitespace();
        }
    }

    private int current() {
        return index < input.length() ? input.charAt(index) : -1;
    }

    private boolean atEof() {
        return index >= input.length();
    }

    private void consumeWhitespace() {
        while (index < input.length() && isWhitespace(input.charAt(index))) {
            index++;
        }
    }
}
