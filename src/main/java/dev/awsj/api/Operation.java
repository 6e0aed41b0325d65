package dev.awsj.api;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;

/**
 * One API operation as found on the SDK client interface: its name, request class, the client
 * method to call (its name and JVM descriptor), whether it streams a body in or out, and whether
 * it paginates. Classes are named, not held: an operation not on the command line loads none.
 */
public record Operation(dev.awsj.aws.Service service, String name, String cliName, String requestClassName,
        String methodName, String methodDescriptor, Kind kind, boolean hasPaginator) {

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

    /** The request class, loaded now. */
    public Class<?> requestClass() {
        try {
            return Class.forName(requestClassName, true, loader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("No request class " + requestClassName, e);
        }
    }

    /** Calls the operation on {@code client} (the service's SDK client) with these arguments. */
    public Object invoke(Object client, Object... args) {
        MethodHandle handle;
        try {
            handle = MethodHandles.publicLookup().findVirtual(service.clientInterface(), methodName, methodType());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("No method " + methodName + methodDescriptor + " on " + service.clientClassName(), e);
        }
        Object[] all = new Object[args.length + 1];
        all[0] = client;
        System.arraycopy(args, 0, all, 1, args.length);
        try {
            return handle.invokeWithArguments(all);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private MethodType methodType() {
        return MethodType.fromMethodDescriptorString(methodDescriptor, loader());
    }

    private ClassLoader loader() {
        return service.clientInterface().getClassLoader();
    }

    /** A fresh request builder; builders are {@link SdkPojo}s that know their fields. */
    public SdkPojo newBuilder() {
        try {
            return (SdkPojo) requestClass().getMethod("builder").invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("No builder on " + requestClassName, e);
        }
    }

    public List<SdkField<?>> requestFields() {
        return newBuilder().sdkFields();
    }
}
