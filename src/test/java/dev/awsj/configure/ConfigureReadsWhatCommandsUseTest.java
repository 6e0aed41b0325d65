package dev.awsj.configure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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

    @Test
    void twoDefaultSectionsGetListAndPresignAgree() throws Exception {
        Cli.write(config, "[default]\nregion = us-east-1\n\n[profile dev]\nregion = ap-south-1\n\n"
                + "[default]\nregion = eu-west-1\noutput = json\n");
        String signed = presignRegion();
        assertEquals("eu-west-1", signed, "the SDK reads the later section");
        assertEquals(signed + "\n", get("region"));
        assertEquals(signed, listedRegion());
        Cli.Result list = Cli.run(env, "configure", "list");
        assertTrue(list.out().contains("    region                eu-west-1      config-file    " + config + "\n"), list.out());
        assertTrue(list.out().contains("access_key     ****************MPLE shared-credentials-file    " + credentials + "\n"),
                list.out());

        // configure set changes the value that is read, not the shadowed one.
        assertEquals(0, Cli.run(env, "configure", "set", "region", "sa-east-1").exitCode());
        assertEquals("sa-east-1", presignRegion());
        assertEquals("sa-east-1\n", get("region"));
        assertEquals("sa-east-1", listedRegion());
        assertEquals("[default]\nregion = us-east-1\n\n[profile dev]\nregion = ap-south-1\n\n"
                + "[default]\nregion = sa-east-1\noutput = json\n", Cli.read(config), "only the line read was changed");
    }

    @Test
    void profileDefaultOverDefaultAndNestedKeysAcrossDuplicates() throws Exception {
        // The SDK reads [profile default] and ignores [default] when a config file has both.
        Cli.write(config, "[profile default]\nregion = eu-north-1\n[default]\nregion = us-west-2\n");
        assertEquals(presignRegion() + "\n", get("region"));
        assertEquals("eu-north-1\n", get("default.region"));
        assertEquals(0, Cli.run(env, "configure", "set", "default.region", "eu-south-1").exitCode());
        assertEquals("eu-south-1", presignRegion());
        assertEquals("eu-south-1\n", get("region"));
        assertEquals("[profile default]\nregion = eu-south-1\n[default]\nregion = us-west-2\n", Cli.read(config));

        // Nested keys merge over repeated sections, a later value winning.
        Cli.write(config, "[profile dev]\ns3 =\n    addressing_style = path\n    max_concurrent_requests = 5\n"
                + "[profile dev]\ns3 =\n    max_concurrent_requests = 20\n");
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
        for (String[] args : new String[][] {{"configure", "get", "region"}, {"configure", "list"},
            {"configure", "list-profiles"}, {"s3", "presign", "s3://bucket/key"}}) {
            Cli.Result r = Cli.run(env, args);
            assertEquals(253, r.exitCode(), String.join(" ", args) + ": " + r.err());
            assertEquals("", r.out(), String.join(" ", args));
            assertTrue(r.err().startsWith(config + ":3: "), r.err());
            assertEquals(1, r.err().lines().count(), r.err());
        }
    }
}
