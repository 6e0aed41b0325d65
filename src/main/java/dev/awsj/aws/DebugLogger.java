package dev.awsj.aws;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * {@code --debug}: logs each HTTP request and response line with headers on stderr. Header values
 * and query parameters that carry secrets are redacted; bodies are never logged.
 */
public final class DebugLogger implements ExecutionInterceptor {
    private static final Set<String> SECRET_HEADERS = Set.of(
            "authorization", "x-amz-security-token", "x-amz-server-side-encryption-customer-key",
            "x-amz-copy-source-server-side-encryption-customer-key", "proxy-authorization", "cookie", "set-cookie");
    private static final Set<String> SECRET_QUERY = Set.of(
            "x-amz-signature", "x-amz-security-token", "x-amz-credential", "signature", "awsaccesskeyid");

    private final PrintStream err;

    public DebugLogger(PrintStream err) {
        this.err = err;
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attrs) {
        SdkHttpRequest r = context.httpRequest();
        StringBuilder sb = new StringBuilder();
        sb.append("debug: ").append(attrs.getAttribute(SdkExecutionAttribute.SERVICE_NAME)).append('.')
                .append(attrs.getAttribute(SdkExecutionAttribute.OPERATION_NAME)).append(" request: ")
                .append(r.method()).append(' ').append(r.protocol()).append("://").append(r.host());
        if (r.port() != 80 && r.port() != 443) {
            sb.append(':').append(r.port());
        }
        sb.append(r.encodedPath());
        boolean first = true;
        for (Map.Entry<String, List<String>> q : r.rawQueryParameters().entrySet()) {
            for (String v : q.getValue()) {
                sb.append(first ? '?' : '&').append(q.getKey());
                if (v != null) {
                    sb.append('=').append(SECRET_QUERY.contains(q.getKey().toLowerCase(Locale.ROOT)) ? "<redacted>" : v);
                }
                first = false;
            }
        }
        err.println(sb);
        headers(r.headers());
    }

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attrs) {
        SdkHttpResponse r = context.httpResponse();
        err.println("debug: response: " + r.statusCode() + r.statusText().map(t -> " " + t).orElse(""));
        headers(r.headers());
    }

    private void headers(Map<String, List<String>> headers) {
        for (Map.Entry<String, List<String>> h : headers.entrySet()) {
            String value = SECRET_HEADERS.contains(h.getKey().toLowerCase(Locale.ROOT))
                    ? "<redacted>" : String.join(",", h.getValue());
            err.println("debug:   " + h.getKey() + ": " + value);
        }
    }
}
