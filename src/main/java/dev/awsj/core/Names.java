package dev.awsj.core;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** API names to command-line names exactly as the AWS CLI forms them (botocore's xform_name). */
public final class Names {
    private static final Pattern FIRST_CAP = Pattern.compile("(.)([A-Z][a-z]+)");
    private static final Pattern END_CAP = Pattern.compile("([a-z0-9])([A-Z])");
    private static final Pattern SPECIAL = Pattern.compile("[A-Z]{2,}s$");

    /** Option names the AWS CLI renames (its argrename.py), for the six services: service.op.arg. */
    private static final Map<String, String> RENAMES = Map.of(
            "sns.subscribe.endpoint", "notification-endpoint",
            "rekognition.create-stream-processor.output", "stream-processor-output");

    private Names() {
    }

    /**
     * The option of a request member as the AWS CLI names it: {@code --topic-arn}, or the renamed
     * form ({@code sns subscribe}'s {@code Endpoint} is {@code --notification-endpoint}).
     */
    public static String option(String service, String operationCliName, String member) {
        String arg = kebab(member);
        return "--" + RENAMES.getOrDefault(service + "." + operationCliName + "." + arg, arg);
    }

    /** {@code ListObjectsV2} → {@code list-objects-v2}, {@code TopicArn} → {@code topic-arn}. */
    public static String kebab(String name) {
        String n = name;
        Matcher special = SPECIAL.matcher(n);
        if (special.find()) {
            String m = special.group();
            n = n.substring(0, n.length() - m.length()) + "-" + m.toLowerCase(Locale.ROOT);
        }
        n = FIRST_CAP.matcher(n).replaceAll("$1-$2");
        n = END_CAP.matcher(n).replaceAll("$1-$2");
        return n.toLowerCase(Locale.ROOT);
    }
}
