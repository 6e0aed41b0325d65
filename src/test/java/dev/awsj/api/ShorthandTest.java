package dev.awsj.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.awsj.core.AwsjException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shorthand grammar, case by case: the parsing and error cases of the AWS CLI's own test
 * corpus (aws-cli, tests/unit/test_shorthand.py, Apache-2.0), with each expected result as aws
 * parses it.
 */
class ShorthandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Arguments> awsCliParsingCases() {
        String[][] cases = {
            {"foo=bar", "{\"foo\": \"bar\"}"},
            {"foo=bar", "{\"foo\": \"bar\"}"},
            {"foo=bar,baz=qux", "{\"foo\": \"bar\", \"baz\": \"qux\"}"},
            {"a=b,c=d,e=f", "{\"a\": \"b\", \"c\": \"d\", \"e\": \"f\"}"},
            {"foo=", "{\"foo\": \"\"}"},
            {"foo=,bar=", "{\"foo\": \"\", \"bar\": \"\"}"},
            {"foo=\u2713", "{\"foo\": \"\\u2713\"}"},
            {"foo=\u2713,\u2713", "{\"foo\": [\"\\u2713\", \"\\u2713\"]}"},
            {"foo=a,b", "{\"foo\": [\"a\", \"b\"]}"},
            {"foo=a,b,c", "{\"foo\": [\"a\", \"b\", \"c\"]}"},
            {"foo=a,b,bar=c,d", "{\"foo\": [\"a\", \"b\"], \"bar\": [\"c\", \"d\"]}"},
            {"foo=a,b,c,bar=d,e,f", "{\"foo\": [\"a\", \"b\", \"c\"], \"bar\": [\"d\", \"e\", \"f\"]}"},
            {"foo=a,b=with space", "{\"foo\": \"a\", \"b\": \"with space\"}"},
            {"foo=a,b=with trailing space  ", "{\"foo\": \"a\", \"b\": \"with trailing space\"}"},
            {"foo=first space", "{\"foo\": \"first space\"}"},
            {"foo=a space,bar=a space,baz=a space", "{\"foo\": \"a space\", \"bar\": \"a space\", \"baz\": \"a space\"}"},
            {"with-dash=bar", "{\"with-dash\": \"bar\"}"},
            {"with_underscore=bar", "{\"with_underscore\": \"bar\"}"},
            {"with.dot=bar", "{\"with.dot\": \"bar\"}"},
            {"#key=value", "{\"#key\": \"value\"}"},
            {"some/thing=value", "{\"some/thing\": \"value\"}"},
            {"aws:service:region:124:foo/bar=baz", "{\"aws:service:region:124:foo/bar\": \"baz\"}"},
            {"foo=[]", "{\"foo\": []}"},
            {"foo=[a]", "{\"foo\": [\"a\"]}"},
            {"foo=[a,b]", "{\"foo\": [\"a\", \"b\"]}"},
            {"foo=[a,b,c]", "{\"foo\": [\"a\", \"b\", \"c\"]}"},
            {"foo=[a,b],bar=c,d", "{\"foo\": [\"a\", \"b\"], \"bar\": [\"c\", \"d\"]}"},
            {"foo=[a,b],bar=[c,d]", "{\"foo\": [\"a\", \"b\"], \"bar\": [\"c\", \"d\"]}"},
            {"foo=a,b,bar=[c,d]", "{\"foo\": [\"a\", \"b\"], \"bar\": [\"c\", \"d\"]}"},
            {"foo=[a=b,c=d]", "{\"foo\": [\"a=b\", \"c=d\"]}"},
            {"foo=[a=b,c=d]", "{\"foo\": [\"a=b\", \"c=d\"]}"},
            {"foo=[ a , b  , c  ]", "{\"foo\": [\"a\", \"b\", \"c\"]}"},
            {"foo  =  [ a , b  , c  ]", "{\"foo\": [\"a\", \"b\", \"c\"]}"},
            {"foo=[,,]", "{\"foo\": [\"\", \"\"]}"},
            {"foo='bar'", "{\"foo\": \"bar\"}"},
            {"foo='bar,baz'", "{\"foo\": \"bar,baz\"}"},
            {"foo='bar','baz'", "{\"foo\": [\"bar\", \"baz\"]}"},
            {"foo=bar,'baz'", "{\"foo\": [\"bar\", \"baz\"]}"},
            {"foo=bar,'baz=qux'", "{\"foo\": [\"bar\", \"baz=qux\"]}"},
            {"foo=bar,'--option=bar space'", "{\"foo\": [\"bar\", \"--option=bar space\"]}"},
            {"foo='bar\\'baz'", "{\"foo\": \"bar'baz\"}"},
            {"foo='bar\\\\baz'", "{\"foo\": \"bar\\\\baz\"}"},
            {"foo=\"bar\"", "{\"foo\": \"bar\"}"},
            {"foo=\"bar,baz\"", "{\"foo\": \"bar,baz\"}"},
            {"foo=\"bar\",\"baz\"", "{\"foo\": [\"bar\", \"baz\"]}"},
            {"foo=bar,\"baz=qux\"", "{\"foo\": [\"bar\", \"baz=qux\"]}"},
            {"foo=bar,\"--option=bar space\"", "{\"foo\": [\"bar\", \"--option=bar space\"]}"},
            {"foo=\"bar\\\"baz\"", "{\"foo\": \"bar\\\"baz\"}"},
            {"foo=\"bar\\\\baz\"", "{\"foo\": \"bar\\\\baz\"}"},
            {"foo=a\\,b", "{\"foo\": \"a,b\"}"},
            {"foo=a\\,b", "{\"foo\": \"a,b\"}"},
            {"foo=a\\,", "{\"foo\": \"a,\"}"},
            {"foo=\\,", "{\"foo\": \",\"}"},
            {"foo=a,b\\,c", "{\"foo\": [\"a\", \"b,c\"]}"},
            {"foo=a,b\\,", "{\"foo\": [\"a\", \"b,\"]}"},
            {"foo=a,\\,bc", "{\"foo\": [\"a\", \",bc\"]}"},
            {"foo= bar", "{\"foo\": \"bar\"}"},
            {"foo =bar", "{\"foo\": \"bar\"}"},
            {"foo = bar", "{\"foo\": \"bar\"}"},
            {"foo  =   bar", "{\"foo\": \"bar\"}"},
            {"foo = bar,baz = qux", "{\"foo\": \"bar\", \"baz\": \"qux\"}"},
            {"a = b,  c = d , e = f", "{\"a\": \"b\", \"c\": \"d\", \"e\": \"f\"}"},
            {"foo = ", "{\"foo\": \"\"}"},
            {"a=b,c=  d,  e,  f", "{\"a\": \"b\", \"c\": [\"d\", \"e\", \"f\"]}"},
            {"Name=foo,Values=  a  ,  b  ,  c  ", "{\"Name\": \"foo\", \"Values\": [\"a\", \"b\", \"c\"]}"},
            {"Name=foo,Values= a,  b  ,  c", "{\"Name\": \"foo\", \"Values\": [\"a\", \"b\", \"c\"]}"},
            {"Name=foo,\nValues=a,b,c", "{\"Name\": \"foo\", \"Values\": [\"a\", \"b\", \"c\"]}"},
            {"A=b,\nC=d,\nE=f\n", "{\"A\": \"b\", \"C\": \"d\", \"E\": \"f\"}"},
            {"Name={foo=bar,baz=qux}", "{\"Name\": {\"foo\": \"bar\", \"baz\": \"qux\"}}"},
            {"Name={foo=[a,b,c],bar=baz}", "{\"Name\": {\"foo\": [\"a\", \"b\", \"c\"], \"bar\": \"baz\"}}"},
            {"Name={foo=bar},Bar=baz", "{\"Name\": {\"foo\": \"bar\"}, \"Bar\": \"baz\"}"},
            {"Bar=baz,Name={foo=bar}", "{\"Bar\": \"baz\", \"Name\": {\"foo\": \"bar\"}}"},
            {"a={b={c=d}}", "{\"a\": {\"b\": {\"c\": \"d\"}}}"},
            {"a={b={c=d,e=f},g=h}", "{\"a\": {\"b\": {\"c\": \"d\", \"e\": \"f\"}, \"g\": \"h\"}}"},
            {"Name=[{foo=bar}, {baz=qux}]", "{\"Name\": [{\"foo\": \"bar\"}, {\"baz\": \"qux\"}]}"},
            {"Name=[{foo=[a,b]}, {bar=[c,d]}]", "{\"Name\": [{\"foo\": [\"a\", \"b\"]}, {\"bar\": [\"c\", \"d\"]}]}"},
            {"foo@=bar", "{\"foo\": \"bar\"}"},
            {"foo@=bar,baz@=qux", "{\"foo\": \"bar\", \"baz\": \"qux\"}"},
            {"foo@=,bar@=", "{\"foo\": \"\", \"bar\": \"\"}"},
            {"foo@=\u2713,\u2713", "{\"foo\": [\"\\u2713\", \"\\u2713\"]}"},
            {"foo@=a,b,bar=c,d", "{\"foo\": [\"a\", \"b\"], \"bar\": [\"c\", \"d\"]}"},
            {"foo=a,b@=with space", "{\"foo\": \"a\", \"b\": \"with space\"}"},
            {"foo=a,b@=with trailing space  ", "{\"foo\": \"a\", \"b\": \"with trailing space\"}"},
            {"aws:service:region:124:foo/bar@=baz", "{\"aws:service:region:124:foo/bar\": \"baz\"}"},
            {"foo=[a,b],bar@=[c,d]", "{\"foo\": [\"a\", \"b\"], \"bar\": [\"c\", \"d\"]}"},
            {"foo  @=  [ a , b  , c  ]", "{\"foo\": [\"a\", \"b\", \"c\"]}"},
            {"A=b,\nC@=d,\nE@=f\n", "{\"A\": \"b\", \"C\": \"d\", \"E\": \"f\"}"},
            {"Bar@=baz,Name={foo@=bar}", "{\"Bar\": \"baz\", \"Name\": {\"foo\": \"bar\"}}"},
            {"Name=[{foo@=bar}, {baz=qux}]", "{\"Name\": [{\"foo\": \"bar\"}, {\"baz\": \"qux\"}]}"},
            {"Name=[{foo@=[a,b]}, {bar=[c,d]}]", "{\"Name\": [{\"foo\": [\"a\", \"b\"]}, {\"bar\": [\"c\", \"d\"]}]}"},
        };
        return Stream.of(cases).map(c -> Arguments.of(c[0], c[1]));
    }

    @ParameterizedTest
    @MethodSource("awsCliParsingCases")
    void parsesAsAwsDoes(String input, String expected) throws Exception {
        JsonNode parsed = Shorthand.parse(input, "--x");
        assertEquals(JSON.readTree(expected), parsed, input);
        // Key order is kept (aws's dicts keep insertion order).
        assertEquals(List.copyOf(iterable(JSON.readTree(expected).fieldNames())), List.copyOf(iterable(parsed.fieldNames())));
    }

    private static <T> java.util.List<T> iterable(java.util.Iterator<T> it) {
        java.util.List<T> l = new java.util.ArrayList<>();
        it.forEachRemaining(l::add);
        return l;
    }

    static Stream<String> awsCliErrorCases() {
        return Stream.of(
            "foo",
            "foo=\"bar",
            "\"foo=bar",
            "foo='bar",
            "foo=[bar",
            "foo={bar",
            "foo={bar}",
            "foo={bar=bar",
            "foo=bar,",
            "foo==bar,\nbar=baz",
            "foo=bar,foo=qux",
                // An unclosed quote followed by many backslashes ends quickly (no exponential backtracking).
                "foo=\"" + "\\".repeat(100),
                "foo='" + "\\".repeat(100));
    }

    @ParameterizedTest
    @MethodSource("awsCliErrorCases")
    void refusesWhatAwsRefuses(String input) {
        AwsjException e = assertThrows(AwsjException.class, () -> Shorthand.parse(input, "--x"));
        assertEquals(252, e.exitCode());
        assertTrue(e.getMessage().startsWith("Error parsing parameter '--x': "), e.getMessage());
        assertEquals(1, e.getMessage().replace(input, "").lines().count(), "one line besides the input's own: " + e.getMessage());
    }

    @Test
    void errorsSayWhatWasExpectedWhere() {
        assertEquals("Error parsing parameter '--x': Expected: ',', received: '=' for input: a=b,c==d (at character 7)",
                assertThrows(AwsjException.class, () -> Shorthand.parse("a=b,c==d", "--x")).getMessage());
        assertEquals("Error parsing parameter '--x': Expected: '=', received: 'EOF' for input: a={b (at character 5)",
                assertThrows(AwsjException.class, () -> Shorthand.parse("a={b", "--x")).getMessage());
        assertEquals("Error parsing parameter '--tags': Second instance of key \"Key\" encountered. This is often because"
                + " there is a preceding \",\" instead of a space for input: Key=a,Value=b,Key=c (at character 15)",
                assertThrows(AwsjException.class, () -> Shorthand.parse("Key=a,Value=b,Key=c", "--tags")).getMessage());
    }

    @Test
    void atEqualsLoadsFileValues(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("foo"), "file-contents123");
        String file = "file://" + f;
        String fileb = "fileb://" + f;
        assertEquals(JSON.readTree("{\"Foo\": \"file-contents123\", \"Bar\": {\"Baz\": \"file-contents123\"}}"),
                Shorthand.parse("Foo@=" + file + ",Bar={Baz@=" + file + "}", "--x"));
        JsonNode bytes = Shorthand.parse("Foo@=" + fileb + ",Bar={Baz@=" + fileb + "}", "--x");
        assertTrue(bytes.get("Foo").isBinary());
        assertEquals("file-contents123", new String(bytes.get("Foo").binaryValue()));
        assertEquals("file-contents123", new String(bytes.get("Bar").get("Baz").binaryValue()));
        // Only @= loads: = keeps the text.
        assertEquals(JSON.readTree("{\"Bar\": {\"Baz\": \"" + file + "\"}}"), Shorthand.parse("Bar@={Baz=" + file + "}", "--x"));
        assertEquals(JSON.readTree("{\"Foo\": \"foo\", \"Bar\": {\"Baz\": \"foo\"}}"), Shorthand.parse("Foo@=foo,Bar={Baz@=foo}", "--x"));
        Path g = Files.writeString(dir.resolve("foo2"), "contents2");
        assertEquals(JSON.readTree("{\"Foo\": [\"a\", \"file-contents123\", \"contents2\"]}"),
                Shorthand.parse("Foo@=[a, " + file + ", file://" + g + "]", "--x"));

        AwsjException missing = assertThrows(AwsjException.class, () -> Shorthand.parse("Foo@=file://" + dir.resolve("nope"), "--x"));
        assertEquals(252, missing.exitCode());
        assertTrue(missing.getMessage().startsWith("Error parsing parameter '--x': Unable to load paramfile file://"), missing.getMessage());
    }
}
