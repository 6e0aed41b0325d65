package dev.awsj.configure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code configure get} and {@code configure list} show the values the other commands use: one
 * reader of the files (the SDK's), also where its reading is not obvious, and {@code configure set}
 * writes where that reader looks.
 */
class ConfigureReadsWhatCommandsUseTest {
    @TempDir
    Path home;
    Map<String, String> env;
    Path config;
    Path credentials;

    @BeforeEach
    void setUp() throws Exception {
        env = Cli.env(home);
        config = home.resolve(".aws/config");
        credentials = home.resolve(".aws/credentials");
        Cli.write(credentials, "[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n"
                + "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n");
    }

    /** The region of the presigned URL's X-Amz-Credential (KEY/DATE/REGION/s3/aws4_request). */
    private String presignRegion() {
        Cli.Result r = Cli.run(env, "s3", "presign", "s3://bucket/key");
        assertEquals(0, r.exitCode(), r.err());
        for (String param : URI.create(r.out().trim()).getRawQuery().split("&")) {
            if (param.startsWith("X-Amz-Credential=")) {
                return URLDecoder.decode(param.substring(param.indexOf('=') + 1), StandardCharsets.UTF_8).split("/")[2];
            }
        }
        throw new AssertionError("no X-Amz-Credential in " + r.out());
    }

    private String get(String key) {
        Cli.Result r = Cli.run(env, "configure", "get", key);
        assertEquals(0, r.exitCode(), key + ": " + r.err());
        return r.out();
    }

    private String listedRegion() {
        Cli.Result r = Cli.run(env, "configure", "list");
        assertEquals(0, r.exitCode(), r.err());
        String row = r.out().lines().filter(l -> l.trim().startsWith("region ")).findFirst().orElseThrow();
        return row.trim().split("\\s+")[1];
    }

    /** Every command that reads the files, and the ones that write them. */
    private static final String[][] READERS = {{"configure", "get", "region"}, {"configure", "list"},
        {"configure", "list-profiles"}, {"s3", "presign", "s3://bucket/key"}};

    @Test
    void twoDefaultSectionsAreRefusedByEveryCommandAsAwsRefusesThem() throws Exception {
        String twice = "[default]\nregion = us-east-1\n\n[profile dev]\nregion = ap-south-1\n\n"
                + "[default]\nregion = eu-west-1\noutput = json\n";
        Cli.write(config, twice);
        String credentialsBefore = Cli.read(credentials);
        for (String[] args : READERS) {
            Cli.Result r = Cli.run(env, args);
            assertEquals(253, r.exitCode(), String.join(" ", args) + ": " + r.err());
            assertEquals("", r.out(), String.join(" ", args));
            assertEquals(config + ":7: the section [default] appears twice (first on line 1); aws refuses such a file:"
                    + " merge the two\n", r.err(), String.join(" ", args));
        }
        // Nothing is written into a file aws cannot read: configure set and import refuse it too.
        Path csv = home.resolve("keys.csv");
        Cli.write(csv, "Access key ID,Secret access key\nAKIANEW,newsecret\n");
        for (String[] args : new String[][] {{"configure", "set", "region", "sa-east-1"},
            {"configure", "set", "aws_access_key_id", "AKIANEW"}, {"configure", "import", "--csv", csv.toString()}}) {
            Cli.Result r = Cli.run(env, args);
            assertEquals(253, r.exitCode(), String.join(" ", args) + ": " + r.err());
            assertEquals(config + ":7: the section [default] appears twice (first on line 1); aws refuses such a file:"
                    + " merge the two (nothing was written)\n", r.err(), String.join(" ", args));
        }
        Cli.Result prompt = Cli.run(env, "\n\nus-west-2\n\n".getBytes(StandardCharsets.UTF_8), "configure");
        assertEquals(253, prompt.exitCode(), prompt.err());
        assertEquals(twice, Cli.read(config));
        assertEquals(credentialsBefore, Cli.read(credentials));

        // aws refuses the same file.
        assumeTrue(Cli.awsInstalled(), "the AWS CLI is not installed at " + Cli.AWS);
        Cli.Result aws = Cli.aws(env, "configure", "get", "region");
        assertNotEquals(0, aws.exitCode(), aws.all());
        assertTrue(aws.all().contains("Unable to parse config file: " + config), aws.all());
    }

    @Test
    void aKeySetTwiceInASectionIsRefusedInEitherFileInAnyCase() throws Exception {
        Cli.write(config, "[default]\nregion = us-east-1\nRegion: eu-west-1\n");
        for (String[] args : READERS) {
            Cli.Result r = Cli.run(env, args);
            assertEquals(253, r.exitCode(), String.join(" ", args) + ": " + r.err());
            assertEquals(config + ":3: region is set twice in [default] (first on line 2); aws refuses such a file: keep one\n",
                    r.err(), String.join(" ", args));
        }
        Cli.write(config, "[default]\nregion = us-east-1\n");
        Cli.write(credentials, "[default]\naws_access_key_id = AKIAONE\naws_secret_access_key = s\n"
                + "aws_access_key_id = AKIATWO\n");
        Cli.Result r = Cli.run(env, "s3", "presign", "s3://bucket/key");
        assertEquals(253, r.exitCode(), r.err());
        assertEquals(credentials + ":4: aws_access_key_id is set twice in [default] (first on line 2); aws refuses such a file:"
                + " keep one\n", r.err());
    }

    @Test
    void colonSeparatorsAreReadByEveryCommandAndSetRewritesTheLineInPlace() throws Exception {
        Cli.write(config, "# mine\n[default]\nregion: eu-west-3\noutput : json\n[profile dev]\nRegion:ap-south-1\n");
        Cli.write(credentials, "[default]\naws_access_key_id: AKIAIOSFODNN7EXAMPLE\n"
                + "aws_secret_access_key :wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n");
        assertEquals("eu-west-3", presignRegion());
        assertEquals("eu-west-3\n", get("region"));
        assertEquals("json\n", get("output"));
        assertEquals("eu-west-3", listedRegion());
        assertEquals("ap-south-1\n", get("profile.dev.region"), "keys are read in lower case, as aws reads them");
        assertEquals("AKIAIOSFODNN7EXAMPLE\n", get("aws_access_key_id"));

        assertEquals(0, Cli.run(env, "configure", "set", "region", "sa-east-1").exitCode());
        assertEquals(0, Cli.run(env, "configure", "set", "profile.dev.region", "us-west-1").exitCode());
        assertEquals(0, Cli.run(env, "configure", "set", "aws_access_key_id", "AKIANEWKEY").exitCode());
        assertEquals("# mine\n[default]\nregion = sa-east-1\noutput : json\n[profile dev]\nregion = us-west-1\n", Cli.read(config),
                "the line that was read is the line that changed");
        assertEquals("[default]\naws_access_key_id = AKIANEWKEY\naws_secret_access_key :wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n",
                Cli.read(credentials));
        assertEquals("sa-east-1", presignRegion());
        assertEquals("us-west-1\n", get("profile.dev.region"));
    }

    @Test
    void aColonFileIsReadByEveryCommandInAProcessOfItsOwn() throws Exception {
        // In a process of its own the SDK would read the files a second time, from the process's
        // environment, with its own parser: every command must see them through the one reader.
        Cli.write(config, "[default]\nregion: eu-west-3\nretry_mode: standard\n");
        Cli.write(credentials, "[default]\naws_access_key_id: AKIAIOSFODNN7EXAMPLE\n"
                + "aws_secret_access_key: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n");
        Cli.Result presign = Cli.runProcess(env, "s3", "presign", "s3://bucket/key");
        assertEquals(0, presign.exitCode(), presign.err());
        assertTrue(presign.out().contains("X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F") && presign.out().contains("%2Feu-west-3%2Fs3%2F"),
                presign.out());
        Cli.Result sns = Cli.runProcess(env, "sns", "list-topics", "--endpoint-url", "http://127.0.0.1:9", "--cli-connect-timeout", "2");
        assertEquals(255, sns.exitCode(), sns.err());
        // (The test class path has two SLF4J bindings, which SLF4J itself reports; awsj ships one.)
        List<String> lines = sns.err().lines().filter(l -> !l.startsWith("SLF4J")).toList();
        assertEquals(List.of("Could not connect to the endpoint URL: \"http://127.0.0.1:9\""), lines, sns.err());
    }

    @Test
    void aReadNeverSaysNothingWasWrittenAWriteDoes() throws Exception {
        Cli.write(config, "[default]\nregion = us-east-1\nthis line has no separator\n");
        for (String[] args : READERS) {
            Cli.Result r = Cli.run(env, args);
            assertEquals(253, r.exitCode(), r.err());
            assertEquals(config + ":3: expected 'key = value' or 'key: value'\n", r.err(), String.join(" ", args));
        }
        Cli.Result set = Cli.run(env, "configure", "set", "output", "json");
        assertEquals(253, set.exitCode(), set.err());
        assertEquals(config + ":3: expected 'key = value' or 'key: value' (nothing was written)\n", set.err());
    }

    @Test
    void profileDefaultOverDefaultAndNestedKeys() throws Exception {
        // The SDK reads [profile default] and ignores [default] when a config file has both.
        Cli.write(config, "[profile default]\nregion = eu-north-1\n[default]\nregion = us-west-2\n");
        assertEquals(presignRegion() + "\n", get("region"));
        assertEquals("eu-north-1\n", get("default.region"));
        assertEquals(0, Cli.run(env, "configure", "set", "default.region", "eu-south-1").exitCode());
        assertEquals("eu-south-1", presignRegion());
        assertEquals("eu-south-1\n", get("region"));
        assertEquals("[profile default]\nregion = eu-south-1\n[default]\nregion = us-west-2\n", Cli.read(config));

        // A key repeated in a nested block is read as aws reads the block (its own lines): the later wins.
        Cli.write(config, "[profile dev]\ns3 =\n    addressing_style = path\n    max_concurrent_requests = 5\n"
                + "    max_concurrent_requests = 20\n");
        assertEquals("path\n", get("profile.dev.s3.addressing_style"));
        assertEquals("20\n", get("profile.dev.s3.max_concurrent_requests"));
        assertEquals(1, Cli.run(env, "configure", "get", "profile.dev.s3.multipart_chunksize").exitCode());
        assertEquals("", Cli.run(env, "configure", "get", "profile.dev.region").out());
    }

    @Test
    void aValueInBothFilesIsTheCredentialsFilesAsForTheSdk() throws Exception {
        Cli.write(config, "[default]\nregion = us-east-2\n");
        Cli.write(credentials, "[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n"
                + "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\nregion = ca-central-1\n");
        // The credentials file wins over the config file, for the SDK as for aws.
        assertEquals("ca-central-1", presignRegion());
        assertEquals("ca-central-1\n", get("region"));
        Cli.Result list = Cli.run(env, "configure", "list");
        assertTrue(list.out().contains("    region             ca-central-1 shared-credentials-file    " + credentials + "\n"),
                list.out());
    }

    @Test
    void aFileTheSdkCannotParseIsExit253WithPathAndLine() throws Exception {
        Cli.write(config, "[default]\nregion = us-east-1\nthis line has no equals sign\n");
        for (String[] args : READERS) {
            Cli.Result r = Cli.run(env, args);
            assertEquals(253, r.exitCode(), String.join(" ", args) + ": " + r.err());
            assertEquals("", r.out(), String.join(" ", args));
            assertTrue(r.err().startsWith(config + ":3: "), r.err());
            assertEquals(1, r.err().lines().count(), r.err());
        }
    }
}
