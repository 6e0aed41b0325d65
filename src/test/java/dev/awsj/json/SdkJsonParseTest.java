package dev.awsj.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.awsj.core.AwsjException;
import dev.awsj.testing.AwsjRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JSON given on the command line that does not parse: exit 252, the option, and where in the text. */
class SdkJsonParseTest {
    @TempDir
    Path dir;

    private static String refused(String json) {
        AwsjException e = assertThrows(AwsjException.class, () -> SdkJson.parse(json, "--x"));
        assertEquals(252, e.exitCode());
        for (String boilerplate : new String[] {"REDACTED", "Source", "StreamReadFeature", "\n"}) {
            assertFalse(e.getMessage().contains(boilerplate), e.getMessage());
        }
        return e.getMessage();
    }

    @Test
    void aSyntaxErrorSaysTheLineAndColumnWithoutTheParsersBoilerplate() {
        assertEquals("Invalid JSON for --x: line 1, column 9: Unexpected character (',' (code 44)): was expecting"
                + " double-quote to start field name", refused("{\"a\": 1,, }"));
        assertEquals("Invalid JSON for --x: line 3, column 1: Unexpected end-of-input within/between Array entries",
                refused("{\n  \"a\": [1,\n"));
        // A position inside the parser's message is given the same way.
        assertEquals("Invalid JSON for --x: line 1, column 6: Unexpected end-of-input: expected close marker for Array"
                + " (start marker at line 1, column 1)", refused("[1, 2"));
    }

    @Test
    void cliInputJsonAndAJsonOptionValueSayWhere() throws Exception {
        Map<String, String> env = AwsjRun.env("http://127.0.0.1:9");
        Path input = dir.resolve("input.json");
        Files.writeString(input, "{\n  \"TopicArn\": \"arn:aws:sns:us-east-1:000000000000:t\",\n  \"AttributeName\": DisplayName\n}\n");
        AwsjRun.Result file = AwsjRun.run(env, "sns", "set-topic-attributes", "--cli-input-json", "file://" + input);
        assertEquals(252, file.exitCode(), file.toString());
        assertTrue(file.err().startsWith("Invalid JSON for --cli-input-json: line 3, column 20: Unrecognized token"
                + " 'DisplayName': was expecting "), file.err());
        assertFalse(file.err().contains("REDACTED"), file.err());

        AwsjRun.Result option = AwsjRun.run(env, "sns", "create-topic", "--name", "t", "--attributes", "{\"DisplayName\": \"t\"");
        assertEquals(252, option.exitCode(), option.toString());
        assertEquals("Invalid JSON for --attributes: line 1, column 20: Unexpected end-of-input: expected close marker for"
                + " Object (start marker at line 1, column 1)", option.err().lines().findFirst().orElse(""));
    }
}
