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

    /**
     * Members the SDK's S3 client names otherwise than the service model (CopyObject and
     * UploadPartCopy take the destination as DestinationBucket/DestinationKey): SDK name → model name.
     */
    private static final Map<String, String> S3_SDK_RENAMED = Map.of("DestinationBucket", "Bucket", "DestinationKey", "Key");
    /** Members the SDK's S3 client adds to build CopySource; the model, and so aws, has none of them. */
    private static final java.util.Set<String> S3_SDK_ONLY = java.util.Set.of("SourceBucket", "SourceKey", "SourceVersionId");

    private Names() {
    }

    /**
     * The service model's name of an SDK request member, or null for a member the SDK adds that the
     * model does not have (the command line offers no option for it, as aws has none).
     */
    public static String modelMember(String service, String sdkMember) {
        if (!service.equals("s3")) {
            return sdkMember;
        }
        return S3_SDK_ONLY.contains(sdkMember) ? null : S3_SDK_RENAMED.getOrDefault(sdkMember, sdkMember);
    }

    /**
     * The option of a request member as the AWS CLI names it: {@code --topic-arn}, or the renamed
     * form ({@code sns subscribe}'s {@code Endpoint} is {@code --notification-endpoint}).
     */
    public static String option(String service, String operationCliName, String member) {
        String model = modelMember(service, member);
        String arg = kebab(model != null ? model : member);
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
