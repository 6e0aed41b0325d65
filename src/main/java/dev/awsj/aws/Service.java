package dev.awsj.aws;

import java.util.Locale;
import java.util.Optional;

/**
 * The services awsj speaks to. Client classes are named, not referenced, so that only the service
 * on the command line is loaded.
 */
public enum Service {
    S3("s3", "software.amazon.awssdk.services.s3.S3Client", "S3"),
    SNS("sns", "software.amazon.awssdk.services.sns.SnsClient", "SNS"),
    REKOGNITION("rekognition", "software.amazon.awssdk.services.rekognition.RekognitionClient", "REKOGNITION"),
    POLLY("polly", "software.amazon.awssdk.services.polly.PollyClient", "POLLY"),
    TRANSLATE("translate", "software.amazon.awssdk.services.translate.TranslateClient", "TRANSLATE"),
    COMPREHEND("comprehend", "software.amazon.awssdk.services.comprehend.ComprehendClient", "COMPREHEND"),
    STS("sts", "software.amazon.awssdk.services.sts.StsClient", "STS");

    private final String cliName;
    private final String clientClassName;
    private final String endpointEnvName;

    Service(String cliName, String clientClassName, String endpointEnvName) {
        this.cliName = cliName;
        this.clientClassName = clientClassName;
        this.endpointEnvName = endpointEnvName;
    }

    public String cliName() {
        return cliName;
    }

    public String clientClassName() {
        return clientClassName;
    }

    /** The suffix of AWS_ENDPOINT_URL_&lt;SERVICE&gt;. */
    public String endpointEnvName() {
        return endpointEnvName;
    }

    /** The SDK's synchronous client interface, loaded on demand. */
    public Class<?> clientInterface() {
        try {
            return Class.forName(clientClassName);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("The " + cliName + " client is not on the class path", e);
        }
    }

    /**
     * Whether the SDK's client reads JSON response bodies (awsJson, restJson): Rekognition,
     * Comprehend, Polly. S3 and SNS answer in XML; Translate's client speaks Smithy RPC v2 CBOR.
     */
    public boolean answersInJson() {
        return this == REKOGNITION || this == COMPREHEND || this == POLLY;
    }

    /** Whether the service writes timestamps as epoch seconds (JSON, CBOR) rather than ISO 8601 (XML). */
    public boolean epochTimestamps() {
        return this != S3 && this != SNS && this != STS;
    }

    public static Optional<Service> byCliName(String name) {
        for (Service s : values()) {
            if (s.cliName.equals(name.toLowerCase(Locale.ROOT))) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
