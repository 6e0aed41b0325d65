package dev.awsj.docs;

import dev.awsj.api.Operation;
import dev.awsj.api.ServiceModel;
import dev.awsj.aws.Service;
import dev.awsj.Awsj;
import dev.awsj.RootCommand;
import dev.awsj.cli.Context;
import dev.awsj.ServiceCommand;
import dev.awsj.VersionProvider;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The command reference, generated from the picocli model: Markdown pages for {@code docs/commands/}
 * and man pages (roff) for the release. Curated commands are documented in full; the generic
 * operations of each service are listed by name (their options are the API members, shown by
 * {@code awsj SERVICE OPERATION --help}).
 *
 * <p>Run by the build ({@code prepare-package}) into {@code target/generated-docs}; the test
 * {@code CommandReferenceTest} fails when {@code docs/commands} differs from what this produces.
 */
public final class CommandReference {
    private static final int WIDTH = 100;

    private CommandReference() {
    }

    /**
     * Writes everything into {@code args[0]}; with {@code -Dawsj.docs.update=true}, writes the
     * Markdown pages into {@code docs/} instead (the checked-in copy).
     */
    public static void main(String[] args) throws IOException {
        boolean update = Boolean.getBoolean("awsj.docs.update");
        Path out = update ? Path.of("docs") : Path.of(args.length > 0 ? args[0] : "target/generated-docs");
        if (update && Files.isDirectory(out.resolve("commands"))) {
            try (var old = Files.list(out.resolve("commands"))) {
                for (Path p : old.toList()) {
                    Files.delete(p);
                }
            }
        }
        for (Map.Entry<String, String> e : generate().entrySet()) {
            if (update && !e.getKey().startsWith("commands/")) {
                continue;
            }
            Path p = out.resolve(e.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, e.getValue(), StandardCharsets.UTF_8);
        }
    }

    /** Relative path → content: {@code commands/*.md} and {@code man/man1/*.1}. */
    public static Map<String, String> generate() {
        return generate(new Context(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream(),
                new ByteArrayOutputStream(), Map.of("AWSJ_FULL_TREE", Awsj.FULL_TREE)));
    }

    /** The pages for the command model of {@code ctx}. */
    public static Map<String, String> generate(Context ctx) {
        CommandLine root = Awsj.commandLine(ctx, new String[0]);
        root.setUsageHelpAutoWidth(false);
        root.setUsageHelpWidth(WIDTH);
        Map<String, String> files = new LinkedHashMap<>();
        List<CommandLine> documented = new ArrayList<>();
        StringBuilder index = new StringBuilder("# awsj command reference\n\n"
                + "Generated from the command model by `CommandReference`; do not edit by hand.\n\n");
        index.append("```\n").append(usage(root)).append("```\n\n");
        index.append("| command | page |\n| --- | --- |\n");
        for (Map.Entry<String, CommandLine> e : root.getSubcommands().entrySet()) {
            String name = e.getKey();
            CommandLine sub = e.getValue();
            if (name.equals("help")) {
                continue;
            }
            if (sub.getCommand() instanceof ServiceCommand sc) {
                Service service = Service.byCliName(name.equals("s3api") ? "s3" : name).orElseThrow();
                List<String> opNames = new ArrayList<>(ServiceModel.load(service).operations().keySet());
                sc.populate(ctx);
                List<CommandLine> curated = new ArrayList<>();
                for (Map.Entry<String, CommandLine> c : sub.getSubcommands().entrySet()) {
                    if (!opNames.contains(c.getKey()) || isCurated(c.getValue())) {
                        if (!c.getKey().equals("help")) {
                            curated.add(c.getValue());
                        }
                    }
                }
                files.put("commands/awsj-" + name + ".md", servicePage(name, sub, curated, opNames));
                documented.add(sub);
                documented.addAll(curated);
            } else {
                files.put("commands/awsj-" + name + ".md", page(sub, "#"));
                documented.add(sub);
                for (CommandLine c : sub.getSubcommands().values()) {
                    if (!c.getCommandName().equals("help")) {
                        documented.add(c);
                    }
                }
            }
            index.append("| `awsj ").append(name).append("` | [awsj-").append(name).append(".md](awsj-").append(name)
                    .append(".md) |\n");
        }
        files.put("commands/README.md", index.toString());
        // Every service populated above, so the script completes operations too.
        String completion = picocli.AutoComplete.bash("awsj", root);
        files.put("completion/awsj.bash", completion);
        files.put("completion/_awsj.zsh", completion);
        files.put("man/man1/awsj.1", man(root));
        for (CommandLine c : documented) {
            files.put("man/man1/" + c.getCommandSpec().qualifiedName("-") + ".1", man(c));
        }
        return files;
    }

