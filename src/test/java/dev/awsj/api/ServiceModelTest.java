package dev.awsj.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.awsj.aws.Service;
import dev.awsj.core.Names;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;

/**
 * The operations read from a client's class file are those reflection finds on the client
 * interface — same names, request classes, methods and kinds, paginated as the service model says — for every service.
 */
class ServiceModelTest {

    @Test
    void theClassFileGivesTheOperationsReflectionGivesForEveryService() throws Exception {
        for (Service service : Service.values()) {
            Map<String, Operation> read = ServiceModel.load(service).operations();
            Map<String, String> expected = reflected(service);
            Map<String, String> actual = new TreeMap<>();
            for (Operation op : read.values()) {
                Method m = Arrays.stream(service.clientInterface().getMethods())
                        .filter(x -> x.getName().equals(op.methodName())
                                && org.objectweb.asm.Type.getMethodDescriptor(x).equals(op.methodDescriptor()))
                        .findFirst().orElseThrow(() -> new AssertionError("no method " + op));
                actual.put(op.cliName(), describe(op.name(), op.requestClass(), m, op.kind(), op.hasPaginator()));
            }
            assertEquals(expected, actual, service.cliName());
            assertTrue(actual.size() > 5, service + ": " + actual.size());
        }
    }

    @Test
    void aStreamingOperationIsCalledThroughItsDescriptor() {
        Map<String, Operation> s3 = ServiceModel.load(Service.S3).operations();
        Operation put = s3.get("put-object");
        assertEquals(Operation.Kind.INPUT_STREAM, put.kind());
        assertEquals("(Lsoftware/amazon/awssdk/services/s3/model/PutObjectRequest;"
                + "Lsoftware/amazon/awssdk/core/sync/RequestBody;)"
                + "Lsoftware/amazon/awssdk/services/s3/model/PutObjectResponse;", put.methodDescriptor());
        assertEquals(Operation.Kind.OUTPUT_STREAM, s3.get("get-object").kind());
        assertTrue(s3.get("list-objects").paginated(), "ListObjects pages: the service model has its paginator");
        assertTrue(s3.get("list-objects-v2").paginated());
        assertTrue(!s3.get("head-object").paginated());
    }

    /** The model as reflection on the client interface gives it: what {@link ServiceModel} read before. */
    private static Map<String, String> reflected(Service service) {
        Class<?> client = service.clientInterface();
        Map<Class<?>, Method> plain = new HashMap<>();
        Map<Class<?>, Method> inStream = new HashMap<>();
        Map<Class<?>, Method> outStream = new HashMap<>();
        dev.awsj.aws.ModelRules rules = dev.awsj.aws.ModelRules.of(service.cliName());
        for (Method m : client.getMethods()) {
            Class<?>[] p = m.getParameterTypes();
            if (Modifier.isStatic(m.getModifiers()) || p.length == 0 || !SdkRequest.class.isAssignableFrom(p[0])) {
                continue;
            }
            if (m.getName().endsWith("Paginator")) {
                continue;
            } else if (p.length == 1 && SdkResponse.class.isAssignableFrom(m.getReturnType())) {
                plain.put(p[0], m);
            } else if (p.length == 2 && p[1] == RequestBody.class) {
                inStream.put(p[0], m);
            } else if (p.length == 2 && p[1] == ResponseTransformer.class) {
                outStream.put(p[0], m);
            }
        }
        Set<Class<?>> requests = new HashSet<>(plain.keySet());
        requests.addAll(inStream.keySet());
        requests.addAll(outStream.keySet());
        Map<String, String> ops = new TreeMap<>();
        for (Class<?> req : requests) {
            String simple = req.getSimpleName();
            if (!simple.endsWith("Request")) {
                continue;
            }
            String name = simple.substring(0, simple.length() - "Request".length());
            Operation.Kind kind = inStream.containsKey(req) ? Operation.Kind.INPUT_STREAM
                    : outStream.containsKey(req) ? Operation.Kind.OUTPUT_STREAM : Operation.Kind.PLAIN;
            Method method = kind == Operation.Kind.INPUT_STREAM ? inStream.get(req)
                    : kind == Operation.Kind.OUTPUT_STREAM ? outStream.get(req) : plain.get(req);
            ops.put(Names.kebab(name), describe(name, req, method, kind, rules.paginator(name).isPresent()));
        }
        return ops;
    }

    private static String describe(String name, Class<?> request, Method method, Operation.Kind kind, boolean paginator) {
        return name + " " + request.getName() + " " + method + " " + kind + " " + paginator;
    }
}
