package dev.awsj.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsj.cli.Context;
import dev.awsj.core.AwsjException;
import dev.awsj.core.ExitCodes;
import dev.awsj.core.Names;
import dev.awsj.json.SdkJson;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.utils.builder.Buildable;

/**
 * {@code awsj s3api wait bucket-exists --bucket B}: the service model's waiters (waiters-2.json,
 * through {@link dev.awsj.aws.ModelRules}) as the AWS CLI runs them (botocore's waiter.py): the
 * waiter's operation is called with the members given, every {@code delay} seconds, until an
 * acceptor matches a success (exit 0, nothing printed) or a failure state, or the attempts run
 * out (exit 255, {@code Waiter BucketExists failed: Max attempts exceeded}).
 */
public final class WaitCommand implements Callable<Integer> {
    private static final io.burt.jmespath.jackson.JacksonRuntime JMESPATH = new io.burt.jmespath.jackson.JacksonRuntime();

    private final Context ctx;
    private final String name;
    private final JsonNode waiter;
    private final Operation op;
    private MemberOptions members;

    private WaitCommand(Context ctx, String name, JsonNode waiter, Operation op) {
        this.ctx = ctx;
        this.name = name;
        this.waiter = waiter;
        this.op = op;
    }

    /** The {@code wait} command of a service, with one subcommand per waiter; only {@code waiterCli} in full. */
    public static CommandLine commandLine(Context ctx, ServiceModel model, String waiterCli) {
        CommandSpec spec = CommandSpec.wrapWithoutInspection((Callable<Integer>) () -> {
            throw AwsjException.usage("wait: a waiter is required, e.g. "
                    + Names.kebab(model.rules().waiters().keySet().iterator().next()));
        });
        spec.name("wait");
        spec.usageMessage().description("Wait until a condition is met: each subcommand calls an operation until "
                + "its answer says so (nothing is printed; exit 255 when it fails or gives up).");
        CommandLine cl = new CommandLine(spec);
        for (Map.Entry<String, JsonNode> e : model.rules().waiters().entrySet()) {
            String cli = Names.kebab(e.getKey());
            Operation op = model.operations().get(Names.kebab(e.getValue().path("operation").asText()));
            String description = "Wait until " + e.getValue().path("operation").asText() + " answers as the "
                    + e.getKey() + " waiter expects: every " + e.getValue().path("delay").asInt() + " seconds, at most "
                    + e.getValue().path("maxAttempts").asInt() + " times.";
            if (op == null || waiterCli != null && !waiterCli.equals(cli)) {
                CommandSpec placeholder = CommandSpec.wrapWithoutInspection((Callable<Integer>) () -> {
                    throw new IllegalStateException("placeholder of " + cli + " executed");
                });
                placeholder.name(cli);
                placeholder.usageMessage().description(description);
                cl.addSubcommand(cli, new CommandLine(placeholder));
                continue;
            }
            WaitCommand cmd = new WaitCommand(ctx, e.getKey(), e.getValue(), op);
            CommandSpec sub = CommandSpec.wrapWithoutInspection(cmd);
            sub.name(cli);
            sub.usageMessage().description(description);
            cmd.members = MemberOptions.addTo(sub, op, ctx.options().names(), () -> ctx.settings().rawBlobInput());
            cl.addSubcommand(cli, new CommandLine(sub));
        }
        return cl;
    }

    @Override
    public Integer call() throws InterruptedException {
        SdkPojo builder = op.newBuilder();
        members.applyTo(builder);
        Object request = ((Buildable) builder).build();
        new dev.awsj.aws.RequestChecks(op.service()).check(op.name(), (software.amazon.awssdk.core.SdkRequest) request);
        Object client = ctx.clients().client(op.service());
        long delay = waiter.path("delay").asLong(5);
        int maxAttempts = waiter.path("maxAttempts").asInt(20);
        JsonNode lastMatched = null;
        for (int attempt = 1; ; attempt++) {
            JsonNode response = null;
            int status = 200;
            String errorCode = null;
            String errorMessage = null;
            try {
                response = SdkJson.toJson((SdkPojo) op.invoke(client, request));
            } catch (AwsServiceException e) {
                status = e.statusCode();
                errorCode = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
                errorMessage = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorMessage();
            }
            JsonNode matched = null;
            for (JsonNode acceptor : waiter.path("acceptors")) {
                if (matches(acceptor, response, status, errorCode)) {
                    matched = acceptor;
                    break;
                }
            }
            if (matched == null && response == null) {
                throw failed("An error occurred (" + (errorCode == null ? "Unknown" : errorCode) + "): "
                        + (errorMessage == null ? "Unknown" : errorMessage));
            }
            if (matched != null) {
                lastMatched = matched;
                String state = matched.path("state").asText();
                if (state.equals("success")) {
                    return ExitCodes.OK;
                }
                if (state.equals("failure")) {
                    throw failed("Waiter encountered a terminal failure state: " + explanation(matched));
                }
            }
            if (attempt >= maxAttempts) {
                // As botocore: the explanation of the acceptor its loop ended on, the last one.
                throw failed(lastMatched == null ? "Max attempts exceeded" : "Max attempts exceeded. Previously accepted state: "
                        + explanation(last(waiter.path("acceptors"))));
            }
            Thread.sleep(delay * 1000);
        }
    }

    private AwsjException failed(String reason) {
        return new AwsjException(ExitCodes.OTHER, "Waiter " + name + " failed: " + reason);
    }

    private static JsonNode last(JsonNode array) {
        return array.get(array.size() - 1);
    }

    private static boolean matches(JsonNode acceptor, JsonNode response, int status, String errorCode) {
        JsonNode expected = acceptor.path("expected");
        switch (acceptor.path("matcher").asText()) {
            case "status":
                return expected.asInt() == status;
            case "error":
                return errorCode != null && expected.asText().equals(errorCode);
            case "path": {
                return response != null && expected.equals(search(acceptor, response));
            }
            case "pathAll": {
                JsonNode v = response == null ? null : search(acceptor, response);
                if (v == null || !v.isArray() || v.isEmpty()) {
                    return false;
                }
                for (JsonNode x : v) {
                    if (!expected.equals(x)) {
                        return false;
                    }
                }
                return true;
            }
            case "pathAny": {
                JsonNode v = response == null ? null : search(acceptor, response);
                if (v == null || !v.isArray()) {
                    return false;
                }
                for (JsonNode x : v) {
                    if (expected.equals(x)) {
                        return true;
                    }
                }
                return false;
            }
            default:
                return false;
        }
    }

    private static JsonNode search(JsonNode acceptor, JsonNode response) {
        return JMESPATH.compile(acceptor.path("argument").asText()).search(response);
    }

    /** botocore's AcceptorConfig.explanation, word for word (its "excepted" included). */
    private static String explanation(JsonNode acceptor) {
        String argument = acceptor.path("argument").asText();
        String expected = acceptor.path("expected").asText();
        return switch (acceptor.path("matcher").asText()) {
            case "path" -> "For expression \"" + argument + "\" we matched expected path: \"" + expected + "\"";
            case "pathAll" -> "For expression \"" + argument + "\" all members matched excepted path: \"" + expected + "\"";
            case "pathAny" -> "For expression \"" + argument + "\" we matched expected path: \"" + expected + "\" at least once";
            case "status" -> "Matched expected HTTP status code: " + expected;
            case "error" -> "Matched expected service error code: " + expected;
            default -> "No explanation for unknown waiter type: \"" + acceptor.path("matcher").asText() + "\"";
        };
    }
}
