package dev.awsj.sns;

import dev.awsj.cli.Context;
import dev.awsj.json.SdkJson;
import dev.awsj.textio.PagedJson;
import dev.awsj.textio.RequestMembers;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.CreateTopicRequest;
import software.amazon.awssdk.services.sns.model.DeleteTopicRequest;
import software.amazon.awssdk.services.sns.model.ListTopicsRequest;

/** Topic commands: create (idempotent), list (every page), delete. */
final class TopicCommands {
    private TopicCommands() {
    }

    @Command(name = "create-topic", mixinStandardHelpOptions = true,
            description = "Create a topic, or return the existing topic of that name; prints {\"TopicArn\": …}.")
    static final class CreateTopic implements Callable<Integer> {
        private final Context ctx;
        @Option(names = "--name", required = true, description = "Topic name (FIFO topics end in .fifo).")
        String name;
        @Option(names = "--attributes", paramLabel = "JSON", description = "Topic attributes: JSON map or Key=Value,… (as aws).")
        String attributes;
        @Option(names = "--tags", paramLabel = "JSON", description = "Tags: JSON list [{\"Key\":…,\"Value\":…}] (as aws).")
        String tags;

        CreateTopic(Context ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            CreateTopicRequest.Builder b = CreateTopicRequest.builder().name(name);
            RequestMembers.set(b, "Attributes", attributes, "--attributes");
            RequestMembers.set(b, "Tags", tags, "--tags");
            ctx.output().write(SdkJson.toJson(ctx.clients().client(SnsClient.class).createTopic(b.build())));
            return 0;
        }
    }

    @Command(name = "list-topics", mixinStandardHelpOptions = true,
            description = "List every topic (all pages): {\"Topics\": [{\"TopicArn\": …}]}.")
    static final class ListTopics implements Callable<Integer> {
        private final Context ctx;

        ListTopics(Context ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            SnsClient sns = ctx.clients().client(SnsClient.class);
            ctx.output().write(PagedJson.merge(sns.listTopicsPaginator(ListTopicsRequest.builder().build()),
                    "Topics", "NextToken"));
            return 0;
        }
    }

    @Command(name = "delete-topic", mixinStandardHelpOptions = true,
            description = "Delete a topic and its subscriptions. Prints nothing.")
    static final class DeleteTopic implements Callable<Integer> {
        private final Context ctx;
        @Option(names = "--topic-arn", required = true)
        String topicArn;

        DeleteTopic(Context ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            ctx.output().write(SdkJson.toJson(ctx.clients().client(SnsClient.class)
                    .deleteTopic(DeleteTopicRequest.builder().topicArn(topicArn).build())));
            return 0;
        }
    }
}
