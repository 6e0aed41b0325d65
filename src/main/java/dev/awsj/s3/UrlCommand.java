package dev.awsj.s3;

import dev.awsj.aws.Service;
import dev.awsj.core.AwsjException;
import dev.awsj.cli.Context;
import dev.awsj.core.ExitCodes;
import dev.awsj.s3.transfer.S3Uri;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

@Command(name = "url",
        description = "Print the public https URL of an object (works once the object is public-read), in the "
                + "addressing style of the endpoint: https://bucket.s3.amazonaws.com/key, or path-style for local endpoints.")
final class UrlCommand implements Callable<Integer> {
    private final Context ctx;

    @Parameters(index = "0", paramLabel = "S3URI", description = "s3://bucket/key")
    String path;

    UrlCommand(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        S3Uri uri = S3Uri.parse(path);
        if (uri.key().isEmpty()) {
            throw AwsjException.usage("url needs an object key: s3://bucket/key");
        }
        Optional<URI> endpoint = ctx.settings().endpoint(Service.S3.endpointEnvName());
        boolean pathStyle = ctx.clients().usePathStyle(endpoint);
        ctx.out().println(publicUrl(uri, endpoint, pathStyle, ctx.settings().regionIfSet().orElse("us-east-1")));
        ctx.out().flush();
        return ExitCodes.OK;
    }

    static String publicUrl(S3Uri uri, Optional<URI> endpoint, boolean pathStyle, String region) {
        String key = SdkHttpUtils.urlEncodeIgnoreSlashes(uri.key());
        if (endpoint.isPresent()) {
            URI e = endpoint.get();
            String base = e.getScheme() + "://";
            String hostPort = e.getHost() + (e.getPort() > 0 ? ":" + e.getPort() : "");
            String basePath = e.getPath() == null || e.getPath().equals("/") ? "" : e.getPath().replaceAll("/+$", "");
            return pathStyle ? base + hostPort + basePath + "/" + uri.bucket() + "/" + key
                    : base + uri.bucket() + "." + hostPort + basePath + "/" + key;
        }
        String host = region.equals("us-east-1") ? "s3.amazonaws.com" : "s3." + region + ".amazonaws.com";
        return pathStyle ? "https://" + host + "/" + uri.bucket() + "/" + key
                : "https://" + uri.bucket() + "." + host + "/" + key;
    }
}
