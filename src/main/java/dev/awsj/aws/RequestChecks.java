package dev.awsj.aws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsj.core.AwsjException;
import dev.awsj.core.Names;
import dev.awsj.output.PythonFloat;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;

/**
 * The checks the AWS CLI makes before it sends a request: every member the service model marks
 * required is present — at the top level (argparse's line: {@code the following arguments are
 * required: --name}) and inside structures, lists and maps — and strings, lists and numbers are not
 * below the model's {@code min}, as botocore's ParamValidator checks them (its lines, after
 * {@code Parameter validation failed:}). {@link ClientFactory} installs one per client, so every call
 * is checked, whichever command makes it; the generic operations also call {@link #check} before
 * building the client, so that a bad line fails before any set-up, as aws's does. The rules come
 * from {@link ModelRules}, read on the first call.
 */
public final class RequestChecks implements ExecutionInterceptor {
    private final Service service;
    private volatile ModelRules rules;
    private final Map<String, List<String>> required = new ConcurrentHashMap<>();

    public RequestChecks(Service service) {
        this.service = service;
    }

    /**
     * The request as the SDK's own interceptors left it (S3's fills {@code CopySource} from
     * {@code sourceBucket} and {@code sourceKey}), before it is marshalled and sent.
     */
    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attrs) {
        String operation = attrs.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        if (operation != null) {
            check(operation, context.request());
        }
        return context.request();
    }

    /** Refuses {@code request} of {@code operation} (the model's name, e.g. {@code CreateTopic}): exit 252. */
    public void check(String operation, SdkRequest request) {
        List<String> names = required.computeIfAbsent(operation, op -> rules().required(op));
        List<String> missing = new ArrayList<>();
        for (String member : names) {
            if (absent(service.cliName(), request, member)) {
                missing.add(Names.option(service.cliName(), Names.kebab(operation), member));
            }
        }
        if (!missing.isEmpty()) {
            throw AwsjException.usage("the following arguments are required: " + String.join(", ", missing));
        }
        JsonNode members = rules().members(operation);
        if (members.isEmpty()) {
            return;
        }
        List<String> errors = new ArrayList<>();
        for (SdkField<?> f : request.sdkFields()) {
            String model = Names.modelMember(service.cliName(), f.memberName());
            JsonNode rule = model == null ? null : members.get(model);
            if (rule != null) {
                validate(f.getValueOrDefault(request), rule, model, errors);
            }
        }
        if (!errors.isEmpty()) {
            // aws's lines and exit code, with no usage hint (ParamValidationError).
            throw AwsjException.validation(errors);
        }
    }

    /** botocore's ParamValidator on one value and its rule; {@code name} as botocore names it ({@code Tags[0].Key}). */
    private void validate(Object value, JsonNode rule, String name, List<String> errors) {
        if (value == null || value instanceof SdkAutoConstructList<?> || value instanceof SdkAutoConstructMap<?, ?>) {
            return;
        }
        if (rule.isNumber()) {
            checkMin(value, rule, name, errors);
            return;
        }
        JsonNode shape = rules().shape(rule.asText());
        if (value instanceof SdkPojo pojo) {
            for (JsonNode r : shape.path("required")) {
                if (absent(null, pojo, r.asText())) {
                    errors.add("Missing required parameter in " + name + ": \"" + r.asText() + "\"");
                }
            }
            JsonNode members = shape.path("members");
            for (SdkField<?> f : pojo.sdkFields()) {
                JsonNode r = members.get(f.memberName());
                if (r != null) {
                    validate(f.getValueOrDefault(pojo), r, name + "." + f.memberName(), errors);
                }
            }
        } else if (value instanceof List<?> list) {
            if (shape.has("min")) {
                checkMin(list, shape.get("min"), name, errors);
            }
            JsonNode member = shape.get("member");
            for (int i = 0; member != null && i < list.size(); i++) {
                validate(list.get(i), member, name + "[" + i + "]", errors);
            }
        } else if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (shape.has("key")) {
                    validate(e.getKey(), shape.get("key"), name + " (key: " + e.getKey() + ")", errors);
                }
                if (shape.has("value")) {
                    validate(e.getValue(), shape.get("value"), name + "." + e.getKey(), errors);
                }
            }
        }
    }

    /** A string's or list's length, or a number's value, against the model's {@code min}. */
    private static void checkMin(Object value, JsonNode min, String name, List<String> errors) {
        if (value instanceof CharSequence || value instanceof Collection<?>) {
            int length = value instanceof CharSequence s ? s.length() : ((Collection<?>) value).size();
            if (length < min.asDouble()) {
                errors.add("Invalid length for parameter " + name + ", value: " + length + ", valid min length: " + min.asText());
            }
        } else if (value instanceof Number n && n.doubleValue() < min.asDouble()) {
            // Python's repr of the number the CLI parsed: -1 for an integer, -5.0 for a float.
            String shown = n instanceof Float f ? PythonFloat.repr(Double.parseDouble(f.toString()))
                    : n instanceof Double d ? PythonFloat.repr(d) : n.toString();
            errors.add("Invalid value for parameter " + name + ", value: " + shown + ", valid min value: " + min.asText());
        }
    }

    private ModelRules rules() {
        ModelRules r = rules;
        if (r == null) {
            r = ModelRules.of(service.cliName());
            rules = r;
        }
        return r;
    }

    /** Whether {@code member} (a model name; {@code service} null below the top level) is unset in {@code pojo}. */
    private static boolean absent(String service, SdkPojo pojo, String member) {
        for (SdkField<?> f : pojo.sdkFields()) {
            if (member.equals(service == null ? f.memberName() : Names.modelMember(service, f.memberName()))) {
                Object v = f.getValueOrDefault(pojo);
                return v == null || v instanceof SdkAutoConstructList<?> || v instanceof SdkAutoConstructMap<?, ?>;
            }
        }
        // The SDK does not model it (a header the SDK sets itself): nothing to check.
        return false;
    }
}
