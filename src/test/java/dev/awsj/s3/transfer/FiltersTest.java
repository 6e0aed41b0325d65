package dev.awsj.s3.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FiltersTest {
    static Filters of(String... optionAndPattern) {
        List<String[]> l = new ArrayList<>();
        for (int i = 0; i < optionAndPattern.length; i += 2) {
            l.add(new String[] {optionAndPattern[i], optionAndPattern[i + 1]});
        }
        return Filters.of(l);
    }

    @Test
    void everythingIsIncludedWithoutFilters() {
        assertTrue(Filters.NONE.includes("a/b/c.txt"));
    }

    @Test
    void laterFiltersWin() {
        Filters f = of("--exclude", "*", "--include", "*.csv");
        assertTrue(f.includes("a.csv"));
        assertTrue(f.includes("deep/dir/b.csv"), "* crosses / as in aws");
        assertFalse(f.includes("a.txt"));
        Filters g = of("--include", "*.csv", "--exclude", "*");
        assertFalse(g.includes("a.csv"), "the last matching filter decides");
    }

    @Test
    void globSyntaxIsFnmatch() {
        assertTrue(of("--exclude", "file?.txt").includes("file10.txt"));
        assertFalse(of("--exclude", "file?.txt").includes("file1.txt"));
        assertFalse(of("--exclude", "[ab]*.log").includes("b1.log"));
        assertTrue(of("--exclude", "[!ab]*.log").includes("b1.log"));
        assertFalse(of("--exclude", "[!ab]*.log").includes("c1.log"));
        assertFalse(of("--exclude", "logs/*").includes("logs/x/y"));
        assertTrue(of("--exclude", "logs/*").includes("mylogs/x"));
        assertFalse(of("--exclude", "a+b(1).txt").includes("a+b(1).txt"), "regex characters are literal");
        assertFalse(of("--exclude", "./x.txt").includes("x.txt"));
    }

    @Test
    void unclosedBracketIsLiteral() {
        assertEquals("\\[" + java.util.regex.Pattern.quote("a"), Filters.toRegex("[a"));
    }
}
