package dev.awsj.configure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.awsj.core.AtomicFileWriter;
import dev.awsj.core.AwsjException;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;

/**
 * What awsj promises about writing the config files (docs/reliability.md): concurrent changes all
 * land, a file or folder that is not to be written is refused and left as it was, and a replaced
 * file keeps its mode and owner.
 */
class ConfigFileSafetyTest {
    @TempDir
    Path home;
    Map<String, String> env;
    Path aws;
    Path config;
    Path credentials;

    @BeforeEach
    void setUp() {
        env = Cli.env(home);
        aws = home.resolve(".aws");
        config = aws.resolve("config");
        credentials = aws.resolve("credentials");
    }

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    private List<String> names(Path dir) throws Exception {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static Profile profile(Path file, ProfileFile.Type type, String name) {
        return ProfileFile.builder().content(file).type(type).build().profile(name).orElseThrow();
    }

    @Test
    void twoProcessesOfFiftyConfigureSetsKeepAllHundred() throws Exception {
        // Both processes start and wait on stdin; then each gets its 50 lines at the same moment.
        Path outA = home.resolve("a.out");
        Path outB = home.resolve("b.out");
        Process a = Cli.awsjProcess(env, "run", "-").redirectOutput(outA.toFile()).redirectErrorStream(true).start();
        Process b = Cli.awsjProcess(env, "run", "-").redirectOutput(outB.toFile()).redirectErrorStream(true).start();
        StringBuilder linesA = new StringBuilder();
        StringBuilder linesB = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            linesA.append("configure set a_").append(i).append(" va").append(i).append('\n');
            linesB.append("configure set b_").append(i).append(" vb").append(i).append('\n');
        }
        try (OutputStream inA = a.getOutputStream(); OutputStream inB = b.getOutputStream()) {
            inA.write(linesA.toString().getBytes(StandardCharsets.UTF_8));
            inB.write(linesB.toString().getBytes(StandardCharsets.UTF_8));
        }
        assertTrue(a.waitFor(300, TimeUnit.SECONDS) && b.waitFor(300, TimeUnit.SECONDS), "both processes finished");
        assertEquals(0, a.exitValue(), Files.readString(outA));
        assertEquals(0, b.exitValue(), Files.readString(outB));
        for (Path out : List.of(outA, outB)) {
            assertEquals(50, Files.readString(out).lines().filter(l -> l.contains("\"ExitCode\":0")).count(), Files.readString(out));
        }
        Profile def = profile(config, ProfileFile.Type.CONFIGURATION, "default");
        for (int i = 0; i < 50; i++) {
            assertEquals("va" + i, def.property("a_" + i).orElse(null), "a_" + i + " kept");
            assertEquals("vb" + i, def.property("b_" + i).orElse(null), "b_" + i + " kept");
        }
        assertEquals(100, def.properties().size());
        assertEquals(List.of("config", "config.lock"), names(aws), "no temporary file is left");
        assertEquals("rw-------", mode(aws.resolve("config.lock")));
    }