    private static boolean isCurated(CommandLine c) {
        return c.getCommandSpec().userObject() != null
                && !c.getCommandSpec().userObject().getClass().getName().startsWith("dev.awsj.api.");
    }

    private static String usage(CommandLine c) {
        c.setUsageHelpAutoWidth(false);
        c.setUsageHelpWidth(WIDTH);
        return c.getUsageMessage(CommandLine.Help.Ansi.OFF);
    }

    private static String servicePage(String name, CommandLine service, List<CommandLine> curated, List<String> ops) {
        StringBuilder sb = new StringBuilder("# awsj " + name + "\n\n");
        sb.append(String.join(" ", service.getCommandSpec().usageMessage().description())).append("\n\n");
        for (CommandLine c : curated) {
            sb.append(page(c, "##"));
        }
        sb.append("## API operations\n\n");
        sb.append("Each is `awsj ").append(name).append(" OPERATION [--member value …]`, one option per request member;"
                + " `--help` on an operation lists its options and types.\n\n");
        for (String op : ops) {
            boolean replaced = curated.stream().anyMatch(c -> c.getCommandName().equals(op));
            sb.append("- `").append(op).append('`').append(replaced ? " (curated, above)" : "").append('\n');
        }
        return sb.toString();
    }

    private static String page(CommandLine c, String heading) {
        StringBuilder sb = new StringBuilder();
        sb.append(heading).append(' ').append(c.getCommandSpec().qualifiedName(" ")).append("\n\n");
        sb.append("```\n").append(usage(c)).append("```\n\n");
        for (CommandLine sub : c.getSubcommands().values()) {
            if (!sub.getCommandName().equals("help") && sub != c) {
                sb.append(page(sub, heading + "#"));
            }
        }
        return sb.toString();
    }

    /** A man page in roff for one command. */
    static String man(CommandLine c) {
        CommandSpec spec = c.getCommandSpec();
        String name = spec.qualifiedName("-");
        StringBuilder sb = new StringBuilder();
        sb.append(".TH \"").append(name.toUpperCase(Locale.ROOT)).append("\" \"1\" \"\" \"awsj ")
                .append(VersionProvider.version()).append("\" \"awsj manual\"\n");
        sb.append(".SH NAME\n").append(roff(name)).append(" \\- ")
                .append(roff(spec.usageMessage().description().length > 0 ? spec.usageMessage().description()[0] : "")).append('\n');
        sb.append(".SH SYNOPSIS\n.nf\n").append(roff(c.getHelp().synopsis(0).strip())).append("\n.fi\n");
        if (spec.usageMessage().description().length > 1) {
            sb.append(".SH DESCRIPTION\n");
            for (String d : spec.usageMessage().description()) {
                sb.append(roff(d)).append("\n.PP\n");
            }
        }
        if (!spec.positionalParameters().isEmpty()) {
            sb.append(".SH ARGUMENTS\n");
            for (PositionalParamSpec p : spec.positionalParameters()) {
                if (!p.hidden()) {
                    sb.append(".TP\n\\fI").append(roff(p.paramLabel())).append("\\fR\n")
                            .append(roff(String.join(" ", p.description()))).append('\n');
                }
            }
        }
        List<OptionSpec> options = spec.options().stream().filter(o -> !o.hidden()).toList();
        if (!options.isEmpty()) {
            sb.append(".SH OPTIONS\n");
            for (OptionSpec o : options) {
                sb.append(".TP\n\\fB").append(roff(String.join(", ", o.names()))).append("\\fR");
                if (o.arity().max() > 0) {
                    sb.append(" \\fI").append(roff(o.paramLabel())).append("\\fR");
                }
                sb.append('\n').append(roff(String.join(" ", o.description()))).append('\n');
            }
        }
        if (!c.getSubcommands().isEmpty()) {
            sb.append(".SH COMMANDS\n");
            for (CommandLine sub : c.getSubcommands().values()) {
                String[] d = sub.getCommandSpec().usageMessage().description();
                sb.append(".TP\n\\fB").append(roff(sub.getCommandName())).append("\\fR\n")
                        .append(roff(d.length > 0 ? d[0] : "")).append('\n');
            }
        }
        if (spec.parent() == null) {
            sb.append(".SH EXIT STATUS\n");
            // The root's help draws its exit codes itself (so that commands do not inherit them).
            RootCommand.EXIT_CODES.forEach((k, v) -> sb.append(".TP\n").append(roff(k.strip())).append('\n')
                    .append(roff(v)).append('\n'));
        }
        return sb.toString();
    }

    private static String roff(String s) {
        String t = s.replace("\\", "\\e").replace("%n", " ").replaceAll("\\s*\n\\s*", " ");
        if (t.startsWith(".") || t.startsWith("'")) {
            t = "\\&" + t;
        }
        return t.replace("-", "\\-");
    }
}
