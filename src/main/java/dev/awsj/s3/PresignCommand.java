package dev.awsj.s3;

import dev.awsj.aws.Service;
import dev.awsj.core.AwsjException;
import dev.awsj.cli.Context;
import dev.awsj.core.ExitCodes;
import dev.awsj.s3.transfer.S3Uri;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

@Command(name = "presign",
        description = "Print a pre-signed URL that lets anyone GET the object until it expires.")
final class PresignCommand implements Callable<Integer> {
    static final long MAX_EXPIRES = 604_800;

    private final Context ctx;

    @Parameters(index = "0", paramLabel = "S3URI", description = "s3://bucket/key")
    String path;

    @Option(names = "--expires-in", paramLabel = "SECONDS", defaultValue = "3600",
            description = "Seconds until the URL expires: 1 to 604800 (7 days). Default 3600.")
    long expiresIn;

    PresignCommand(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        S3Uri uri = S3Uri.parse(path);
        if (uri.key().isEmpty()) {
            throw AwsjException.usage("presign needs an object key: s3://bucket/key");
        }
        if (expiresIn < 1 || expiresIn > MAX_EXPIRES) {
            throw AwsjException.usage("--expires-in must be between 1 and 604800 seconds (7 days): " + expiresIn);
        }
        Optional<URI> endpoint = ctx.settings().endpoint(Service.S3.endpointEnvName());
        S3Presigner.Builder b = S3Presigner.builder()
                .region(Region.of(ctx.clients().region(Service.S3)))
                .credentialsProvider(ctx.clients().credentials())
                .fipsEnabled(ctx.settings().fipsEnabled())
                .dualstackEnabled(ctx.settings().dualstackEnabled(Service.S3.endpointEnvName()))
                .serviceConfiguration(S3Configuration.builder()
                        .profileFile(ctx.settings().profileFile()).profileName(ctx.settings().profileName())
                        .accelerateModeEnabled(ctx.settings().s3Accelerate())
                        .pathStyleAccessEnabled(ctx.clients().usePathStyle(endpoint)).build());
        endpoint.ifPresent(b::endpointOverride);
        try (S3Presigner presigner = b.build()) {
            String url = presigner.presignGetObject(p -> p.signatureDuration(Duration.ofSeconds(expiresIn))
                    .getObjectRequest(g -> g.bucket(uri.bucket()).key(uri.key()))).url().toString();
            ctx.out().println(url);
            ctx.out().flush();
        }
        return ExitCodes.OK;
    }
}
