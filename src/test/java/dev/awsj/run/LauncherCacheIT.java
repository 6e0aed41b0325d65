package dev.awsj.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Black-box: the launcher's start-up archive (src/main/sh/awsj-launch.sh). No call waits for it:
 * the first call runs without one and a trainer makes it in the background, once, however many
 * calls start together; the next calls use it; a damaged, foreign or refused archive is not used
 * and is made again; a trainer that hangs delays no command and is stopped at its time limit.
 *
 * <p>The hanging trainer is a stand-in JDK: a folder with the real JDK's {@code release} file and a
 * {@code bin/java} script that runs the real java, except for {@code __train}, where it writes its
 * pid to a file, prints to stdout and stderr, and sleeps. The launcher is not told about it.
 */
class LauncherCacheIT {
    static final Path JDK25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");
    static final Path REAL_JAVA = Path.of(System.getProperty("java.home"), "bin", "java");
    /** How long a real training may take here: minutes on a loaded 2-core machine. */
    static final Duration TRAINING = Duration.ofMinutes(10);

    record Run(int code, String out, String err, long millis) {
    }

    /** Processes a stand-in trainer left sleeping, stopped after each test. */
    private final List<Path> pidFiles = new ArrayList<>();

    static ProcessBuilder launcher(Path launcher, Path cache, Map<String, String> extraEnv, String... args) {
        List<String> cmd = new ArrayList<>(List.of(launcher.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("AWSJ_CACHE_DIR", cache.toString());
        pb.environment().remove("AWSJ_NO_CDS");
        pb.environment().remove("AWSJ_TRAIN_TIMEOUT");
        pb.environment().putAll(extraEnv);
        return pb;
    }

    /**
     * Waits for the command and reads its stdout and stderr to their end: a trainer that kept
     * either open would hold this up to the deadline and fail the test.
     */
    static Run finish(Process p, long started) throws Exception {
        p.getOutputStream().close();
        CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
        String o = new String(out.get(120, TimeUnit.SECONDS), StandardCharsets.UTF_8);
        String e = new String(err.get(120, TimeUnit.SECONDS), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        return new Run(p.exitValue(), o, e, (System.nanoTime() - started) / 1_000_000);
    }

    static byte[] readAll(java.io.InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Run run(ProcessBuilder pb) throws Exception {
        long started = System.nanoTime();
        return finish(pb.start(), started);
    }

    static Run awsj(Path cache, Map<String, String> extraEnv, String... args) throws Exception {
        return run(launcher(Path.of("awsj").toAbsolutePath(), cache, extraEnv, args));
    }

    static List<Path> archives(Path cache) throws IOException {
        try (Stream<Path> s = Files.list(cache)) {
            return s.filter(p -> p.toString().endsWith(".jsa") || p.toString().endsWith(".aot")).sorted().toList();
        }
    }

    static List<Path> locks(Path cache) throws IOException {
        try (Stream<Path> s = Files.list(cache)) {
            return s.filter(p -> p.toString().endsWith(".lock")).toList();
        }
    }

    static Path trainLog(Path cache) throws IOException {
        try (Stream<Path> s = Files.list(cache)) {
            return s.filter(p -> p.toString().endsWith(".train.log")).findFirst().orElseThrow();
        }
    }

    /** Waits until no trainer holds a lock in {@code cache}. */
    static void awaitTrainer(Path cache, Duration max) throws Exception {
        long deadline = System.nanoTime() + max.toNanos();
        while (!locks(cache).isEmpty()) {
            assertTrue(System.nanoTime() < deadline, "the trainer is still at work after " + max);
            Thread.sleep(250);
        }
    }

    static Object fileKey(Path p) throws IOException {
        return Files.readAttributes(p, BasicFileAttributes.class).fileKey();
    }

    /**
     * The call the tests start trainers with: it loads the sns client and needs no network. (Help,
     * --version and configure have no archive on JDK 17-24: they run without one and train none.)
     */
    static final String[] CALL = {"sns", "--help"};

    static void assertCall(Run r) {
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("Usage: awsj sns"), "sns's help on stdout: " + r.out());
        assertEquals("", r.err(), "nothing on stderr");
    }

    static void assertVersion(Run r) {
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().matches("awsj/\\S+ Java/\\S+ \\S+/\\S+\\n"), "only the version on stdout: " + r.out());
        assertEquals("", r.err(), "nothing on stderr");
    }

    /**
     * On JDK 17-24 the archive's log says, at info level, that the JVM mapped it. JDK 25's AOT cache
     * logs warnings only: the log is there, and empty when the JVM took the cache without a word.
     */
    static void assertUsed(Path archive) throws IOException {
        String log = Files.readString(Path.of(archive + ".log"));
        if (archive.toString().endsWith(".aot")) {
            assertEquals("", log, "the JVM took the AOT cache without a word");
        } else {
            assertTrue(log.contains("Mapped dynamic region"), "the JVM used the archive: " + log);
        }
    }

    /** A JDK folder whose java hangs when asked to train, and runs the real java otherwise. */
    Path hangingTrainerJdk(Path dir) throws IOException {
        Path jdk = Files.createDirectories(dir.resolve("jdk-with-a-hanging-trainer"));
        Files.copy(REAL_JAVA.getParent().getParent().resolve("release"), jdk.resolve("release"));
        Path bin = Files.createDirectories(jdk.resolve("bin"));
        Path pids = dir.resolve("trainer-pids");
        pidFiles.add(pids);
        Files.writeString(bin.resolve("java"), """
                #!/bin/sh
                for a in "$@"; do
                  if [ "$a" = __train ]; then
                    echo $$ >> '%s'
                    echo "trainer output on stdout"
                    echo "trainer output on stderr" >&2
                    exec sleep 300
                  fi
                done
                exec '%s' "$@"
                """.formatted(pids, REAL_JAVA));
        Files.setPosixFilePermissions(bin.resolve("java"), PosixFilePermissions.fromString("rwxr-xr-x"));
        return jdk;
    }

    static List<Long> pids(Path file) throws IOException {
        return Files.exists(file) ? Files.readAllLines(file).stream().map(Long::parseLong).toList() : List.of();
    }

    /** Waits (a minute at most) until {@code count} stand-in trainers have written their pids to {@code file}. */
    static void awaitTrainers(Path file, int count, String failure) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (pids(file).size() < count) {
            assertTrue(System.nanoTime() < deadline, failure);
            Thread.sleep(100);
        }
    }

    /** Kills the trainer's shell named in {@code lock} (as a machine going down would) and waits until it is gone. */
    static void killTrainerShell(Path lock) throws Exception {
        long shell = Long.parseLong(Files.readString(lock.resolve("pid")).strip());
        ProcessHandle.of(shell).ifPresent(ProcessHandle::destroyForcibly);
        while (ProcessHandle.of(shell).map(ProcessHandle::isAlive).orElse(false)) {
            Thread.sleep(50);
        }
    }

    @AfterEach
    void stopStandInTrainers() throws IOException {
        for (Path f : pidFiles) {
            for (long pid : pids(f)) {
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
    }

    @Test
    void madeInTheBackgroundThenUsedAndMadeAgainWhenDamagedOrForeign(@TempDir Path cache) throws Exception {
        assertCall(awsj(cache, Map.of(), CALL));
        awaitTrainer(cache, TRAINING);
        List<Path> made = archives(cache);
        assertEquals(1, made.size(), "one archive: " + made + "\n" + Files.readString(trainLog(cache)));
        Path archive = made.get(0);
        assertTrue(Files.exists(Path.of(archive + ".ok")), "checked after training");
        Object key = fileKey(archive);
        FileTime trained = Files.getLastModifiedTime(trainLog(cache));

        assertCall(awsj(cache, Map.of(), CALL));
        assertEquals(key, fileKey(archive), "the second call uses the archive");
        assertUsed(archive);
        assertEquals(List.of(), locks(cache), "and starts no trainer");
        assertEquals(trained, Files.getLastModifiedTime(trainLog(cache)));

        // Truncated (a copy cut short, a full disk): mapping it would crash the JVM. Not used, made again.
        archive.toFile().setWritable(true);
        try (var ch = Files.newByteChannel(archive, StandardOpenOption.WRITE)) {
            ch.truncate(4096);
        }
        assertCall(awsj(cache, Map.of(), CALL));
        awaitTrainer(cache, TRAINING);
        assertTrue(Files.size(archive) > 1 << 20, "made again in full: " + Files.size(archive));
        assertNotEquals(key, fileKey(archive));
        key = fileKey(archive);

        // The JVM said it could not use the archive (its log is read by the next call): made again.
        Files.writeString(Path.of(archive + ".log"),
                "[0.004s][info][cds] UseSharedSpaces: The shared archive file has the wrong version.\n"
                        + "[0.004s][warning][aot] Unable to map shared spaces\n");
        assertCall(awsj(cache, Map.of(), CALL));
        awaitTrainer(cache, TRAINING);
        assertNotEquals(key, fileKey(archive), "made again after the JVM's complaint");
        key = fileKey(archive);

        // Foreign: another file of the same size under its name, with a check mark that fits (as a
        // cache restored from elsewhere could bring). The JVM refuses it; the call is unharmed.
        long size = Files.size(archive);
        // The archive is <prefix>-<jar sum>-<group>.jsa; the jar's copy beside it <prefix>-<jar sum>.jar.
        Path runJar = Path.of(archive.toString().replaceFirst("-[a-z0-9]+\\.(jsa|aot)$", ".jar"));
        byte[] foreign = new byte[(int) size];
        new Random(7).nextBytes(foreign);
        archive.toFile().setWritable(true);
        Files.write(archive, foreign);
        Files.writeString(Path.of(archive + ".ok"), size + " " + Files.size(runJar) + "\n");
        assertCall(awsj(cache, Map.of(), CALL));
        assertCall(awsj(cache, Map.of(), CALL));
        awaitTrainer(cache, TRAINING);
        assertNotEquals(key, fileKey(archive), "made again after the JVM refused it");
        assertCall(awsj(cache, Map.of(), CALL));
        assertUsed(archive);
    }

    @Test
    void noCallWaitsForTheTrainerAndFourFirstCallsStartOne(@TempDir Path dir) throws Exception {
        Path cache = dir.resolve("cache");
        Path jdk = hangingTrainerJdk(dir);
        Map<String, String> env = Map.of("JAVA_HOME", jdk.toString(), "AWSJ_TRAIN_TIMEOUT", "20");
        Path pids = dir.resolve("trainer-pids");

        // Four first calls at once on an empty cache.
        List<Process> calls = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < 4; i++) {
            calls.add(launcher(Path.of("awsj").toAbsolutePath(), cache, env, CALL).start());
        }
        for (Process p : calls) {
            // Each ends, its stdout and stderr read to their end, well within the trainer's time.
            Run r = finish(p, started);
            assertCall(r);
            assertTrue(r.millis() < 20_000, "took " + r.millis() + " ms");
        }
        awaitTrainers(pids, 1, "no trainer started");
        long trainerPid = pids(pids).get(0);
        assertTrue(ProcessHandle.of(trainerPid).map(ProcessHandle::isAlive).orElse(false),
                "the calls ended; the trainer they started still hangs");
        assertEquals(1, pids(pids).size(), "one trainer for four first calls");
        assertEquals(1, locks(cache).size());

        // A call while it hangs: as fast, no second trainer.
        Run during = awsj(cache, env, CALL);
        assertCall(during);
        assertTrue(during.millis() < 20_000, "took " + during.millis() + " ms");
        assertEquals(1, pids(pids).size());

        // At its time limit the trainer is stopped, the lock freed, the failure noted in its log.
        awaitTrainer(cache, Duration.ofSeconds(90));
        assertFalse(ProcessHandle.of(trainerPid).map(ProcessHandle::isAlive).orElse(false), "stopped");
        String log = Files.readString(trainLog(cache));
        assertTrue(log.contains("time limit reached"), log);
        assertTrue(log.contains("trainer output on stderr"), "the trainer's output went to its log: " + log);
        assertEquals(List.of(), archives(cache));

        // A failed training is not tried again at once: the next calls start no trainer.
        assertCall(awsj(cache, env, CALL));
        assertCall(awsj(cache, env, CALL));
        assertEquals(1, pids(pids).size());
        assertEquals(List.of(), locks(cache));
    }

    @Test
    void theTrainerWaitsWhileCallsGoOn(@TempDir Path dir) throws Exception {
        Path cache = dir.resolve("cache");
        Path jdk = hangingTrainerJdk(dir);
        Map<String, String> env = Map.of("JAVA_HOME", jdk.toString());
        Path pids = dir.resolve("trainer-pids");
        assertCall(awsj(cache, env, CALL));
        // A job script: a call begins every 400 ms for 6 seconds, whatever each one takes.
        List<Process> calls = new ArrayList<>();
        long started = System.nanoTime();
        while (System.nanoTime() - started < TimeUnit.SECONDS.toNanos(6)) {
            calls.add(launcher(Path.of("awsj").toAbsolutePath(), cache, env, CALL).start());
            assertEquals(List.of(), pids(pids), "the trainer began while awsj was in use");
            Thread.sleep(400);
        }
        for (Process p : calls) {
            assertCall(finish(p, started));
        }
        // Once awsj is idle, it begins.
        awaitTrainers(pids, 1, "no trainer started after the calls ended");
        assertEquals(1, pids(pids).size(), "one trainer for all those calls");
    }

    @Test
    void eachKindOfCallHasItsArchiveAndOneTrainerMakesThoseAskedForMeanwhile(@TempDir Path cache) throws Exception {
        // An sns call starts the trainer of sns's archive; an s3 call while it waits asks for s3's.
        assertCall(awsj(cache, Map.of(), CALL));
        Run s3 = awsj(cache, Map.of(), "s3", "--help");
        assertEquals(0, s3.code(), s3.err());
        awaitTrainer(cache, TRAINING.multipliedBy(2));
        List<String> kinds = archives(cache).stream()
                .map(p -> p.getFileName().toString().replaceFirst("^.*-([a-z0-9]+)\\.(jsa|aot)$", "$1")).toList();
        assertEquals(List.of("s3", "sns"), kinds, Files.readString(trainLog(cache)));
        assertTrue(Files.size(archives(cache).get(1)) < Files.size(archives(cache).get(0)),
                "sns's calls need less than s3's");

        assertCall(awsj(cache, Map.of(), CALL));
        assertUsed(archives(cache).get(1));
        assertEquals(0, awsj(cache, Map.of(), "s3", "--help").code());
        assertUsed(archives(cache).get(0));
        assertEquals(List.of(), locks(cache), "no trainer: both are there");
    }

    @Test
    void aLockWhoseTrainerDiedIsTakenOver(@TempDir Path dir) throws Exception {
        Path cache = dir.resolve("cache");
        Path jdk = hangingTrainerJdk(dir);
        Map<String, String> env = Map.of("JAVA_HOME", jdk.toString());
        Path pids = dir.resolve("trainer-pids");
        assertCall(awsj(cache, env, CALL));
        awaitTrainers(pids, 1, "no trainer started");
        // The trainer dies (killed, a machine that went down): its lock stays, naming a dead pid.
        Path lock = locks(cache).get(0);
        killTrainerShell(lock);
        for (long pid : pids(pids)) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
        assertTrue(Files.isDirectory(lock), "the lock outlived its trainer");

        assertCall(awsj(cache, env, CALL));
        awaitTrainers(pids, 2, "the stale lock was not taken over");
    }

    @Test
    void aLockThatCannotBeMarkedOnlyCostsSpeed(@TempDir Path dir) throws Exception {
        Path cache = dir.resolve("cache");
        Map<String, String> env = Map.of("JAVA_HOME", hangingTrainerJdk(dir).toString());
        assertCall(awsj(cache, env, CALL));
        Path lock = locks(cache).get(0);
        killTrainerShell(lock);
        // Where a call leaves its mark there is no folder (as when the trainer removes its lock
        // just then): the call runs all the same.
        try (Stream<Path> files = Files.list(lock)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(lock);
        Files.writeString(lock, "not a folder");
        assertCall(awsj(cache, env, CALL));
        Run sns = awsj(cache, env, "sns", "--help");
        assertEquals(0, sns.code(), sns.err());
        assertEquals("", sns.err());
    }

    @Test
    void aRebuildOfTheSameJarKeepsItsArchive(@TempDir Path dir) throws Exception {
        // An installation of its own: the launch script and a copy of the jar.
        Path lib = Files.createDirectories(dir.resolve("lib"));
        Files.copy(Path.of("target/awsj.jar"), lib.resolve("awsj.jar"));
        Path bin = dir.resolve("awsj");
        Files.writeString(bin, "#!/bin/sh\n. '" + Path.of("src/main/sh/awsj-launch.sh").toAbsolutePath() + "'\n"
                + "awsj_launch '" + lib.resolve("awsj.jar") + "' \"$@\"\n");
        Files.setPosixFilePermissions(bin, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path cache = dir.resolve("cache");
        assertCall(run(launcher(bin, cache, Map.of(), CALL)));
        awaitTrainer(cache, TRAINING);
        Path archive = archives(cache).get(0);
        Object key = fileKey(archive);

        // The same bytes, written again later (a rebuild of the same sources with a fixed
        // project.build.outputTimestamp): the JVM would refuse the archive for the jar's new time,
        // but the archive was made with its own copy of the jar, which did not change.
        Thread.sleep(2000);
        Files.setLastModifiedTime(lib.resolve("awsj.jar"), FileTime.fromMillis(System.currentTimeMillis()));
        assertCall(run(launcher(bin, cache, Map.of(), CALL)));
        awaitTrainer(cache, TRAINING);
        assertEquals(key, fileKey(archive), "not made again");
        assertTrue(Files.readString(trainLog(cache)).contains("the archive of this jar is there"));
        assertCall(run(launcher(bin, cache, Map.of(), CALL)));
        assertUsed(archive);
    }

    @Test
    void aotCacheOnJdk25(@TempDir Path cache) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(JDK25.resolve("bin/java")), "no JDK 25 at " + JDK25);
        Map<String, String> env = new HashMap<>(Map.of("JAVA_HOME", JDK25.toString()));
        Run r = awsj(cache, env, "--version");
        assertVersion(r);
        assertTrue(r.out().contains("Java/25"), r.out());
        awaitTrainer(cache, TRAINING);
        List<Path> made = archives(cache);
        assertEquals(1, made.size(), made + "\n" + Files.readString(trainLog(cache)));
        assertTrue(made.get(0).toString().endsWith(".aot"), made.toString());
        assertVersion(awsj(cache, env, "--version"));
        assertEquals(0, Files.size(Path.of(made.get(0) + ".log")), "the JVM took the cache without a word");
    }

    /** On JDK 17-24 help, --version and configure run without an archive, and start no trainer. */
    @Test
    void versionHelpAndConfigureTrainNothingBeforeJdk25(@TempDir Path cache) throws Exception {
        Assumptions.assumeTrue(Runtime.version().feature() < 25, "the JDK of the tests is " + Runtime.version());
        assertVersion(awsj(cache, Map.of(), "--version"));
        assertEquals(0, awsj(cache, Map.of(), "help").code());
        assertEquals(0, awsj(cache, Map.of(), "configure", "list").code());
        Thread.sleep(3000);
        try (Stream<Path> s = Files.list(cache)) {
            assertEquals(List.of(), s.filter(p -> !p.getFileName().toString().endsWith(".jarsum")).toList(),
                    "no archive, no trainer, no lock");
        }
    }

    @Test
    void disabledWithAwsjNoCds(@TempDir Path cache) throws Exception {
        assertVersion(awsj(cache, Map.of("AWSJ_NO_CDS", "1"), "--version"));
        try (Stream<Path> s = Files.list(cache)) {
            assertEquals(List.of(), s.toList(), "no archive, no trainer");
        }
    }

    @Test
    void anUnwritableCacheFolderOnlyCostsSpeed(@TempDir Path dir) throws Exception {
        Path cache = dir.resolve("file-not-folder");
        Files.writeString(cache, "x");
        assertCall(awsj(cache, Map.of(), CALL));
    }
}
