package dev.awsj.s3.transfer;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * A synchronous SDK HTTP client on the JDK's own {@link HttpClient} (HTTP/1.1), for transfers to
 * plain-http endpoints. {@code HttpURLConnection} (the URL-connection client) sends a request's
 * headers and body as separate writes without TCP_NODELAY, so each small PUT waits for a delayed
 * ACK (tens of milliseconds); the JDK client sets TCP_NODELAY and keeps a connection pool.
 */
public final class JdkHttpClient implements SdkHttpClient {
    /** Headers the JDK client sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED = Set.of("host", "content-length", "expect", "connection", "upgrade");

    private final HttpClient client;
    private final Duration readTimeout;

    /** @param proxy the HTTP proxy to send through, or null for none */
    public JdkHttpClient(Duration connectTimeout, Duration readTimeout, java.net.Proxy proxy) {
        HttpClient.Builder b = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER);
        if (proxy != null) {
            b.proxy(java.net.ProxySelector.of((java.net.InetSocketAddress) proxy.address()));
        }
        if (connectTimeout != null && !connectTimeout.isZero()) {
            b.connectTimeout(connectTimeout);
        }
        this.client = b.build();
        this.readTimeout = readTimeout;
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        return new ExecutableHttpRequest() {
            private volatile CompletableFuture<HttpResponse<InputStream>> future;

            @Override
            public HttpExecuteResponse call() throws IOException {
                future = client.sendAsync(toJdk(request), HttpResponse.BodyHandlers.ofInputStream());
                HttpResponse<InputStream> r;
                try {
                    r = future.get();
                } catch (InterruptedException e) {
                    future.cancel(true);
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException("interrupted");
                } catch (java.util.concurrent.ExecutionException e) {
                    Throwable c = e.getCause();
                    if (c instanceof IOException io) {
                        throw io;
                    }
                    throw new IOException(c);
                }
                SdkHttpResponse.Builder resp = SdkHttpResponse.builder().statusCode(r.statusCode());
                for (Map.Entry<String, List<String>> h : r.headers().map().entrySet()) {
                    if (!h.getKey().startsWith(":")) {
                        resp.putHeader(h.getKey(), h.getValue());
                    }
                }
                InputStream body = readTimeout == null || readTimeout.isZero() ? r.body()
                        : new StallGuard(r.body(), readTimeout, request.httpRequest().getUri().toString());
                return HttpExecuteResponse.builder().response(resp.build())
                        .responseBody(AbortableInputStream.create(body, () -> close(body))).build();
            }

            @Override
            public void abort() {
                if (future != null) {
                    future.cancel(true);
                }
            }
        };
    }

    private static void close(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // the response is being abandoned
        }
    }

    private HttpRequest toJdk(HttpExecuteRequest request) {
        SdkHttpRequest r = request.httpRequest();
        HttpRequest.Builder b = HttpRequest.newBuilder(r.getUri());
        if (readTimeout != null && !readTimeout.isZero()) {
            b.timeout(readTimeout);
        }
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(r.headers());
        for (Map.Entry<String, List<String>> h : headers.entrySet()) {
            if (RESTRICTED.contains(h.getKey().toLowerCase(Locale.ROOT))) {
                continue;
            }
            for (String v : h.getValue()) {
                b.header(h.getKey(), v);
            }
        }
        Optional<software.amazon.awssdk.http.ContentStreamProvider> body = request.contentStreamProvider();
        HttpRequest.BodyPublisher publisher;
        if (body.isPresent()) {
            long length = headers.containsKey("Content-Length") ? Long.parseLong(headers.get("Content-Length").get(0)) : -1;
            HttpRequest.BodyPublisher stream = HttpRequest.BodyPublishers.ofInputStream(() -> {
                try {
                    return body.get().newStream();
                } catch (UncheckedIOException e) {
                    throw e;
                }
            });
            publisher = length == 0 ? HttpRequest.BodyPublishers.noBody()
                    : length > 0 ? HttpRequest.BodyPublishers.fromPublisher(stream, length) : stream;
        } else {
            publisher = HttpRequest.BodyPublishers.noBody();
        }
        return b.method(r.method().name(), publisher).build();
    }

    /**
     * Fails a read of the body that gets no byte for the read timeout: the JDK client's own
     * timeout covers only the wait for the response headers, so a server that sends half a body
     * and then holds the connection would block a read forever. A watchdog closes the stream and
     * interrupts the reading thread, which wakes it; the read then fails with a
     * {@link SocketTimeoutException} naming the URL, and the caller may resume from the byte reached.
     */
    static final class StallGuard extends FilterInputStream {
        private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "awsj-read-timeout");
            t.setDaemon(true);
            return t;
        });

        private final long timeoutNanos;
        private final Duration timeout;
        private final String url;
        private final ScheduledFuture<?> check;
        private Thread reader;
        private long waitingSince;
        private boolean timedOut;

        StallGuard(InputStream in, Duration timeout, String url) {
            super(in);
            this.timeout = timeout;
            this.timeoutNanos = timeout.toNanos();
            this.url = url;
            long period = Math.max(50, Math.min(1000, timeout.toMillis() / 4));
            this.check = WATCHDOG.scheduleAtFixedRate(this::check, period, period, TimeUnit.MILLISECONDS);
        }

        private synchronized void check() {
            if (reader != null && !timedOut && System.nanoTime() - waitingSince > timeoutNanos) {
                timedOut = true;
                // The JDK's body stream swallows an interrupt and waits on, unless it is closed.
                try {
                    in.close();
                } catch (IOException ignored) {
                    // the read fails either way
                }
                reader.interrupt();
            }
        }

        private synchronized void enter() throws SocketTimeoutException {
            if (timedOut) {
                throw timeoutException();
            }
            reader = Thread.currentThread();
            waitingSince = System.nanoTime();
        }

        /** Ends a read; true when the watchdog interrupted it (the interrupt was ours: cleared). */
        private synchronized boolean leave() {
            reader = null;
            if (timedOut) {
                Thread.interrupted();
                return true;
            }
            return false;
        }

        private SocketTimeoutException timeoutException() {
            return new SocketTimeoutException("Read timed out: no data for " + timeout.toSeconds()
                    + " s (--cli-read-timeout) from " + url);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            enter();
            int n;
            try {
                n = super.read(b, off, len);
            } catch (IOException e) {
                if (leave()) {
                    SocketTimeoutException t = timeoutException();
                    t.initCause(e);
                    throw t;
                }
                throw e;
            }
            if (leave()) {
                throw timeoutException();
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            check.cancel(false);
            super.close();
        }
    }

    @Override
    public String clientName() {
        return "JdkHttp";
    }

    @Override
    public void close() {
        // The JDK client's threads are daemons; its connections close with it when unreferenced.
    }
}
