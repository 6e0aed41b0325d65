package dev.awsj.sns;

import dev.awsj.api.MemberOptions;
import dev.awsj.api.ParameterValues;
import dev.awsj.core.AwsjException;
import dev.awsj.cli.Context;
import dev.awsj.json.SdkJson;
import dev.awsj.api.CliInputJson;
import dev.awsj.api.RequestMembers;
import dev.awsj.documents.TextSource;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.PublishRequest;

/** {@code publish} to a topic, a target ARN, or one phone number (SMS). */
@Command(name = "publish",
        description = {"Publish a message to a topic (--topic-arn), an endpoint (--target-arn) or one phone number "
                + "(--phone-number, E.164 like +15558675309, checked before the call). Prints {\"MessageId\": …}.",
                "The message: --message TEXT, --message - (stdin) or --message-file FILE."})
final class PublishCommand implements Callable<Integer> {
    /** E.164: a plus, a country code not starting with 0, at most 15 digits in all. */
    static final Pattern E164 = Pattern.compile("^\\+[1-9]\\d{1,14}$");

    private final Context ctx;
    @Option(names = "--topic-arn", paramLabel = "ARN")
    String topicArn;
    @Option(names = "--target-arn", paramLabel = "ARN")
    String targetArn;
    @Option(names = "--phone-number", paramLabel = "E164", description = "E.164 phone number for a single SMS.")
    String phoneNumber;
    @Option(names = "--message", paramLabel = "TEXT", description = "The message text; - reads it from stdin.")
    String message;
    @Option(names = "--message-file", paramLabel = "FILE", description = "Read the message from a UTF-8 file.")
    String messageFile;
    @Option(names = "--subject", paramLabel = "TEXT", description = "Subject line for email endpoints.")
    String subject;
    @Option(names = "--message-structure", paramLabel = "json", description = "json: a different message per protocol.")
    String messageStructure;
    @Option(names = "--message-attributes", paramLabel = "JSON",
            description = "As aws: {\"Name\":{\"DataType\":\"String\",\"StringValue\":\"v\"}} or file://F.")
    String messageAttributes;
    @Option(names = "--message-group-id", paramLabel = "ID")
    String messageGroupId;
    @Option(names = "--message-deduplication-id", paramLabel = "ID")
    String messageDeduplicationId;

    @Mixin
    CliInputJson input = new CliInputJson();

    @Mixin
    MemberOptions.Slot members = new MemberOptions.Slot();

    PublishCommand(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        PublishRequest.Builder b = input.fill(PublishRequest.builder(), ctx);
        members.applyTo(b);
        PublishRequest given = b.build();
        String topic = topicArn != null ? topicArn : given.topicArn();
        String target = targetArn != null ? targetArn : given.targetArn();
        String phone = phoneNumber != null ? phoneNumber : given.phoneNumber();
        int targets = (topic != null ? 1 : 0) + (target != null ? 1 : 0) + (phone != null ? 1 : 0);
        if (targets != 1) {
            throw AwsjException.usage("Give exactly one of --topic-arn, --target-arn and --phone-number.");
        }
        if (phone != null && !E164.matcher(phone).matches()) {
            throw AwsjException.usage("Invalid phone number \"" + phone
                    + "\": use E.164 format, a + then the country code and number, e.g. +15558675309.");
        }
        if (message != null && messageFile != null) {
            throw AwsjException.usage("Give only one of --message and --message-file.");
        }
        String text;
        if (message == null && messageFile == null) {
            if (given.message() == null) {
                throw AwsjException.usage("No message given: use --message TEXT, --message - (stdin) or --message-file FILE.");
            }
            text = given.message();
        } else if ("-".equals(message) || "-".equals(messageFile)) {
            text = TextSource.readStdin(ctx);
        } else if (messageFile != null) {
            text = TextSource.readFile(messageFile, "--message-file");
        } else {
            text = ParameterValues.load(message, "--message"); // file://F, as aws reads any parameter
        }
        TextSource.requireText(text, "the message");
        b.topicArn(topic).targetArn(target).phoneNumber(phone).message(text);
        if (subject != null) {
            b.subject(subject);
        }
        if (messageStructure != null) {
            b.messageStructure(messageStructure);
        }
        if (messageGroupId != null) {
            b.messageGroupId(messageGroupId);
        }
        if (messageDeduplicationId != null) {
            b.messageDeduplicationId(messageDeduplicationId);
        }
        RequestMembers.set(b, "MessageAttributes", messageAttributes, "--message-attributes",
                ctx.settings().rawBlobInput());
        ctx.output().write(SdkJson.toJson(ctx.clients().client(SnsClient.class).publish(b.build())));
        return 0;
    }
}
