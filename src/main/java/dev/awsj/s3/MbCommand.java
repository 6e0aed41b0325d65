package dev.awsj.s3;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsj.core.AwsjException;
import dev.awsj.aws.Service;
import dev.awsj.cli.Context;
import dev.awsj.core.ExitCodes;
import dev.awsj.s3.transfer.S3Uri;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import software.amazon.awssdk.services.s3.model.CreateBucketRequest;
import software.amazon.awssdk.services.s3.model.CreateBucketResponse;
import software.amazon.awssdk.services.s3.model.Tag;

@Command(name = "mb",
        description = "Make a bucket, in the region of --region / the profile.")
final class MbCommand implements Callable<Integer> {
    private final Context ctx;

    @Parameters(index = "0", paramLabel = "S3URI", description = "s3://bucket")
    String path;

    /** {@code --tags KEY VALUE}, repeatable, as newer aws takes it: the key and value of each, in turn. */
    @Option(names = "--tags", arity = "2", paramLabel = "KEY VALUE", hideParamSyntax = true,
            description = "A tag of the new bucket: --tags KEY VALUE. Give it once for each tag.")
    List<String> tags;

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
        // As aws: the tags go in the CreateBucket request itself (CreateBucketConfiguration.Tags).
        List<Tag> bucketTags = new ArrayList<>();
        for (int i = 0; tags != null && i + 1 < tags.size(); i += 2) {
            bucketTags.add(Tag.builder().key(tags.get(i)).value(tags.get(i + 1)).build());
        }
        if (!region.equals("us-east-1") || !bucketTags.isEmpty()) {
            b.createBucketConfiguration(c -> {
                if (!region.equals("us-east-1")) {
                    c.locationConstraint(region);
                }
                if (!bucketTags.isEmpty()) {
                    c.tags(bucketTags);
                }
            });
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
