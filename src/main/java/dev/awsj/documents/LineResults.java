package dev.awsj.documents;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsj.cli.Context;
import dev.awsj.core.ExitCodes;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * One JSON result a line for batch runs (with {@code --output text|yaml|table}, each result in that format): {@code {"Line":3,…}} on success,
 * {@code {"Line":3,"Error":{"Code":…,"Message":…}}} for a document that failed, {@code {"Line":3}}
 * for a blank one. Counts the failures
 * for the exit code (254 when any line failed) and a summary on stderr.
 */
public final class LineResults {
    private final Context ctx;
    private int written;
    private int failed;

    public LineResults(Context ctx) {
        this.ctx = ctx;
    }

    public static ObjectNode ok(int line, ObjectNode result) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("Line", line);
        n.setAll(result);
        return n;
    }

    /** A blank document's line: nothing was sent, nothing failed. */
    public static ObjectNode blank(int line) {
        return JsonNodeFactory.instance.objectNode().put("Line", line);
    }

    public static ObjectNode error(int line, String code, String message) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("Line", line);
        ObjectNode e = n.putObject("Error");
        e.put("Code", code);
        e.put("Message", message);
        return n;
    }

    /** A service error for one document, with the code and message the service sent. */
    public static ObjectNode error(int line, AwsServiceException e) {
        String code = e.awsErrorDetails() != null && e.awsErrorDetails().errorCode() != null
                ? e.awsErrorDetails().errorCode() : String.valueOf(e.statusCode());
        String message = e.awsErrorDetails() != null && e.awsErrorDetails().errorMessage() != null
                ? e.awsErrorDetails().errorMessage() : e.getMessage();
        return error(line, code, message);
    }

    public void write(ObjectNode result) {
        written++;
        if (result.has("Error")) {
            failed++;
        }
        if (ctx.output().format().equals("json")) {
            ctx.output().writeLine(result);
        } else {
            // text, table, yaml: each result rendered as that format renders a response.
            ctx.output().write(result);
        }
    }

    /** 0, or 254 with a summary line on stderr when any document failed. */
    public int finish(String noun) {
        if (failed == 0) {
            return ExitCodes.OK;
        }
        ctx.err().println(failed + " of " + written + " " + noun + " failed; see the \"Error\" member of their lines.");
        return ExitCodes.SERVICE;
    }
}
