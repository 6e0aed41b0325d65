package dev.awsj.s3;

import dev.awsj.cli.Context;
import dev.awsj.cli.CuratedCommands;
import java.util.List;
import software.amazon.awssdk.services.s3.S3Client;

/** The curated {@code awsj s3} commands: the AWS CLI's high-level S3 commands and a few more. */
public final class S3Commands implements CuratedCommands {
    @Override
    public List<Object> commands(Context ctx) {
        return List.of(new LsCommand(ctx), new MbCommand(ctx), new RbCommand(ctx), new CpCommand(ctx), new MvCommand(ctx),
                new RmCommand(ctx), new SyncCommand(ctx), new UploadCommand(ctx), new DownloadCommand(ctx),
                new PresignCommand(ctx), new UrlCommand(ctx), new SetAclCommand(ctx), new CatCommand(ctx));
    }

    /**
     * The S3 client for this run. The URL-connection HTTP client keeps at most
     * {@code http.maxConnections} (JDK default 5) idle connections per host; transfers run more
     * requests than that at once, so the pool is raised unless the user set it.
     */
    static S3Client client(Context ctx) {
        if (System.getProperty("http.maxConnections") == null) {
            System.setProperty("http.maxConnections", "64");
        }
        return ctx.clients().client(S3Client.class);
    }
}
