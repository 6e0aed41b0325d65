package dev.awsj.api;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.awsj.aws.Service;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ScopeType;
import software.amazon.awssdk.services.rekognition.model.S3Object;

class MemberOptionsTest {
    /**
     * Commands get -h/--help and -V/--version from the root when they join the tree, after their
     * members are added; a member named Version (here S3Object's, standing in for a request) must
     * not take --version, or picocli would add neither help option.
     */
    @Test
    void aMemberNeverTakesTheNameOfAHelpOption() {
        Operation op = new Operation(Service.byCliName("rekognition").orElseThrow(), "Fake", "fake", S3Object.class.getName(), "fake",
                "()V", Operation.Kind.PLAIN, false);
        CommandSpec spec = CommandSpec.create();
        MemberOptions.addTo(spec, op, Set.of(), () -> false);
        assertNotNull(spec.findOption("--bucket"));
        assertNotNull(spec.findOption("--name"));
        assertNull(spec.findOption("--version"));

        CommandLine root = new CommandLine(CommandSpec.create().scopeType(ScopeType.INHERIT).mixinStandardHelpOptions(true));
        root.addSubcommand("fake", new CommandLine(spec));
        assertTrue(spec.findOption("--version").versionHelp());
        assertSame(spec.findOption("--version"), spec.findOption("-V"));
        assertTrue(spec.findOption("--help").usageHelp());
    }
}
