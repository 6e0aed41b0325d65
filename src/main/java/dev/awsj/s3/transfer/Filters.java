package dev.awsj.s3.transfer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code --include}/{@code --exclude} as the AWS CLI applies them: every path starts included, the
 * patterns are tried in command-line order and the last one that matches decides. Patterns are
 * globs over the path below the source (or destination) root: {@code *} matches any run of
 * characters including '/', {@code ?} one character, {@code [abc]}/{@code [!abc]} a set.
 */
public final class Filters {
    public static final Filters NONE = new Filters(List.of());

    /** One pattern with its kind, in command-line order. */
    public record Rule(boolean include, String glob, Pattern regex) {
    }

    private final List<Rule> rules;

    public Filters(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** Builds the rules from (option name, pattern) pairs, e.g. ("--exclude", "*"). */
    public static Filters of(List<String[]> optionAndPattern) {
        List<Rule> rules = new ArrayList<>();
        for (String[] p : optionAndPattern) {
            rules.add(new Rule(p[0].equals("--include"), p[1], Pattern.compile(toRegex(p[1]), Pattern.DOTALL)));
        }
        return new Filters(rules);
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    public boolean includes(String relKey) {
        boolean included = true;
        for (Rule r : rules) {
            if (r.regex().matcher(relKey).matches()) {
                included = r.include();
            }
        }
        return included;
    }

    /** Python's fnmatch translation: '*' crosses '/', as in {@code aws s3}. */
    static String toRegex(String glob) {
        String g = glob.startsWith("./") ? glob.substring(2) : glob;
        StringBuilder re = new StringBuilder();
        int i = 0;
        while (i < g.length()) {
            char c = g.charAt(i++);
            switch (c) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                case '[' -> {
                    int j = i;
                    if (j < g.length() && g.charAt(j) == '!') {
                        j++;
                    }
                    if (j < g.length() && g.charAt(j) == ']') {
                        j++;
                    }
                    while (j < g.length() && g.charAt(j) != ']') {
                        j++;
                    }
                    if (j >= g.length()) {
                        re.append("\\[");
                    } else {
                        String set = g.substring(i, j).replace("\\", "\\\\");
                        i = j + 1;
                        if (set.startsWith("!")) {
                            set = "^" + set.substring(1);
                        } else if (set.startsWith("^")) {
                            set = "\\" + set;
                        }
                        re.append('[').append(set.replace("[", "\\[")).append(']');
                    }
                }
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return re.toString();
    }
}
