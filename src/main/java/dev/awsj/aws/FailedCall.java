package dev.awsj.aws;

import java.util.HashSet;
import java.util.Set;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * What the SDK was doing when a call failed: the operation and the URL it was sent to. It travels
 * with the failure itself, as a suppressed exception attached by {@link #INTERCEPTOR} to the exception
 * the SDK throws, so whichever thread catches the failure (a transfer worker, a line of
 * {@code awsj run}) can name the operation in its message, as the AWS CLI does.
 */
public final class FailedCall extends RuntimeException {
    /** Attaches a {@code FailedCall} to every exception an SDK call ends with. */
    public static final ExecutionInterceptor INTERCEPTOR = new ExecutionInterceptor() {
        // Not modifyException: the SDK's own interceptors may replace the exception there (S3 turns
        // a HEAD's 404 into NoSuchKeyException); this hook sees the one that is thrown.
        @Override
        public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attrs) {
            Throwable e = context.exception();
            if (of(e) == null) {
                String url = context.httpRequest().map(r -> r.getUri().toString()).orElse(null);
                e.addSuppressed(new FailedCall(attrs.getAttribute(SdkExecutionAttribute.OPERATION_NAME), url));
            }
        }
    };

    private final String operation;
    private final String url;

    private FailedCall(String operation, String url) {
        super(operation + " " + url, null, false, false);
        this.operation = operation;
        this.url = url;
    }

    /** The SDK's name of the operation, e.g. {@code PutObject}; null when unknown. */
    public String operation() {
        return operation;
    }

    /** The URL the request went to; null when it was never sent. */
    public String url() {
        return url;
    }

    /** The call {@code failure} (or one of its causes) came from; null when no SDK call failed. */
    public static FailedCall of(Throwable failure) {
        Set<Throwable> seen = new HashSet<>();
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            for (Throwable s : t.getSuppressed()) {
                if (s instanceof FailedCall call) {
                    return call;
                }
            }
        }
        return null;
    }
}
