package dev.awsj.aws;

import java.util.List;

/**
 * Every setting awsj reads from the config files or the environment, with the profile key (a
 * nested one as {@code s3.max_bandwidth}) and the environment variables that set it, first one
 * first. {@link AwsSettings} reads profile keys only through these, and docs/configuration.md lists
 * each of them (a test compares the two), so the page cannot miss one.
 */
public enum Setting {
    // What a profile resolves to.
    REGION("region", "AWS_REGION", "AWS_DEFAULT_REGION"),
    OUTPUT("output", "AWS_DEFAULT_OUTPUT"),
    ENDPOINT_URL("endpoint_url", "AWS_ENDPOINT_URL"),
    SERVICE_ENDPOINT_URL("services", "AWS_ENDPOINT_URL_<SERVICE>"),
    IGNORE_CONFIGURED_ENDPOINT_URLS("ignore_configured_endpoint_urls", "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"),
    USE_FIPS_ENDPOINT("use_fips_endpoint", "AWS_USE_FIPS_ENDPOINT"),
    USE_DUALSTACK_ENDPOINT("use_dualstack_endpoint", "AWS_USE_DUALSTACK_ENDPOINT"),
    MAX_ATTEMPTS("max_attempts", "AWS_MAX_ATTEMPTS"),
    RETRY_MODE("retry_mode", "AWS_RETRY_MODE"),
    CA_BUNDLE("ca_bundle", "AWS_CA_BUNDLE"),
    CLI_BINARY_FORMAT("cli_binary_format"),
    CLI_TIMESTAMP_FORMAT("cli_timestamp_format"),
    // The nested s3 = block.
    S3_ADDRESSING_STYLE("s3.addressing_style"),
    S3_USE_ACCELERATE_ENDPOINT("s3.use_accelerate_endpoint"),
    S3_USE_DUALSTACK_ENDPOINT("s3.use_dualstack_endpoint"),
    S3_PAYLOAD_SIGNING_ENABLED("s3.payload_signing_enabled"),
    S3_MAX_CONCURRENT_REQUESTS("s3.max_concurrent_requests"),
    S3_MULTIPART_THRESHOLD("s3.multipart_threshold"),
    S3_MULTIPART_CHUNKSIZE("s3.multipart_chunksize"),
    S3_MAX_BANDWIDTH("s3.max_bandwidth"),
    S3_FSYNC("s3.fsync"),
    // Credentials, read by the credential chain (ClientFactory and the SDK's profile provider).
    AWS_ACCESS_KEY_ID("aws_access_key_id", "AWS_ACCESS_KEY_ID"),
    AWS_SECRET_ACCESS_KEY("aws_secret_access_key", "AWS_SECRET_ACCESS_KEY"),
    AWS_SESSION_TOKEN("aws_session_token", "AWS_SESSION_TOKEN"),
    ROLE_ARN("role_arn"),
    SOURCE_PROFILE("source_profile"),
    CREDENTIAL_SOURCE("credential_source"),
    MFA_SERIAL("mfa_serial"),
    EXTERNAL_ID("external_id"),
    ROLE_SESSION_NAME("role_session_name"),
    DURATION_SECONDS("duration_seconds"),
    CREDENTIAL_PROCESS("credential_process"),
    WEB_IDENTITY_TOKEN_FILE("web_identity_token_file", "AWS_WEB_IDENTITY_TOKEN_FILE"),
    SSO_SESSION("sso_session"),
    SSO_START_URL("sso_start_url"),
    // Only in the environment.
    PROFILE(null, "AWS_PROFILE", "AWS_DEFAULT_PROFILE"),
    CONFIG_FILE(null, "AWS_CONFIG_FILE"),
    SHARED_CREDENTIALS_FILE(null, "AWS_SHARED_CREDENTIALS_FILE"),
    EC2_METADATA_DISABLED(null, "AWS_EC2_METADATA_DISABLED"),
    CONTAINER_CREDENTIALS_RELATIVE_URI(null, "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"),
    CONTAINER_CREDENTIALS_FULL_URI(null, "AWS_CONTAINER_CREDENTIALS_FULL_URI"),
    HTTPS_PROXY(null, "HTTPS_PROXY", "https_proxy"),
    HTTP_PROXY(null, "HTTP_PROXY", "http_proxy"),
    NO_PROXY(null, "NO_PROXY", "no_proxy");

    private final String key;
    private final List<String> env;

    Setting(String key, String... env) {
        this.key = key;
        this.env = List.of(env);
    }

    /** The profile key ({@code s3.max_bandwidth} for a nested one), or null for an environment-only setting. */
    public String key() {
        return key;
    }

    /** The environment variables, the first that is set wins. */
    public List<String> env() {
        return env;
    }
}
