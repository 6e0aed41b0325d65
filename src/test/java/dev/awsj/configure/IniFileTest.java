package dev.awsj.configure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.awsj.core.AwsjException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IniFileTest {
    private static final Path P = Path.of("/home/u/.aws/config");

    private static IniFile parse(String s) {
        return IniFile.parse(P, s.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(IniFile f) {
        return new String(f.toBytes(), StandardCharsets.UTF_8);
    }

    static final String GOLDEN = """
            # my AWS settings; do not share
            [default]
            region=eu-west-1  \s
            output = json

            ; work account
            [profile work]
            region = us-east-2
            s3 =
              addressing_style = path
            # trailing comment of work

            [profile other]
            output=text
            """;

    @Test
    void unchangedFileIsByteIdentical() {
        assertEquals(GOLDEN, text(parse(GOLDEN)));
    }

    @Test
    void replacingAValueRewritesOnlyThatLine() {
        IniFile f = parse(GOLDEN);
        f.set("profile work", "region", "ap-south-1");
        assertEquals(GOLDEN.replace("region = us-east-2", "region = ap-south-1"), text(f));
    }

    @Test
    void newKeyGoesAfterTheSectionsLastSettingBeforeItsTrailingComment() {
        IniFile f = parse(GOLDEN);
        f.set("profile work", "output", "table");
        assertEquals(GOLDEN.replace("  addressing_style = path\n", "  addressing_style = path\noutput = table\n"), text(f));
    }

    @Test
    void newSectionIsAppendedAtTheEnd() {
        IniFile f = parse(GOLDEN);
        f.set("profile new", "region", "sa-east-1");
        assertEquals(GOLDEN + "[profile new]\nregion = sa-east-1\n", text(f));
    }

    @Test
    void fileWithoutFinalNewlineGetsOneBeforeAppending() {
        IniFile f = parse("[default]\nregion = a");
        f.set("default", "output", "json");
        assertEquals("[default]\nregion = a\noutput = json\n", text(f));
    }

    @Test
    void nestedKeysAreReadUpdatedAndAdded() {
        IniFile f = parse(GOLDEN);
        assertEquals(Optional.of("path"), f.get("profile work", "s3", "addressing_style"));
        f.set("profile work", "s3", "addressing_style", "virtual");
        f.set("profile work", "s3", "max_concurrent_requests", "20");
        assertEquals(GOLDEN.replace("  addressing_style = path\n",
                "  addressing_style = virtual\n  max_concurrent_requests = 20\n"), text(f));
        f.set("default", "s3", "max_concurrent_requests", "20");
        assertTrue(text(f).startsWith("# my AWS settings; do not share\n[default]\nregion=eu-west-1   \noutput = json\n"
                + "s3 =\n    max_concurrent_requests = 20\n\n; work account\n"), text(f));
    }

    @Test
    void crlfFilesStayCrlf() {
        IniFile f = parse("[default]\r\nregion = a\r\n");
        f.set("default", "output", "json");
        f.set("profile x", "region", "b");
        assertEquals("[default]\r\nregion = a\r\noutput = json\r\n[profile x]\r\nregion = b\r\n", text(f));
    }

    @Test
    void sectionsAndProperties() {
        IniFile f = parse(GOLDEN);
        assertEquals(List.of("default", "profile work", "profile other"), f.sections());
        assertEquals(Optional.of("eu-west-1"), f.get("default", "region"));
        assertEquals(Optional.of("text"), f.get("profile other", "output"));
        assertEquals(Optional.empty(), f.get("profile other", "region"));
        assertEquals(List.of("region", "s3"), List.copyOf(f.properties("profile work").keySet()));
    }

    @Test
    void aLineOutsideAnySectionIsRefusedWithPathAndLine() {
        AwsjException e = assertThrows(AwsjException.class, () -> parse("# ok\n\nregion = us-east-1\n[default]\n"));
        assertEquals(253, e.exitCode());
        assertTrue(e.getMessage().startsWith(P + ":3: "), e.getMessage());
    }

    @Test
    void aBrokenHeaderIsRefusedWithPathAndLine() {
        AwsjException e = assertThrows(AwsjException.class, () -> parse("[default]\nregion = a\n[profile dev\nregion = b\n"));
        assertEquals(253, e.exitCode());
        assertTrue(e.getMessage().startsWith(P + ":3: broken section header"), e.getMessage());
    }

    @Test
    void aLineWithoutEqualsIsRefused() {
        AwsjException e = assertThrows(AwsjException.class, () -> parse("[default]\nregion us-east-1\n"));
        assertTrue(e.getMessage().startsWith(P + ":2: "), e.getMessage());
    }

    @Test
    void removeTakesTheKeyAndItsNestedBlock() {
        IniFile f = parse(GOLDEN);
        f.remove("profile work", "s3");
        assertEquals(GOLDEN.replace("s3 =\n  addressing_style = path\n", ""), text(f));
    }
}
