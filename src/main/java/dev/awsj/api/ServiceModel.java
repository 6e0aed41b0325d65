package dev.awsj.api;

import dev.awsj.core.Names;
import dev.awsj.aws.Service;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;

/**
 * The operations of one service, read from its SDK client interface: every method that takes a
 * request object is an operation; overloads with a {@link RequestBody} or a
 * {@link ResponseTransformer} mark streaming ones; the service model's paginators (see
 * {@link dev.awsj.aws.ModelRules}) say which ones page.
 */
public final class ServiceModel {
    private final Service service;
    private final Map<String, Operation> operations;
    private final dev.awsj.aws.ModelRules rules;

    private ServiceModel(Service service, Map<String, Operation> operations, dev.awsj.aws.ModelRules rules) {
        this.service = service;
        this.operations = operations;
        this.rules = rules;
    }

    /** What the service model says beyond the SDK's classes: required members, paginators, waiters. */
    public dev.awsj.aws.ModelRules rules() {
        return rules;
    }

    public Service service() {
        return service;
    }

    /** Operations by command-line name, sorted. */
    public Map<String, Operation> operations() {
        return operations;
    }

    public static ServiceModel load(Service service) {
        Class<?> client = service.clientInterface();
        Map<Class<?>, Method> plain = new HashMap<>();
        Map<Class<?>, Method> inStream = new HashMap<>();
        Map<Class<?>, Method> outStream = new HashMap<>();
        dev.awsj.aws.ModelRules rules = dev.awsj.aws.ModelRules.of(service.cliName());
        for (Method m : client.getMethods()) {
            if (Modifier.isStatic(m.getModifiers())) {
                continue;
            }
            Class<?>[] p = m.getParameterTypes();
            if (p.length == 0 || !SdkRequest.class.isAssignableFrom(p[0])) {
                continue;
            }
            if (m.getName().endsWith("Paginator")) {
                continue;
            }
            if (p.length == 1 && SdkResponse.class.isAssignableFrom(m.getReturnType())) {
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
        Map<String, Operation> ops = new TreeMap<>();
        for (Class<?> req : requests) {
            String simple = req.getSimpleName();
            if (!simple.endsWith("Request")) {
                continue;
            }
            String name = simple.substring(0, simple.length() - "Request".length());
            Operation.Kind kind;
            Method method;
            if (inStream.containsKey(req)) {
                kind = Operation.Kind.INPUT_STREAM;
                method = inStream.get(req);
            } else if (outStream.containsKey(req)) {
                kind = Operation.Kind.OUTPUT_STREAM;
                method = outStream.get(req);
            } else {
                kind = Operation.Kind.PLAIN;
                method = plain.get(req);
            }
            boolean paginated = rules.paginator(name).isPresent();
            String cli = Names.kebab(name);
            ops.put(cli, new Operation(service, name, cli, req, method, kind, paginated));
        }
        return new ServiceModel(service, ops, rules);
    }
}
