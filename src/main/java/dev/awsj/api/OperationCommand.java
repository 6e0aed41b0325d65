package dev.awsj.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsj.aws.RequestChecks;
import dev.awsj.cli.Context;
import dev.awsj.core.AwsjException;
import dev.awsj.core.Names;
import dev.awsj.json.SdkJson;
import dev.awsj.output.OutputWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.utils.builder.Buildable;

/**
 * The generic command of one API operation, built from the SDK model at run time: one option per
 * top-level request member, {@code --cli-input-json}, {@code --generate-cli-skeleton}, pagination
 * options for list operations, {@code --body} or an output file for streaming ones.
 */
public final class OperationCommand implements Callable<Integer> {
    private static final String INPUT_JSON = CliInputJson.JSON;
    private static final String INPUT_YAML = CliInputJson.YAML;
    private static final String SKELETON = "--generate-cli-skeleton";

    private final Context ctx;
    private final Operation op;
    private MemberOptions members;
    private CommandSpec spec;
    /** The paging options; null when the operation does not page. */
    private Pagination pages;

    private OperationCommand(Context ctx, Operation op) {
        this.ctx = ctx;
        this.op = op;
    }

    /** The picocli command for an operation. */
    public static CommandLine commandLine(Context ctx, Operation op) {
        OperationCommand cmd = new OperationCommand(ctx, op);
        CommandSpec spec = CommandSpec.wrapWithoutInspection(cmd);
        cmd.spec = spec;
        spec.name(op.cliName());
        // -h/--help and -V/--version come from the root command (scope INHERIT) when the service adds this.
        spec.usageMessage().description("Calls the " + op.name() + " operation and prints its response as JSON."
                + (op.paginated() ? " Pages are fetched and merged." : ""));
        if (op.paginated()) {
            // Before the members: a paging option wins over a member of the same name, as in aws.
            cmd.pages = new Pagination();
            spec.addMixin("pagination", CommandSpec.forAnnotatedObject(cmd.pages));
        }
        cmd.members = MemberOptions.addTo(spec, op, ctx.options().names(), () -> ctx.settings().rawBlobInput());
        if (op.kind() == Operation.Kind.INPUT_STREAM && !spec.optionsMap().containsKey("--body")) {
            spec.addOption(OptionSpec.builder("--body").type(String.class).paramLabel("<file>")
                    .description("(file) The request body: a file to send, or - for stdin.").build());
        }
        if (op.kind() == Operation.Kind.OUTPUT_STREAM) {
            spec.addPositional(PositionalParamSpec.builder().paramLabel("outfile").type(String.class).arity("1")
                    .description("(file, required) Where the response body is written; - for stdout.").build());
        }
        spec.addOption(OptionSpec.builder(INPUT_JSON).type(String.class).paramLabel("<json>")
                .description("(string) The whole request as JSON, or file://request.json. Options given as well win.").build());
        spec.addOption(OptionSpec.builder(INPUT_YAML).type(String.class).paramLabel("<yaml>")
                .description("(string) The whole request as YAML, or file://request.yaml. Options given as well win.").build());
        spec.addOption(OptionSpec.builder(SKELETON).type(String.class).arity("0..1").fallbackValue("input")
                .paramLabel("input").description("Print an empty request in JSON and exit.").build());
        return new CommandLine(spec);
    }

    @Override
    public Integer call() {
        ParseResult pr = spec.commandLine().getParseResult();
        if (pr.hasMatchedOption(SKELETON)) {
            ctx.out().println(OutputWriter.json(skeleton(op.newBuilder(), 0)));
            return 0;
        }
        if (op.kind() == Operation.Kind.OUTPUT_STREAM && !pr.hasMatchedPositional(0)) {
            throw AwsjException.usage("the following arguments are required: outfile (where the response body is written;"
                    + " - for stdout)");
        }
        SdkPojo builder = op.newBuilder();
        CliInputJson.fill(builder, pr.matchedOptionValue(INPUT_JSON, null), pr.matchedOptionValue(INPUT_YAML, null),
                ctx.settings().rawBlobInput());
        members.applyTo(builder);
        Object request = ((Buildable) builder).build();
        // Before the client is built: a bad line fails first, as aws's does (the client checks again).
        new RequestChecks(op.service()).check(op.name(), (software.amazon.awssdk.core.SdkRequest) request);
        Object client = ctx.clients().client(op.service());
        JsonNode result;
        if (pages != null) {
            result = pages.fetchAny(ctx, builder, req -> invoke(client, req, pr));
        } else {
            result = SdkJson.toJson((SdkPojo) invoke(client, request, pr));
        }
        ctx.output().write(result, op.name());
        return 0;
    }

