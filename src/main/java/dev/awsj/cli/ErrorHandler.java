package dev.awsj.cli;

import dev.awsj.core.AwsjException;
import dev.awsj.core.ExitCodes;

import dev.awsj.aws.FailedCall;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedByInterruptException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/**
 * Maps every failure to one line on stderr and an exit code of docs/exit-codes.md: bad command line
 * 252 (with a usage hint and suggestions), configuration 253, service error 254, else 255. A stack
 * trace is printed only with {@code --debug}.
 */
public final class ErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {
    private final Context ctx;

    public ErrorHandler(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("awsj: error: " + ex.getMessage());
        UnmatchedArgumentException.printSuggestions(ex, err);
        err.println("Usage: " + qualifiedName(cmd) + " [options]; try '" + qualifiedName(cmd) + " --help'");
        err.flush();
        return ExitCodes.USAGE;
    }

    private static String qualifiedName(CommandLine cmd) {
        return cmd.getCommandSpec().qualifiedName(" ");
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        return report(ex);
    }

    /** Prints the one-line message of any failure and returns its exit code. */
    public int report(Throwable ex) {
        int code = exitCode(ex);
        ctx.err().println(message(ex, code));
        if (ctx.global().debug()) {
            ex.printStackTrace(ctx.err());
        }
        if (code == ExitCodes.USAGE && ex instanceof AwsjException a && a.usageHint()) {
            ctx.err().println("Try 'awsj help' or add --help to the command.");
        }
        ctx.err().flush();
        return code;
    }

    public static int exitCode(Throwable ex) {
        AwsjException a = find(ex, AwsjException.class);
        if (a != null) {
            return a.exitCode();
        }
        if (find(ex, InterruptedException.class) != null || find(ex, ClosedByInterruptException.class) != null
                || find(ex, AbortedException.class) != null) {
            return ExitCodes.INTERRUPTED;
        }
        if (find(ex, SdkServiceException.class) != null) {
            return ExitCodes.SERVICE;
        }
        if (sdkRefusedInput(ex) != null) {
            return ExitCodes.USAGE;
        }
        return ExitCodes.OTHER;
    }

    public String message(Throwable ex, int code) {
        AwsjException a = find(ex, AwsjException.class);
        if (a != null) {
            return a.getMessage();
        }
        AwsServiceException s = find(ex, AwsServiceException.class);
        if (s != null) {
            FailedCall call = FailedCall.of(s);
            String op = call == null ? null : call.operation();
            String errCode = s.awsErrorDetails() != null ? s.awsErrorDetails().errorCode() : null;
            String msg = s.awsErrorDetails() != null ? s.awsErrorDetails().errorMessage() : null;
            // A HEAD response has no body: the AWS CLI shows the status, not a guessed code.
            if (op != null && op.startsWith("Head")) {
                errCode = null;
                msg = null;
            }
            if (errCode == null || errCode.isEmpty()) {
                errCode = String.valueOf(s.statusCode());
            }
            if (msg == null || msg.isEmpty()) {
                msg = s.awsErrorDetails() != null && s.awsErrorDetails().sdkHttpResponse() != null
                        ? s.awsErrorDetails().sdkHttpResponse().statusText().orElse(statusText(s.statusCode()))
                        : statusText(s.statusCode());
            }
            return "An error occurred (" + errCode + ")" + (op != null ? " when calling the " + op + " operation" : "")
                    + ": " + msg;
        }
        SdkServiceException ss = find(ex, SdkServiceException.class);
        if (ss != null) {
            return "An error occurred (" + ss.statusCode() + "): " + ss.getMessage();
        }
        if (code == ExitCodes.INTERRUPTED) {
            return "Interrupted.";
        }
        IllegalArgumentException refused = sdkRefusedInput(ex);
        if (refused != null) {
            return "Bad value: " + firstLine(refused.getMessage());
        }
        ConnectException ce = find(ex, ConnectException.class);
        UnknownHostException uh = find(ex, UnknownHostException.class);
        if (ce != null || uh != null) {
            FailedCall call = FailedCall.of(ex);
            return "Could not connect to the endpoint URL: \"" + (call != null && call.url() != null ? call.url()
                    : uh != null ? uh.getMessage() : ce.getMessage()) + "\"";
        }
        javax.net.ssl.SSLException tls = find(ex, javax.net.ssl.SSLException.class);
        if (tls != null) {
            // As aws: the URL, then the TLS library's reason (https to a plain-http port, a bad certificate).
            FailedCall call = FailedCall.of(ex);
            return "SSL validation failed for " + (call != null && call.url() != null ? call.url() : "the endpoint") + " "
                    + firstLine(tls.getMessage());
        }
                SocketTimeoutException te = find(ex, SocketTimeoutException.class);
        if (te != null) {
            return "Timed out waiting for the endpoint: " + te.getMessage() + " (see --cli-read-timeout)";
        }
        SdkClientException sc = find(ex, SdkClientException.class);
        if (sc != null) {
            return firstLine(sc.getMessage());
        }
        return firstLine(ex.getClass().getSimpleName() + (ex.getMessage() != null ? ": " + ex.getMessage() : ""));
    }

    private static String statusText(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 409 -> "Conflict";
            case 412 -> "Precondition Failed";
            case 500 -> "Internal Server Error";
            case 503 -> "Service Unavailable";
            default -> "HTTP " + status;
        };
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "Unknown error";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /**
     * An IllegalArgumentException the SDK threw while checking a request (a bucket name too short,
     * a bad ARN): the user's input, not a failure of awsj.
     */
    private static IllegalArgumentException sdkRefusedInput(Throwable ex) {
        IllegalArgumentException iae = find(ex, IllegalArgumentException.class);
        if (iae == null || iae.getStackTrace().length == 0) {
            return null;
        }
        return iae.getStackTrace()[0].getClassName().startsWith("software.amazon.awssdk.") ? iae : null;
    }

    static <T extends Throwable> T find(Throwable ex, Class<T> type) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
