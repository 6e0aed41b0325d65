package dev.awsj.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextSplitterTest {
    private static String rejoin(List<TextSplitter.Chunk> chunks) {
        return TextSplitter.join(chunks, chunks.stream().map(TextSplitter.Chunk::text).toList());
    }

    @Test
    void shortTextIsOneChunkAsGiven() {
        List<TextSplitter.Chunk> c = new TextSplitter(100, TextSplitter.CODE_POINTS).split("  Hi there.\n");
        assertEquals(List.of(new TextSplitter.Chunk("  Hi there.\n", "")), c);
    }

    @Test
    void splitsAtSentencesWhenAParagraphIsTooLong() {
        String text = "One two three. Four five six! Seven eight nine? Ten.";
        List<TextSplitter.Chunk> c = new TextSplitter(30, TextSplitter.CODE_POINTS).split(text);
        assertEquals(List.of("One two three. Four five six!", "Seven eight nine? Ten."),
                c.stream().map(TextSplitter.Chunk::text).toList());
        assertEquals(text, rejoin(c));
    }

    @Test
    void prefersParagraphsThenWordsThenCodePoints() {
        String text = "Short para.\n\nAnother short one.\n\n" + "word ".repeat(10).trim() + "\n\n" + "😀".repeat(7);
        List<TextSplitter.Chunk> c = new TextSplitter(20, TextSplitter.UTF8_BYTES).split(text);
        for (TextSplitter.Chunk chunk : c) {
            assertTrue(TextSplitter.utf8Length(chunk.text()) <= 20, chunk.text());
            assertTrue(!chunk.text().isEmpty());
            assertTrue(!Character.isLowSurrogate(chunk.text().charAt(0)), "never inside a surrogate pair");
        }
        assertEquals("Short para.", c.get(0).text());
        assertEquals("\n\n", c.get(0).after());
        assertEquals("word word word word", c.get(2).text());
        assertEquals("😀😀😀😀😀", c.get(c.size() - 2).text());
        assertEquals("😀😀", c.get(c.size() - 1).text());
        assertEquals(text, rejoin(c));
    }

    @Test
    void utf8LengthCountsBytes() {
        assertEquals(1 + 2 + 3 + 4, TextSplitter.utf8Length("aé€😀"));
    }
}
