package dev.awsj.configure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code configure get} reads dotted names as aws does (a first part that names a profile selects
 * it), and {@code configure export-credentials} prints every format aws has, side by side with
 * /usr/bin/aws where 2.9.19 has the behaviour.
 */
class ConfigureGetAndExportTest {
    @TempDir
    Path home;
    Map<String, String> env;

    @BeforeEach
    void setUp() throws Exception {
        env = Cli.env(home);
        Cli.write(home.resolve(".aws/config"), """
                [default]
                region = us-east-1
                s3 =
                    max_concurrent_requests = 20

                [profile p2]
                region = eu-west-2
                s3 =
                    addressing_style = path

                [profile dev]
                region = ap-south-1
                """);
        Cli.write(home.resolve(".aws/credentials"), """
                [default]
                aws_access_key_id = AKIAIOSFODNN7EXAMPLE
                aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY

                [temp]
                aws_access_key_id = ASIAEXAMPLETEMP
                aws_secret_access_key = tempsecret/with+chars
                aws_session_token = FwoGZXIvYXdzEXAMPLETOKEN==
                """);
    }

    /** Names aws reads in each of its ways; the output and exit code of both tools must agree. */
    @ParameterizedTest
    @ValueSource(strings = {"p2.region", "dev.region", "default.region", "profile.p2.region", "p2.s3.addressing_style",
        "profile.p2.s3.addressing_style", "default.s3.max_concurrent_requests", "s3.max_concurrent_requests",
        "temp.aws_access_key_id", "region", "nothere.region", "p2.output", "s3", "p2.s3", "profile.dev.s3"})
    void getReadsDottedNamesAsAwsDoes(String name) throws Exception {
        Cli.Result awsj = Cli.run(env, "configure", "get", name);
        String expected = switch (name) {
            case "p2.region", "profile.p2.region" -> "eu-west-2\n";
            case "dev.region" -> "ap-south-1\n";
            case "default.region", "region" -> "us-east-1\n";
            case "p2.s3.addressing_style", "profile.p2.s3.addressing_style" -> "path\n";
            case "default.s3.max_concurrent_requests", "s3.max_concurrent_requests" -> "20\n";
            case "temp.aws_access_key_id" -> "ASIAEXAMPLETEMP\n";
            default -> "";
        };
        assertEquals(expected, awsj.out(), name + ": " + awsj.err());
        assertEquals(expected.isEmpty() ? 1 : 0, awsj.exitCode(), name + ": " + awsj.err());
        if (name.equals("s3") || name.equals("p2.s3")) {
            assertEquals("varname (" + name + ") must reference a value, not a section or sub-section.", awsj.err());
        }
        assumeTrue(Cli.awsInstalled(), "SKIPPED the comparison: the AWS CLI is not installed at " + Cli.AWS);
        Cli.Result aws = Cli.aws(env, "configure", "get", name);
        assertEquals(aws.out(), awsj.out(), name);
        assertEquals(aws.exitCode(), awsj.exitCode(), name);
        assertEquals(aws.err(), awsj.err(), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"process", "env", "env-no-export", "powershell", "windows-cmd"})
    void exportCredentialsPrintsWhatAwsPrints(String format) throws Exception {
        for (String profile : new String[] {"default", "temp"}) {
            Cli.Result awsj = Cli.run(env, "configure", "export-credentials", "--profile", profile, "--format", format);
            assertEquals(0, awsj.exitCode(), awsj.err());
            assertEquals("", awsj.err());
            String expected = switch (format) {
                case "powershell" -> profile.equals("temp")
                        ? "$Env:AWS_ACCESS_KEY_ID=\"ASIAEXAMPLETEMP\"\n$Env:AWS_SECRET_ACCESS_KEY=\"tempsecret/with+chars\"\n"
                                + "$Env:AWS_SESSION_TOKEN=\"FwoGZXIvYXdzEXAMPLETOKEN==\"\n"
                        : "$Env:AWS_ACCESS_KEY_ID=\"AKIAIOSFODNN7EXAMPLE\"\n"
                                + "$Env:AWS_SECRET_ACCESS_KEY=\"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\"\n";
                case "windows-cmd" -> profile.equals("temp")
                        ? "set AWS_ACCESS_KEY_ID=ASIAEXAMPLETEMP\nset AWS_SECRET_ACCESS_KEY=tempsecret/with+chars\n"
                                + "set AWS_SESSION_TOKEN=FwoGZXIvYXdzEXAMPLETOKEN==\n"
                        : "set AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\n"
                                + "set AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n";
                default -> null;
            };
            if (expected != null) {
                assertEquals(expected, awsj.out(), format + " " + profile);
            }
            if (Cli.awsInstalled()) {
                Cli.Result aws = Cli.aws(env, "configure", "export-credentials", "--profile", profile, "--format", format);
                assertEquals(0, aws.exitCode(), aws.all());
                assertEquals(aws.out(), awsj.out(), format + " " + profile);
            } else {
                System.err.println("SKIPPED the comparison: the AWS CLI is not installed at " + Cli.AWS);
            }
        }
    }

    @Test
    void exportCredentialsAsFishAsNewerAwsPrintsThem() {
        Cli.Result r = Cli.run(env, "configure", "export-credentials", "--profile", "temp", "--format", "fish");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("set -gx AWS_ACCESS_KEY_ID \"ASIAEXAMPLETEMP\"\nset -gx AWS_SECRET_ACCESS_KEY \"tempsecret/with+chars\"\n"
                + "set -gx AWS_SESSION_TOKEN \"FwoGZXIvYXdzEXAMPLETOKEN==\"\n", r.out());
    }

    @Test
    void anUnknownFormatIsOneLineAndExit252() {
        Cli.Result r = Cli.run(env, "configure", "export-credentials", "--format", "csh");
        assertEquals(252, r.exitCode(), r.err());
        assertEquals("", r.out());
        assertEquals("Bad value for --format: \"csh\". Use process, env, env-no-export, powershell, windows-cmd or fish.",
                r.err().lines().findFirst().orElse(""));
    }
}
