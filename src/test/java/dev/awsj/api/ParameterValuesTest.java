package dev.awsj.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.awsj.core.AwsjException;
import dev.awsj.testing.AwsjRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A paramfile that cannot be read: exit 252 with the value as given and the cause, as aws says it. */
class ParameterValuesTest {
    @TempDir
    Path dir;

    private static String firstLine(AwsjRun.Result r) {
        return r.err().lines().findFirst().orElse("");
    }

    @Test
    void aParamfileThatCannotBeReadSaysWhy() throws Exception {
        Map<String, String> env = AwsjRun.env("http://127.0.0.1:9");
        AwsjRun.Result missing = AwsjRun.run(env, "sns", "create-topic", "--name", "file:///no/such/file");
        assertEquals(252, missing.exitCode(), missing.toString());
        assertEquals("Error parsing parameter '--name': Unable to load paramfile file:///no/such/file: no such file", firstLine(missing));

        AwsjRun.Result folder = AwsjRun.run(env, "sns", "create-topic", "--name", "file://" + dir);
        assertEquals(252, folder.exitCode(), folder.toString());
        assertEquals("Error parsing parameter '--name': Unable to load paramfile file://" + dir + ": is a directory", firstLine(folder));

        Path file = Files.writeString(dir.resolve("name.txt"), "t");
        AwsjRun.Result through = AwsjRun.run(env, "sns", "create-topic", "--name", "file://" + file + "/x");
        assertEquals(252, through.exitCode(), through.toString());
        assertEquals("Error parsing parameter '--name': Unable to load paramfile file://" + file + "/x: not a directory",
                firstLine(through));
    }

    @Test
    void aBinaryParamfileIsNamedWithItsFilebPrefix() {
        AwsjException e = assertThrows(AwsjException.class, () -> ParameterValues.readBytes("/no/such/blob", "--body"));
        assertEquals(252, e.exitCode());
        assertEquals("Error parsing parameter '--body': Unable to load paramfile fileb:///no/such/blob: no such file", e.getMessage());
    }
}
