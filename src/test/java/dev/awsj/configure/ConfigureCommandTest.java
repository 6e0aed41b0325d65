package dev.awsj.configure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;

class ConfigureCommandTest {
    static final String KEY = "AKIAIOSFODNN7EXAMPLE";
    static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    @TempDir
    Path home;
    Map<String, String> env;
    Path config;
    Path credentials;

    @BeforeEach
    void setUp() {
        env = Cli.env(home);
        config = home.resolve(".aws/config");
        credentials = home.resolve(".aws/credentials");
    }

    private ProfileFile sdkView() {
        ProfileFile.Aggregator agg = ProfileFile.aggregator();
        if (Files.exists(credentials)) {
            agg.addFile(ProfileFile.builder().content(credentials).type(ProfileFile.Type.CREDENTIALS).build());
        }
        if (Files.exists(config)) {
            agg.addFile(ProfileFile.builder().content(config).type(ProfileFile.Type.CONFIGURATION).build());
        }
        return agg.build();
    }

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void setPutsSecretsInCredentialsAndTheRestInConfigAndTheSdkReadsThem() throws Exception {
        assertEquals(0, Cli.run(env, "configure", "set", "aws_access_key_id", KEY).exitCode());
        assertEquals(0, Cli.run(env, "configure", "set", "aws_secret_access_key", SECRET).exitCode());
        assertEquals(0, Cli.run(env, "configure", "set", "region", "eu-central-1").exitCode());
        assertEquals(0, Cli.run(env, "configure", "set", "--profile", "dev", "aws_access_key_id", "AKIADEV").exitCode());
        assertEquals(0, Cli.run(env, "configure", "set", "--profile", "dev", "output", "table").exitCode());
        assertEquals(0, Cli.run(env, "configure", "set", "profile.ci.region", "us-west-2").exitCode());

        assertEquals("[default]\naws_access_key_id = " + KEY + "\naws_secret_access_key = " + SECRET
                + "\n[dev]\naws_access_key_id = AKIADEV\n", Cli.read(credentials));
        assertEquals("[default]\nregion = eu-central-1\n[profile dev]\noutput = table\n[profile ci]\nregion = us-west-2\n",
                Cli.read(config));

        ProfileFile sdk = sdkView();
        Profile def = sdk.profile("default").orElseThrow();
        assertEquals(KEY, def.property("aws_access_key_id").orElseThrow());
        assertEquals(SECRET, def.property("aws_secret_access_key").orElseThrow());
        assertEquals("eu-central-1", def.property("region").orElseThrow());
        assertEquals("AKIADEV", sdk.profile("dev").orElseThrow().property("aws_access_key_id").orElseThrow());
        assertEquals("table", sdk.profile("dev").orElseThrow().property("output").orElseThrow());
        assertEquals("us-west-2", sdk.profile("ci").orElseThrow().property("region").orElseThrow());
    }

    @Test
    void dottedNamesWriteTheNestedBlockAwsWrites() throws Exception {
        assertEquals(0, Cli.run(env, "configure", "set", "s3.max_concurrent_requests", "20").exitCode());
        assertEquals(0, Cli.run(env, "configure", "set", "s3.addressing_style", "path").exitCode());
        assertEquals(0, Cli.run(env, "configure", "set", "profile.dev.s3.addressing_style", "virtual").exitCode());
        assertEquals("[default]\ns3 =\n    max_concurrent_requests = 20\n    addressing_style = path\n"
                + "[profile dev]\ns3 =\n    addressing_style = virtual\n", Cli.read(config));
        String block = sdkView().profile("default").orElseThrow().property("s3").orElseThrow();
        assertTrue(block.contains("max_concurrent_requests = 20") && block.contains("addressing_style = path"), block);

        Cli.Result get = Cli.run(env, "configure", "get", "s3.max_concurrent_requests");
        assertEquals(0, get.exitCode());
        assertEquals("20\n", get.out());
        assertEquals("virtual\n", Cli.run(env, "configure", "get", "profile.dev.s3.addressing_style").out());
    }

    @Test
    void getPrintsTheValueOrExitsOne() throws Exception {
        Cli.write(config, "[default]\nregion = us-east-1\n[profile dev]\nregion = eu-west-3\n");
        assertEquals("us-east-1\n", Cli.run(env, "configure", "get", "region").out());
        assertEquals("eu-west-3\n", Cli.run(env, "configure", "get", "region", "--profile", "dev").out());
        assertEquals("eu-west-3\n", Cli.run(env, "configure", "get", "profile.dev.region").out());
        env.put("AWS_PROFILE", "dev");
        assertEquals("eu-west-3\n", Cli.run(env, "configure", "get", "region").out());
        assertEquals("us-east-1\n", Cli.run(env, "configure", "get", "default.region").out());
        Cli.Result missing = Cli.run(env, "configure", "get", "output");
        assertEquals(1, missing.exitCode());
        assertEquals("", missing.out());
    }

