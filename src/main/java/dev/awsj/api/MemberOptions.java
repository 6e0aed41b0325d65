package dev.awsj.api;

import dev.awsj.core.Names;
import dev.awsj.json.ScalarParser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;

/**
 * One command-line option per top-level request member of an operation ({@code TopicArn} →
 * {@code --topic-arn}), named as the AWS CLI names them, and the values given for them set on a
 * request builder. Generic operations use it for every member; a curated command that replaces
 * an operation gets the members it does not handle itself ({@link Slot}), so every flag of
 * {@code aws} still works on it.
 */
public final class MemberOptions {
    /**
     * A curated command that replaces an operation declares {@code @Mixin MemberOptions.Slot members}
     * to take the operation's remaining members; the service command fills the slot when it builds
     * the command, and {@link #applyTo} sets what was given (nothing when the slot stayed empty).
     */
    @picocli.CommandLine.Command // a mixin needs a picocli annotation; it adds no options itself
    public static final class Slot {
        private MemberOptions options;

        public void fill(MemberOptions options) {
            this.options = options;
        }

        public void applyTo(SdkPojo builder) {
            if (options != null) {
                options.applyTo(builder);
            }
        }
    }

    private final CommandSpec spec;
    private final BooleanSupplier rawBlobs;
    private final Map<String, SdkField<?>> fields = new LinkedHashMap<>();

    private MemberOptions(CommandSpec spec, BooleanSupplier rawBlobs) {
        this.spec = spec;
        this.rawBlobs = rawBlobs;
    }

    /**
     * The standard help options. Every command inherits them from the root command when it joins
     * the command tree, which is after its members were added here; a member of one of these names
     * would keep picocli from adding them, so no member takes them.
     */
    private static final Set<String> HELP_OPTIONS = Set.of("--help", "--version");

    /**
     * Adds an option for each request member of {@code op} that {@code spec} does not have yet and
     * whose name is not {@code reserved} (the global options, which the command inherits later) nor
     * a standard help option. {@code rawBlobs} says, when the values are read, whether blob text is
     * UTF-8 ({@code --cli-binary-format raw-in-base64-out}) rather than base64.
     */
    public static MemberOptions addTo(CommandSpec spec, Operation op, Set<String> reserved, BooleanSupplier rawBlobs) {
        MemberOptions m = new MemberOptions(spec, rawBlobs);
        dev.awsj.aws.ModelRules rules = dev.awsj.aws.ModelRules.of(op.service().cliName());
        java.util.List<String> required = rules.required(op.name());
        Map<String, List<String>> enums = rules.enums(op.name());
        for (SdkField<?> f : op.requestFields()) {
            String member = Names.modelMember(op.service().cliName(), f.memberName());
            if (member == null) {
                continue;
            }
            String option = Names.option(op.service().cliName(), op.cliName(), member);
            if (spec.optionsMap().containsKey(option) || reserved.contains(option) || HELP_OPTIONS.contains(option)) {
                continue;
            }
            m.fields.put(option, f);
            MarshallingType<?> t = f.marshallingType();
            String desc = "(" + ScalarParser.typeName(t) + (required.contains(member) ? ", required" : "") + ") " + member;
            OptionSpec.Builder b = OptionSpec.builder(option).description(desc);
            if (enums.containsKey(member)) {
                // Offered by completion; aws sends any value, so awsj does too.
                b.completionCandidates(enums.get(member));
            }
            if (t == MarshallingType.BOOLEAN) {
                b.type(Boolean.class).arity("0..1").negatable(true).fallbackValue("true");
            } else if (t == MarshallingType.LIST) {
                b.type(List.class).auxiliaryTypes(String.class).arity("1..*").paramLabel("<value>");
            } else {
                b.type(String.class).paramLabel("<" + ScalarParser.typeName(t) + ">");
            }
            spec.addOption(b.build());
        }
        return m;
    }

    /** Sets every member given on the command line onto {@code builder}; others are left alone. */
    public void applyTo(SdkPojo builder) {
        ParseResult pr = spec.commandLine().getParseResult();
        for (Map.Entry<String, SdkField<?>> e : fields.entrySet()) {
            OptionSpec o = spec.findOption(e.getKey());
            if (pr == null || !pr.hasMatchedOption(o)) {
                continue;
            }
            Object value = o.getValue();
            boolean raw = rawBlobs.getAsBoolean();
            Object converted;
            if (value instanceof Boolean b) {
                converted = b;
            } else if (value instanceof List<?> l) {
                List<String> strings = new ArrayList<>();
                l.forEach(x -> strings.add(String.valueOf(x)));
                converted = ParameterValues.convert(e.getValue(), strings, e.getKey(), raw);
            } else {
                converted = ParameterValues.convert(e.getValue(), List.of(String.valueOf(value)), e.getKey(), raw);
            }
            e.getValue().set(builder, converted);
        }
    }
}
