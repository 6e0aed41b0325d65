package dev.awsj.s3;

import dev.awsj.cli.Context;
import dev.awsj.cli.CuratedCommands;
import dev.awsj.aws.AwsSettings;
import dev.awsj.aws.ClientFactory;
import dev.awsj.aws.Service;
import java.util.List;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/** The curated {@code awsj s3} commands: the AWS CLI's high-level S3 commands and a few more. */
public final class S3Commands implements CuratedCommands {
    @Override
    public List<Object> commands(Context ctx) {
        return List.of(new LsCommand(ctx), new MbCommand(ctx), new RbCommand(ctx), new CpCommand(ctx), new MvCommand(ctx),
                new RmCommand(ctx), new SyncCommand(ctx), new UploadCommand(ctx), new DownloadCommand(ctx),
                new PresignCommand(ctx), new UrlCommand(ctx), new SetAclCommand(ctx), new CatCommand(ctx), new WebsiteCommand(ctx));
    }

    /**
     * The S3 client of the commands that are not transfers (ls, mb, rb, ...). The URL-connection
     * HTTP client keeps at most {@code http.maxConnections} (JDK default 5) idle connections per
     * host; {@code rb --force} runs more requests than that at once, so the pool is raised unless
     * the user set it.
     */
    static S3Client client(Context ctx) {
        if (System.getProperty("http.maxConnections") == null) {
            System.setProperty("http.maxConnections", "64");
        }
        return ctx.clients().client(S3Client.class);
    }

    /**
     * The client for transfers, built once per client factory (so {@code awsj run} shares it) and
     * closed with it: configured like every client, sending through the transfer HTTP client
     * ({@link ClientFactory#transferHttpClient()}: the SDK's Apache 5 client, for http and https
     * alike; docs/s3-transfers.md says why), and with unsigned payloads protected by the SDK's
     * CRC32 trailing checksum ({@link UnsignedPayloadSigner}). Over https that is the SDK's default
     * already; over plain http (local endpoints) the SDK would otherwise sign every chunk with
     * SHA-256, which costs more CPU than the whole rest of a transfer.
     */
    static S3Client transferClient(Context ctx) {
        return ctx.clients().variant("s3-transfer", S3Commands::buildTransferClient);
    }

    /** The transfer client of another region ({@code --source-region}), built once per client factory. */
    static S3Client transferClient(Context ctx, String region) {
        return ctx.clients().variant("s3-transfer-" + region,
                clients -> buildTransferClient(clients, software.amazon.awssdk.regions.Region.of(region)));
    }

    private static S3Client buildTransferClient(ClientFactory clients) {
        return buildTransferClient(clients, null);
    }

    private static S3Client buildTransferClient(ClientFactory clients, software.amazon.awssdk.regions.Region region) {
        AwsSettings settings = clients.settings();
        S3ClientBuilder b = S3Client.builder();
        // One retry layer, the SDK's; for transfers a deeper budget by default (when max_attempts
        // is not set), without the retry quota that a long sync through a flaky network would
        // drain (docs/s3-transfers.md).
        clients.configure(Service.S3, b, AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(TRANSFER_ATTEMPTS).circuitBreakerEnabled(false).build(), false);
        b.httpClient(clients.transferHttpClient());
        if (!settings.s3PayloadSigning().orElse(false)) {
            b.putAuthScheme(UnsignedPayloadSigner.scheme());
        }
        if (region != null) {
            b.region(region);
        }
        return b.build();
    }

    /** Attempts per transfer request when max_attempts is not set. */
    static final int TRANSFER_ATTEMPTS = 8;
}
