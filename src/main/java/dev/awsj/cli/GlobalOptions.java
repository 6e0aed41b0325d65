package dev.awsj.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The global options of DESIGN.md §3. They are inherited by every subcommand, so they may appear
 * anywhere on the line ({@code awsj s3 ls --region eu-west-1}), as with the AWS CLI.
 * Environment variables and profile values are applied where they are resolved, not here.
 */
public final class GlobalOptions {
    @Option(names = "--profile", scope = ScopeType.INHERIT, hidden = true, paramLabel = "NAME",
            description = "Use a specific profile from the credential and config files.")
    public String profile;

    @Option(names = "--region", scope = ScopeType.INHERIT, hidden = true, paramLabel = "REGION",
            description = "The region to use. Overrides AWS_REGION, AWS_DEFAULT_REGION and the profile's region.")
    public String region;

    @Option(names = "--endpoint-url", scope = ScopeType.INHERIT, hidden = true, paramLabel = "URL",
            description = "Send requests to this URL instead of the service's default endpoint.")
    public String endpointUrl;

    @Option(names = "--output", scope = ScopeType.INHERIT, hidden = true, paramLabel = "FORMAT",
            description = "Output format: json, text, table, yaml or off.")
    public String output;

    @Option(names = "--query", scope = ScopeType.INHERIT, hidden = true, paramLabel = "JMESPATH",
            description = "A JMESPath query applied to the response before it is printed.")
    public String query;

    @Option(names = "--debug", scope = ScopeType.INHERIT, hidden = true,
            description = "Log requests and responses (secrets redacted) and show stack traces.")
    public boolean debug;

    @Option(names = "--no-verify-ssl", scope = ScopeType.INHERIT, hidden = true,
            description = "Do not verify TLS certificates.")
    public boolean noVerifySsl;

    @Option(names = "--no-sign-request", scope = ScopeType.INHERIT, hidden = true,
            description = "Do not sign requests; credentials are not loaded.")
    public boolean noSignRequest;

    @Option(names = "--ca-bundle", scope = ScopeType.INHERIT, hidden = true, paramLabel = "FILE",
            description = "PEM file of CA certificates to trust. Overrides AWS_CA_BUNDLE.")
    public String caBundle;

    @Option(names = "--no-paginate", scope = ScopeType.INHERIT, hidden = true,
            description = "Make only the first request of a paginated operation.")
    public boolean noPaginate;

    @Option(names = "--cli-read-timeout", scope = ScopeType.INHERIT, hidden = true, paramLabel = "SECONDS",
            description = "Socket read timeout in seconds; 0 blocks forever. Default 60.")
    public Integer cliReadTimeout;

    @Option(names = "--cli-connect-timeout", scope = ScopeType.INHERIT, hidden = true, paramLabel = "SECONDS",
            description = "Connect timeout in seconds; 0 blocks forever. Default 60.")
    public Integer cliConnectTimeout;

    @Option(names = "--color", scope = ScopeType.INHERIT, hidden = true, paramLabel = "on|off|auto",
            description = "Colour in table output: on, off or auto (default).")
    public String color;

    /** Checks the values given on the command line before anything runs (exit 252 when bad). */
    public void validate() {
        if (output != null && !java.util.Set.of("json", "text", "table", "yaml", "yaml-stream", "off")
                .contains(output.toLowerCase(java.util.Locale.ROOT))) {
            throw AwsjException.usage("Bad value for --output: \"" + output + "\". Use json, text, table, yaml or off.");
        }
        if (color != null && !java.util.Set.of("on", "off", "auto").contains(color)) {
            throw AwsjException.usage("Bad value for --color: \"" + color + "\". Use on, off or auto.");
        }
        if (query != null) {
            dev.awsj.output.OutputWriter.compile(query);
        }
    }

    /** Options of the root that take a value: used to find the service word before parsing. */
    public static final java.util.Set<String> VALUE_OPTIONS = java.util.Set.of(
            "--profile", "--region", "--endpoint-url", "--output", "--query", "--ca-bundle",
            "--cli-read-timeout", "--cli-connect-timeout", "--color");
}
