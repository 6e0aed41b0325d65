package dev.awsj.core;

/**
 * A failure that carries its exit code and a one-line message for the user. Thrown anywhere below
 * the cli layer; {@link ErrorHandler} prints the message and returns the code.
 */
public class AwsjException extends RuntimeException {
    private final int exitCode;

    public AwsjException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public AwsjException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }

    /** Whether a 252 is followed by the usage hint (not after aws's own multi-line validation report). */
    public boolean usageHint() {
        return !(this instanceof ValidationReport);
    }

    /**
     * botocore's parameter validation report (exit 252): {@code Parameter validation failed:} and
     * one line per problem, printed as aws prints it, without the usage hint.
     */
    public static AwsjException validation(java.util.List<String> problems) {
        return new ValidationReport("\nParameter validation failed:\n" + String.join("\n", problems));
    }

    private static final class ValidationReport extends AwsjException {
        ValidationReport(String message) {
            super(ExitCodes.USAGE, message);
        }
    }

    /** Bad command-line value (252). */
    public static AwsjException usage(String message) {
        return new AwsjException(ExitCodes.USAGE, message);
    }

    /** Missing or bad configuration (253). */
    public static AwsjException config(String message) {
        return new AwsjException(ExitCodes.CONFIG, message);
    }
}
