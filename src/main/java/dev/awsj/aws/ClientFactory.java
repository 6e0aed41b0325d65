package dev.awsj.aws;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

import dev.awsj.core.AwsjException;
import dev.awsj.core.ExitCodes;
import dev.awsj.core.GlobalSettings;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.InstanceProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.auth.credentials.WebIdentityTokenFileCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.core.traits.TimestampFormatTrait;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.RetryStrategy;

/**
 * The one place that builds SDK clients: credentials from the default chain with the selected
 * profile, region, endpoint, timeouts, TLS and retry settings (docs/configuration.md). Clients are
 * built on first use and shared; {@code awsj run} shares one factory between lines whose options
 * give the same {@link GlobalSettings#clientKey()}.
 */
public class ClientFactory implements AutoCloseable {
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private final AwsSettings settings;
    private final GlobalSettings global;
    private final PrintStream err;
    private final Map<Service, Object> clients = new EnumMap<>(Service.class);
    private final Map<String, Object> variants = new java.util.HashMap<>();
    private SdkHttpClient httpClient;
    private AwsCredentialsProvider credentials;

    /** @param err where {@code --debug} logs requests */
    public ClientFactory(AwsSettings settings, PrintStream err) {
        this.settings = settings;
        this.global = settings.global();
        this.err = err;
    }

    public AwsSettings settings() {
        return settings;
    }

    /** The synchronous client of a service, e.g. {@code SnsClient}. */
    @SuppressWarnings("unchecked")
    public synchronized <T> T client(Service service) {
        return (T) clients.computeIfAbsent(service, this::build);
    }

    /** A typed shortcut: {@code clients.client(S3Client.class)}. */
    public <T> T client(Class<T> clientInterface) {
        for (Service s : Service.values()) {
            if (s.clientClassName().equals(clientInterface.getName())) {
                return clientInterface.cast(client(s));
            }
        }
        throw new IllegalArgumentException("Not a service awsj knows: " + clientInterface.getName());
    }

    /**
     * A client built by {@code build} once per factory and closed with it, for clients configured
     * beyond the default (the S3 transfer client): shared like the others under {@code awsj run}.
     */
    @SuppressWarnings("unchecked")
    public synchronized <T extends AutoCloseable> T variant(String name, java.util.function.Function<ClientFactory, T> build) {
        return (T) variants.computeIfAbsent(name, n -> build.apply(this));
    }

    private Object build(Service service) {
        Object builder = newBuilder(service);
        configure(service, (AwsClientBuilder<?, ?>) builder);
        ((SdkSyncClientBuilder<?, ?>) builder).httpClient(httpClient());
        return ((software.amazon.awssdk.utils.builder.SdkBuilder<?, ?>) builder).build();
    }

    /**
     * {@code <Service>Client.builder()}, through a method handle: reflection's getMethod would load
     * every class the client interface names (hundreds of request and response classes).
     */
    private static Object newBuilder(Service service) {
        Class<?> client = service.clientInterface();
        MethodHandle builder;
        try {
            Class<?> type = Class.forName(service.clientClassName() + "Builder", false, client.getClassLoader());
            builder = MethodHandles.publicLookup().findStatic(client, "builder", MethodType.methodType(type));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot build the " + service.cliName() + " client", e);
        }
        try {
            return builder.invoke();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("Cannot build the " + service.cliName() + " client", e);
        }
    }

    /** Region, credentials, endpoint, retries and logging for any client builder. */
    public void configure(Service service, AwsClientBuilder<?, ?> builder) {
        configure(service, builder, null);
    }

    /**
     * As {@link #configure(Service, AwsClientBuilder)}, with the retry strategy to use when the
     * user set neither max_attempts nor retry_mode (null: the SDK's default).
     */
    public void configure(Service service, AwsClientBuilder<?, ?> builder, RetryStrategy defaultRetries) {
        configure(service, builder, defaultRetries, true);
    }

