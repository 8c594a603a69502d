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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reference-address cure of issue 17, between two javakeepalived nodes A (100) and B (90)
 * that both track the gateway G (a third namespace on the segment) with weight 0: a node cut off
 * from both its peer and the gateway goes to FAULT and drops the VIP before the other takes it
 * (sampled every 10 ms on both nodes: never two holders); a cut of the VRRP path alone, with the
 * gateway answering both, still makes two masters - what a reference address cannot decide.
 */
class ReferenceAddressIT {
    // the same pair as SplitBrainIT: A 100, B 90, advert_int 1, one VIP
    private static final String VIP_ADDRESS = SplitBrainIT.VIP_ADDRESS;
    private static final String VIP = SplitBrainIT.VIP;
    private static final long B_TAKES_OVER_MS = SplitBrainIT.B_TAKES_OVER_MS;

    /** A (100) and B (90) run daemons; G is the gateway: a namespace whose kernel answers the echoes. */
    private Node a;
    private Node b;
    private Node g;
    /** The lab stops every process it started, by pid, and removes its namespaces. */
    @AutoClose
    private DaemonLab dl;
    @TempDir
    Path dir;

    private String config(int priority) {
        return "global_defs {\n    script_user root\n}\n"
                + "vrrp_reference gw {\n    address " + g.ipv4() + "\n    interval 0.1\n    fall 3\n    rise 2\n}\n"
                + DaemonLab.vrrpInstance("VI_1", 51, priority, "    advert_int 1\n    track_reference gw\n", VIP);
    }

    /** A MASTER, B BACKUP having heard A; both reach G. */
    private Daemon[] electA() throws Exception {
        dl = DaemonLab.create(dir, "a", "b", "g");
        a = dl.node("a");
        b = dl.node("b");
        g = dl.node("g");
        Daemon da = dl.start(a, config(100));
        da.awaitLogged("(VI_1) Entering MASTER STATE", 20_000);
        Daemon db = dl.start(b, config(90));
        db.awaitLogged("(VI_1) Entering BACKUP STATE (init)", 20_000);
        await("VIP on A", 5_000, () -> dl.hasAddress(a, VIP), da, db);
        String reachable = "Reference gw (" + g.ipv4() + " on eth0) reachable";
        assertTrue(da.logged(reachable) && db.logged(reachable), da.output());
        return new Daemon[] {da, db};
    }

    @Test
    void aNodeCutOffFromPeerAndGatewayGoesFaultAndTheOtherHoldsTheVipWithoutSplitBrain() throws Exception {
        Daemon[] d = electA();
        try (VipHolders watch = new VipHolders(dl.lab(), a, b, VIP_ADDRESS)) {
            // A's uplink dies for everything but ARP: nothing from B or G comes in, no advert goes out
            dl.nft(a, "table inet refCut {\n"
                    + "  chain in { type filter hook input priority 0; ip saddr { " + b.ipv4() + ", " + g.ipv4()
                    + " } drop; }\n"
                    + "  chain out { type filter hook output priority 0; ip protocol 112 drop; }\n}\n");
            d[0].awaitLogged("Reference gw (" + g.ipv4() + " on eth0) unreachable (no echo reply within 0.1 s,"
                    + " 3 in a row)", 5_000);
            d[0].awaitLogged("(VI_1) Entering FAULT STATE", 5_000);
            await("A dropped the VIP", 5_000, () -> !dl.hasAddress(a, VIP), d);
            d[1].awaitLogged("(VI_1) Entering MASTER STATE", B_TAKES_OVER_MS);
            await("VIP on B", 5_000, () -> dl.hasAddress(b, VIP), d);
            Thread.sleep(2_000); // A stays in FAULT while G is out of reach
            watch.assertNeverBoth(300, () -> d[0].output() + "\n----\n" + d[1].output());
            assertFalse(dl.hasAddress(a, VIP));
            assertTrue(dl.hasAddress(b, VIP));
        }

        // the uplink comes back: G answers twice in a row, A leaves FAULT and preempts B
        dl.lab().exec(a.ns(), "nft", "delete", "table", "inet", "refCut").requireSuccess("nft delete");
        d[0].awaitLogged("Reference gw (" + g.ipv4() + " on eth0) reachable", 3_000);
        await("A holds the VIP again, B not", B_TAKES_OVER_MS,
                () -> dl.hasAddress(a, VIP) && !dl.hasAddress(b, VIP), d);
    }

    @Test
    void withTheVrrpPathCutAndTheGatewayAnsweringBothBothAreMaster() throws Exception {
        Daemon[] d = electA();
        for (Node[] n : new Node[][] {{a, b}, {b, a}}) {
            dl.nft(n[0], "table inet vrrpCut {\n  chain in { type filter hook input priority 0; ip saddr "
                    + n[1].ipv4() + " ip protocol 112 drop; }\n}\n");
        }
        d[1].awaitLogged("(VI_1) Entering MASTER STATE", B_TAKES_OVER_MS);
        await("VIP on both", 5_000, () -> dl.hasAddress(a, VIP) && dl.hasAddress(b, VIP), d);
        for (Daemon x : d) {
            assertTrue(x.linesContaining("unreachable").isEmpty(), "the gateway answers both: it cannot tell who"
                    + " is cut off\n" + x.output());
            assertTrue(x.linesContaining("Entering FAULT STATE").isEmpty(), x.output());
        }
    }

