package dev.awsj;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.awsj.cli.Context;
import dev.awsj.testing.AwsjRun;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * -h/--help and -V/--version are declared once, on the root command, and every command inherits
 * them; the root's exit codes, synopsis label and environment section stay on its own page, the
 * global options are on every page.
 */
class HelpOptionsTest {
    private static final String GLOBAL_HEADING = "Global options (anywhere on the line, for every command):";

    /** Every command of the full tree, every service's operations included. */
    private static List<CommandLine> everyCommand() {
        Context ctx = new Context(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream(),
                new ByteArrayOutputStream(), Map.of("AWSJ_FULL_TREE", Awsj.FULL_TREE));
        CommandLine root = Awsj.commandLine(ctx, new String[0]);
        List<CommandLine> all = new ArrayList<>();
        collect(root, ctx, all);
        return all;
    }

    private static void collect(CommandLine c, Context ctx, List<CommandLine> all) {
        if (c.getCommand() instanceof ServiceCommand sc) {
            sc.populate(ctx);
        }
        all.add(c);
        for (CommandLine sub : c.getSubcommands().values()) {
            if (!(sub.getCommand() instanceof CommandLine.HelpCommand)) {
                collect(sub, ctx, all);
            }
        }
    }

    @Test
    void everyCommandHasTheStandardHelpOptions() {
        List<CommandLine> all = everyCommand();
        assertTrue(all.size() > 400, "the full tree: " + all.size());
        for (CommandLine c : all) {
            CommandSpec spec = c.getCommandSpec();
            String name = spec.qualifiedName();
            OptionSpec help = spec.findOption("--help");
            OptionSpec version = spec.findOption("--version");
            assertNotNull(help, name);
            assertNotNull(version, name);
            assertTrue(help.usageHelp(), name + ": --help is an API member, not the help option");
            assertTrue(version.versionHelp(), name + ": --version is an API member, not the version option");
            assertSame(help, spec.findOption("-h"), name);
            assertSame(version, spec.findOption("-V"), name);
        }
    }

    @Test
    void onlyTheRootShowsItsExitCodesAndSynopsisLabelAndEveryCommandTheGlobalOptions() {
        for (CommandLine c : everyCommand()) {
            String name = c.getCommandSpec().qualifiedName();
            String usage = c.getUsageMessage(CommandLine.Help.Ansi.OFF);
            boolean root = c.getCommandSpec().parent() == null;
            assertEquals(root, usage.contains("<service> <command>"), name + "\n" + usage);
            assertEquals(root, usage.contains("s3: one or more transfers failed"), name + "\n" + usage);
            assertEquals(root, usage.contains("A fast, scriptable command-line tool for AWS"), name + "\n" + usage);
            int heading = usage.indexOf(GLOBAL_HEADING);
            assertTrue(heading > 0, name + "\n" + usage);
            assertTrue(usage.substring(heading).contains("--endpoint-url URL"), name + "\n" + usage);
            assertFalse(usage.substring(heading + GLOBAL_HEADING.length()).contains("Exit codes"), name + "\n" + usage);
            assertEquals(root, usage.contains("AWSJ_NO_CDS=1"), name + "\n" + usage);
        }
    }

    @Test
    void everyKindOfCommandAnswersHelpAndVersionOnTheCommandLine() {
        Map<String, String> env = AwsjRun.env(null);
        String version = new VersionProvider().getVersion()[0] + "\n";
        List<List<String>> lines = List.of(
                List.of("sns"),
                List.of("sns", "list-topics"),
                List.of("sns", "publish"),
                List.of("s3api", "put-object"),
                List.of("s3", "cp"),
                List.of("rekognition", "detect-labels"),
                List.of("comprehend", "detect-pii-entities"),
                List.of("configure"),
                List.of("configure", "set"),
                List.of("run"),
                List.of("completion"));
        for (List<String> line : lines) {
            for (String flag : List.of("-V", "--version")) {
                AwsjRun.Result r = AwsjRun.run(env, plus(line, flag));
                assertEquals(0, r.exitCode(), line + " " + flag + ": " + r);
                assertEquals(version, r.out(), line + " " + flag);
            }
            for (String flag : List.of("-h", "--help")) {
                AwsjRun.Result r = AwsjRun.run(env, plus(line, flag));
                assertEquals(0, r.exitCode(), line + " " + flag + ": " + r);
                assertTrue(r.out().startsWith("Usage: awsj " + String.join(" ", line) + " [-hV]"), line + " " + flag + ": " + r);
                assertTrue(r.out().contains(GLOBAL_HEADING), line + " " + flag + ": " + r);
            }
        }
    }

    @Test
    void theRootPageKeepsItsExitCodesAndServiceLabel() {
        AwsjRun.Result r = AwsjRun.run(AwsjRun.env(null), "--help");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().startsWith("Usage: awsj [-hV] <service> <command>"), r.out());
        assertTrue(r.out().contains("\nExit codes:\n  0     success\n  1     s3: one or more transfers failed\n"), r.out());
        assertTrue(r.out().contains("\n" + GLOBAL_HEADING + "\n  --profile NAME"), r.out());
        assertTrue(r.out().indexOf("\nEnvironment (the launcher's") > r.out().indexOf(GLOBAL_HEADING), r.out());
        assertTrue(r.out().endsWith("  (docs/configuration.md, \"The start-up archive\")\n"), r.out());
    }

    private static String[] plus(List<String> line, String flag) {
        List<String> args = new ArrayList<>(line);
        args.add(flag);
        return args.toArray(String[]::new);
    }
}