    /**
     * As {@link #configure(Service, AwsClientBuilder, RetryStrategy)}; {@code printed}: whether the
     * client's responses may be printed as JSON. The S3 transfer client's are not: it keeps no
     * wire texts ({@link WireRecorder}) for the timestamps of the listings it walks.
     */
    public void configure(Service service, AwsClientBuilder<?, ?> builder, RetryStrategy defaultRetries, boolean printed) {
        builder.region(Region.of(region(service)));
        builder.credentialsProvider(credentials());
        Optional<URI> endpoint = settings.endpoint(service.endpointEnvName());
        endpoint.ifPresent(builder::endpointOverride);
        ClientOverrideConfiguration.Builder o = ClientOverrideConfiguration.builder();
        retryStrategy().or(() -> Optional.ofNullable(defaultRetries)).ifPresent(o::retryStrategy);
        if (global.debug()) {
            o.addExecutionInterceptor(new DebugLogger(err));
        }
        // The client's own profile settings come from the one reader, not from a second read of the files.
        o.defaultProfileFileSupplier(settings::profileFile).defaultProfileName(settings.profileName());
        o.addExecutionInterceptor(FailedCall.INTERCEPTOR);
        o.addExecutionInterceptor(new RequestChecks(service));
        // Numbers (and with cli_timestamp_format = wire, timestamps) printed as the service sent them.
        boolean wireTimestamps = settings.wireTimestamps();
        if (printed && (service.answersInJson() || wireTimestamps && service != Service.STS)) {
            o.addExecutionInterceptor(new WireRecorder(service.answersInJson(), wireTimestamps,
                    service.epochTimestamps() ? TimestampFormatTrait.Format.UNIX_TIMESTAMP : TimestampFormatTrait.Format.ISO_8601));
        }
        builder.overrideConfiguration(o.build());
        // FIPS and dual-stack as resolved here (the SDK would read only the process's environment).
        builder.fipsEnabled(settings.fipsEnabled());
        builder.dualstackEnabled(settings.dualstackEnabled(service.endpointEnvName()));
        if (service == Service.S3) {
            S3ClientOptions.apply(settings, builder, usePathStyle(endpoint));
        }
    }

    /**
     * The region a service's client signs for. S3 has a global endpoint: with no region set
     * anywhere it uses us-east-1, as aws does; every other service needs one (exit 253 at once).
     */
    public String region(Service service) {
        return service == Service.S3 ? settings.regionIfSet().orElse("us-east-1") : settings.region();
    }

    /** Path-style S3 for IP or localhost endpoints, or when the profile asks for it. */
    public boolean usePathStyle(Optional<URI> endpoint) {
        String style = settings.s3AddressingStyle();
        if (style.equals("path")) {
            return true;
        }
        if (style.equals("virtual")) {
            return false;
        }
        return endpoint.map(e -> isIpOrLocalhost(e.getHost())).orElse(false);
    }

    static boolean isIpOrLocalhost(String host) {
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost") || h.endsWith(".localhost") || h.startsWith("[")) {
            return true;
        }
        return h.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    }

    private Optional<RetryStrategy> retryStrategy() {
        Map<String, String> r = settings.retrySettings();
        if (r.isEmpty()) {
            return Optional.empty();
        }
        RetryMode mode = RetryMode.STANDARD;
        if (r.containsKey("retry_mode")) {
            try {
                mode = RetryMode.valueOf(r.get("retry_mode").trim().toUpperCase(Locale.ROOT));
            } catch (RuntimeException e) {
                throw AwsjException.config("Bad retry mode \"" + r.get("retry_mode") + "\": use standard, legacy or adaptive");
            }
        }
        RetryStrategy.Builder<?, ?> b = AwsRetryStrategy.forRetryMode(mode).toBuilder();
        if (r.containsKey("max_attempts")) {
            int n;
            try {
                n = Integer.parseInt(r.get("max_attempts").trim());
            } catch (NumberFormatException e) {
                n = 0;
            }
            if (n < 1) {
                throw AwsjException.config("Bad max attempts \"" + r.get("max_attempts") + "\": give a whole number of 1 or more");
            }
            b.maxAttempts(n);
        }
        return Optional.of(b.build());
    }

