package io.javakeepalived.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.testsupport.netns.DaemonLab;
import io.javakeepalived.testsupport.netns.DaemonLab.Daemon;
import io.javakeepalived.testsupport.netns.FrrDaemons;
import io.javakeepalived.testsupport.netns.NetnsLab;
import io.javakeepalived.testsupport.netns.NetnsLab.Background;
import io.javakeepalived.testsupport.netns.NetnsLab.Node;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The VIP announced as a BGP route (conf/examples/bgp-frr, used as shipped): two nodes in subnets
 * of their own, each with FRR importing table 100 and peering eBGP with a router that runs FRR
 * too, a client behind the router, VRRP as unicast across the router (TTL 254 on arrival).
 *
 * <pre>
 *   node1 192.0.2.2 (AS 65001) ── e1 ┐
 *                                     router (AS 65000) e3 ── client 10.99.0.2
 *   node2 198.51.100.2 (AS 65002) ─ e2 ┘
 * </pre>
 *
 * The router must hold exactly one BGP path to the VIP, via the master. Measured and printed: the
 * client's outage when the master dies (kill -9 and its link cut), the router's time without a
 * route when the master stops (SIGTERM), also with keepalived 2.2.7 as node 1. A restart after
 * kill -9 withdraws the stale route before the node can become master again, then preempt moves
 * the VIP back.
 */
class BgpFrrIT {
    private static final String VIP = "203.0.113.10";
    private static final String NODE1 = "192.0.2.2";
    private static final String NODE2 = "198.51.100.2";
    private static final Path EXAMPLE = Path.of("conf/examples/bgp-frr");
    private static final double PING_INTERVAL_S = 0.05;

    @TempDir
    Path dir;

    @AutoClose // stops every process it started (daemons, FRR, pings) by pid, deletes the namespaces
    private DaemonLab dl;
    private NetnsLab lab;
    private String router;
    private Node node1;
    private Node node2;
    private String client;
    private FrrDaemons routerFrr;

    @BeforeEach
    void setUp() throws Exception {
        dl = DaemonLab.create(dir);
        FrrDaemons.requireInstalled();
        lab = dl.lab();
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x")); // FRR runs as frr
        router = lab.addBareNamespace("router");
        node1 = routedNode("node1", "e1", NODE1, "192.0.2.1/24");
        node2 = routedNode("node2", "e2", NODE2, "198.51.100.1/24");
        client = lab.addBareNamespace("client");
        lab.ip(router, "link", "add", "e3", "type", "veth", "peer", "name", "eth0", "netns", client);
        lab.ip(router, "link", "set", "e3", "up");
        lab.ip(router, "addr", "add", "10.99.0.1/24", "dev", "e3");
        lab.ip(client, "link", "set", "eth0", "up");
        lab.ip(client, "addr", "add", "10.99.0.2/24", "dev", "eth0");
        lab.ip(client, "route", "add", "default", "via", "10.99.0.1");
        lab.exec(router, "sysctl", "-q", "-w", "net.ipv4.ip_forward=1").requireSuccess("ip_forward");

        startFrr(node1, "node1.frr.conf");
        startFrr(node2, "node2.frr.conf");
        routerFrr = FrrDaemons.start(lab, router, dir.resolve("frr-router"), routerConfig()); // connects out at once
    }

    /** A node namespace whose eth0 is the far end of router port {@code port}, in a subnet of its own. */
    private Node routedNode(String name, String port, String address, String routerAddress) throws IOException {
        String ns = lab.addBareNamespace(name);
        lab.ip(router, "link", "add", port, "type", "veth", "peer", "name", "eth0", "netns", ns);
        lab.ip(router, "link", "set", port, "up");
        lab.ip(router, "addr", "add", routerAddress, "dev", port);
        lab.ip(ns, "link", "set", "eth0", "up");
        lab.ip(ns, "addr", "add", address + "/24", "dev", "eth0");
        lab.ip(ns, "route", "add", "default", "via", routerAddress.replace("/24", ""));
        return new Node(name, ns, 0, "");
    }

    private void startFrr(Node n, String shipped) throws IOException {
        FrrDaemons.start(lab, n.ns(), dir.resolve("frr-" + n.name()), Files.readString(EXAMPLE.resolve(shipped)));
    }

    /** The fabric's side: eBGP to both nodes, the test's timers, reconnecting within a second. */
    private static String routerConfig() {
        StringBuilder sb = new StringBuilder("""
                frr defaults traditional
                hostname router
                router bgp 65000
                 bgp router-id 10.99.0.1
                 no bgp ebgp-requires-policy
                 timers bgp 1 3
                """);
        for (String[] peer : new String[][] {{NODE1, "65001"}, {NODE2, "65002"}}) {
            sb.append(" neighbor ").append(peer[0]).append(" remote-as ").append(peer[1]).append('\n')
                    .append(" neighbor ").append(peer[0]).append(" advertisement-interval 0\n")
                    .append(" neighbor ").append(peer[0]).append(" timers connect 1\n");
        }
        return sb.toString();
    }

