package dev.awsj;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code awsj __train [GROUP]} (hidden): the training run of a start-up archive. The launcher runs
 * it with {@code -XX:ArchiveClassesAtExit} (JDK 17-24) or {@code -XX:AOTCacheOutput} (JDK 25+), once
 * for each kind of call: a service's archive holds what that service's calls load (its client,
 * signing, its protocol, uploads, downloads and presigning for S3, JSON/text output, --query, error
 * messages), {@code awsj}'s what help, --version and configure load, {@code run}'s all of them and
 * {@code awsj run}. The calls go to a canned server on 127.0.0.1 in this process; nothing leaves
 * the machine, and neither the user's environment nor their AWS files are read.
 */
@Command(name = "__train", hidden = true, description = "Exercise the common paths once (for the start-up cache).")
public final class TrainCommand implements Callable<Integer> {
    /** Which archive this run makes: a service's, {@code awsj}'s (help, --version, configure) or {@code run}'s (all). */
    @Parameters(index = "0", arity = "0..1", defaultValue = "run", description = "s3, sns, rekognition, polly,"
            + " translate, comprehend, awsj or run (the launcher's name for the archive).")
    String group;

    /**
     * The lines run for {@code group}, in order; {@code home} holds the local files they read and
     * write. Each archive holds what its kind of call loads, and no more: the launcher gives a call
     * the archive of the service on its line, and an archive costs start-up time in proportion to
     * its size. {@code run} has them all, as a script may call every service.
     */
    static List<List<String>> lines(Path home, String group) {
        String up = home.resolve("up.txt").toString();
        String down = home.resolve("down.txt").toString();
        String image = home.resolve("image.jpg").toString();
        List<List<String>> awsj = List.of(
                List.of("--version"),
                List.of("help"),
                List.of("configure", "list"),
                List.of("configure", "get", "region"));
        List<List<String>> sns = List.of(
                List.of("sns", "--help"),
                List.of("sns", "list-topics"),
                List.of("sns", "create-topic", "--name", "train"),
                List.of("sns", "publish", "--topic-arn", "arn:aws:sns:us-east-1:000000000000:train", "--message", "hi"),
                List.of("sns", "list-topics", "--query", "Topics[].TopicArn", "--output", "text"),
                List.of("sns", "delete-topic", "--topic-arn", "arn:aws:sns:us-east-1:000000000000:missing"),
                List.of("sns", "no-such-command"));
        List<List<String>> s3 = List.of(
                List.of("s3", "ls"),
                List.of("s3", "ls", "s3://train/"),
                List.of("s3", "mb", "s3://train-new"),
                List.of("s3", "cp", up, "s3://train/up.txt"),
                List.of("s3", "cp", "s3://train/a.txt", down),
                List.of("s3", "cp", "s3://train/a.txt", "-"),
                List.of("s3", "presign", "s3://train/a.txt", "--expires-in", "600"),
                List.of("s3api", "list-buckets"),
                List.of("s3api", "list-objects-v2", "--bucket", "train"),
                List.of("s3api", "list-objects-v2", "--bucket", "train", "--query", "Contents[].Key", "--output", "text"),
                List.of("s3api", "head-object", "--bucket", "train", "--key", "a.txt"),
                List.of("s3api", "head-object", "--bucket", "train", "--key", "missing"));
        List<List<String>> rekognition = List.of(
                List.of("rekognition", "detect-labels", "--image", image, "--max-labels", "5"),
                List.of("rekognition", "detect-labels", "--image", image, "--query", "Labels[].Name", "--output", "text"));
        // The canned server knows no answer of these: the calls fail, after building their clients,
        // signing and sending, which is what the archive is for.
        List<List<String>> polly = List.of(List.of("polly", "describe-voices"));
        List<List<String>> translate = List.of(List.of("translate", "list-languages"));
        List<List<String>> comprehend = List.of(List.of("comprehend", "detect-dominant-language", "--text", "hello"));
        List<List<String>> lines = new java.util.ArrayList<>(List.of(List.of("--version")));
        switch (group) {
            case "awsj" -> lines = new java.util.ArrayList<>(awsj);
            case "s3" -> lines.addAll(s3);
            case "sns" -> lines.addAll(sns);
            case "rekognition" -> lines.addAll(rekognition);
            case "polly" -> lines.addAll(polly);
            case "translate" -> lines.addAll(translate);
            case "comprehend" -> lines.addAll(comprehend);
            default -> {
                lines = new java.util.ArrayList<>(awsj);
                for (List<List<String>> service : List.of(sns, s3, rekognition, polly, translate, comprehend)) {
                    lines.addAll(service);
                }
            }
        }
        return lines;
    }

    @Override
    public Integer call() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", TrainCommand::answer);
        server.start();
        Path home = Files.createTempDirectory("awsj-train");
        try {
            Path aws = Files.createDirectories(home.resolve(".aws"));
            Files.writeString(aws.resolve("config"), "[default]\nregion = us-east-1\noutput = json\n");
            Files.writeString(aws.resolve("credentials"),
                    "[default]\naws_access_key_id = AKIDTRAIN\naws_secret_access_key = train\n");
            Files.writeString(home.resolve("up.txt"), "hello\n");
            Files.write(home.resolve("image.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10});
            Map<String, String> env = Map.of(
                    "HOME", home.toString(),
                    "AWS_ENDPOINT_URL", "http://127.0.0.1:" + server.getAddress().getPort(),
                    "AWS_EC2_METADATA_DISABLED", "true");
            StringBuilder script = new StringBuilder();
            for (List<String> line : lines(home, group)) {
                ByteArrayOutputStream sink = new ByteArrayOutputStream();
                int code = Awsj.run(line.toArray(String[]::new), new ByteArrayInputStream(new byte[0]), sink, sink, env);
                // For the trainer's log (the cache folder's *.train.log): what each line came to.
                System.err.println("awsj " + String.join(" ", line) + " -> exit " + code);
                if (!line.contains(home.resolve("down.txt").toString())) {
                    script.append(String.join(" ", line)).append('\n');
                }
            }
            if (!group.equals("run")) {
                return 0;
            }
            // And the same calls once more through `awsj run`, in parallel.
            ByteArrayOutputStream sink = new ByteArrayOutputStream();
            Awsj.run(new String[] {"run", "--parallel", "4", "-"},
                    new ByteArrayInputStream(script.toString().getBytes(StandardCharsets.UTF_8)), sink, sink, env);
        } finally {
            server.stop(0);
            deleteTree(home);
        }
        return 0;
    }

    private static void deleteTree(Path p) throws IOException {
        try (var files = Files.walk(p)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        }
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
