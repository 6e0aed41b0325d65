package dev.awsj.run;

import dev.awsj.aws.ClientFactory;
import dev.awsj.aws.FailedCall;
import dev.awsj.aws.Service;
import dev.awsj.cli.Context;
import dev.awsj.cli.GlobalOptions;
import java.io.PrintStream;
import java.net.URI;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * The client factories of one {@code awsj run}: lines whose global options give the same
 * profile, region, endpoint, TLS, signing and time-outs share one factory, so one HTTP client
 * (and its open connections), one credentials provider and one SDK client per service serve them
 * all. Service failures are still reported to the context of the line that made the call.
 */
final class SharedClients implements AutoCloseable {
    private final Map<List<Object>, ClientFactory> factories = new HashMap<>();
    private final ThreadLocal<Context> currentLine = new ThreadLocal<>();
    private final PrintStream err;

    SharedClients(PrintStream err) {
        this.err = err;
    }

    /** Gives {@code line} a factory that picks its shared one once the line's options are parsed. */
    void attach(Context line) {
        line.clients(new LineClients(line));
    }

    /** Marks the line the current thread works for: the SDK reports failures on the calling thread. */
    void enter(Context line) {
        currentLine.set(line);
    }

    void leave() {
        currentLine.remove();
    }

    /** The options that shape a client; {@code --debug} lines get their own factory (their log is theirs). */
    private static List<Object> key(GlobalOptions g) {
        return Arrays.asList(g.profile, g.region, g.endpointUrl, g.noVerifySsl, g.noSignRequest, g.caBundle,
                g.cliReadTimeout, g.cliConnectTimeout);
    }

    private synchronized ClientFactory shared(Context line) {
        return factories.computeIfAbsent(key(line.global()), k -> new ClientFactory(line.settings(), line.global(), err,
                this::reportToCurrentLine));
    }

    private void reportToCurrentLine(Throwable t, FailedCall call) {
        Context line = currentLine.get();
        if (line != null) {
            line.recordFailedCall(t, call);
        }
    }

    @Override
    public synchronized void close() {
        for (ClientFactory f : factories.values()) {
            f.close();
        }
        factories.clear();
    }

    /** A line's view: every call goes to the factory it shares; closing the line closes nothing shared. */
    private final class LineClients extends ClientFactory {
        private final Context line;
        private ClientFactory delegate;
        private boolean own;

        LineClients(Context line) {
            super(line.settings(), line.global(), line.err(), line::recordFailedCall);
            this.line = line;
        }

        private synchronized ClientFactory delegate() {
            if (delegate == null) {
                own = line.global().debug;
                delegate = own
                        ? new ClientFactory(line.settings(), line.global(), line.err(), line::recordFailedCall)
                        : shared(line);
            }
            return delegate;
        }

        @Override
        public <T> T client(Service service) {
            return delegate().client(service);
        }

        @Override
        public <T> T client(Class<T> clientInterface) {
            return delegate().client(clientInterface);
        }

        @Override
        public void configure(Service service, AwsClientBuilder<?, ?> builder) {
            delegate().configure(service, builder);
        }

        @Override
        public boolean usePathStyle(Optional<URI> endpoint) {
            return delegate().usePathStyle(endpoint);
        }

        @Override
        public SdkHttpClient httpClient() {
            return delegate().httpClient();
        }

        @Override
        public AwsCredentialsProvider credentials() {
            return delegate().credentials();
        }

        @Override
        public void credentials(AwsCredentialsProvider provider) {
            delegate().credentials(provider);
        }

        @Override
        public synchronized void close() {
            if (own && delegate != null) {
                delegate.close();
            }
        }
    }
}
