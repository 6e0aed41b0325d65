package dev.awsj.aws;

import dev.awsj.json.WireText;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Optional;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.traits.TimestampFormatTrait;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * Keeps, with each response, the text the service sent for the members aws prints as sent
 * ({@link WireText}): the floating-point numbers of a JSON body, and with
 * {@code cli_timestamp_format = wire} its timestamps. {@link ClientFactory} installs one on the
 * JSON-protocol clients, and on the others when timestamps print as sent.
 *
 * <p>A JSON body is read whole before the SDK reads it (the SDK gets the same bytes), and walked
 * along the response once the SDK has unmarshalled it; the bytes go with the call. Streamed
 * bodies (Polly's audio and speech marks) and CBOR are left alone.
 */
final class WireRecorder implements ExecutionInterceptor {
    private static final ExecutionAttribute<byte[]> BODY = new ExecutionAttribute<>("awsj.WireBody");

    private final boolean jsonBodies;
    private final boolean wireTimestamps;
    private final TimestampFormatTrait.Format bodyFormat;

    /**
     * @param jsonBodies the service answers in JSON (awsJson, restJson), whose bodies are read
     * @param wireTimestamps {@code cli_timestamp_format = wire}
     * @param bodyFormat how the protocol writes a timestamp in a body where the model names no format
     */
    WireRecorder(boolean jsonBodies, boolean wireTimestamps, TimestampFormatTrait.Format bodyFormat) {
        this.jsonBodies = jsonBodies;
        this.wireTimestamps = wireTimestamps;
        this.bodyFormat = bodyFormat;
    }

    @Override
    public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context, ExecutionAttributes attrs) {
        Optional<InputStream> body = context.responseBody();
        if (!jsonBodies || body.isEmpty() || !isJsonDocument(context.httpResponse())) {
            return body;
        }
        try (InputStream in = body.get()) {
            byte[] bytes = in.readAllBytes();
            attrs.putAttribute(BODY, bytes);
            return Optional.of(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A successful response whose body is one JSON document: JSON's media types, not Polly's
     * {@code application/x-json-stream} of speech marks nor audio. Without a Content-Type (a stub),
     * the SDK reads the body as JSON all the same.
     */
    private static boolean isJsonDocument(SdkHttpResponse response) {
        if (!response.isSuccessful()) {
            return false;
        }
        Optional<String> type = response.firstMatchingHeader("Content-Type");
        if (type.isEmpty()) {
            return true;
        }
        String media = type.get().split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return media.equals("application/json") || media.startsWith("application/x-amz-json");
    }

    @Override
    public SdkResponse modifyResponse(Context.ModifyResponse context, ExecutionAttributes attrs) {
        byte[] body = attrs.getAttribute(BODY);
        if (body != null || wireTimestamps) {
            WireText.record(context.response(), body, context.httpResponse(), wireTimestamps, bodyFormat);
        }
        return context.response();
    }
}
