package io.javakeepalived.testsupport.probe;

import io.javakeepalived.check.probe.Probe;
import io.javakeepalived.check.probe.ProbeResult;
import io.javakeepalived.testsupport.netns.NetnsLab;

import java.io.IOException;
import java.net.InetAddress;
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
