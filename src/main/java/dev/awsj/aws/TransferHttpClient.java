package dev.awsj.aws;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.apache.hc.client5.http.impl.routing.SystemDefaultRoutePlanner;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.client5.http.ssl.HostnameVerificationPolicy;
import org.apache.hc.client5.http.ssl.NoopHostnameVerifier;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.protocol.HttpContext;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;

/**
 * The HTTP client of S3 transfers: the SDK's Apache 5 client, chosen by measurement
 * (docs/s3-transfers.md, "Which HTTP client"). A class of its own so that only a transfer loads
 * Apache's classes; every other command keeps the URL-connection client, which starts fastest.
 *
 * <p>Configured as {@link ClientFactory#httpClient()} is: connect and read time-outs, the proxy
 * awsj resolves per target (HTTP_PROXY, HTTPS_PROXY, NO_PROXY; else the JVM's proxy properties),
 * and TLS from {@code --no-verify-ssl} or {@code --ca-bundle}/AWS_CA_BUNDLE. TLS is set up on the
 * first https connection, not when the client is built: an http endpoint never makes an SSLContext.
 * A body that sends nothing for the read time-out fails with a message naming the URL.
 */
final class TransferHttpClient implements SdkHttpClient {
    /** More than any transfer runs at once: the transfer's own request permits bound the requests in flight. */
    private static final int MAX_CONNECTIONS = 1024;

    private final SdkHttpClient delegate;
    private final Duration readTimeout;

    private TransferHttpClient(SdkHttpClient delegate, Duration readTimeout) {
        this.delegate = delegate;
        this.readTimeout = readTimeout;
    }

    /**
     * @param proxy the proxy for a target URL, empty for a direct connection
     * @param customTls the SSLContext of --no-verify-ssl or a CA bundle, or null for the JDK's default; called on the first https connection
     */
    static SdkHttpClient create(Duration connectTimeout, Duration readTimeout, Function<URI, Optional<Proxy>> proxy,
            Supplier<SSLContext> customTls, boolean noVerifySsl) {
        SdkHttpClient apache = Apache5HttpClient.builder()
                .connectionTimeout(connectTimeout)
                .socketTimeout(readTimeout)
                .maxConnections(MAX_CONNECTIONS)
                .httpRoutePlanner(new Routes(proxy))
                .tlsSocketStrategy(new LazyTls(customTls, noVerifySsl))
                .build();
        return new TransferHttpClient(apache, readTimeout);
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        ExecutableHttpRequest call = delegate.prepareRequest(request);
        String url = request.httpRequest().getUri().toString();
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() throws IOException {
                HttpExecuteResponse r;
                try {
                    r = call.call();
                } catch (SocketTimeoutException e) {
                    throw timedOut(url, e);
                }
                if (r.responseBody().isEmpty()) {
                    return r;
                }
                AbortableInputStream body = r.responseBody().get();
                return HttpExecuteResponse.builder().response(r.httpResponse())
                        .responseBody(AbortableInputStream.create(new NamedTimeouts(body, url), body::abort)).build();
            }

            @Override
            public void abort() {
                call.abort();
            }
        };
    }

    private SocketTimeoutException timedOut(String url, SocketTimeoutException cause) {
        SocketTimeoutException e = new SocketTimeoutException("Read timed out: no data for " + readTimeout.toSeconds()
                + " s (--cli-read-timeout) from " + url);
        e.initCause(cause);
        return e;
    }

    /** A body whose read time-out says which URL stalled and which option sets the time. */
    private final class NamedTimeouts extends FilterInputStream {
        private final String url;

        NamedTimeouts(InputStream in, String url) {
            super(in);
            this.url = url;
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (SocketTimeoutException e) {
                throw timedOut(url, e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return super.read(b, off, len);
            } catch (SocketTimeoutException e) {
                throw timedOut(url, e);
            }
        }
    }

    /** The proxy awsj resolves for the target, else the JVM's own (its proxy system properties). */
    private static final class Routes extends SystemDefaultRoutePlanner {
        private final Function<URI, Optional<Proxy>> proxy;

        Routes(Function<URI, Optional<Proxy>> proxy) {
            super(ProxySelector.getDefault());
            this.proxy = proxy;
        }

        @Override
        protected HttpHost determineProxy(HttpHost target, HttpContext context) throws HttpException {
            Optional<Proxy> p = proxy.apply(URI.create(target.toURI()));
            if (p.isPresent() && p.get().address() instanceof InetSocketAddress a) {
                return new HttpHost("http", a.getHostString(), a.getPort());
            }
            return super.determineProxy(target, context);
        }
    }

    /** TLS made on the first https connection: the SSLContext and its trust store cost classes and time. */
    private static final class LazyTls implements TlsSocketStrategy {
        private final Supplier<SSLContext> customTls;
        private final boolean noVerifySsl;
        private volatile TlsSocketStrategy strategy;

        LazyTls(Supplier<SSLContext> customTls, boolean noVerifySsl) {
            this.customTls = customTls;
            this.noVerifySsl = noVerifySsl;
        }

        @Override
        public SSLSocket upgrade(java.net.Socket socket, String target, int port, Object attachment, HttpContext context)
                throws IOException {
            return strategy().upgrade(socket, target, port, attachment, context);
        }

        private synchronized TlsSocketStrategy strategy() throws IOException {
            if (strategy == null) {
                SSLContext tls = customTls.get();
                if (tls == null) {
                    try {
                        tls = SSLContext.getDefault();
                    } catch (java.security.NoSuchAlgorithmException e) {
                        throw new IOException("Cannot set up TLS: " + e.getMessage(), e);
                    }
                }
                ClientTlsStrategyBuilder b = ClientTlsStrategyBuilder.create().setSslContext(tls);
                if (noVerifySsl) {
                    // The client's verifier only (it accepts any name): the JDK's own check would still compare names.
                    b.setHostVerificationPolicy(HostnameVerificationPolicy.CLIENT).setHostnameVerifier(NoopHostnameVerifier.INSTANCE);
                }
                strategy = b.buildClassic();
            }
            return strategy;
        }
    }

    @Override
    public String clientName() {
        return delegate.clientName();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