    @Test
    void threadsInOneProcessKeepEveryChangeToBothFiles() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Cli.Result>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                for (int i = 0; i < 10; i++) {
                    int n = i;
                    results.add(pool.submit(() -> Cli.run(env, "configure", "set", "--profile", "p" + thread, "k" + n, "v" + n)));
                    results.add(pool.submit(() -> Cli.run(env, "configure", "set", "--profile", "p" + thread,
                            "aws_session_token", "token" + thread)));
                }
            }
            for (Future<Cli.Result> r : results) {
                assertEquals(0, r.get().exitCode(), r.get().err());
            }
        } finally {
            pool.shutdownNow();
        }
        for (int t = 0; t < 4; t++) {
            Profile p = profile(config, ProfileFile.Type.CONFIGURATION, "p" + t);
            for (int i = 0; i < 10; i++) {
                assertEquals("v" + i, p.property("k" + i).orElse(null), "p" + t + ".k" + i);
            }
            assertEquals("token" + t, profile(credentials, ProfileFile.Type.CREDENTIALS, "p" + t).property("aws_session_token").orElse(null));
        }
    }

    @Test
    void aLockHeldByAnotherProcessIsWaitedForAndThenRefusedWith255() throws Exception {
        Cli.write(config, "[default]\nregion = us-east-1\n");
        Path lock = aws.resolve("config.lock");
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LockHolder.class.getName(), lock.toString()).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("locked", out.readLine());
            PrintStream err = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
            ConfigFiles files = new ConfigFiles(config, credentials, new AtomicFileWriter(err, Duration.ofMillis(700)));
            long start = System.nanoTime();
            AwsjException e = assertThrows(AwsjException.class, () -> files.set("default", "region", "eu-west-1"));
            assertTrue(System.nanoTime() - start >= Duration.ofMillis(700).toNanos(), "it waited");
            assertEquals(255, e.exitCode());
            assertEquals("Unable to change " + config + ": another awsj held its lock " + lock
                    + " for 700 ms; nothing was written, try again", e.getMessage());
            assertEquals("[default]\nregion = us-east-1\n", Cli.read(config));

            // Once the other process lets go (or dies), the change goes through.
            holder.getOutputStream().close();
            assertTrue(holder.waitFor(60, TimeUnit.SECONDS));
            files.set("default", "region", "eu-west-1");
            assertEquals("[default]\nregion = eu-west-1\n", Cli.read(config));
        } finally {
            holder.destroyForcibly();
        }
    }

    @Test
    void aReadOnlyFileIsRefusedEvenForRootAndLeftAsItWas() throws Exception {
        String keys = "[default]\naws_access_key_id = AKIAOLD\naws_secret_access_key = OLDSECRET\n";
        Cli.write(credentials, keys);
        Files.setPosixFilePermissions(credentials, PosixFilePermissions.fromString("r--------"));
        Cli.write(config, "[default]\nregion = us-east-1\n");
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-------"));
        String refused = "Unable to write " + credentials + ": the file is read-only (mode r--------), so it was left as it was;"
                + " to allow changes: chmod u+w " + credentials + "\n";

        Cli.Result set = Cli.run(env, "configure", "set", "aws_access_key_id", "AKIANEW");
        assertEquals(253, set.exitCode(), set.err());
        assertEquals(refused, set.err());
        // The prompt changes both files: neither is written when one cannot be.
        Cli.Result prompt = Cli.run(env, "AKIANEW\n\neu-west-1\n\n".getBytes(StandardCharsets.UTF_8), "configure");
        assertEquals(253, prompt.exitCode(), prompt.err());
        assertTrue(prompt.err().endsWith(refused), prompt.err());
        Path csv = home.resolve("keys.csv");
        Cli.write(csv, "Access key ID,Secret access key\nAKIANEW,newsecret\n");
        Cli.Result imported = Cli.run(env, "configure", "import", "--csv", csv.toString());
        assertEquals(253, imported.exitCode(), imported.err());
        assertEquals(refused, imported.err());

        assertEquals(keys, Cli.read(credentials));
        assertEquals("r--------", mode(credentials));
        assertEquals("[default]\nregion = us-east-1\n", Cli.read(config));
        assertEquals(List.of("config", "credentials"), names(aws), "no temporary or lock file was made");

        // A file its owner may write is written, and keeps its mode.
        Files.setPosixFilePermissions(credentials, PosixFilePermissions.fromString("rw-------"));
        assertEquals(0, Cli.run(env, "configure", "set", "aws_access_key_id", "AKIANEW").exitCode());
        assertEquals("rw-------", mode(credentials));
    }

    @Test
    void aFolderAwsjCannotWriteInIsNamedNotATemporaryFile() throws Exception {
        Cli.write(config, "[default]\nregion = us-east-1\n");
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-------"));
        Files.setPosixFilePermissions(aws, PosixFilePermissions.fromString("r-x------"));
        try {
            Cli.Result r = Cli.run(env, "configure", "set", "region", "eu-west-1");
            assertEquals(253, r.exitCode(), r.err());
            assertEquals("Unable to write " + config + ": the folder " + aws + " is not writable (permission denied),"
                    + " and awsj replaces a file by writing a new one beside it; the file was left as it was\n", r.err());
            assertFalse(r.err().contains(".tmp"), r.err());
            assertEquals("[default]\nregion = us-east-1\n", Cli.read(config));
            assertEquals(List.of("config"), names(aws));

            // A file in a folder still to be made: the folder that cannot be written in is named.
            env.put("AWS_CONFIG_FILE", aws.resolve("sub/config").toString());
            Cli.Result missing = Cli.run(env, "configure", "set", "region", "eu-west-1");
            assertEquals(253, missing.exitCode(), missing.err());
            assertTrue(missing.err().startsWith("Unable to write " + aws.resolve("sub/config") + ": the folder " + aws
                    + " is not writable"), missing.err());
        } finally {
            Files.setPosixFilePermissions(aws, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void aReplacedFileKeepsItsOwnerGroupAndMode() throws Exception {
        Cli.write(credentials, "[default]\naws_access_key_id = AKIAOLD\n");
        PosixFileAttributeView view = Files.getFileAttributeView(credentials, PosixFileAttributeView.class);
        assumeTrue(view.readAttributes().owner().getName().equals("root"), "only root can give a file to another user");
        UserPrincipalLookupService users = credentials.getFileSystem().getUserPrincipalLookupService();
        UserPrincipal nobody = users.lookupPrincipalByName("nobody");
        GroupPrincipal nogroup = users.lookupPrincipalByGroupName("nogroup");
        view.setOwner(nobody);
        view.setGroup(nogroup);
        Files.setPosixFilePermissions(credentials, PosixFilePermissions.fromString("rw-r-----"));

        Cli.Result r = Cli.run(env, "configure", "set", "aws_access_key_id", "AKIANEW");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("[default]\naws_access_key_id = AKIANEW\n", Cli.read(credentials));
        PosixFileAttributes now = Files.readAttributes(credentials, PosixFileAttributes.class);
        assertEquals(nobody, now.owner(), "the user's file stays the user's");
        assertEquals(nogroup, now.group());
        assertEquals("rw-r-----", PosixFilePermissions.toString(now.permissions()));
    }
}
