package dev.awsj.core;

/**
 * The values of the global options given on one command line, frozen once it is parsed. The
 * options themselves are declared once, in {@code cli.GlobalOptions}; everything below the command
 * layer reads this record. {@code null} (or false) means "not given": environment variables and
 * profile values apply where they are resolved ({@code aws.AwsSettings}).
 */
public record GlobalSettings(
        String profile,
        String region,
        String endpointUrl,
        String output,
        String query,
        boolean debug,
        boolean noVerifySsl,
        boolean noSignRequest,
        String caBundle,
        boolean noPaginate,
        Integer cliReadTimeout,
        Integer cliConnectTimeout,
        String color,
        String cliBinaryFormat) {

    /** The values of {@code --cli-binary-format} and the profile's {@code cli_binary_format}. */
    public static final java.util.List<String> BINARY_FORMATS = java.util.List.of("base64", "raw-in-base64-out");

    /** No global option given. */
    public static final GlobalSettings NONE =
            new GlobalSettings(null, null, null, null, null, false, false, false, null, false, null, null, null, null);

    /**
     * The part of the settings that shapes an SDK client (credentials, endpoint, TLS, time-outs,
     * the debug log): two command lines whose keys are equal can share one client.
     */
    public GlobalSettings clientKey() {
        return new GlobalSettings(profile, region, endpointUrl, null, null, debug, noVerifySsl, noSignRequest, caBundle,
                false, cliReadTimeout, cliConnectTimeout, null, null);
    }
}
