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

    @Test
    void aKeyWrittenWithAColonOrInAnotherCaseIsUpdatedInPlace() {
        IniFile f = parse("[default]\nregion: eu-west-1\nOutput : text\ns3:\n  addressing_style = path\n");
        assertEquals(Optional.of("eu-west-1"), f.get("default", "region"));
        assertEquals(Optional.of("text"), f.get("default", "output"));
        assertEquals(Optional.of("path"), f.get("default", "s3", "addressing_style"));
        f.set("default", "region", "us-east-2");
        f.set("default", "output", "json");
        f.set("default", "s3", "addressing_style", "virtual");
        assertEquals("[default]\nregion = us-east-2\noutput = json\ns3:\n  addressing_style = virtual\n", text(f));
    }

    @Test
    void anIndentedSettingIsASettingAsForAwsAndItsBlockIsIndentedDeeper() {
        // configparser: a line is a continuation only when indented deeper than the setting above it.
        IniFile f = parse("[default]\n  region = a\n  output = json\n");
        assertEquals(Optional.of("a"), f.get("default", "region"));
        assertEquals(Optional.of("json"), f.get("default", "output"));
        f.set("default", "region", "b");
        f.set("default", "s3", "addressing_style", "path");
        f.set("default", "output", "s3", "x");
        assertEquals("[default]\n  region = b\n  output =\n      s3 = x\ns3 =\n    addressing_style = path\n", text(f));
        assertEquals(Optional.of("x"), parse(text(f)).get("default", "output", "s3"));
    }

    @Test
    void aSectionOrKeyThatRepeatsIsRefusedAsAwsRefusesIt() {
        AwsjException section = assertThrows(AwsjException.class, () -> parse("[default]\nregion = a\n\n[default]\noutput = json\n"));
        assertEquals(253, section.exitCode());
        assertEquals(P + ":4: the section [default] appears twice (first on line 1); aws refuses such a file: merge the two"
                + " (nothing was written)", section.getMessage());
        AwsjException key = assertThrows(AwsjException.class, () -> parse("[default]\nregion = a\nREGION: b\n"));
        assertEquals(P + ":3: region is set twice in [default] (first on line 2); aws refuses such a file: keep one"
                + " (nothing was written)", key.getMessage());
        // The same key in two sections, and a key repeated in a nested block, are fine.
        parse("[default]\nregion = a\n[profile dev]\nregion = b\ns3 =\n  x = 1\n  x = 2\n");
    }

    @Test
    void aLineWithoutAKeyIsRefused() {
        AwsjException e = assertThrows(AwsjException.class, () -> parse("[default]\n: us-east-1\n"));
        assertEquals(P + ":2: a setting without a name before its ':' (nothing was written)", e.getMessage());
    }
}
