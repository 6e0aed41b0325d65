package dev.awsj.sns;

import dev.awsj.cli.Context;
import dev.awsj.json.SdkJson;
import dev.awsj.textio.PagedJson;
import dev.awsj.textio.RequestMembers;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.ListSubscriptionsByTopicRequest;
import software.amazon.awssdk.services.sns.model.ListSubscriptionsRequest;
import software.amazon.awssdk.services.sns.model.SubscribeRequest;
import software.amazon.awssdk.services.sns.model.UnsubscribeRequest;

/** Subscription commands: subscribe, list (all, or one topic's), unsubscribe. */
final class SubscriptionCommands {
    private SubscriptionCommands() {
    }

    @Command(name = "subscribe", mixinStandardHelpOptions = true,
            description = "Subscribe an endpoint to a topic; prints {\"SubscriptionArn\": …} (\"pending confirmation\" for email until confirmed).")
    static final class Subscribe implements Callable<Integer> {
        private final Context ctx;
        @Option(names = "--topic-arn", required = true)
        String topicArn;
        @Option(names = "--protocol", required = true, description = "sms, email, email-json, http, https, sqs, lambda, application, firehose.")
        String protocol;
        @Option(names = "--notification-endpoint", description = "Phone number (E.164), email address, URL or ARN, as the protocol wants.")
        String endpoint;
        @Option(names = "--attributes", paramLabel = "JSON", description = "Subscription attributes: JSON map or Key=Value,….")
        String attributes;
        @Option(names = "--return-subscription-arn", description = "Return the ARN even while confirmation is pending.")
        boolean returnArn;

        Subscribe(Context ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            SubscribeRequest.Builder b = SubscribeRequest.builder().topicArn(topicArn).protocol(protocol).endpoint(endpoint);
            if (returnArn) {
                b.returnSubscriptionArn(true);
            }
            RequestMembers.set(b, "Attributes", attributes, "--attributes");
            ctx.output().write(SdkJson.toJson(ctx.clients().client(SnsClient.class).subscribe(b.build())));
            return 0;
        }
    }

    @Command(name = "list-subscriptions", mixinStandardHelpOptions = true,
            description = "List every subscription (all pages), or only a topic's with --topic-arn: {\"Subscriptions\": […]}.")
    static final class ListSubscriptions implements Callable<Integer> {
        private final Context ctx;
        @Option(names = "--topic-arn", description = "Only this topic's subscriptions (ListSubscriptionsByTopic).")
        String topicArn;

        ListSubscriptions(Context ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            SnsClient sns = ctx.clients().client(SnsClient.class);
            ctx.output().write(topicArn == null
                    ? PagedJson.merge(sns.listSubscriptionsPaginator(ListSubscriptionsRequest.builder().build()),
                            "Subscriptions", "NextToken")
                    : PagedJson.merge(sns.listSubscriptionsByTopicPaginator(
                            ListSubscriptionsByTopicRequest.builder().topicArn(topicArn).build()), "Subscriptions", "NextToken"));
            return 0;
        }
    }

    @Command(name = "unsubscribe", mixinStandardHelpOptions = true, description = "Delete a subscription. Prints nothing.")
    static final class Unsubscribe implements Callable<Integer> {
        private final Context ctx;
        @Option(names = "--subscription-arn", required = true)
        String subscriptionArn;

        Unsubscribe(Context ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            ctx.output().write(SdkJson.toJson(ctx.clients().client(SnsClient.class)
                    .unsubscribe(UnsubscribeRequest.builder().subscriptionArn(subscriptionArn).build())));
            return 0;
        }
    }
}
