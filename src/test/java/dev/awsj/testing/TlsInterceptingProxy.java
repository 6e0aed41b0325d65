package dev.awsj.testing;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * An HTTP proxy on 127.0.0.1 that answers {@code CONNECT host:port}, ends the TLS of the tunnel
 * itself (with WireMock's self-signed test certificate, so clients run with
 * {@code --no-verify-ssl}) and relays the plain HTTP inside to one local server. A client's
 * requests to any https host, AWS's own endpoints included, thus reach a local stub with their
 * Host header and signature intact, and nothing leaves the machine. The CONNECT targets are
 * recorded. Bounded: daemon threads, every socket closed by {@link #close()}.
 */
public final class TlsInterceptingProxy implements Closeable {
    private final ServerSocket server;
    private final int upstreamPort;
    private final SSLContext tls;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final List<String> targets = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    /** @param upstreamPort the plain-HTTP port on 127.0.0.1 that every tunnel's requests go to */
    public TlsInterceptingProxy(int upstreamPort) throws Exception {
        this.upstreamPort = upstreamPort;
        KeyStore ks = KeyStore.getInstance("JKS");
        try (InputStream in = TlsInterceptingProxy.class.getClassLoader().getResourceAsStream("keystore")) {
            if (in == null) {
                throw new IllegalStateException("WireMock's test keystore is not on the class path");
            }
            ks.load(in, "password".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "password".toCharArray());
        tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), null, null);
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::acceptLoop, "tls-proxy-accept");
        accept.setDaemon(true);
        accept.start();
    }

    /** The value for HTTPS_PROXY. */
    public String url() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** The {@code host:port} of each CONNECT, in order. */
    public List<String> targets() {
        return List.copyOf(targets);
    }

    public void clear() {
        targets.clear();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket s = server.accept();
                open.add(s);
                Thread t = new Thread(() -> tunnel(s), "tls-proxy-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void tunnel(Socket client) {
        try (client) {
            String head = readHead(client.getInputStream());
            String[] requestLine = head.split("\r\n", 2)[0].split(" ");
            OutputStream out = client.getOutputStream();
            if (requestLine.length < 2 || !requestLine[0].equals("CONNECT")) {
                out.write("HTTP/1.1 501 Not Implemented\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                return;
            }
            targets.add(requestLine[1]);
            out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String host = requestLine[1].substring(0, requestLine[1].lastIndexOf(':'));
            SSLSocket inner = (SSLSocket) tls.getSocketFactory().createSocket(client, host, client.getPort(), true);
            inner.setUseClientMode(false);
            open.add(inner);
            try (inner; Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort)) {
                open.add(upstream);
                Thread back = new Thread(() -> relay(upstream, inner), "tls-proxy-back");
                back.setDaemon(true);
                back.start();
                relay(inner, upstream);
                back.join(10_000);
            } finally {
                open.remove(inner);
            }
        } catch (Exception e) {
            // a client that went away: nothing to record
        } finally {
            open.remove(client);
        }
    }

    private static void relay(Socket from, Socket to) {
        byte[] buf = new byte[16 * 1024];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int n;
            while ((n = in.read(buf)) > 0) {
                out.write(buf, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // one side closed
        } finally {
            try {
                to.shutdownOutput();
            } catch (IOException | UnsupportedOperationException e) {
                // already closed
            }
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed before the request head ended");
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : b == '\r' ? 1 : 0;
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }
}
