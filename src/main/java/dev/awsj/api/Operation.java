package dev.awsj.api;

import java.lang.reflect.Method;
import java.util.List;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;

/**
 * One API operation as found on the SDK client interface: its name, request class, the client
 * method to call, whether it streams a body in or out, and whether it paginates.
 */
public record Operation(dev.awsj.aws.Service service, String name, String cliName, Class<?> requestClass, Method method, Kind kind, boolean hasPaginator) {

    public enum Kind {
        /** Request in, response out. */
        PLAIN,
        /** The request carries a streaming body ({@code --body FILE}). */
        INPUT_STREAM,
        /** The response carries a streaming body, written to a file named on the command line. */
        OUTPUT_STREAM
    }

    /** Whether the AWS CLI pages through this operation: the service model has a paginator for it. */
    public boolean paginated() {
        return hasPaginator;
    }

    /** A fresh request builder; builders are {@link SdkPojo}s that know their fields. */
    public SdkPojo newBuilder() {
        try {
            return (SdkPojo) requestClass.getMethod("builder").invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("No builder on " + requestClass.getName(), e);
        }
    }

    public List<SdkField<?>> requestFields() {
        return newBuilder().sdkFields();
    }
}
