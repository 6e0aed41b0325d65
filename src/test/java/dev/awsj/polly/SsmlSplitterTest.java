package dev.awsj.polly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.awsj.core.AwsjException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SsmlSplitterTest {
    @Test
    void shortDocumentIsSentAsItIs() {
        assertEquals(List.of("<speak xml:lang=\"en-US\">Hi <break time=\"1s\"/> there.</speak>"),
                new SsmlSplitter(3000, 6000).split("<?xml version=\"1.0\"?>\n<speak xml:lang=\"en-US\">Hi <break time=\"1s\"/> there.</speak>\n"));
    }

    @Test
    void textWithoutSpeakIsWrapped() {
        assertEquals(List.of("<speak>Hello.</speak>"), new SsmlSplitter(3000, 6000).split("Hello."));
    }

    @Test
    void cutsCloseAndReopenTheElementsThatAreOpen() {
        String ssml = "<speak><prosody rate=\"slow\">One one one. Two two two. <emphasis>Three three.</emphasis></prosody> Four.</speak>";
        List<String> parts = new SsmlSplitter(30, 6000).split(ssml);
        for (String p : parts) {
            assertTrue(SsmlSplitter.billed(p) <= 30, p);
            assertTrue(p.startsWith("<speak>") && p.endsWith("</speak>"), p);
        }
        assertEquals("<speak><prosody rate=\"slow\">One one one. Two two two. </prosody></speak>", parts.get(0));
        assertEquals("<speak><prosody rate=\"slow\"><emphasis>Three three.</emphasis></prosody> Four.</speak>", parts.get(1));
    }

    @Test
    void theTotalLengthCountsTags() {
        String sayAs = "<say-as interpret-as=\"characters\">ab</say-as> ";
        String ssml = "<speak>" + sayAs.repeat(10) + "</speak>";
        List<String> parts = new SsmlSplitter(3000, 120).split(ssml);
        for (String p : parts) {
            assertTrue(p.length() <= 120, p.length() + ": " + p);
            assertTrue(p.matches("<speak>(" + java.util.regex.Pattern.quote(sayAs) + ")+</speak>"), "say-as kept whole: " + p);
        }
        assertEquals(10, parts.stream().mapToInt(p -> p.split("<say-as").length - 1).sum());
    }

    @Test
    void anElementThatCannotBeCutAndIsTooLongIsRefused() {
        String ssml = "<speak><sub alias=\"x\">" + "word ".repeat(20) + "</sub></speak>";
        AwsjException e = assertThrows(AwsjException.class, () -> new SsmlSplitter(50, 6000).split(ssml));
        assertEquals(252, e.exitCode());
        assertTrue(e.getMessage().startsWith("SSML too long to split"), e.getMessage());
    }

    @Test
    void unclosedSpeakIsMalformed() {
        AwsjException e = assertThrows(AwsjException.class, () -> new SsmlSplitter(10, 6000).split("<speak>" + "a. ".repeat(20)));
        assertTrue(e.getMessage().startsWith("Malformed SSML"), e.getMessage());
    }
}
