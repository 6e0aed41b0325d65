package dev.awsj.textio;

import dev.awsj.api.ParameterValues;
import java.util.List;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;

/**
 * Sets one request member from an option's text the way the AWS CLI reads it (JSON, shorthand
 * {@code Key=Value,…}, {@code file://}), for curated options like {@code --message-attributes}.
 */
public final class RequestMembers {
    private RequestMembers() {
    }

    public static void set(SdkPojo builder, String member, List<String> raw, String option) {
        if (raw == null || raw.isEmpty()) {
            return;
        }
        for (SdkField<?> f : builder.sdkFields()) {
            if (f.memberName().equals(member)) {
                f.set(builder, ParameterValues.convert(f, raw, option));
                return;
            }
        }
        throw new IllegalArgumentException("No member " + member + " in " + builder.getClass().getName());
    }

    public static void set(SdkPojo builder, String member, String raw, String option) {
        if (raw != null) {
            set(builder, member, List.of(raw), option);
        }
    }
}
