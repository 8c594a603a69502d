package io.javakeepalived.daemon;

import static io.javakeepalived.testsupport.netns.DaemonLab.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.testsupport.netns.DaemonLab;
import io.javakeepalived.testsupport.netns.DaemonLab.Daemon;
import io.javakeepalived.testsupport.netns.NetnsLab;
import io.javakeepalived.testsupport.netns.NetnsLab.Node;
import io.javakeepalived.testsupport.netns.VipHolders;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The second heartbeat path of issue 17 between two nodes A (100) and B (90): eth0 on the lab's
 * bridge carries VRRP, eth1 is a second cable between them (a veth pair, 10.213.1.0/24) named by
 * {@code heartbeat_path}. VRRP cut on eth0 (nft) leaves one master - no 10 ms sample finds the
 * VIP on both - and B says why; both paths cut is plain VRRP (B takes over); a master killed
 * with SIGKILL is not kept alive by the path. Beside a Debian keepalived the pair is plain VRRP.
 */
class HeartbeatPathIT {
    private static final String VIP_ADDRESS = SplitBrainIT.VIP_ADDRESS;
    private static final String VIP = SplitBrainIT.VIP;
    private static final long B_TAKES_OVER_MS = SplitBrainIT.B_TAKES_OVER_MS;
    /** B's Master_Down_Interval (3 × 1 s + skew 0.65 s) in ms. */
    private static final long MASTER_DOWN_MS = KeepalivedInteropIT.MASTER_DOWN_90_MS;

    /** A (priority 100) and B (90), each with eth0 on the bridge and eth1 on the second cable. */
    private Node a;
    private Node b;
    /** The lab stops every process it started, by pid, and removes its namespaces (the cable with them). */
    @AutoClose
    private DaemonLab dl;
    @TempDir
    Path dir;

    /** A and B on the bridge, and a second cable eth1 between them: A 10.213.1.1, B 10.213.1.2. */
    private void lab() throws IOException {
        dl = DaemonLab.create(dir, "a", "b");
        a = dl.node("a");
        b = dl.node("b");
        NetnsLab lab = dl.lab();
        lab.ip(a.ns(), "link", "add", "eth1", "type", "veth", "peer", "name", "eth1", "netns", b.ns());
        for (Node n : List.of(a, b)) {
            lab.ip(n.ns(), "addr", "add", pathAddress(n) + "/24", "dev", "eth1");
            lab.ip(n.ns(), "link", "set", "eth1", "up");
        }
    }

    private static String pathAddress(Node n) {
        return "10.213.1." + n.number();
    }

    private static String config(int priority, Node peer) {
        return DaemonLab.vrrpInstance("VI_1", 51, priority, "    advert_int 1\n    heartbeat_path eth1 "
                + pathAddress(peer) + "\n", VIP);
    }

    private Daemon[] electA() throws Exception {
        lab();
        Daemon da = dl.start(a, config(100, b));
        da.awaitLogged("(VI_1) Entering MASTER STATE", 20_000);
        Daemon db = dl.start(b, config(90, a));
        db.awaitLogged("(VI_1) Entering BACKUP STATE (init)", 20_000);
        await("VIP on A", 5_000, () -> dl.hasAddress(a, VIP), da, db);
        await("B heard A on both paths", 5_000, () -> heardOnBothPaths(db), da, db);
        return new Daemon[] {da, db};
    }