    /**
     * The shared HTTP client: URL-connection, which starts fastest. TLS is set up on the first
     * https connection, not before: the SDK's builder makes an SSLContext up front (parsing every CA
     * certificate of the JDK or of AWS_CA_BUNDLE), about 200 classes and a tenth of a second that an
     * http:// endpoint never needs.
     */
    public synchronized SdkHttpClient httpClient() {
        if (httpClient == null) {
            int connect = millis(timeout(global.cliConnectTimeout()));
            int read = millis(timeout(global.cliReadTimeout()));
            httpClient = UrlConnectionHttpClient.create(uri -> {
                try {
                    java.util.Optional<java.net.Proxy> proxy = settings.proxy(uri);
                    java.net.HttpURLConnection c = (java.net.HttpURLConnection) (proxy.isPresent()
                            ? uri.toURL().openConnection(proxy.get()) : uri.toURL().openConnection());
                    c.setConnectTimeout(connect);
                    c.setReadTimeout(read);
                    if (c instanceof javax.net.ssl.HttpsURLConnection https) {
                        javax.net.ssl.SSLSocketFactory tls = tlsSocketFactory();
                        if (tls != null) {
                            https.setSSLSocketFactory(tls);
                        }
                        if (global.noVerifySsl()) {
                            https.setHostnameVerifier((host, session) -> true);
                        }
                    }
                    return c;
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        return httpClient;
    }

    /**
     * The HTTP client of S3 transfers (the SDK's Apache 5 client, {@link TransferHttpClient}), built
     * on first use and closed with this factory: the same time-outs, proxy and TLS settings as
     * {@link #httpClient()}, TLS again made on the first https connection only.
     */
    public synchronized SdkHttpClient transferHttpClient() {
        if (transferHttpClient == null) {
            transferHttpClient = TransferHttpClient.create(timeout(global.cliConnectTimeout()), timeout(global.cliReadTimeout()),
                    settings::proxy, this::customSslContext, global.noVerifySsl());
        }
        return transferHttpClient;
    }

    private SdkHttpClient transferHttpClient;
    private javax.net.ssl.SSLContext customSslContext;

    /** TLS for --no-verify-ssl or a CA bundle; null for the JDK's defaults. Made once, when first needed. */
    private synchronized javax.net.ssl.SSLSocketFactory tlsSocketFactory() {
        javax.net.ssl.SSLContext tls = customSslContext();
        return tls == null ? null : tls.getSocketFactory();
    }

    /** The SSLContext of --no-verify-ssl or a CA bundle; null for the JDK's defaults. Made once, when first needed. */
    private synchronized javax.net.ssl.SSLContext customSslContext() {
        if (customSslContext == null) {
            TrustManager[] trust;
            if (global.noVerifySsl()) {
                trust = new TrustManager[] {new TrustAll()};
            } else {
                Optional<String> bundle = settings.caBundle();
                if (bundle.isEmpty()) {
                    return null;
                }
                trust = trustManagers(Path.of(bundle.get()));
            }
            try {
                javax.net.ssl.SSLContext tls = javax.net.ssl.SSLContext.getInstance("TLS");
                tls.init(null, trust, null);
                customSslContext = tls;
            } catch (java.security.GeneralSecurityException e) {
                throw AwsjException.config("Cannot set up TLS: " + e.getMessage());
            }
        }
        return customSslContext;
    }

    /** --no-verify-ssl: any certificate. */
    private static final class TrustAll implements javax.net.ssl.X509TrustManager {
        @Override
        public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String authType) {
        }

        @Override
        public java.security.cert.X509Certificate[] getAcceptedIssuers() {
            return new java.security.cert.X509Certificate[0];
        }
    }

    private static int millis(Duration d) {
        return (int) Math.min(Integer.MAX_VALUE, d.toMillis());
    }

    private static Duration timeout(Integer seconds) {
        if (seconds == null) {
            return DEFAULT_TIMEOUT;
        }
        if (seconds < 0) {
            throw AwsjException.usage("Timeouts are seconds, 0 or more: " + seconds);
        }
        return seconds == 0 ? Duration.ZERO : Duration.ofSeconds(seconds);
    }

    private static TrustManager[] trustManagers(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
            ks.load(null, null);
            int i = 0;
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                ks.setCertificateEntry("ca" + i++, c);
            }
            if (i == 0) {
                throw AwsjException.config("The CA bundle " + pem + " holds no certificate");
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            return tmf.getTrustManagers();
        } catch (AwsjException e) {
            throw e;
        } catch (Exception e) {
            throw AwsjException.config("Cannot read the CA bundle " + pem + ": " + e.getMessage());
        }
    }

    /**
     * Credentials: none with {@code --no-sign-request}; else environment keys, the selected profile
     * (keys, role_arn + source_profile, credential_process, SSO), web identity, container, instance
     * metadata. A failure to find any becomes exit 253.
     */
    public synchronized AwsCredentialsProvider credentials() {
        if (credentials == null) {
            credentials = global.noSignRequest() ? AnonymousCredentialsProvider.create() : new ReportingProvider(chain());
        }
        return credentials;
    }

    /** How a role profile with mfa_serial reads the code: prompt in, code out, null without a terminal. */
    private java.util.function.Function<String, String> mfaCodeReader = prompt -> null;

    public synchronized void mfaCodeReader(java.util.function.Function<String, String> reader) {
        this.mfaCodeReader = reader;
    }

    /** Replaces the credential provider; the MFA-aware provider of role profiles plugs in here. */
    public synchronized void credentials(AwsCredentialsProvider provider) {
        this.credentials = provider;
    }

    private AwsCredentialsProvider chain() {
        Map<String, String> env = settings.env();
        String key = env.get("AWS_ACCESS_KEY_ID");
        String secret = env.get("AWS_SECRET_ACCESS_KEY");
        boolean explicitProfile = global.profile() != null;
        if (!explicitProfile && key != null && !key.isEmpty() && secret != null && !secret.isEmpty()) {
            String token = env.get("AWS_SESSION_TOKEN");
            AwsCredentials c = token != null && !token.isEmpty()
                    ? AwsSessionCredentials.create(key, secret, token)
                    : AwsBasicCredentials.create(key, secret);
            return StaticCredentialsProvider.create(c);
        }
        String profile = settings.profileName();
        boolean hasProfile = settings.profile().isPresent();
        if (settings.profileExplicit() && !hasProfile) {
            throw AwsjException.config("The config profile (" + profile + ") could not be found");
        }
        if (hasProfile && settings.profileProperty("role_arn").isPresent()) {
            // Every role profile, MFA or not: awsj assumes the role (prompting for a code where
            // needed), resolves STS like any endpoint and shares aws's cache.
            return new RoleCredentialsProvider(this, profile, mfaCodeReader, err);
        }
        if (hasProfile && SsoConfig.isSso(settings.profile().get())) {
            return new SsoCredentialsProvider(this, profile, settings.profile().get(), err);
        }
        List<AwsCredentialsProvider> chain = new ArrayList<>();
        if (hasProfile) {
            chain.add(ProfileCredentialsProvider.builder().profileFile(settings.profileFile()).profileName(profile).build());
        }
        chain.add(WebIdentityTokenFileCredentialsProvider.create());
        chain.add(ContainerCredentialsProvider.builder().build());
        if (!"true".equalsIgnoreCase(env.getOrDefault("AWS_EC2_METADATA_DISABLED", ""))) {
            chain.add(InstanceProfileCredentialsProvider.builder()
                    .profileFile(settings::profileFile).profileName(profile).build());
        }
        return new Chain(chain, containerUrl(env));
    }

    /** The container credentials endpoint the environment names, or null. */
    private static String containerUrl(Map<String, String> env) {
        String full = env.get("AWS_CONTAINER_CREDENTIALS_FULL_URI");
        if (full != null && !full.isEmpty()) {
            return full;
        }
        String relative = env.get("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI");
        return relative != null && !relative.isEmpty() ? "http://169.254.170.2" + relative : null;
    }

    /**
     * The credential providers in order, the first that gives credentials kept for the next calls.
     * When none does and a provider that was configured to be used (a role profile's STS call, the
     * container endpoint) could not connect, that is the failure to report, naming the URL, as aws
     * does (exit 255); an unreachable instance metadata service is only "no credentials" (253).
     */
    private static final class Chain implements AwsCredentialsProvider {
        private final List<AwsCredentialsProvider> providers;
        private final String containerUrl;
        private volatile AwsCredentialsProvider last;

        Chain(List<AwsCredentialsProvider> providers, String containerUrl) {
            this.providers = providers;
            this.containerUrl = containerUrl;
        }

        @Override
        public AwsCredentials resolveCredentials() {
            AwsCredentialsProvider known = last;
            if (known != null) {
                return known.resolveCredentials();
            }
            for (AwsCredentialsProvider p : providers) {
                try {
                    AwsCredentials c = p.resolveCredentials();
                    last = p;
                    return c;
                } catch (AwsjException e) {
                    throw e;
                } catch (RuntimeException e) {
                    if (p instanceof InstanceProfileCredentialsProvider || !unreachable(e)) {
                        continue;
                    }
                    String url = FailedCall.of(e) != null ? FailedCall.of(e).url()
                            : p instanceof ContainerCredentialsProvider ? containerUrl : unknownHostUrl(e);
                    if (url != null) {
                        // Without the cause: the SDK's interceptors would rewrite an exception that
                        // carries an UnknownHostException into one of their own.
                        throw new AwsjException(dev.awsj.core.ExitCodes.OTHER,
                                "Could not connect to the endpoint URL: \"" + url + "\"");
                    }
                }
            }
            throw SdkClientException.create("Unable to load credentials from any provider");
        }

        /** The https URL of a host that could not be resolved (the SDK's own STS call of a role profile). */
        private static String unknownHostUrl(Throwable e) {
            for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
                if (t instanceof java.net.UnknownHostException u && u.getMessage() != null) {
                    String host = u.getMessage().split(":")[0].trim();
                    return host.isEmpty() ? null : "https://" + host + "/";
                }
            }
            return null;
        }

        private static boolean unreachable(Throwable e) {
            for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
                if (t instanceof java.net.ConnectException || t instanceof java.net.UnknownHostException
                        || t instanceof java.net.NoRouteToHostException) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Turns "no credentials anywhere" into the AWS CLI's message and exit 253. */
    private static final class ReportingProvider implements AwsCredentialsProvider {
        private final AwsCredentialsProvider delegate;

        ReportingProvider(AwsCredentialsProvider delegate) {
            this.delegate = delegate;
        }

        @Override
        public AwsCredentials resolveCredentials() {
            try {
                return delegate.resolveCredentials();
            } catch (AwsjException e) {
                throw e;
            } catch (SdkClientException e) {
                throw new AwsjException(dev.awsj.core.ExitCodes.CONFIG,
                        "Unable to locate credentials. You can configure credentials by running \"awsj configure\".", e);
            }
        }
    }

    /**
     * An STS client that signs with {@code source}, for assuming a role. STS has a global endpoint,
     * so no region is needed; {@code --endpoint-url} is meant for the command's own service, not
     * for STS (as in aws): its endpoint is {@link AwsSettings#stsEndpoint()}.
     */
    public software.amazon.awssdk.services.sts.StsClient stsClient(AwsCredentialsProvider source) {
        var b = software.amazon.awssdk.services.sts.StsClient.builder();
        if (settings.regionIfSet().isPresent()) {
            configure(Service.STS, b);
        } else {
            b.region(Region.US_EAST_1);
        }
        b.endpointOverride(settings.stsEndpoint().orElse(null));
        b.credentialsProvider(source);
        b.httpClient(httpClient());
        return b.build();
    }

    /**
     * A client of a sign-in service (SSO, SSO OIDC): unsigned, in the sign-in's own region, its
     * endpoint resolved as STS's ({@link AwsSettings#credentialEndpoint}: no {@code --endpoint-url}).
     */
    public <B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>, C> C signInClient(B builder,
            String endpointEnvName, String region) {
        builder.region(Region.of(region));
        builder.credentialsProvider(AnonymousCredentialsProvider.create());
        settings.credentialEndpoint(endpointEnvName).ifPresent(builder::endpointOverride);
        ClientOverrideConfiguration.Builder o = ClientOverrideConfiguration.builder();
        if (global.debug()) {
            o.addExecutionInterceptor(new DebugLogger(err));
        }
        o.defaultProfileFileSupplier(settings::profileFile).defaultProfileName(settings.profileName());
        o.addExecutionInterceptor(FailedCall.INTERCEPTOR);
        builder.overrideConfiguration(o.build());
        builder.httpClient(httpClient());
        return builder.build();
    }

    @Override
    public synchronized void close() {
        List<Object> all = new java.util.ArrayList<>(variants.values());
        all.addAll(clients.values());
        variants.clear();
        for (Object c : all) {
            if (c instanceof AutoCloseable ac) {
                try {
                    ac.close();
                } catch (Exception ignored) {
                    // closing at exit: nothing left to tell the user
                }
            }
        }
        clients.clear();
        if (httpClient != null) {
            httpClient.close();
        }
        if (transferHttpClient != null) {
            transferHttpClient.close();
            transferHttpClient = null;
        }
    }
}
