package dev.awsj.configure;

import dev.awsj.aws.AwsSettings;
import dev.awsj.core.AwsjException;
import dev.awsj.cli.Context;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code awsj configure get KEY}: prints a value as every other command reads it (the SDK's view of
 * both files, {@link AwsSettings}); exit 1 when it is not set, as aws.
 */
@Command(name = "get",
        description = {"Print one value from the config or credentials file (exit 1 when it is not set).",
            "KEY as for 'configure set': region, s3.max_concurrent_requests, profile.NAME.region, ..."})
final class ConfigureGetCommand implements Callable<Integer> {
    private final Context ctx;

    @Parameters(index = "0", paramLabel = "KEY", description = "The name of the setting.")
    String name;

    ConfigureGetCommand(Context ctx) {
        this.ctx = ctx;
    }

    /**
     * The name read as aws's {@code configure get} reads it: {@code KEY} and {@code SECTION.KEY} of
     * the current profile; {@code profile.NAME.KEY[.SUBKEY]}; {@code default.KEY[.SUBKEY]} and
     * {@code NAME.KEY[.SUBKEY]} when NAME is a profile of either file (else NAME.KEY is the nested
     * key of the current profile, as for {@code configure set}).
     */
    @Override
    public Integer call() {
        AwsSettings settings = ctx.settings();
        if (name.isBlank() || Arrays.stream(name.split("\\.", -1)).anyMatch(String::isBlank)) {
            throw AwsjException.usage("Bad setting name \"" + name + "\": use KEY, SECTION.KEY, NAME.KEY or profile.NAME.KEY");
        }
        List<String> parts = List.of(name.split("\\."));
        String profile = settings.profileName();
        int key = 0;
        if (parts.get(0).equals("profile") && parts.size() >= 3) {
            profile = parts.get(1);
            key = 2;
        } else if (parts.size() >= 2 && (parts.get(0).equals("default") || settings.profileNames().contains(parts.get(0)))) {
            profile = parts.get(0);
            key = 1;
        }
        List<String> rest = parts.subList(key + 1, parts.size());
        Optional<String> v = rest.size() == 1
                ? settings.profileValue(profile, parts.get(key) + "." + rest.get(0))
                : settings.profileValue(profile, parts.get(key));
        if (v.isEmpty()) {
            return 1;
        }
        if (v.get().contains("\n") || v.get().isEmpty() && rest.size() != 1 && isBlock(settings, profile, parts.get(key))) {
            // A nested block such as s3 =: aws prints no value for it.
            ctx.err().print("varname (" + name + ") must reference a value, not a section or sub-section.");
            ctx.err().flush();
            return 1;
        }
        ctx.out().println(v.get());
        return 0;
    }

    /** Whether a key of the profile is a nested block ({@code s3 =} followed by indented settings). */
    private static boolean isBlock(AwsSettings settings, String profile, String key) {
        return settings.profileFile().profile(profile)
                .map(p -> p.properties().keySet().stream().anyMatch(k -> k.startsWith(key + ".")))
                .orElse(false);
    }
}
