package dev.awsj.s3.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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

    public JdkHttpClient(Duration connectTimeout, Duration readTimeout) {
        HttpClient.Builder b = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER);
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
                InputStream body = r.body();
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

    @Override
    public String clientName() {
        return "JdkHttp";
    }

    @Override
    public void close() {
        // The JDK client's threads are daemons; its connections close with it when unreferenced.
    }
}
