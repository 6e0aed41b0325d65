package dev.awsj.sso;

import dev.awsj.aws.AwsSettings;
import dev.awsj.aws.SsoConfig;
import dev.awsj.aws.SsoTokens;
import dev.awsj.cli.Context;
import dev.awsj.cli.Prompter;
import dev.awsj.configure.ConfigFiles;
import dev.awsj.core.AtomicFileWriter;
import dev.awsj.core.AwsjException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.sso.model.AccountInfo;
import software.amazon.awssdk.services.sso.model.RoleInfo;
import software.amazon.awssdk.services.sso.model.UnauthorizedException;

/**
 * {@code awsj configure sso}: aws's prompts for an SSO profile. Asks for the sso-session (or the
 * legacy start URL and region), signs in, lets the user pick the account and role from those the
 * portal lists, asks for the profile's region, output and name, and writes the profile and the
 * {@code [sso-session NAME]} section (docs/configuration.md, "SSO").
 */
@Command(name = "sso", description = {"Configure a profile that signs in with IAM Identity Center (SSO).",
    "Asks aws's questions, signs in, and lists the accounts and roles to choose from."})
public final class ConfigureSsoCommand implements Callable<Integer> {
    private static final String DEFAULT_SCOPES = "sso:account:access";
    private final Context ctx;

    @Option(names = "--no-browser", description = "Do not open a browser: only print the URL and the code.")
    boolean noBrowser;

