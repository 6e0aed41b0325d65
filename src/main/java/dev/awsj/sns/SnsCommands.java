package dev.awsj.sns;

import dev.awsj.cli.Context;
import dev.awsj.cli.CuratedCommands;
import java.util.List;

/** The curated SNS commands (DESIGN.md §1), with the AWS CLI's names, flags and JSON. */
public final class SnsCommands implements CuratedCommands {
    @Override
    public List<Object> commands(Context ctx) {
        return List.of(new TopicCommands.CreateTopic(ctx), new TopicCommands.ListTopics(ctx),
                new TopicCommands.DeleteTopic(ctx), new SubscriptionCommands.Subscribe(ctx),
                new SubscriptionCommands.ListSubscriptions(ctx), new SubscriptionCommands.Unsubscribe(ctx),
                new PublishCommand(ctx));
    }
}
