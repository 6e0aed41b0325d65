package dev.awsj.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Commands a test interrupts with SIGINT (Ctrl-C), started with SIGINT's default action. A JVM that
 * inherits SIGINT ignored (the tests run as a background job: {@code nohup}, {@code &} in a script)
 * installs no handler for it, as a shell's background job should not see Ctrl-C; its children
 * inherit that, and awsj would never learn of the signal the test sends.
 */
public final class SigintDefault {
    private static final Path PERL = Path.of("/usr/bin/perl");

    private SigintDefault() {
    }

    /** {@code command}, or, when this JVM has SIGINT ignored, the same command with SIGINT reset (same process id). */
    public static List<String> wrap(List<String> command) {
        if (!ignoredHere()) {
            return command;
        }
        if (!Files.isExecutable(PERL)) {
            throw new IllegalStateException("SIGINT is ignored in this test run and " + PERL
                    + " (Debian's perl-base) is missing to reset it: run the tests in the foreground");
        }
        List<String> wrapped = new ArrayList<>(List.of(PERL.toString(), "-e",
                "$SIG{INT} = 'DEFAULT'; exec { $ARGV[0] } @ARGV or die \"exec $ARGV[0]: $!\\n\";"));
        wrapped.addAll(command);
        return wrapped;
    }

    /** Whether SIGINT (2) is in this process's ignored set (Linux's /proc/self/status). */
    static boolean ignoredHere() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("SigIgn:")) {
                    return (Long.parseUnsignedLong(line.substring(7).trim(), 16) & (1L << 1)) != 0;
                }
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
        return false;
    }
}
