package dev.awsj.core;

/** The exit codes of docs/exit-codes.md, the same meanings as the AWS CLI's. */
public final class ExitCodes {
    public static final int OK = 0;
    /** s3: one or more transfers failed. */
    public static final int TRANSFER_FAILED = 1;
    /** s3: one or more files were skipped. */
    public static final int SKIPPED = 2;
    public static final int INTERRUPTED = 130;
    /** Bad command line: unknown command or option, bad value. */
    public static final int USAGE = 252;
    /** Environment or configuration: no credentials, no region, unreadable config. */
    public static final int CONFIG = 253;
    /** The service answered with an error. */
    public static final int SERVICE = 254;
    /** Anything else. */
    public static final int OTHER = 255;

    private ExitCodes() {
    }
}
