package dev.awsj.api;

import dev.awsj.core.Names;
import dev.awsj.aws.Service;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;

/**
 * The operations of one service, read from its SDK client interface: every method that takes a
 * request object is an operation; overloads with a {@link RequestBody} or a
 * {@link ResponseTransformer} mark streaming ones; the service model's paginators (see
 * {@link dev.awsj.aws.ModelRules}) say which ones page. The interface's class file is read, not
 * reflected on, so that only the operation on the command line loads its classes.
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
        // Read from the class file, not by reflection, which would load every request and response
        // class the interface names (about 600 for S3) to build the one operation on the line.
        String model = client.getPackageName() + ".model.";
        Map<String, ClassFileMethods.MethodEntry> plain = new HashMap<>();
        Map<String, ClassFileMethods.MethodEntry> inStream = new HashMap<>();
        Map<String, ClassFileMethods.MethodEntry> outStream = new HashMap<>();
        dev.awsj.aws.ModelRules rules = dev.awsj.aws.ModelRules.of(service.cliName());
        for (ClassFileMethods.MethodEntry m : ClassFileMethods.declared(client)) {
            if (m.isStatic() || m.name().startsWith("<")) {
                continue;
            }
            List<String> p = m.parameterTypes();
            if (p.isEmpty() || !isModel(p.get(0), model, "Request")) {
                continue;
            }
            if (m.name().endsWith("Paginator")) {
                continue;
            }
            if (p.size() == 1 && isModel(m.returnType(), model, "Response")) {
                plain.put(p.get(0), m);
            } else if (p.size() == 2 && p.get(1).equals(RequestBody.class.getName())) {
                inStream.put(p.get(0), m);
            } else if (p.size() == 2 && p.get(1).equals(ResponseTransformer.class.getName())) {
                outStream.put(p.get(0), m);
            }
        }
        Set<String> requests = new HashSet<>(plain.keySet());
        requests.addAll(inStream.keySet());
        requests.addAll(outStream.keySet());
        Map<String, Operation> ops = new TreeMap<>();
        for (String req : requests) {
            String simple = req.substring(model.length());
            String name = simple.substring(0, simple.length() - "Request".length());
            Operation.Kind kind;
            ClassFileMethods.MethodEntry method;
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
            ops.put(cli, new Operation(service, name, cli, req, method.name(), method.descriptor(), kind, paginated));
        }
        return new ServiceModel(service, ops, rules);
    }

    /**
     * A request or response class of the service's model, by name: the SDK names every operation's
     * input {@code <Operation>Request} and its output {@code <Operation>Response}, in the model package.
     */
    private static boolean isModel(String type, String modelPackage, String suffix) {
        return type.startsWith(modelPackage) && type.endsWith(suffix) && type.indexOf('.', modelPackage.length()) < 0;
    }
}
