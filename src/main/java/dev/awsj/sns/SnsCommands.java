package dev.awsj.sns;

import dev.awsj.cli.Context;
import dev.awsj.cli.CuratedCommands;
import java.util.List;

/**
 * The curated SNS commands. create-topic, list-topics, delete-topic, subscribe and unsubscribe are
 * the generic operations: they already take aws's flags (--notification-endpoint included),
 * merge every page and print aws's JSON, and they keep --cli-input-json and the paging options.
 * Only where a person needs more is there a hand-made command: publish (phone-number check,
 * message from a file or stdin) and list-subscriptions (--topic-arn).
 */
public final class SnsCommands implements CuratedCommands {
    @Override
    public List<Object> commands(Context ctx) {
        return List.of(new ListSubscriptionsCommand(ctx), new PublishCommand(ctx));
    }
}
