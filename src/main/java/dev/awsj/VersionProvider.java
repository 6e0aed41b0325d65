package dev.awsj;

import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** {@code awsj --version}: the build's version and the runtime, as one line. */
public final class VersionProvider implements IVersionProvider {
    /** The line, made once: picocli asks for it each time a command inherits the root's attributes. */
    private static String line;

    public static String version() {
        try (InputStream in = VersionProvider.class.getResourceAsStream("/dev/awsj/version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "dev");
        } catch (java.io.IOException e) {
            return "dev";
        }
    }

    @Override
    public String[] getVersion() {
        if (line == null) {
            line = "awsj/" + version() + " Java/" + System.getProperty("java.version") + " "
                    + System.getProperty("os.name") + "/" + System.getProperty("os.arch");
        }
        return new String[] {line};
    }
}
