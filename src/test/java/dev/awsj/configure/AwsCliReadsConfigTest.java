package dev.awsj.configure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsj.json.SdkJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the AWS CLI is installed, it reads back what awsj wrote, and awsj reads (or refuses) a file
 * as aws does; skipped elsewhere.
 */
class AwsCliReadsConfigTest {
    @TempDir
    Path home;

    @BeforeEach
    void awsInstalled() {
        assumeTrue(Cli.awsInstalled(), "the AWS CLI is not installed at " + Cli.AWS);
    }

    private static String aws(Map<String, String> env, String... args) throws Exception {
        return Cli.aws(env, args).all();
    }

    @Test
    void awsConfigureGetReadsWhatAwsjWrote() throws Exception {
        Map<String, String> env = Cli.env(home);
        Cli.write(home.resolve(".aws/config"), "# kept\n[default]\noutput = json\n");
        assertEquals(0, Cli.run(env, "configure", "set", "region", "eu-west-2").exitCode());
        assertEquals(0, Cli.run(env, "configure", "set", "aws_access_key_id", "AKIACOMPAT").exitCode());
        assertEquals(0, Cli.run(env, "configure", "set", "--profile", "dev", "aws_secret_access_key", "devsecret").exitCode());
        assertEquals(0, Cli.run(env, "configure", "set", "profile.dev.region", "ap-south-1").exitCode());
        assertEquals(0, Cli.run(env, "configure", "set", "s3.max_concurrent_requests", "20").exitCode());

        assertEquals("eu-west-2\n", aws(env, "configure", "get", "region"));
        assertEquals("json\n", aws(env, "configure", "get", "output"));
        assertEquals("AKIACOMPAT\n", aws(env, "configure", "get", "aws_access_key_id"));
        assertEquals("devsecret\n", aws(env, "configure", "get", "aws_secret_access_key", "--profile", "dev"));
        assertEquals("ap-south-1\n", aws(env, "configure", "get", "profile.dev.region"));
        assertEquals("20\n", aws(env, "configure", "get", "default.s3.max_concurrent_requests"));
    }

    /** botocore's loader as the installed aws runs it: for each file, the default profile's region or "refused". */
    private static final String LOADER = String.join("\n",
            "import json, sys",
            "from awscli.botocore.configloader import load_config",
            "out = []",
            "for path in sys.argv[1:]:",
            "    try:",
            "        out.append(load_config(path)['profiles'].get('default', {}).get('region'))",
            "    except Exception as e:",
            "        if type(e).__name__ != 'ConfigParseError':",
            "            raise",
            "        out.append('refused')",
            "print(json.dumps(out))");

    /**
     * Config files aws reads and files it refuses (botocore's configparser): awsj prints the same
     * value, or refuses the same file with exit 253 and path:line. The files go through botocore's
     * own loader, the code /usr/bin/aws runs, in one Python process.
     */
    @Test
    void awsjReadsAndRefusesTheFilesAwsReadsAndRefuses() throws Exception {
        String[] files = {
            "[default]\nregion: eu-west-1\n",
            "[default]\nregion : a=b\n",
            "[default]\nregion= a:b\n",
            "[default]\nRegion = eu-central-1\n",
            "[default]\n  region = us-west-1\n",
            "[default]\n  region = ca-central-1\n  output = json\n",
            "[default]\noutput = json\n    region = not-a-key\nregion = eu-west-2\n",
            "# c\n; c\n[default]\n\n  # indented comment\nregion=ap-east-1\r\n",
            "[default]\ns3 =\n  addressing_style = path\n\n  max_concurrent_requests = 5\nregion = sa-east-1\n",
            "[profile default]\nregion = eu-north-1\n",
            "[default]\nregion = us-east-1\n[default]\noutput = json\n",
            "[default]\nregion = us-east-1\nregion = us-east-2\n",
            "[default]\nregion = us-east-1\nREGION: us-east-2\n",
            "[default]\nregion = us-east-1\ns3 =\n  addressing_style: path\n",
            "[default]\nregion = us-east-1\ns3 =\n  addressing_style\n",
            "region = us-east-1\n[default]\n",
            "[default]\nregion\n",
            "[default]\n: us-east-1\n",
            "[default]\n= us-east-1\n",
            "[default\nregion = us-east-1\n",
        };
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/python3", "-c", LOADER));
        List<Map<String, String>> envs = new ArrayList<>();
        for (int i = 0; i < files.length; i++) {
            Map<String, String> env = Cli.env(home.resolve("h" + i));
            Cli.write(Path.of(env.get("AWS_CONFIG_FILE")), files[i]);
            envs.add(env);
            cmd.add(env.get("AWS_CONFIG_FILE"));
        }
        Process python = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(python.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, python.exitValue(), output);
        JsonNode botocore = SdkJson.MAPPER.readTree(output);
        assertEquals(files.length, botocore.size(), output);

        List<String> differences = new ArrayList<>();
        for (int i = 0; i < files.length; i++) {
            Cli.Result awsj = Cli.run(envs.get(i), "configure", "get", "region");
            JsonNode aws = botocore.get(i);
            if (aws.asText().equals("refused")) {
                if (awsj.exitCode() != 253 || !awsj.err().startsWith(envs.get(i).get("AWS_CONFIG_FILE") + ":")) {
                    differences.add("aws refuses, awsj " + awsj + " for:\n" + files[i]);
                }
            } else if (aws.isNull() ? awsj.exitCode() != 1 : !awsj.out().equals(aws.asText() + "\n")) {
                differences.add("aws reads " + aws + ", awsj " + awsj + " for:\n" + files[i]);
            }
        }
        assertTrue(differences.isEmpty(), String.join("\n\n", differences));
    }

    @Test
    void aCredentialsFileAwsRefusesIsRefused() throws Exception {
        Map<String, String> env = Cli.env(home);
        Path credentials = home.resolve(".aws/credentials");
        Cli.write(credentials, "[default]\naws_access_key_id = A\n[default]\naws_secret_access_key = B\n");
        Cli.Result awsj = Cli.run(env, "configure", "get", "aws_access_key_id");
        assertEquals(253, awsj.exitCode(), awsj.err());
        assertTrue(awsj.err().startsWith(credentials + ":3: the section [default] appears twice"), awsj.err());
        Cli.Result aws = Cli.aws(env, "configure", "get", "aws_access_key_id");
        assertNotEquals(0, aws.exitCode());
        assertTrue(aws.all().contains("Unable to parse config file: " + credentials), aws.all());
    }
}
