package dev.awsj.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The committed rules ({@code src/main/resources/dev/awsj/aws/rules}) are what the generator makes
 * of the AWS CLI's service models. When it fails: {@code mvn -o -q test-compile exec:java@model-rules}
 * and commit the files.
 */
class ModelRulesTest {
    @Test
    void committedRulesMatchTheModels() throws Exception {
        boolean present = Files.isDirectory(ModelRulesGenerator.models());
        if (!present) {
            System.err.println("ModelRulesTest skipped: no AWS service models at " + ModelRulesGenerator.models()
                    + " (install Debian's awscli or give -Dawsj.models=DIR)");
        }
        Assumptions.assumeTrue(present, "no service models at " + ModelRulesGenerator.models());
        for (Map.Entry<String, String> e : ModelRulesGenerator.generate(ModelRulesGenerator.models()).entrySet()) {
            assertEquals(e.getValue(), Files.readString(ModelRulesGenerator.TARGET.resolve(e.getKey()), StandardCharsets.UTF_8),
                    "src/main/resources/dev/awsj/aws/rules/" + e.getKey()
                            + " is stale: run `mvn -o -q test-compile exec:java@model-rules` and commit it");
        }
    }
}
