package dev.awsj.configure;

import dev.awsj.cli.Prompter;
import dev.awsj.core.AtomicFileWriter;

import dev.awsj.cli.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code awsj configure}: the four questions {@code aws configure} asks, Enter keeping the current
 * value; and the subcommands that read and write single settings.
 */
@Command(name = "configure",
        description = {"Configure credentials and settings in ~/.aws/credentials and ~/.aws/config.",
            "Without a subcommand, asks for the access key, secret key, region and output format of the profile "
                + "(--profile, AWS_PROFILE or default); press Enter to keep the value shown in brackets."},
        subcommands = {ConfigureSetCommand.class, ConfigureGetCommand.class, ConfigureListCommand.class,
            ConfigureListProfilesCommand.class, ConfigureImportCommand.class, ConfigureExportCredentialsCommand.class})
public final class ConfigureCommand implements Callable<Integer> {
    private final Context ctx;

    public ConfigureCommand(Context ctx) {
        this.ctx = ctx;
    }

    /**
     * The files of this run, for writing: AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE or their
     * defaults. Values are read through {@code ctx.settings()}, as every other command reads them.
     */
    static ConfigFiles files(Context ctx) {
        return new ConfigFiles(ctx.settings().configFile(), ctx.settings().credentialsFile(), new AtomicFileWriter(ctx.err()));
    }

    /** What {@code aws} shows for a secret: sixteen stars and the last four characters. */
    static String mask(String value) {
        if (value == null) {
            return null;
        }
        return "*".repeat(16) + (value.length() > 4 ? value.substring(value.length() - 4) : value);
    }

    @Override
    public Integer call() {
        String profile = ctx.settings().profileName();
        ConfigFiles files = files(ctx);
        Prompter prompter = ctx.prompter();
        String[][] questions = {
            {"aws_access_key_id", "AWS Access Key ID", "mask"},
            {"aws_secret_access_key", "AWS Secret Access Key", "secret"},
            {"region", "Default region name", ""},
            {"output", "Default output format", ""},
        };
        Map<String, String> changes = new LinkedHashMap<>();
        for (String[] q : questions) {
            Optional<String> current = ctx.settings().profileValue(profile, q[0]);
            String shown = current.map(v -> q[2].isEmpty() ? v : mask(v)).orElse("None");
            String answer = prompter.ask(q[1] + " [" + shown + "]: ", q[2].equals("secret"));
            if (answer == null) {
                break;
            }
            answer = answer.trim();
            if (!answer.isEmpty() && !answer.equals(current.orElse(null))) {
                changes.put(q[0], answer);
            }
        }
        if (!changes.isEmpty()) {
            files.setAll(profile, changes);
        }
        return 0;
    }
}
