package dev.awsj.cli;

import dev.awsj.core.AwsjException;

import dev.awsj.core.GlobalSettings;
import dev.awsj.output.OutputWriter;
import java.util.Locale;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.ScopeType;

/**
 * The global options, declared here and nowhere else (docs/architecture.md, "Global options"). They
 * are inherited by every subcommand, so they may appear anywhere on the line
 * ({@code awsj s3 ls --region eu-west-1}), as with the AWS CLI. Every list of them — the root's help,
 * the names generic operations must not take, the values {@code awsj run} hands to each line,
 * completion — is read from picocli's model of this class. Environment variables and profile
 * values are applied where they are resolved ({@code aws.AwsSettings}), not here.
 */
public class GlobalOptions {
    /** picocli's model of these options; set when the root command takes this object as its mixin. */
    @Spec
    CommandSpec spec;

    @Option(names = "--profile", scope = ScopeType.INHERIT, hidden = true, paramLabel = "NAME",
            description = "profile of ~/.aws/config and ~/.aws/credentials")
    public String profile;

    @Option(names = "--region", scope = ScopeType.INHERIT, hidden = true, paramLabel = "REGION",
            description = "region (else AWS_REGION, AWS_DEFAULT_REGION, profile)")
    public String region;

    @Option(names = "--endpoint-url", scope = ScopeType.INHERIT, hidden = true, paramLabel = "URL",
            description = "endpoint (else AWS_ENDPOINT_URL[_<SERVICE>], profile)")
    public String endpointUrl;

    @Option(names = "--output", scope = ScopeType.INHERIT, hidden = true, paramLabel = "FORMAT",
            completionCandidates = OutputFormats.class,
            description = "json (default), text, table, yaml or off")
    public String output;

    @Option(names = "--query", scope = ScopeType.INHERIT, hidden = true, paramLabel = "JMESPATH",
            description = "JMESPath query over the JSON result")
    public String query;

    @Option(names = "--debug", scope = ScopeType.INHERIT, hidden = true,
            description = "log requests (secrets redacted) and stack traces")
    public boolean debug;

    @Option(names = "--no-verify-ssl", scope = ScopeType.INHERIT, hidden = true,
            description = "do not verify TLS certificates")
    public boolean noVerifySsl;

    @Option(names = "--no-sign-request", scope = ScopeType.INHERIT, hidden = true,
            description = "anonymous requests; no credentials loaded")
    public boolean noSignRequest;

    @Option(names = "--ca-bundle", scope = ScopeType.INHERIT, hidden = true, paramLabel = "FILE",
            description = "PEM bundle of CAs to trust (else AWS_CA_BUNDLE)")
    public String caBundle;

    @Option(names = "--no-paginate", scope = ScopeType.INHERIT, hidden = true,
            description = "one call only for list operations")
    public boolean noPaginate;

    @Option(names = "--cli-read-timeout", scope = ScopeType.INHERIT, hidden = true, paramLabel = "S",
            description = "socket read timeout in seconds (default 60, 0 = none)")
    public Integer cliReadTimeout;

    @Option(names = "--cli-connect-timeout", scope = ScopeType.INHERIT, hidden = true, paramLabel = "S",
            description = "connect timeout in seconds (default 60, 0 = none)")
    public Integer cliConnectTimeout;

    @Option(names = "--color", scope = ScopeType.INHERIT, hidden = true, paramLabel = "on|off|auto",
            completionCandidates = ColorModes.class,
            description = "colour in table output")
    public String color;

    @Option(names = "--no-cli-pager", scope = ScopeType.INHERIT, hidden = true,
            description = "accepted for aws scripts; awsj never pages its output")
    public boolean noCliPager;

    @Option(names = "--cli-binary-format", scope = ScopeType.INHERIT, hidden = true,
            paramLabel = "base64|raw-in-base64-out", completionCandidates = BinaryFormats.class,
            description = "how blob values given as text are read: base64 (default) or raw text")
    public String cliBinaryFormat;

    @Option(names = "--cli-auto-prompt", scope = ScopeType.INHERIT, hidden = true,
            description = "refused: awsj does not prompt for parameters")
    public boolean cliAutoPrompt;

    @Option(names = "--no-cli-auto-prompt", scope = ScopeType.INHERIT, hidden = true,
            description = "accepted for aws scripts; awsj never prompts for parameters")
    public boolean noCliAutoPrompt;

    private static final List<String> COLOR_MODES = List.of("on", "off", "auto");

    /** What completion offers after --cli-binary-format. */
    static final class BinaryFormats implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return GlobalSettings.BINARY_FORMATS.iterator();
        }
    }

    /** What completion offers after --output. */
    static final class OutputFormats implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return OutputWriter.FORMATS.iterator();
        }
    }

    /** What completion offers after --color. */
    static final class ColorModes implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return COLOR_MODES.iterator();
        }
    }

    /** A new, empty object of the same kind, for another command line. */
    GlobalOptions fresh() {
        try {
            var c = getClass().getDeclaredConstructor();
            c.setAccessible(true);
            return c.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot make " + getClass().getName(), e);
        }
    }

    /** The global options as picocli declares them, in declaration order. */
    public List<OptionSpec> specs() {
        if (spec == null) {
            spec = CommandSpec.forAnnotatedObject(this);
        }
        return spec.options();
    }

    /** Every name of every global option. */
    public Set<String> names() {
        Set<String> names = new LinkedHashSet<>();
        specs().forEach(o -> names.addAll(List.of(o.names())));
        return names;
    }

    /** The names of the global options that take a value (the word after them is not a command). */
    public Set<String> valueNames() {
        Set<String> names = new LinkedHashSet<>();
        specs().stream().filter(o -> o.arity().max() > 0).forEach(o -> names.addAll(List.of(o.names())));
        return names;
    }

    /** The values given, frozen: what every layer below the command line reads. */
    public GlobalSettings settings() {
        return new GlobalSettings(profile, region, endpointUrl, output, query, debug, noVerifySsl, noSignRequest,
                caBundle, noPaginate, cliReadTimeout, cliConnectTimeout, color, cliBinaryFormat);
    }

    /** Checks the values given on the command line before anything runs (exit 252 when bad). */
    public void validate() {
        if (output != null && !OutputWriter.FORMATS.contains(output.toLowerCase(Locale.ROOT))) {
            throw AwsjException.usage("Bad value for --output: \"" + output + "\". Use json, text, table, yaml or off.");
        }
        if (color != null && !COLOR_MODES.contains(color)) {
            throw AwsjException.usage("Bad value for --color: \"" + color + "\". Use on, off or auto.");
        }
        if (cliBinaryFormat != null && !GlobalSettings.BINARY_FORMATS.contains(cliBinaryFormat)) {
            throw AwsjException.usage("Bad value for --cli-binary-format: \"" + cliBinaryFormat
                    + "\". Use base64 or raw-in-base64-out.");
        }
        if (cliAutoPrompt && noCliAutoPrompt) {
            throw AwsjException.usage("Both --cli-auto-prompt and --no-cli-auto-prompt cannot be specified at the same time.");
        }
        if (cliAutoPrompt) {
            throw AwsjException.usage("awsj does not prompt for parameters (--cli-auto-prompt): give the command in full;"
                    + " awsj <command> help lists its options.");
        }
        if (query != null) {
            OutputWriter.compile(query);
        }
    }
}
