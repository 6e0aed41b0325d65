package dev.awsj.api;

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
        set(builder, member, raw, option, false);
    }

    /** As {@link #set(SdkPojo, String, List, String)}; {@code rawBlobs}: blob text is UTF-8, not base64. */
    public static void set(SdkPojo builder, String member, List<String> raw, String option, boolean rawBlobs) {
        if (raw == null || raw.isEmpty()) {
            return;
        }
        for (SdkField<?> f : builder.sdkFields()) {
            if (f.memberName().equals(member)) {
                f.set(builder, ParameterValues.convert(f, raw, option, rawBlobs));
                return;
            }
        }
        throw new IllegalArgumentException("No member " + member + " in " + builder.getClass().getName());
    }

    public static void set(SdkPojo builder, String member, String raw, String option) {
        set(builder, member, raw, option, false);
    }

    public static void set(SdkPojo builder, String member, String raw, String option, boolean rawBlobs) {
        if (raw != null) {
            set(builder, member, List.of(raw), option, rawBlobs);
        }
    }

    /** Sets a member to a value of its own Java type (a String for string members). */
    public static void setValue(SdkPojo builder, String member, Object value) {
        field(builder, member).set(builder, value);
    }

    /** A member's value in a built request (not a builder); null when unset or not a member. */
    public static Object get(SdkPojo pojo, String member) {
        for (SdkField<?> f : pojo.sdkFields()) {
            if (f.memberName().equals(member)) {
                return f.getValueOrDefault(pojo);
            }
        }
        return null;
    }

    private static SdkField<?> field(SdkPojo pojo, String member) {
        for (SdkField<?> f : pojo.sdkFields()) {
            if (f.memberName().equals(member)) {
                return f;
            }
        }
        throw new IllegalArgumentException("No member " + member + " in " + pojo.getClass().getName());
    }
}
