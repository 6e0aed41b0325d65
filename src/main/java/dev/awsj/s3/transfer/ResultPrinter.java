package dev.awsj.s3.transfer;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsj.core.ExitCodes;
import dev.awsj.output.OutputWriter;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * Receives every {@link TransferResult} as it happens and reports them: with {@code --output
 * text} one {@code aws}-style line per file ({@code upload: a.txt to s3://b/a.txt}); otherwise one
 * JSON summary at the end. Failures and skips also go to stderr as they happen. {@code --quiet}
 * prints nothing; {@code --only-show-errors} prints only failures and skips. Only the JSON summary
 * needs every result kept until the end (it lists each file); otherwise memory does not grow with
 * the number of files.
 */
public final class ResultPrinter implements Consumer<TransferResult> {
    public enum Mode { NORMAL, ONLY_ERRORS, QUIET }

    private final OutputWriter output;
    private final PrintStream out;
    private final PrintStream err;
    private final Progress progress;
    private final Mode mode;
    private final boolean dryRun;
    /** Every result, for the JSON summary; null when there is none to print. */
    private final List<TransferResult> all;
    private boolean failed;
    private boolean skipped;

    public ResultPrinter(OutputWriter output, PrintStream out, PrintStream err, Progress progress, Mode mode, boolean dryRun) {
        this.output = output;
        this.out = out;
        this.err = err;
        this.progress = progress;
        this.mode = mode;
        this.dryRun = dryRun;
        this.all = mode == Mode.NORMAL && !textLines() ? new ArrayList<>() : null;
    }

    private boolean textLines() {
        return output.format().equals("text");
    }

    @Override
    public synchronized void accept(TransferResult r) {
        failed |= r instanceof TransferResult.Failed;
        skipped |= r instanceof TransferResult.Skipped;
        if (all != null) {
            all.add(r);
        }
        if (mode == Mode.QUIET) {
            return;
        }
        String prefix = dryRun ? "(dryrun) " : "";
        if (r instanceof TransferResult.Done d) {
            if (mode == Mode.NORMAL && textLines()) {
                progress.clear();
                out.println(prefix + d.op() + ": " + d.source() + (d.destination() != null ? " to " + d.destination() : ""));
                out.flush();
            }
        } else if (r instanceof TransferResult.Failed f) {
            progress.clear();
            err.println(f.op() + " failed: " + f.source() + (f.destination() != null ? " to " + f.destination() : "") + " "
                    + f.error());
            err.flush();
        } else if (r instanceof TransferResult.Skipped s) {
            progress.clear();
            err.println("warning: Skipping file " + s.source() + ". " + s.reason() + ".");
            err.flush();
        }
    }

    /** Prints the JSON summary (unless text, quiet or only-errors) and returns the exit code. */
    public synchronized int finish(double seconds) {
        if (all != null) {
            output.write(summary(seconds));
        }
        return exitCode();
    }

    /** 1 when any transfer failed, else 2 when any file was skipped, else 0. */
    public synchronized int exitCode() {
        return failed ? ExitCodes.TRANSFER_FAILED : skipped ? ExitCodes.SKIPPED : ExitCodes.OK;
    }

    synchronized ObjectNode summary(double seconds) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        ArrayNode transferred = root.putArray("Transferred");
        ArrayNode deleted = f.arrayNode();
        ArrayNode failed = root.putArray("Failed");
        ArrayNode skipped = root.putArray("Skipped");
        long bytes = 0;
        List<TransferResult> sorted = new ArrayList<>(all);
        sorted.sort(Comparator.comparing(ResultPrinter::sourceOf, KeyOrder.INSTANCE));
        for (TransferResult r : sorted) {
            if (r instanceof TransferResult.Done d) {
                if (d.op().equals("delete")) {
                    deleted.addObject().put("Source", d.source());
                } else {
                    ObjectNode o = transferred.addObject();
                    o.put("Source", d.source()).put("Destination", d.destination()).put("Bytes", d.bytes());
                    if (d.op().equals("move")) {
                        o.put("Moved", true);
                    }
                    bytes += d.bytes();
                }
            } else if (r instanceof TransferResult.Failed x) {
                ObjectNode o = failed.addObject().put("Source", x.source());
                if (x.destination() != null) {
                    o.put("Destination", x.destination());
                }
                o.put("Error", x.error());
            } else if (r instanceof TransferResult.Skipped s) {
                skipped.addObject().put("Source", s.source()).put("Reason", s.reason());
            }
        }
        if (!deleted.isEmpty()) {
            root.set("Deleted", deleted);
        }
        root.put("Bytes", bytes);
        root.put("Seconds", Math.round(seconds * 1000) / 1000.0);
        if (dryRun) {
            root.put("DryRun", true);
        }
        return root;
    }

    private static String sourceOf(TransferResult r) {
        if (r instanceof TransferResult.Done d) {
            return d.source();
        }
        if (r instanceof TransferResult.Failed x) {
            return x.source();
        }
        return ((TransferResult.Skipped) r).source();
    }
}