    /** advert_rcvd counts both paths, heartbeat_path_adverts the path's: more in the first means eth0 too. */
    private static boolean heardOnBothPaths(Daemon d) {
        try {
            String json = d.json();
            Matcher path = Pattern.compile("\"heartbeat_path_adverts\":(\\d+)")
                    .matcher(json);
            return path.find() && DaemonLab.stats(json, "VI_1").get("advert_rcvd") > Long.parseLong(path.group(1));
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** Drops VRRP arriving on {@code ifname} ("eth0", or "eth*" for both paths) at both nodes. */
    private void cut(String ifname) throws IOException {
        for (Node n : List.of(a, b)) {
            dl.nft(n, "table inet hbCut {\n  chain in { type filter hook input priority 0; iifname \"" + ifname
                    + "\" ip protocol 112 drop; }\n}\n");
        }
    }

    private void heal() throws IOException {
        for (Node n : List.of(a, b)) {
            dl.lab().exec(n.ns(), "nft", "delete", "table", "inet", "hbCut").requireSuccess("nft delete");
        }
    }

    private static void awaitLine(Daemon d, String part, long timeoutMs, Daemon... logs) {
        await(d.node().name() + ": a line with '" + part + "'", timeoutMs, () -> !d.linesContaining(part).isEmpty(),
                logs);
    }

    @Test
    void vrrpCutOnEth0KeepsOneMasterAndBothCutIsPlainVrrp() throws Exception {
        Daemon[] d = electA();
        try (VipHolders watch = new VipHolders(dl.lab(), a, b, VIP_ADDRESS)) {
            cut("eth0");
            // B hears A on eth1 only, and says so once, after one Master_Down_Interval without eth0
            String only = "(VI_1) no adverts on eth0 for ";
            awaitLine(d[1], only, MASTER_DOWN_MS + 3_000, d);
            String line = d[1].linesContaining(only).get(0);
            assertTrue(line.endsWith(" - master " + a.ipv4() + " (" + pathAddress(a) + ") heard on heartbeat path"
                    + " eth1"), line);
            NetnsLab.sleep(3 * MASTER_DOWN_MS);
            watch.assertNeverBoth(3 * (int) MASTER_DOWN_MS / 20, () -> d[0].output() + "\n----\n" + d[1].output());
            assertTrue(d[1].linesContaining("Entering MASTER STATE").isEmpty(), d[1].output());
            assertEquals(1, d[1].linesContaining(only).size(), "one line per episode\n" + d[1].output());
            assertTrue(dl.hasAddress(a, VIP));
        }
        heal();
        awaitLine(d[1], "(VI_1) adverts on eth0 again after ", 5_000, d);

        // both paths cut: nothing tells a cut from a dead master - plain VRRP, B takes over
        cut("eth*");
        d[1].awaitLogged("(VI_1) Entering MASTER STATE", B_TAKES_OVER_MS);
        await("VIP on both", 5_000, () -> dl.hasAddress(a, VIP) && dl.hasAddress(b, VIP), d);
        // healed: the first crossing advert leaves one master (A, the higher priority)
        heal();
        d[1].awaitLogged("(VI_1) Entering BACKUP STATE", 5_000);
        await("the VIP on A only", 5_000, () -> dl.hasAddress(a, VIP) && !dl.hasAddress(b, VIP), d);
        assertFalse(d[0].logged("(VI_1) Entering BACKUP STATE"), d[0].output());
    }

    /** A killed with SIGKILL sends nothing on either path: B takes over in Master_Down_Interval. */
    @Test
    void aKilledMasterIsNotKeptAliveByThePath() throws Exception {
        Daemon[] d = electA();
        d[0].kill9();
        d[1].awaitLogged("(VI_1) Entering MASTER STATE", B_TAKES_OVER_MS);
        assertTrue(d[1].linesContaining("heartbeat path").stream().noneMatch(l -> l.contains("no adverts on")),
                d[1].output());
    }

    /**
     * Debian's keepalived 2.2.7 as B, reading the same kind of file: it warns about the line, runs
     * plain VRRP beside A's path (A's adverts to 10.213.1.2 reach no socket of its), counts no
     * error, and takes over when A is killed.
     */
    @Test
    void withKeepalivedThePairIsPlainVrrp() throws Exception {
        lab();
        // keepalived -t: one warning for the line, the instance whole after it, exit 5 (unknown keyword)
        Path conf = dl.file("ka-check.conf");
        Files.writeString(conf, config(90, a));
        NetnsLab.Result t = dl.lab().exec(b.ns(), KeepalivedInteropIT.KEEPALIVED.toString(), "-t", "-f",
                conf.toString());
        assertEquals(5, t.exitCode(), t.output());
        assertEquals(List.of("(" + conf + ": Line 6) Unknown keyword 'heartbeat_path'"), t.output().lines().toList());

        Daemon da = dl.start(a, config(100, b));
        da.awaitLogged("(VI_1) Entering MASTER STATE", 20_000);
        Daemon ka = dl.start(b, "b-ka", config(90, a), List.of(KeepalivedInteropIT.KEEPALIVED.toString(), "-n", "-l",
                "-D", "-G", "-P", "-c", dl.file("b-ka_chk.pid").toString()));
        awaitLine(ka, "Unknown keyword 'heartbeat_path'", 10_000, da, ka);
        ka.awaitLogged("(VI_1) Entering BACKUP STATE (init)", 20_000);
        NetnsLab.sleep(3 * MASTER_DOWN_MS / 2); // A's adverts on both paths, keepalived stays BACKUP
        assertTrue(ka.linesContaining("Entering MASTER STATE").isEmpty(), ka.output());
        KeepalivedInteropIT.assertNoErrors(KeepalivedInteropIT.keepalivedStats(ka));
        KeepalivedInteropIT.assertNoRejections(ka);
        assertTrue(dl.hasAddress(a, VIP) && !dl.hasAddress(b, VIP));

        da.kill9();
        ka.awaitLogged("(VI_1) Entering MASTER STATE", B_TAKES_OVER_MS);
        await("VIP on keepalived", 5_000, () -> dl.hasAddress(b, VIP), ka);
    }
}
