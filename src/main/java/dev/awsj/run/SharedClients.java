package dev.awsj.run;

import dev.awsj.aws.AwsSettings;
import dev.awsj.aws.ClientFactory;
import dev.awsj.core.GlobalSettings;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;

/**
 * The client factories of one {@code awsj run}: lines whose global options give the same
 * {@link GlobalSettings#clientKey()} share one factory, so one HTTP client (and its open
 * connections), one credentials provider and one SDK client per service — the S3 transfer client
 * too — serve them all. A failure names its operation wherever it is caught
 * ({@code aws.FailedCall} travels with the exception), so sharing loses nothing.
 */
final class SharedClients implements AutoCloseable {
    private final Map<GlobalSettings, ClientFactory> factories = new HashMap<>();
    private final PrintStream err;

    SharedClients(PrintStream err) {
        this.err = err;
    }

    /**
     * The factory for a line with these settings; null for a {@code --debug} line, which builds its
     * own so that its request log goes to its own stderr.
     */
    synchronized ClientFactory factoryFor(AwsSettings settings) {
        if (settings.global().debug()) {
            return null;
        }
        return factories.computeIfAbsent(settings.global().clientKey(), k -> new ClientFactory(settings, err));
    }

    @Override
    public synchronized void close() {
        for (ClientFactory f : factories.values()) {
            f.close();
        }
        factories.clear();
    }
}
