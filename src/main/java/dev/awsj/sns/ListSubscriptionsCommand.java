package dev.awsj.sns;

import dev.awsj.api.Pagination;
import dev.awsj.cli.Context;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.ListSubscriptionsByTopicRequest;
import software.amazon.awssdk.services.sns.model.ListSubscriptionsRequest;

/** {@code list-subscriptions}, as aws's, plus {@code --topic-arn} for one topic's (ListSubscriptionsByTopic). */
@Command(name = "list-subscriptions",
        description = "List every subscription (all pages; --no-paginate: the first), or only one topic's with "
                + "--topic-arn: {\"Subscriptions\": [{\"SubscriptionArn\": …, \"Protocol\": …, \"Endpoint\": …}]}.")
final class ListSubscriptionsCommand implements Callable<Integer> {
    private final Context ctx;
    @Option(names = "--topic-arn", paramLabel = "ARN", description = "Only this topic's subscriptions.")
    String topicArn;
    @Option(names = "--next-token", paramLabel = "TOKEN", description = "Start from this page token (as aws; prints the page's NextToken).")
    String nextToken;

    @Mixin
    Pagination pages = new Pagination();

    ListSubscriptionsCommand(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        SnsClient sns = ctx.clients().client(SnsClient.class);
        ctx.output().write(topicArn == null
                ? pages.fetch(ctx, ListSubscriptionsRequest.builder().nextToken(nextToken), sns::listSubscriptions)
                : pages.fetch(ctx, ListSubscriptionsByTopicRequest.builder().topicArn(topicArn).nextToken(nextToken),
                        sns::listSubscriptionsByTopic));
        return 0;
    }
}