    @Test
    void existingFormattingCommentsAndOtherProfilesAreKeptByteForByte() throws Exception {
        String original = IniFileTest.GOLDEN;
        Cli.write(config, original);
        String creds = "# keys\r\n[default]\r\naws_access_key_id=OLDKEY\r\naws_secret_access_key=OLDSECRET\r\n\r\n[work]\r\n"
                + "aws_access_key_id = WORKKEY\r\n";
        Cli.write(credentials, creds);
        assertEquals(0, Cli.run(env, "configure", "set", "region", "eu-north-1", "--profile", "work").exitCode());
        assertEquals(0, Cli.run(env, "configure", "set", "aws_access_key_id", "NEWKEY").exitCode());
        assertEquals(original.replace("region = us-east-2", "region = eu-north-1"), Cli.read(config));
        assertEquals(creds.replace("aws_access_key_id=OLDKEY", "aws_access_key_id = NEWKEY"), Cli.read(credentials));
    }

    @Test
    void newFilesAre0600InANew0700Folder() throws Exception {
        assertEquals(0, Cli.run(env, "configure", "set", "aws_access_key_id", KEY).exitCode());
        assertEquals(0, Cli.run(env, "configure", "set", "region", "us-east-1").exitCode());
        assertEquals("rwx------", mode(home.resolve(".aws")));
        assertEquals("rw-------", mode(credentials));
        assertEquals("rw-------", mode(config));
        try (var s = Files.list(home.resolve(".aws"))) {
            // Beside each file, the lock that serializes changes to it (ConfigFileSafetyTest); no temporary file.
            assertEquals(List.of("config", "config.lock", "credentials", "credentials.lock"),
                    s.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertEquals("rw-------", mode(home.resolve(".aws/config.lock")));
        assertEquals("rw-------", mode(home.resolve(".aws/credentials.lock")));
    }

    @Test
    void anExistingModeIsKeptAndAWorldReadableFileIsWarnedAbout() throws Exception {
        Cli.write(credentials, "[default]\naws_access_key_id = A\n");
        Files.setPosixFilePermissions(credentials, PosixFilePermissions.fromString("rw-r--r--"));
        Cli.write(config, "[default]\nregion = a\n");
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-rw----"));
        Cli.Result r = Cli.run(env, "configure", "set", "aws_secret_access_key", SECRET);
        assertEquals(0, r.exitCode());
        assertTrue(r.err().contains("Warning: " + credentials + " is readable by other users"), r.err());
        assertEquals("rw-r--r--", mode(credentials));
        Cli.Result r2 = Cli.run(env, "configure", "set", "region", "b");
        assertTrue(r2.err().contains("Warning: " + config + " is readable by other users"), r2.err());
        assertEquals("rw-rw----", mode(config));
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-------"));
        assertEquals("", Cli.run(env, "configure", "set", "region", "c").err());
    }

    @Test
    void aMalformedFileIsRefusedWithPathAndLineAndNothingIsWritten() throws Exception {
        String bad = "region = us-east-1\n[default]\noutput = json\n";
        Cli.write(config, bad);
        Cli.write(credentials, "[default]\naws_access_key_id = A\n");
        for (String[] args : new String[][] {{"configure", "set", "region", "x"}, {"configure", "set", "aws_access_key_id", "B"},
            {"configure", "get", "region"}, {"configure", "list"}}) {
            Cli.Result r = Cli.run(env, args);
            assertEquals(253, r.exitCode(), String.join(" ", args) + ": " + r.err());
            assertTrue(r.err().contains(config + ":1: "), r.err());
        }
        Cli.Result prompt = Cli.run(env, "A\nB\nC\nD\n".getBytes(StandardCharsets.UTF_8), "configure");
        assertEquals(253, prompt.exitCode());
        assertEquals(bad, Cli.read(config));
        assertEquals("[default]\naws_access_key_id = A\n", Cli.read(credentials));

        Cli.write(config, "[default]\nregion = a\n[profile broken\nregion = b\n");
        Cli.Result r = Cli.run(env, "configure", "set", "output", "json");
        assertEquals(253, r.exitCode());
        assertTrue(r.err().contains(config + ":3: broken section header"), r.err());
    }

    @Test
    void thePromptShowsWhatAwsShowsAndEnterKeepsTheValue() throws Exception {
        Cli.Result first = Cli.run(env, (KEY + "\n" + SECRET + "\nus-east-1\njson\n").getBytes(StandardCharsets.UTF_8), "configure");
        assertEquals(0, first.exitCode(), first.err());
        assertEquals("AWS Access Key ID [None]: AWS Secret Access Key [None]: Default region name [None]: "
                + "Default output format [None]: ", first.err());
        assertEquals("", first.out());
        assertEquals("[default]\naws_access_key_id = " + KEY + "\naws_secret_access_key = " + SECRET + "\n", Cli.read(credentials));
        assertEquals("[default]\nregion = us-east-1\noutput = json\n", Cli.read(config));

        Cli.Result second = Cli.run(env, "\n\neu-west-1\n\n".getBytes(StandardCharsets.UTF_8), "configure");
        assertEquals(0, second.exitCode());
        assertEquals("AWS Access Key ID [****************MPLE]: AWS Secret Access Key [****************EKEY]: "
                + "Default region name [us-east-1]: Default output format [json]: ", second.err());
        assertFalse(second.all().contains(SECRET));
        assertEquals("[default]\nregion = eu-west-1\noutput = json\n", Cli.read(config));
        assertEquals("[default]\naws_access_key_id = " + KEY + "\naws_secret_access_key = " + SECRET + "\n", Cli.read(credentials));

        Cli.Result other = Cli.run(env, "AKIAOTHER\nSECRETOTHER\n\ntext\n".getBytes(StandardCharsets.UTF_8), "configure", "--profile", "other");
        assertEquals(0, other.exitCode());
        assertTrue(Cli.read(credentials).endsWith("[other]\naws_access_key_id = AKIAOTHER\naws_secret_access_key = SECRETOTHER\n"));
        assertTrue(Cli.read(config).endsWith("[profile other]\noutput = text\n"));
    }

    @Test
    void listShowsSourcesAndMasksSecrets() throws Exception {
        Cli.write(credentials, "[default]\naws_access_key_id = " + KEY + "\naws_secret_access_key = " + SECRET + "\n");
        Cli.write(config, "[default]\nregion = ap-northeast-1\n");
        Cli.Result r = Cli.run(env, "configure", "list");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(String.join("\n",
                "      Name                    Value             Type    Location",
                "      ----                    -----             ----    --------",
                "   profile                <not set>             None    None",
                "access_key     ****************MPLE shared-credentials-file    " + credentials,
                "secret_key     ****************EKEY shared-credentials-file    " + credentials,
                "    region           ap-northeast-1      config-file    " + config, ""), r.out());
        assertFalse(r.all().contains(SECRET));

        env.put("AWS_ACCESS_KEY_ID", "AKIAENVKEY0000000001");
        env.put("AWS_SECRET_ACCESS_KEY", "envsecretenvsecretenvsecret1234");
        env.put("AWS_REGION", "us-west-1");
        env.put("AWS_PROFILE", "default");
        Cli.Result e = Cli.run(env, "configure", "list");
        assertTrue(e.out().contains("   profile                  default              env    AWS_PROFILE\n"), e.out());
        assertTrue(e.out().contains("access_key     ****************0001              env    AWS_ACCESS_KEY_ID\n"), e.out());
        assertTrue(e.out().contains("secret_key     ****************1234              env    AWS_SECRET_ACCESS_KEY\n"), e.out());
        assertTrue(e.out().contains("    region                us-west-1              env    AWS_REGION\n"), e.out());
        assertFalse(e.all().contains("envsecretenvsecret"));
    }

    @Test
    void listProfilesListsBothFiles() throws Exception {
        Cli.write(config, "[default]\nregion = a\n[profile dev]\nregion = b\n[sso-session x]\nsso_region = c\n");
        Cli.write(credentials, "[default]\naws_access_key_id = A\n[ci]\naws_access_key_id = B\n");
        Cli.Result r = Cli.run(env, "configure", "list-profiles");
        assertEquals(0, r.exitCode());
        assertEquals("default\ndev\nci\n", r.out());
    }

    @Test
    void importReadsTheIamConsoleCsv() throws Exception {
        Path csv = home.resolve("alice_accessKeys.csv");
        Cli.write(csv, "\uFEFFUser name,Password,Access key ID,Secret access key,Console login link\r\n"
                + "alice,,AKIAALICE,\"alice/secret,with comma\",https://123.signin.aws.amazon.com/console\r\n");
        Cli.Result r = Cli.run(env, "configure", "import", "--csv", "file://" + csv);
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("Successfully imported 1 profile(s)\n", r.out());
        assertEquals("[alice]\naws_access_key_id = AKIAALICE\naws_secret_access_key = alice/secret,with comma\n", Cli.read(credentials));

        Path keyOnly = home.resolve("key_accessKeys.csv");
        Cli.write(keyOnly, "Access key ID,Secret access key\nAKIANEW,newsecret\n");
        Cli.Result r2 = Cli.run(env, "configure", "import", "--csv", keyOnly.toString(), "--profile", "bob");
        assertEquals(0, r2.exitCode(), r2.err());
        assertEquals("[alice]\naws_access_key_id = AKIAALICE\naws_secret_access_key = alice/secret,with comma\n"
                + "[bob]\naws_access_key_id = AKIANEW\naws_secret_access_key = newsecret\n", Cli.read(credentials));
        assertEquals("rw-------", mode(credentials));
        assertFalse(Files.exists(config));

        Cli.write(keyOnly, "Name,Other\nx,y\n");
        Cli.Result bad = Cli.run(env, "configure", "import", "--csv", keyOnly.toString());
        assertEquals(252, bad.exitCode());
        assertTrue(bad.err().contains("'Access key ID'"), bad.err());
    }

    @Test
    void exportCredentialsPrintsTheFormatsAwsPrints() throws Exception {
        Cli.write(credentials, "[default]\naws_access_key_id = " + KEY + "\naws_secret_access_key = " + SECRET
                + "\n[temp]\naws_access_key_id = ASIATEMP\naws_secret_access_key = tempsecret\naws_session_token = TOKEN123\n");
        Cli.Result p = Cli.run(env, "configure", "export-credentials");
        assertEquals(0, p.exitCode(), p.err());
        assertEquals("{\n  \"Version\": 1,\n  \"AccessKeyId\": \"" + KEY + "\",\n  \"SecretAccessKey\": \""
                + SECRET + "\"\n}\n", p.out());
        Cli.Result e = Cli.run(env, "configure", "export-credentials", "--format", "env", "--profile", "temp");
        assertEquals("export AWS_ACCESS_KEY_ID=ASIATEMP\nexport AWS_SECRET_ACCESS_KEY=tempsecret\nexport AWS_SESSION_TOKEN=TOKEN123\n", e.out());
        Cli.Result n = Cli.run(env, "configure", "export-credentials", "--format", "env-no-export", "--profile", "temp");
        assertEquals("AWS_ACCESS_KEY_ID=ASIATEMP\nAWS_SECRET_ACCESS_KEY=tempsecret\nAWS_SESSION_TOKEN=TOKEN123\n", n.out());
        Cli.Result bad = Cli.run(env, "configure", "export-credentials", "--format", "csh");
        assertEquals(252, bad.exitCode());
        Cli.Result none = Cli.run(env, "configure", "export-credentials", "--profile", "nope");
        assertEquals(253, none.exitCode());
    }

    @Test
    void theFileLocationsComeFromTheEnvironment() throws Exception {
        Path altConfig = home.resolve("elsewhere/cfg");
        Path altCreds = home.resolve("elsewhere/creds");
        env.put("AWS_CONFIG_FILE", altConfig.toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", altCreds.toString());
        env.put("AWS_PROFILE", "p1");
        assertEquals(0, Cli.run(env, "configure", "set", "region", "r1").exitCode());
        assertEquals(0, Cli.run(env, "configure", "set", "aws_session_token", "tok").exitCode());
        assertEquals("[profile p1]\nregion = r1\n", Cli.read(altConfig));
        assertEquals("[p1]\naws_session_token = tok\n", Cli.read(altCreds));
        assertFalse(Files.exists(home.resolve(".aws")));
    }

    @Test
    void debugOutputAndErrorsNeverShowTheSecretKey() throws Exception {
        Cli.Result set = Cli.run(env, "--debug", "configure", "set", "aws_secret_access_key", SECRET);
        assertEquals(0, set.exitCode());
        Cli.run(env, "configure", "set", "aws_session_token", "SESSIONTOKENVALUE123");
        Cli.run(env, "configure", "set", "aws_access_key_id", KEY);
        Cli.Result list = Cli.run(env, "--debug", "configure", "list");
        Cli.Result prompt = Cli.run(env, "\n\n\n\n".getBytes(StandardCharsets.UTF_8), "--debug", "configure");
        // A broken config file makes every command fail: the error must not quote the secrets.
        Cli.write(config, "aws_secret_access_key = " + SECRET + "\n");
        Cli.Result broken = Cli.run(env, "--debug", "configure", "get", "region");
        assertEquals(253, broken.exitCode());
        Cli.write(config, "[default]\n");
        Cli.write(credentials, "[default]\naws_secret_access_key " + SECRET + "\n");
        Cli.Result broken2 = Cli.run(env, "--debug", "configure", "set", "region", "x");
        assertEquals(253, broken2.exitCode());
        for (Cli.Result r : List.of(set, list, prompt, broken, broken2)) {
            assertFalse(r.err().contains(SECRET), r.err());
            assertFalse(r.err().contains("SESSIONTOKENVALUE123"), r.err());
            assertFalse(r.out().contains(SECRET), r.out());
        }
    }
}
