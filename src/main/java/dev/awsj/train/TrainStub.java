package dev.awsj.train;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.function.IntSupplier;

/**
 * The canned server of {@code awsj __train} on 127.0.0.1: plausible answers to the training calls.
 * Loaded by {@code TrainCommand}'s own class loader (see there), so it uses the JDK alone: its
 * caller sees it as an {@link AutoCloseable} and an {@link IntSupplier} of its port.
 */
public final class TrainStub implements AutoCloseable, IntSupplier {
    private final HttpServer server;

    public TrainStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", TrainStub::answer);
        server.start();
    }

    /** The port it listens on. */
    @Override
    public int getAsInt() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** Plausible answers: SNS's query protocol by Action, S3's REST calls by path. */
    private static void answer(HttpExchange x) throws IOException {
        byte[] body = x.getRequestBody().readAllBytes();
        String path = x.getRequestURI().getPath();
        String method = x.getRequestMethod();
        String form = new String(body, StandardCharsets.UTF_8);
        String action = formValue(form, "Action");
        String target = x.getRequestHeaders().getFirst("X-Amz-Target");
        int status = 200;
        String type = "text/xml";
        String reply;
        if (target != null) {
            // JSON protocol services (Rekognition): shaped as the DetectLabels API reference example.
            type = "application/x-amz-json-1.1";
            reply = target.endsWith(".DetectLabels")
                    ? "{\"Labels\":[{\"Name\":\"Scooter\",\"Confidence\":98.4417724609375,\"Instances\":[{\"BoundingBox\":"
                            + "{\"Width\":0.5,\"Height\":0.25,\"Left\":0.1,\"Top\":0.2},\"Confidence\":98.4417724609375}],"
                            + "\"Parents\":[{\"Name\":\"Vehicle\"}]}],\"LabelModelVersion\":\"3.0\"}"
                    : "{}";
        } else if (action != null) {
            String ns = " xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"";
            String meta = "<ResponseMetadata><RequestId>train</RequestId></ResponseMetadata>";
            reply = switch (action) {
                case "ListTopics" -> "<ListTopicsResponse" + ns + "><ListTopicsResult><Topics><member><TopicArn>"
                        + "arn:aws:sns:us-east-1:000000000000:train</TopicArn></member></Topics></ListTopicsResult>"
                        + meta + "</ListTopicsResponse>";
                case "CreateTopic" -> "<CreateTopicResponse" + ns + "><CreateTopicResult><TopicArn>"
                        + "arn:aws:sns:us-east-1:000000000000:train</TopicArn></CreateTopicResult>" + meta
                        + "</CreateTopicResponse>";
                case "Publish" -> "<PublishResponse" + ns + "><PublishResult><MessageId>"
                        + "567910cd-659e-55d4-8ccb-5aaf14679dc0</MessageId></PublishResult>" + meta + "</PublishResponse>";
                case "DeleteTopic" -> null;
                default -> "<" + action + "Response" + ns + ">" + meta + "</" + action + "Response>";
            };
            if (reply == null) {
                status = 404;
                reply = "<ErrorResponse" + ns + "><Error><Type>Sender</Type><Code>NotFound</Code>"
                        + "<Message>Topic does not exist</Message></Error><RequestId>train</RequestId></ErrorResponse>";
            }
        } else {
            String ns = " xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"";
            String[] parts = path.replaceFirst("^/", "").split("/", 2);
            if (method.equals("GET") && parts[0].isEmpty()) {
                reply = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ListAllMyBucketsResult" + ns + "><Owner><ID>train</ID>"
                        + "<DisplayName>train</DisplayName></Owner><Buckets><Bucket><Name>train</Name>"
                        + "<CreationDate>2026-01-01T00:00:00.000Z</CreationDate></Bucket></Buckets></ListAllMyBucketsResult>";
            } else if (method.equals("GET") && parts.length == 1) {
                reply = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ListBucketResult" + ns + "><Name>train</Name><Prefix></Prefix>"
                        + "<KeyCount>1</KeyCount><MaxKeys>1000</MaxKeys><Delimiter>/</Delimiter><IsTruncated>false</IsTruncated>"
                        + "<Contents><Key>a.txt</Key><LastModified>2026-01-01T00:00:00.000Z</LastModified>"
                        + "<ETag>\"900150983cd24fb0d6963f7d28e17f72\"</ETag><Size>3</Size><StorageClass>STANDARD</StorageClass>"
                        + "</Contents><CommonPrefixes><Prefix>dir/</Prefix></CommonPrefixes></ListBucketResult>";
            } else if ((method.equals("GET") || method.equals("HEAD")) && path.endsWith("/missing")) {
                status = 404;
                type = "application/xml";
                reply = method.equals("HEAD") ? "" : "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>NoSuchKey</Code>"
                        + "<Message>The specified key does not exist.</Message></Error>";
            } else if (method.equals("GET") || method.equals("HEAD")) {
                type = "text/plain";
                reply = "abc";
                x.getResponseHeaders().add("ETag", "\"900150983cd24fb0d6963f7d28e17f72\"");
                x.getResponseHeaders().add("Last-Modified", "Thu, 01 Jan 2026 00:00:00 GMT");
                if (method.equals("HEAD")) {
                    x.getResponseHeaders().add("Content-Length", "3");
                }
            } else {
                reply = "";
                x.getResponseHeaders().add("ETag", "\"900150983cd24fb0d6963f7d28e17f72\"");
            }
        }
        byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", type);
        x.getResponseHeaders().add("x-amzn-RequestId", "train");
        boolean head = x.getRequestMethod().equals("HEAD");
        x.sendResponseHeaders(status, head || bytes.length == 0 ? -1 : bytes.length);
        if (!head && bytes.length > 0) {
            try (OutputStream o = x.getResponseBody()) {
                o.write(bytes);
            }
        }
        x.close();
    }

    private static String formValue(String form, String name) {
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
