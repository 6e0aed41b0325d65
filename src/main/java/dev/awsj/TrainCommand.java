package dev.awsj;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.IntSupplier;
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
        AutoCloseable server = startStub();
        int port = ((IntSupplier) server).getAsInt();
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
                    "AWS_ENDPOINT_URL", "http://127.0.0.1:" + port,
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
            server.close();
            deleteTree(home);
        }
        return 0;
    }

    /**
     * The canned server, {@code dev.awsj.train.TrainStub}, defined by a loader of its own whose
     * parent is the platform loader: the launcher puts awsj's jar on the boot class path
     * (docs/architecture.md, "Start-up"), and classes there cannot see {@code jdk.httpserver}, a
     * module of the platform loader. The stub uses nothing of awsj's.
     */
    private static AutoCloseable startStub() throws Exception {
        Class<?> stub = Class.forName("dev.awsj.train.TrainStub", true, new StubLoader());
        return (AutoCloseable) stub.getConstructor().newInstance();
    }

    /** Defines the classes of {@code dev.awsj.train} from their bytes in the jar; all else from its parent. */
    private static final class StubLoader extends ClassLoader {
        static {
            registerAsParallelCapable();
        }

        StubLoader() {
            super("awsj-train", ClassLoader.getPlatformClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("dev.awsj.train.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    String file = name.replace('.', '/') + ".class";
                    // The system loader finds the jar's entries from the boot class path too.
                    try (java.io.InputStream in = ClassLoader.getSystemResourceAsStream(file)) {
                        if (in == null) {
                            throw new ClassNotFoundException(name);
                        }
                        byte[] bytes = in.readAllBytes();
                        c = defineClass(name, bytes, 0, bytes.length);
                    } catch (IOException e) {
                        throw new ClassNotFoundException(name, e);
                    }
                }
                return c;
            }
        }
    }

    private static void deleteTree(Path p) throws IOException {
        try (var files = Files.walk(p)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        }
    }

}
