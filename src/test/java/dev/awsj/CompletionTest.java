package dev.awsj;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.awsj.testing.AwsjRun;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the bash completion script offers: s3's own commands, and the values of enum options. */
class CompletionTest {
    static String script;

    @BeforeAll
    static void generate() {
        AwsjRun.Result r = AwsjRun.run(AwsjRun.env("http://127.0.0.1:9"), "completion", "bash");
        assertEquals(0, r.exitCode(), r.toString());
        script = r.out();
    }

    /** The words a command's function offers as subcommands (picocli's {@code local commands="…"}). */
    private static String commandsOf(String function) {
        Matcher m = Pattern.compile("function " + Pattern.quote(function) + "\\(\\) \\{\\n(?:.*\\n)*?\\s*local commands=\"([^\"]*)\"")
                .matcher(script);
        assertTrue(m.find(), function + " not in the script");
        return " " + m.group(1) + " ";
    }

    @Test
    void s3OffersItsOwnCommandsAndS3apiTheOperations() {
        String s3 = commandsOf("_picocli_awsj_s3");
        assertTrue(s3.contains(" ls ") && s3.contains(" cp ") && s3.contains(" sync "), s3);
        assertFalse(s3.contains(" list-objects-v2 "), "the API operations are s3api's: " + s3);
        String s3api = commandsOf("_picocli_awsj_s3api");
        assertTrue(s3api.contains(" list-objects-v2 ") && s3api.contains(" wait "), s3api);
    }

    @Test
    void enumOptionsOfferTheirValues() {
        // Curated s3 flags (aws's choices) and generic members (the service model's enums).
        assertTrue(script.contains("bucket-owner-full-control"), "--acl values");
        assertTrue(script.contains("DEEP_ARCHIVE"), "--storage-class values");
        assertTrue(script.contains("aws:kms"), "--sse values");
        assertTrue(script.contains("BucketOwnerEnforced"), "s3api create-bucket --object-ownership values");
    }
}
