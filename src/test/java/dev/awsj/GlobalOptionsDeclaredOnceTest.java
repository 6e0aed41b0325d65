package dev.awsj;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.awsj.cli.Context;
import dev.awsj.cli.GlobalOptions;
import dev.awsj.docs.CommandReference;
import dev.awsj.testing.AwsjRun;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * A global option is declared once, in GlobalOptions: one more annotated field (here in a subclass,
 * as a new line there would be) is taken everywhere on the line, listed in the help and the
 * command reference, offered by completion, and handed by {@code awsj run} to each of its lines.
 */
class GlobalOptionsDeclaredOnceTest {
    static final List<WithOneMore> MADE = Collections.synchronizedList(new ArrayList<>());

    /** GlobalOptions with one more option: the one-line change. */
    static class WithOneMore extends GlobalOptions {
        @Option(names = "--x-one-more", scope = ScopeType.INHERIT, hidden = true, paramLabel = "V", description = "an option added in one line")
        String oneMore;

        WithOneMore() {
            MADE.add(this);
        }
    }

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void clear() {
        MADE.clear();
    }

    Context context(String stdin, Map<String, String> env) {
        return new Context(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), out, err, env, new WithOneMore());
    }

    int run(String stdin, String... args) {
        return Awsj.run(context(stdin, AwsjRun.env("http://127.0.0.1:9")), args);
    }

    @Test
    void theRootHelpListsIt() {
        assertEquals(0, run("", "--help"), err.toString());
        assertTrue(out.toString().contains("--x-one-more V") && out.toString().contains("an option added in one line"), out.toString());
    }

    @Test
    void everyCommandTakesItAnywhereOnTheLine() {
        for (String[] line : List.of(
                new String[] {"--x-one-more", "a", "sns", "list-topics", "--help"},
                new String[] {"sns", "list-topics", "--x-one-more", "a", "--help"},
                new String[] {"s3", "cp", "--x-one-more", "a", "--help"},
                new String[] {"configure", "get", "--x-one-more", "a", "--help"})) {
            out.reset();
            err.reset();
            assertEquals(0, run("", line), String.join(" ", line) + "\n" + err);
        }
    }

    @Test
    void aGenericOperationDoesNotMistakeItForAMember() {
        Context ctx = context("", AwsjRun.env("http://127.0.0.1:9"));
        CommandLine cl = Awsj.commandLine(ctx, new String[] {"sns", "list-topics"});
        CommandLine op = cl.getSubcommands().get("sns").getSubcommands().get("list-topics");
        assertEquals(1, op.getCommandSpec().options().stream().filter(o -> o.longestName().equals("--x-one-more")).count());
        assertTrue(op.getCommandSpec().findOption("--x-one-more").inherited());
    }

    @Test
    void completionOffersIt() {
        assertEquals(0, run("", "completion", "bash"), err.toString());
        assertTrue(out.toString().contains("--x-one-more"), "not in the completion script");
    }

    @Test
    void theCommandReferenceListsIt() {
        Map<String, String> pages = CommandReference.generate(new Context(new ByteArrayInputStream(new byte[0]),
                new ByteArrayOutputStream(), new ByteArrayOutputStream(), Map.of("AWSJ_FULL_TREE", Awsj.FULL_TREE),
                new WithOneMore()));
        assertTrue(pages.get("commands/README.md").contains("--x-one-more V"), pages.get("commands/README.md"));
    }

    @Test
    void runHandsItToEachLineThatDoesNotGiveItsOwn() {
        int code = run("sns list-topics --help\nsns list-topics --x-one-more own --help\n", "--x-one-more", "given", "run", "-");
        assertEquals(0, code, out + "\n" + err);
        // MADE: the run's own options, then one object per line.
        assertEquals(3, MADE.size());
        assertEquals("given", MADE.get(0).oneMore);
        List<String> lines = List.of(MADE.get(1).oneMore, MADE.get(2).oneMore);
        assertTrue(lines.contains("given") && lines.contains("own"), lines.toString());
    }
}