    private Daemon startNode(Node n) throws IOException {
        return dl.start(n, Files.readString(EXAMPLE.resolve(n.name() + ".conf")));
    }

    @Test
    void theRouterFollowsTheMasterThroughCrashRestartAndStop() throws Exception {
        Daemon d1 = startNode(node1);
        d1.awaitLogged("(VI_BGP) Entering MASTER STATE", 20_000);
        Daemon d2 = startNode(node2);
        d2.awaitLogged("(VI_BGP) Entering BACKUP STATE (init)", 20_000);
        awaitPaths("one path, via node 1", List.of(NODE1), 15_000, d1, d2);
        assertEquals(List.of(VIP + "/32"), routerFrr.bgpPrefixes(), "only the VIP is announced");
        clientPingsVip();

        // the master dies: the daemon killed and the node cut off from the router
        Background pings = pingVip();
        d1.kill9();
        lab.ip(router, "link", "set", "e1", "down");
        d2.awaitLogged("(VI_BGP) Entering MASTER STATE", 10_000);
        awaitPaths("the path moved to node 2", List.of(NODE2), 10_000, d2);
        NetnsLab.await("pings resume", 5_000, () -> Outage.of(pings.output()).resumed(), pings);
        pings.stop();
        Outage crash = Outage.of(pings.output());
        System.out.printf("BgpFrrIT: kill -9 and link cut: client outage %.2f s (%d pings lost)%n",
                crash.seconds(), crash.lost());
        assertTrue(crash.seconds() > 3 && crash.seconds() < 6, "3 x advert_int + skew and BGP: " + crash);
        assertTrue(dl.ip(node1, "route", "show", "table", "100").contains(VIP + " dev lo"),
                "kill -9 leaves the table route");

        // reconnected, node 1's FRR announces the route the dead daemon left: the hazard a restart ends
        lab.ip(router, "link", "set", "e1", "up");
        awaitPaths("the stale path from node 1 is back", List.of(NODE1, NODE2), 15_000, d2);
        Daemon d1b = startNode(node1);
        d1b.awaitLogged("Removed stale route " + VIP + "/32 dev lo table 100 proto 18 left by an earlier run", 15_000);
        awaitPaths("the stale path withdrawn", List.of(NODE2), 5_000, d1b, d2);
        assertFalse(d1b.logged("(VI_BGP) Entering MASTER STATE"), "withdrawn before node 1 is master\n"
                + d1b.output());

        // preempt: node 1 (priority 101) takes the VIP back
        d1b.awaitLogged("(VI_BGP) Entering MASTER STATE", 10_000);
        d2.awaitLogged("(VI_BGP) Entering BACKUP STATE", 5_000);
        awaitPaths("the path moved back to node 1", List.of(NODE1), 10_000, d1b, d2);
        clientPingsVip();

        // SIGTERM: node 1 withdraws, sends priority 0, node 2 takes over after its skew time
        double gap = stopMasterAndMeasure("javakeepalived", d1b, d2);
        // skew time (0.61 s) and BGP's update; a backup that waited for its master-down interval
        // instead would leave the router without a route for 3.6 s
        assertTrue(gap < 2.5, "skew time (0.61 s) and BGP: " + gap + " s");
    }

    @Test
    void aMixedPairWithKeepalivedMovesThePathTheSameWay() throws Exception {
        KeepalivedInteropIT.requireKeepalived();
        Daemon ka = startKeepalived(node1);
        ka.awaitLogged("(VI_BGP) Entering MASTER STATE", 20_000);
        Daemon d2 = startNode(node2);
        d2.awaitLogged("(VI_BGP) Entering BACKUP STATE (init)", 20_000);
        awaitPaths("one path, via keepalived on node 1", List.of(NODE1), 15_000, ka, d2);
        clientPingsVip();

        stopMasterAndMeasure("keepalived 2.2.7", ka, d2);
        clientPingsVip();

        Daemon kb = startKeepalived(node1); // preempts back (priority 101)
        kb.awaitLogged("(VI_BGP) Entering MASTER STATE", 15_000);
        d2.awaitLogged("(VI_BGP) Entering BACKUP STATE", 5_000);
        awaitPaths("the path moved back to node 1", List.of(NODE1), 10_000, kb, d2);
    }

    /** keepalived 2.2.7 with node 1's shipped configuration; {@code env} execs it, the pid is its parent's. */
    private Daemon startKeepalived(Node n) throws IOException {
        String name = n.name() + "-ka-" + System.nanoTime();
        return dl.start(n, name, Files.readString(EXAMPLE.resolve(n.name() + ".conf")), List.of(
                KeepalivedInteropIT.KEEPALIVED.toString(), "-n", "-l", "-D", "-P",
                "-c", dl.file(name + "_chk.pid").toString()));
    }

