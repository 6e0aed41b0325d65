package dev.awsj.s3;

import dev.awsj.cli.Context;
import dev.awsj.core.AwsjException;
import dev.awsj.core.ExitCodes;
import dev.awsj.s3.transfer.S3Uri;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import software.amazon.awssdk.services.s3.model.WebsiteConfiguration;

/** {@code s3 website}: the AWS CLI's command, one PutBucketWebsite; prints nothing, as aws. */
@Command(name = "website",
        description = "Set the website configuration of a bucket: its index document and error document.")
final class WebsiteCommand implements Callable<Integer> {
    private final Context ctx;

    @Parameters(index = "0", paramLabel = "S3URI", description = "s3://bucket (or the bucket's name).")
    String path;

    @Option(names = "--index-document", paramLabel = "SUFFIX",
            description = "Appended to a request for a folder (index.html: images/ serves images/index.html).")
    String indexDocument;

    @Option(names = "--error-document", paramLabel = "KEY", description = "The object served on a 4XX error.")
    String errorDocument;

    WebsiteCommand(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        S3Uri uri = S3Uri.parse(path.startsWith(S3Uri.SCHEME) ? path : S3Uri.SCHEME + path);
        if (uri.bucket().isEmpty()) {
            throw AwsjException.usage("website takes a bucket: s3://bucket");
        }
        WebsiteConfiguration.Builder config = WebsiteConfiguration.builder();
        if (indexDocument != null) {
            config.indexDocument(d -> d.suffix(indexDocument));
        }
        if (errorDocument != null) {
            config.errorDocument(d -> d.key(errorDocument));
        }
        S3Commands.client(ctx).putBucketWebsite(b -> b.bucket(uri.bucket()).websiteConfiguration(config.build()));
        return ExitCodes.OK;
    }
}
