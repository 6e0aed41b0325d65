package dev.awsj.s3;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.awsj.core.AwsjException;
import dev.awsj.cli.Context;
import dev.awsj.core.ExitCodes;
import dev.awsj.s3.transfer.S3Uri;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "set-acl",
        description = "Set the canned ACL of an object (or of the bucket, for s3://bucket).")
final class SetAclCommand implements Callable<Integer> {
    private final Context ctx;

    @Parameters(index = "0", paramLabel = "S3URI", description = "s3://bucket/key")
    String path;

    @Option(names = "--acl", required = true, paramLabel = "ACL",
            description = "private, public-read, public-read-write, authenticated-read, bucket-owner-read, "
                    + "bucket-owner-full-control.")
    String acl;

    SetAclCommand(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        S3Uri uri = S3Uri.parse(path);
        if (!java.util.Set.of("private", "public-read", "public-read-write", "authenticated-read", "aws-exec-read",
                "bucket-owner-read", "bucket-owner-full-control", "log-delivery-write").contains(acl)) {
            throw AwsjException.usage("Bad value for --acl: \"" + acl + "\". Use private, public-read, public-read-write, "
                    + "authenticated-read, bucket-owner-read or bucket-owner-full-control.");
        }
        if (uri.key().isEmpty()) {
            S3Commands.client(ctx).putBucketAcl(b -> b.bucket(uri.bucket()).acl(acl));
        } else {
            S3Commands.client(ctx).putObjectAcl(b -> b.bucket(uri.bucket()).key(uri.key()).acl(acl));
        }
        ctx.output().write(JsonNodeFactory.instance.objectNode().put("Object", uri.toString()).put("ACL", acl));
        return ExitCodes.OK;
    }
}