    public ConfigureSsoCommand(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        AwsSettings settings = ctx.settings();
        Prompter prompter = ctx.prompter();
        PrintStream out = ctx.out();
        String givenProfile = settings.profileExplicit() ? settings.profileName() : null;
        Optional<Profile> existing = givenProfile == null ? Optional.empty() : settings.profile();
        Map<String, String> profileValues = new LinkedHashMap<>();
        Map<String, String> sessionValues = new LinkedHashMap<>();

        String currentSession = existing.flatMap(p -> p.property("sso_session")).orElse(null);
        String session = ask(prompter, currentSession == null ? "SSO session name (Recommended): "
                : "SSO session name [" + currentSession + "]: ", currentSession);
        SsoConfig sso;
        if (session == null) {
            out.print("WARNING: Configuring using legacy format (e.g. without an SSO session).\n"
                    + "Consider re-running \"configure sso\" command and providing a session name.\n");
            String startUrl = required(prompter, "SSO start URL", existing.flatMap(p -> p.property("sso_start_url")).orElse(null));
            String region = required(prompter, "SSO region", existing.flatMap(p -> p.property("sso_region")).orElse(null));
            profileValues.put("sso_start_url", startUrl);
            profileValues.put("sso_region", region);
            sso = new SsoConfig(null, startUrl, region, List.of());
        } else {
            profileValues.put("sso_session", session);
            if (settings.profileFile().getSection("sso-session", session).isPresent()) {
                sso = SsoConfig.ofSession(settings, session, null);
            } else {
                String startUrl = required(prompter, "SSO start URL", existing.flatMap(p -> p.property("sso_start_url")).orElse(null));
                String region = required(prompter, "SSO region", existing.flatMap(p -> p.property("sso_region")).orElse(null));
                String scopes = Optional.ofNullable(ask(prompter, "SSO registration scopes [" + DEFAULT_SCOPES + "]: ", DEFAULT_SCOPES))
                        .orElse(DEFAULT_SCOPES);
                sessionValues.put("sso_start_url", startUrl);
                sessionValues.put("sso_region", region);
                sessionValues.put("sso_registration_scopes", scopes);
                List<String> parsed = new ArrayList<>();
                for (String s : scopes.split(",")) {
                    if (!s.isBlank()) {
                        parsed.add(s.trim());
                    }
                }
                sso = new SsoConfig(session, startUrl, region, List.copyOf(parsed));
            }
        }

        String token = new SsoTokens(ctx.clients(), ctx.err()).login(sso, new DeviceAuthorizationPrinter(ctx, noBrowser));
        String account = null;
        String role = null;
        try (SsoClient portal = ctx.clients().signInClient(SsoClient.builder(), "SSO", sso.region())) {
            List<AccountInfo> accounts = new ArrayList<>();
            portal.listAccountsPaginator(b -> b.accessToken(token)).accountList().forEach(accounts::add);
            if (accounts.isEmpty()) {
                throw AwsjException.config("No AWS accounts are available to you.");
            }
            if (accounts.size() == 1) {
                account = accounts.get(0).accountId();
                out.print("The only AWS account available to you is: " + account + "\n");
            } else {
                out.print("There are " + accounts.size() + " AWS accounts available to you.\n");
                List<String> shown = accounts.stream().map(a -> a.accountName() + ", " + a.emailAddress() + " (" + a.accountId() + ")").toList();
                account = accounts.get(choose(prompter, "account", shown)).accountId();
            }
            out.print("Using the account ID " + account + "\n");
            String accountId = account;
            List<RoleInfo> roles = new ArrayList<>();
            portal.listAccountRolesPaginator(b -> b.accessToken(token).accountId(accountId)).roleList().forEach(roles::add);
            if (roles.isEmpty()) {
                throw AwsjException.config("No roles are available for the account " + account);
            }
            if (roles.size() == 1) {
                role = roles.get(0).roleName();
                out.print("The only role available to you is: " + role + "\n");
            } else {
                out.print("There are " + roles.size() + " roles available to you.\n");
                role = roles.get(choose(prompter, "role", roles.stream().map(RoleInfo::roleName).toList())).roleName();
            }
            out.print("Using the role name \"" + role + "\"\n");
            profileValues.put("sso_account_id", account);
            profileValues.put("sso_role_name", role);
        } catch (UnauthorizedException e) {
            out.print("Unable to list AWS accounts and/or roles. Skipping configuring AWS credential provider for profile.\n");
        }
        out.flush();

        String region = ask(prompter, "CLI default client Region [" + existing.flatMap(p -> p.property("region")).orElse("None") + "]: ", null);
        if (region != null) {
            profileValues.put("region", region);
        }
        String output = ask(prompter, "CLI default output format [" + existing.flatMap(p -> p.property("output")).orElse("None") + "]: ", null);
        if (output != null) {
            profileValues.put("output", output);
        }
        String profileName = givenProfile;
        if (profileName == null) {
            String suggested = account != null && role != null ? role + "-" + account : null;
            profileName = required(prompter, "CLI profile name", suggested);
        }
        new ConfigFiles(settings.configFile(), settings.credentialsFile(), new AtomicFileWriter(ctx.err()))
                .setConfig(profileName, profileValues, "sso-session " + session, session == null ? Map.of() : sessionValues);
        if (account != null && role != null) {
            out.print("\nTo use this profile, specify the profile name using --profile, as shown:\n\n"
                    + "awsj s3 ls --profile " + profileName + "\n");
        } else {
            out.print("Successfully configured SSO for profile: " + profileName + "\n");
        }
        return 0;
    }

    /** The trimmed answer; the current value for an empty one (null when there is none). */
    private static String ask(Prompter prompter, String prompt, String current) {
        String answer = prompter.ask(prompt, false);
        if (answer == null || answer.isBlank()) {
            return current;
        }
        return answer.trim();
    }

    private static String required(Prompter prompter, String text, String current) {
        String v = ask(prompter, text + " [" + (current == null ? "None" : current) + "]: ", current);
        if (v == null) {
            throw AwsjException.usage(text + " is required.");
        }
        return v;
    }

    /** A numbered list on stderr; the number typed picks one. */
    private int choose(Prompter prompter, String what, List<String> items) {
        PrintStream err = ctx.err();
        for (int i = 0; i < items.size(); i++) {
            err.print("  " + (i + 1) + ") " + items.get(i) + "\n");
        }
        String answer = prompter.ask("Choose the " + what + " [1-" + items.size() + "]: ", false);
        try {
            int n = Integer.parseInt(answer == null ? "" : answer.trim());
            if (n >= 1 && n <= items.size()) {
                return n - 1;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw AwsjException.usage("Choose the " + what + " by its number, 1 to " + items.size() + ".");
    }
}