    /**
     * SIGTERM to the master on node 1: the path moves to node 2, and the master's table route is
     * gone. Returns (and prints) how long the router had no route to the VIP.
     */
    private double stopMasterAndMeasure(String who, Daemon master, Daemon backup) throws Exception {
        try (RouteWatch watch = new RouteWatch()) {
            master.terminate();
            assertEquals(0, master.awaitExit(10));
            awaitPaths("the path moved to node 2", List.of(NODE2), 10_000, backup);
            NetnsLab.await("the router's route via node 2", 5_000, () -> NODE2.equals(watch.last()), () -> "");
            double gap = watch.longestWithoutRoute();
            System.out.printf("BgpFrrIT: SIGTERM to %s: router without a route to the VIP for %.3f s%n", who, gap);
            assertFalse(dl.ip(node1, "route", "show", "table", "100").contains(VIP), "SIGTERM leaves no route");
            return gap;
        }
    }

    /**
     * Waits until the router holds exactly these BGP paths to the VIP (by next hop, any order) and
     * forwards by the best one (its kernel route: zebra installs it a moment after bgpd chose it).
     */
    private void awaitPaths(String what, List<String> nextHops, long timeoutMs, Daemon... logs) {
        List<String> want = nextHops.stream().sorted().toList();
        BooleanSupplier holds = () -> {
            try {
                String route = lab.ip(router, "route", "show", VIP).output();
                return routerFrr.bgpNextHops().stream().sorted().toList().equals(want)
                        && nextHops.stream().anyMatch(h -> route.contains("via " + h + " "));
            } catch (IOException | RuntimeException e) {
                return false;
            }
        };
        DaemonLab.await(what + " " + want, timeoutMs, holds, logs);
    }

    /** The client reaches the VIP: one ping answered. */
    private void clientPingsVip() throws IOException {
        lab.exec(client, "busybox", "ping", "-c", "1", "-W", "2", VIP).requireSuccess("the client pings the VIP");
    }

    /** busybox ping from the client, every 50 ms, until stopped. */
    private Background pingVip() throws IOException {
        Background b = lab.start(client, "busybox", "ping", "-i", String.valueOf(PING_INTERVAL_S), "-W", "1", VIP);
        NetnsLab.await("the first reply", 5_000, () -> b.output().contains("seq="), b);
        return b;
    }

    /** The longest run of lost pings in busybox ping's output (replies carry seq=N). */
    record Outage(int lost, boolean resumed) {
        private static final Pattern SEQ = Pattern.compile("bytes from .*seq=(\\d+)");

        static Outage of(String output) {
            int last = -1;
            int worst = 0;
            boolean resumed = false;
            Matcher m = SEQ.matcher(output);
            while (m.find()) {
                int seq = Integer.parseInt(m.group(1));
                if (last >= 0 && seq - last - 1 > worst) {
                    worst = seq - last - 1;
                    resumed = true;
                }
                last = seq;
            }
            return new Outage(worst, resumed);
        }

        double seconds() {
            return lost * PING_INTERVAL_S;
        }
    }

    /** Polls the router's kernel route to the VIP (its next hop, or none) until closed. */
    private final class RouteWatch implements AutoCloseable {
        private final List<long[]> changes = new ArrayList<>(); // {nanoTime, 1 if a route}
        private final List<String> hops = new ArrayList<>();
        private final Thread thread = new Thread(this::poll, "route-watch");
        private volatile boolean running = true;

        RouteWatch() {
            thread.start();
            NetnsLab.await("the route watch's first look", 5_000, () -> last() != null, () -> "");
        }

        private void poll() {
            Pattern via = Pattern.compile("via (\\S+)");
            while (running) {
                String out;
                try {
                    out = lab.ip(router, "route", "show", VIP).output();
                } catch (IOException | RuntimeException e) {
                    continue;
                }
                Matcher m = via.matcher(out);
                String hop = m.find() ? m.group(1) : "";
                synchronized (this) {
                    if (hops.isEmpty() || !hops.get(hops.size() - 1).equals(hop)) {
                        hops.add(hop);
                        changes.add(new long[] {System.nanoTime(), hop.isEmpty() ? 0 : 1});
                    }
                }
            }
        }

        synchronized String last() {
            return hops.isEmpty() ? null : hops.get(hops.size() - 1);
        }

        /** Seconds of the longest stretch the router had no route to the VIP. */
        synchronized double longestWithoutRoute() {
            long worst = 0;
            for (int i = 0; i + 1 < changes.size(); i++) {
                if (changes.get(i)[1] == 0) {
                    worst = Math.max(worst, changes.get(i + 1)[0] - changes.get(i)[0]);
                }
            }
            return worst / 1e9;
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            thread.join(5_000);
        }
    }
}