    private Object invoke(Object client, Object request, ParseResult pr) {
        return switch (op.kind()) {
            case PLAIN -> op.invoke(client, request);
            case INPUT_STREAM -> op.invoke(client, request, body(pr.matchedOptionValue("--body", null)));
            case OUTPUT_STREAM -> op.invoke(client, request, toFile(pr.matchedPositional(0).getValue()));
        };
    }

    private RequestBody body(String file) {
        if (file == null) {
            return RequestBody.empty();
        }
        if (file.equals("-")) {
            try {
                return RequestBody.fromBytes(ctx.stdin().readAllBytes());
            } catch (IOException e) {
                throw new AwsjException(dev.awsj.core.ExitCodes.OTHER, "Cannot read stdin: " + e.getMessage());
            }
        }
        Path p = Path.of(file);
        if (!Files.isRegularFile(p)) {
            throw AwsjException.usage("Bad value for --body: " + file + " is not a file");
        }
        if (!Files.isReadable(p)) {
            throw AwsjException.usage("Bad value for --body: " + file + " cannot be read");
        }
        return RequestBody.fromFile(p);
    }

    /** Streams the response body to a temp file beside the target, renamed when complete. */
    private ResponseTransformer<SdkResponse, SdkResponse> toFile(String target) {
        return (response, in) -> {
            if (target.equals("-")) {
                OutputStream out = ctx.rawOut();
                in.transferTo(out);
                out.flush();
                return response;
            }
            Path dest = Path.of(target).toAbsolutePath();
            Path tmp = Files.createTempFile(dest.getParent(), "." + dest.getFileName(), ".awsj-part");
            try (InputStream body = in; OutputStream out = Files.newOutputStream(tmp)) {
                body.transferTo(out);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(tmp);
                throw e;
            }
            Files.move(tmp, dest, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return response;
        };
    }


    /** An empty request: every member with an empty value of its type. */
    private static JsonNode skeleton(SdkPojo pojo, int depth) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        for (SdkField<?> f : pojo.sdkFields()) {
            node.set(f.memberName(), skeletonValue(f, depth));
        }
        return node;
    }

    private static JsonNode skeletonValue(SdkField<?> f, int depth) {
        MarshallingType<?> t = f.marshallingType();
        var nodes = JsonNodeFactory.instance;
        if (t == MarshallingType.SDK_POJO) {
            return depth > 4 ? nodes.objectNode() : skeleton(f.constructor().get(), depth + 1);
        }
        if (t == MarshallingType.LIST) {
            SdkField<?> m = f.getRequiredTrait(software.amazon.awssdk.core.traits.ListTrait.class).memberFieldInfo();
            return nodes.arrayNode().add(skeletonValue(m, depth + 1));
        }
        if (t == MarshallingType.MAP) {
            SdkField<?> v = f.getRequiredTrait(software.amazon.awssdk.core.traits.MapTrait.class).valueFieldInfo();
            return nodes.objectNode().set("KeyName", skeletonValue(v, depth + 1));
        }
        if (t == MarshallingType.BOOLEAN) {
            return nodes.booleanNode(true);
        }
        if (t == MarshallingType.INTEGER || t == MarshallingType.LONG || t == MarshallingType.SHORT || t == MarshallingType.BYTE) {
            return nodes.numberNode(0);
        }
        if (t == MarshallingType.FLOAT || t == MarshallingType.DOUBLE || t == MarshallingType.BIG_DECIMAL) {
            return nodes.numberNode(0.0);
        }
        if (t == MarshallingType.INSTANT) {
            return nodes.textNode("1970-01-01T00:00:00");
        }
        if (t == MarshallingType.DOCUMENT) {
            return nodes.objectNode();
        }
        return nodes.textNode("");
    }
}
