package dev.awsj.testing;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TCP proxy on 127.0.0.1 in front of an emulator that breaks responses the way networks do:
 * it relays bytes both ways, and per connection may cut the response off after some bytes
 * (a truncated body: the socket closes), or stall it (stop relaying and hold the socket open, as
 * a hung server does). Bounded: daemon threads, every socket closed by {@link #close()}, a stall
 * held at most {@code maxStallMillis}. Request heads are recorded, so tests can see the
 * {@code Range} a resumed download asked for.
 */
public final class FaultProxy implements Closeable {
    /** What happens to one connection's response. */
    public record Fault(Kind kind, long afterBytes, boolean once) {
        public static final Fault NONE = new Fault(Kind.NONE, 0, false);

        public Fault(Kind kind, long afterBytes) {
            this(kind, afterBytes, false);
        }

        /** This fault on whichever connection first carries more than {@code afterBytes}, and on no other. */
        public static Fault once(Kind kind, long afterBytes) {
            return new Fault(kind, afterBytes, true);
        }

        public enum Kind { NONE, CUT, STALL }
    }

    private final ServerSocket server;
    private final InetSocketAddress upstream;
    private final IntFunction<Fault> plan;
    private final long maxStallMillis;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger faults = new AtomicInteger();
    private final List<String> requestHeads = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicBoolean fired = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile boolean closed;

    /**
     * @param plan the fault of the n-th connection (0-based)
     */
    public FaultProxy(String upstreamUrl, IntFunction<Fault> plan, long maxStallMillis) throws IOException {
        java.net.URI u = java.net.URI.create(upstreamUrl);
        this.upstream = new InetSocketAddress(u.getHost(), u.getPort());
        this.plan = plan;
        this.maxStallMillis = maxStallMillis;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::accept, "fault-proxy-accept");
        accept.setDaemon(true);
        accept.start();
    }

    /** Breaks about {@code share} of the connections, at a random point of their response (seeded). */
    public static IntFunction<Fault> randomCuts(double share, long seed, long maxBytes) {
        Random r = new Random(seed);
        return n -> {
            synchronized (r) {
                return r.nextDouble() < share ? new Fault(Fault.Kind.CUT, 1 + (long) (r.nextDouble() * maxBytes)) : Fault.NONE;
            }
        };
    }

    public String url() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    public int connections() {
        return connections.get();
    }

    public int faults() {
        return faults.get();
    }

    /** The {@code Range} headers of the requests seen, in order. */
    public List<String> ranges() {
        Pattern p = Pattern.compile("(?im)^range:\\s*(\\S+)");
        return requestHeads.stream().map(p::matcher).filter(Matcher::find).map(m -> m.group(1)).toList();
    }

    /** The heads (request line and headers) of the requests seen, in order. */
    public List<String> requestHeads() {
        return List.copyOf(requestHeads);
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = server.accept();
                int n = connections.getAndIncrement();
                Fault fault = plan.apply(n);
                Socket up = new Socket();
                up.connect(upstream, 5000);
                open.add(client);
                open.add(up);
                start(() -> pump(client, up, false, Fault.NONE));
                start(() -> pump(up, client, true, fault));
            } catch (IOException e) {
                if (!closed) {
                    continue;
                }
                return;
            }
        }
    }

    private static void start(Runnable r) {
        Thread t = new Thread(r, "fault-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    private void pump(Socket from, Socket to, boolean response, Fault fault) {
        byte[] buf = new byte[16 * 1024];
        long relayed = 0;
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buf)) > 0) {
                if (!response) {
                    record(buf, n);
                }
                if (fault.kind() != Fault.Kind.NONE && relayed + n > fault.afterBytes()
                        && (!fault.once() || fired.compareAndSet(false, true))) {
                    int keep = (int) (fault.afterBytes() - relayed);
                    out.write(buf, 0, Math.max(0, keep));
                    out.flush();
                    faults.incrementAndGet();
                    if (fault.kind() == Fault.Kind.STALL) {
                        Thread.sleep(maxStallMillis);
                    }
                    break;
                }
                out.write(buf, 0, n);
                out.flush();
                relayed += n;
            }
        } catch (IOException | InterruptedException e) {
            // one side closed: close both below
        } finally {
            quietly(from);
            quietly(to);
        }
    }

    private void record(byte[] buf, int n) {
        String s = new String(buf, 0, Math.min(n, 4096), StandardCharsets.ISO_8859_1);
        int end = s.indexOf("\r\n\r\n");
        if (s.matches("(?s)^[A-Z]+ \\S+ HTTP/1\\.1.*")) {
            requestHeads.add(end < 0 ? s : s.substring(0, end));
        }
    }

    private void quietly(Socket s) {
        open.remove(s);
        try {
            s.close();
        } catch (IOException ignored) {
            // closing
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing
        }
        for (Socket s : open) {
            quietly(s);
        }
    }
}
