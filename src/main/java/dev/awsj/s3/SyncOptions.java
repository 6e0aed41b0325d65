package dev.awsj.s3;

import picocli.CommandLine.Option;

/** What only sync has. */
public final class SyncOptions {
    @Option(names = "--delete", description = "Delete files at the destination that are not at the source.")
    boolean delete;

    @Option(names = "--size-only", description = "Copy only when the sizes differ.")
    boolean sizeOnly;

    @Option(names = "--exact-timestamps", description = "Copy when the sizes or the modification times differ at all.")
    boolean exactTimestamps;

    @Option(names = "--checksum",
            description = "Compare content: the object's MD5 ETag or stored full-object checksum against the local file.")
    boolean checksum;
}
