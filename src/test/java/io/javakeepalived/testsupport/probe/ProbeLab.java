package io.javakeepalived.testsupport.probe;

import io.javakeepalived.check.probe.Probe;
import io.javakeepalived.check.probe.ProbeResult;
import io.javakeepalived.testsupport.netns.NetnsLab;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Two namespaces for probe ITs: "checker" runs the {@link ProbeRig}, "server" runs the real
 * servers the test starts there ({@link TcpPeer}, {@link UdpPeer} opened inside it).
 */
public final class ProbeLab implements AutoCloseable {
    public final NetnsLab lab;
    public final NetnsLab.Node checker;
    public final NetnsLab.Node server;
    public final ProbeRig rig = new ProbeRig();

    public ProbeLab() throws Exception {
        lab = NetnsLab.create("checker", "server");
        checker = lab.node("checker");
        server = lab.node("server");
        awaitPath();
    }

    /**
     * Waits until the checker reaches the server (a closed port's reset comes back), so that a
     * test's probe with a 1 s connect_timeout does not meet a lab whose links are still coming up
     * or whose first ARP request was lost on a loaded machine (ARP asks again only after 1 s).
     */
    private void awaitPath() throws Exception {
        InetSocketAddress closed = new InetSocketAddress(serverAddress(), 9);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        String last = "";
        while (System.nanoTime() < deadline) {
            last = lab.call(checker, () -> {
                try (Socket s = new Socket()) {
                    s.connect(closed, 2_000);
                    return "";
                } catch (ConnectException refused) {
                    return "";
                } catch (IOException e) {
                    return e.toString();
                }
            });
            if (last.isEmpty()) {
                return;
            }
        }
        throw new IOException("the checker does not reach the server at " + closed + ": " + last);
    }

    public InetAddress serverAddress() throws Exception {
        return InetAddress.getByName(server.ipv4());
    }

    /** Opens {@code what} inside the server's namespace (its sockets stay there). */
    public <T> T inServer(java.util.concurrent.Callable<T> what) throws Exception {
        return lab.call(server, what);
    }

    /** Runs one attempt from the checker's namespace, as the engine would there. */
    public ProbeResult run(Probe probe, Duration limit) throws Exception {
        return lab.call(checker, () -> rig.run(probe, limit));
    }

    /**
     * Deletes the server's namespace. Its eth0 goes first: a namespace outlives "ip netns delete"
     * while any mount namespace (another test's "ip netns exec") still holds its bind mount.
     */
    public void serverGoesAway() throws Exception {
        lab.ip(server.ns(), "link", "del", "eth0");
        Process del = new ProcessBuilder("ip", "netns", "delete", server.ns()).inheritIO().start();
        if (!del.waitFor(20, TimeUnit.SECONDS) || del.exitValue() != 0) {
            throw new IOException("ip netns delete " + server.ns() + " failed");
        }
    }

    @Override
    public void close() throws IOException {
        rig.close();
        lab.close();
    }
}
