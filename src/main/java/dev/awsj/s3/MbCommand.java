package dev.awsj.s3;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsj.core.AwsjException;
import dev.awsj.aws.Service;
import dev.awsj.cli.Context;
import dev.awsj.core.ExitCodes;
import dev.awsj.s3.transfer.S3Uri;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import software.amazon.awssdk.services.s3.model.CreateBucketRequest;
import software.amazon.awssdk.services.s3.model.CreateBucketResponse;

@Command(name = "mb",
        description = "Make a bucket, in the region of --region / the profile.")
final class MbCommand implements Callable<Integer> {
    private final Context ctx;

    @Parameters(index = "0", paramLabel = "S3URI", description = "s3://bucket")
    String path;

    MbCommand(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        S3Uri uri = S3Uri.parse(path.contains("://") ? path : S3Uri.SCHEME + path);
        if (!uri.key().isEmpty()) {
            throw AwsjException.usage("mb takes a bucket, not a key: s3://" + uri.bucket());
        }
        String region = ctx.clients().region(Service.S3);
        CreateBucketRequest.Builder b = CreateBucketRequest.builder().bucket(uri.bucket());
        if (!region.equals("us-east-1")) {
            b.createBucketConfiguration(c -> c.locationConstraint(region));
        }
        CreateBucketResponse r = S3Commands.client(ctx).createBucket(b.build());
        if (ctx.output().format().equals("text")) {
            ctx.out().println("make_bucket: " + uri.bucket());
            ctx.out().flush();
        } else {
            ObjectNode json = JsonNodeFactory.instance.objectNode().put("Bucket", uri.bucket());
            if (r.location() != null) {
                json.put("Location", r.location());
            }
            ctx.output().write(json);
        }
        return ExitCodes.OK;
    }
}
