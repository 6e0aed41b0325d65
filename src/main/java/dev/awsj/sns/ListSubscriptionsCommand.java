package dev.awsj.sns;

import dev.awsj.cli.Context;
import dev.awsj.json.SdkJson;
import dev.awsj.api.PagedJson;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.ListSubscriptionsByTopicRequest;
import software.amazon.awssdk.services.sns.model.ListSubscriptionsRequest;

/** {@code list-subscriptions}, as aws's, plus {@code --topic-arn} for one topic's (ListSubscriptionsByTopic). */
@Command(name = "list-subscriptions", mixinStandardHelpOptions = true,
        description = "List every subscription (all pages; --no-paginate: the first), or only one topic's with "
                + "--topic-arn: {\"Subscriptions\": [{\"SubscriptionArn\": …, \"Protocol\": …, \"Endpoint\": …}]}.")
final class ListSubscriptionsCommand implements Callable<Integer> {
    private final Context ctx;
    @Option(names = "--topic-arn", paramLabel = "ARN", description = "Only this topic's subscriptions.")
    String topicArn;
    @Option(names = "--next-token", paramLabel = "TOKEN", description = "Start from this page token (as aws; prints the page's NextToken).")
    String nextToken;

    ListSubscriptionsCommand(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        SnsClient sns = ctx.clients().client(SnsClient.class);
        if (ctx.global().noPaginate() || nextToken != null) {
            ctx.output().write(SdkJson.toJson(topicArn == null
                    ? sns.listSubscriptions(b -> b.nextToken(nextToken))
                    : sns.listSubscriptionsByTopic(b -> b.topicArn(topicArn).nextToken(nextToken))));
            return 0;
        }
        ctx.output().write(topicArn == null
                ? PagedJson.merge(sns.listSubscriptionsPaginator(ListSubscriptionsRequest.builder().build()),
                        "Subscriptions", "NextToken")
                : PagedJson.merge(sns.listSubscriptionsByTopicPaginator(
                        ListSubscriptionsByTopicRequest.builder().topicArn(topicArn).build()), "Subscriptions", "NextToken"));
        return 0;
    }
}
