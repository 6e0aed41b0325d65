package dev.awsj.aws;

import dev.awsj.core.AwsjException;
import dev.awsj.core.Names;
import java.util.ArrayList;
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

/**
 * The checks the AWS CLI makes before it sends a request: every member the service model marks
 * required is present. {@link ClientFactory} installs one per client, so every call is checked,
 * whichever command makes it; the generic operations also call {@link #check} before building
 * the client, so that a bad line fails before any set-up, as aws's does. The rules come from
 * {@link ModelRules}, read on the first call.
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
        if (names.isEmpty()) {
            return;
        }
        List<String> missing = new ArrayList<>();
        for (String member : names) {
            if (absent(service.cliName(), request, member)) {
                missing.add(Names.option(service.cliName(), Names.kebab(operation), member));
            }
        }
        if (!missing.isEmpty()) {
            throw AwsjException.usage("the following arguments are required: " + String.join(", ", missing));
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

    private static boolean absent(String service, SdkPojo request, String member) {
        for (SdkField<?> f : request.sdkFields()) {
            if (member.equals(Names.modelMember(service, f.memberName()))) {
                return f.getValueOrDefault(request) == null;
            }
        }
        // The SDK does not model it (a header the SDK sets itself): nothing to check.
        return false;
    }
}
