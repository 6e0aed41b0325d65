package dev.awsj.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Lines of an `awsj run` file split as a shell splits plain words. */
class CommandLineSplitterTest {
    @Test
    void blanksSeparateWords() {
        assertEquals(List.of("sns", "list-topics", "--output", "text"),
                CommandLineSplitter.split("  sns\tlist-topics   --output text  "));
    }

    @Test
    void singleQuotesKeepEverything() {
        assertEquals(List.of("--message", "it costs $5 \\ \"really\""),
                CommandLineSplitter.split("--message 'it costs $5 \\ \"really\"'"));
    }

    @Test
    void doubleQuotesUnescapeOnlyTheShellsFour() {
        assertEquals(List.of("a \"b\" \\ $ ` \\n"), CommandLineSplitter.split("\"a \\\"b\\\" \\\\ \\$ \\` \\n\""));
    }

    @Test
    void backslashOutsideQuotesEscapesTheNextCharacter() {
        assertEquals(List.of("two words", "#not-a-comment"), CommandLineSplitter.split("two\\ words \\#not-a-comment"));
    }

    @Test
    void quotedPartsJoinTheWordAroundThem() {
        assertEquals(List.of("--name=my topic", ""), CommandLineSplitter.split("--name='my topic' \"\""));
    }

    @Test
    void commentsAndBlankLinesHaveNoWords() {
        assertEquals(List.of(), CommandLineSplitter.split("   # sns publish"));
        assertEquals(List.of(), CommandLineSplitter.split(""));
        assertEquals(List.of("sns", "list-topics"), CommandLineSplitter.split("sns list-topics # all of them"));
        assertEquals(List.of("a#b"), CommandLineSplitter.split("a#b"));
    }

    @Test
    void unbalancedQuotesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> CommandLineSplitter.split("--message 'oops"));
        assertThrows(IllegalArgumentException.class, () -> CommandLineSplitter.split("--message \"oops"));
        assertThrows(IllegalArgumentException.class, () -> CommandLineSplitter.split("trailing \\"));
    }
}
