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

    /** Bad command-line value (252). */
    public static AwsjException usage(String message) {
        return new AwsjException(ExitCodes.USAGE, message);
    }

    /** Missing or bad configuration (253). */
    public static AwsjException config(String message) {
        return new AwsjException(ExitCodes.CONFIG, message);
    }
}