    /**
     * A sync group tracking the gateway: losing it takes both members to FAULT together, and the
     * dump shows the reference (its standing and counts) and each member's {@code Tracked
     * references} line.
     */
    @Test
    void aSyncGroupsReferenceTakesEveryMemberToFaultAndTheDumpShowsIt() throws Exception {
        dl = DaemonLab.create(dir, "a", "g");
        a = dl.node("a");
        g = dl.node("g");
        String config = "global_defs {\n    script_user root\n}\n"
                + "vrrp_reference gw {\n    address " + g.ipv4() + "\n    interval 0.1\n    fall 3\n    rise 2\n}\n"
                + "vrrp_sync_group G {\n    group {\n        VI_1\n        VI_2\n    }\n    track_reference gw\n}\n"
                + DaemonLab.vrrpInstance("VI_1", 51, 100, "    advert_int 1\n", VIP)
                + DaemonLab.vrrpInstance("VI_2", 52, 100, "    advert_int 1\n", "10.213.0.101/24");
        Daemon da = dl.start(a, config);
        da.awaitLogged("(VI_1) Entering MASTER STATE", 20_000);
        da.awaitLogged("(VI_2) Entering MASTER STATE", 5_000);
        dl.nft(a, "table inet refCut {\n  chain in { type filter hook input priority 0; ip saddr " + g.ipv4()
                + " drop; }\n}\n");
        da.awaitLogged("Reference gw (" + g.ipv4() + " on eth0) unreachable (no echo reply within 0.1 s,"
                + " 3 in a row)", 5_000);
        da.awaitLogged("(VI_1) Entering FAULT STATE", 5_000);
        da.awaitLogged("VRRP_Group(G) Syncing instances to FAULT state", 5_000);
        da.awaitLogged("(VI_2) Entering FAULT STATE", 5_000);
        await("both VIPs gone", 5_000, () -> !dl.hasAddress(a, VIP) && !dl.hasAddress(a, "10.213.0.101/24"), da);

        Path data = da.tmpdir().resolve("keepalived.data");
        da.signal("USR1");
        await("keepalived.data", 5_000, () -> java.nio.file.Files.exists(data)
                && read(data).contains("------< VRRP References >------"), da);
        String dump = read(data);
        assertTrue(dump.contains("   Tracked references :\n     gw weight 0\n"), dump);
        assertTrue(dump.contains(" VRRP Reference = gw\n   Address = " + g.ipv4() + "\n   Interface = eth0\n"), dump);
        assertTrue(dump.contains("   Status = UNREACHABLE\n"), dump);
        assertTrue(dump.contains("   Tracking instances :\n     VI_1, weight 0\n     VI_2, weight 0\n"), dump);
    }

    private static String read(Path p) {
        try {
            return java.nio.file.Files.readString(p);
        } catch (java.io.IOException e) {
            return "";
        }
    }

    /**
     * Debian's keepalived 2.2.7 reads a javakeepalived file with references: it warns about each
     * unknown line and keeps the instance whole (-t exits 5, as for any unknown keyword). The block
     * form javakeepalived refuses would end keepalived's vrrp_instance at its '}'.
     */
    @Test
    void keepalivedOnlyWarnsAboutTheReferenceKeywords() throws Exception {
        dl = DaemonLab.create(dir, "a", "g");
        a = dl.node("a");
        g = dl.node("g");
        Path conf = dl.file("ka.conf");
        Files.writeString(conf, config(100));
        NetnsLab.Result r = dl.lab().exec(a.ns(), KeepalivedInteropIT.KEEPALIVED.toString(), "-t", "-f",
                conf.toString());
        assertEquals(5, r.exitCode(), r.output());
        Set<String> said = new TreeSet<>();
        for (String line : r.output().lines().toList()) {
            said.add(line.replaceFirst("^\\(.*Line \\d+\\) ", ""));
        }
        assertEquals(new TreeSet<>(List.of("Unknown keyword 'vrrp_reference'",
                "Unexpected '{' - ignoring", "Unknown keyword 'address'", "Unknown keyword 'interval'",
                "Unknown keyword 'fall'", "Unknown keyword 'rise'", "Unknown keyword '}'",
                "Unknown keyword 'track_reference'")), said, r.output());

        Files.writeString(conf, config(100).replace("track_reference gw\n",
                "track_reference {\n        gw\n    }\n"));
        r = dl.lab().exec(a.ns(), KeepalivedInteropIT.KEEPALIVED.toString(), "-t", "-f", conf.toString());
        assertTrue(r.output().contains("Unknown keyword 'virtual_ipaddress'"), "the instance ended early\n"
                + r.output());
    }
}
