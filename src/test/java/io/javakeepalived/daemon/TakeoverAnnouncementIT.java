package io.javakeepalived.daemon;

import static io.javakeepalived.testsupport.netns.DaemonLab.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.testsupport.netns.DaemonLab;
import io.javakeepalived.testsupport.netns.DaemonLab.Daemon;
import io.javakeepalived.testsupport.netns.NetnsLab.Capture;
import io.javakeepalived.testsupport.netns.NetnsLab.Node;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14: on a takeover the new master's advert, its VIP and its first gratuitous ARP leave
 * together (keepalived: 0.2 ms apart). Every millisecond between the advert and the GARP is a
 * millisecond in which the clients still send to the old master's MAC. Measured on the wire,
 * from the new master's own interface (kernel timestamps of tcpdump), on the two takeovers a
 * daemon meets: its first one ever (a backup whose master fell), and taking back as the higher
 * priority after its link came back.
 */
class TakeoverAnnouncementIT {
    /**
     * The target is 0.5 ms (keepalived: 0.2), a figure for scripts/bench, not for this test.
     * Measured here at load 5-9: 0.4-0.7 ms, once 1.6 ms when the loop thread lost its core, once
     * 2.8 ms beside a busy QEMU VM; before the fix 2.6-7 ms (median 4.8), cold code between the
     * advert and the GARP. The bound catches a GARP left to a later turn or a slow path, the worst
     * of that regression, without failing on a loaded machine.
     */
    private static final double MAX_GAP_MS = 5.0;
    private static final String VIP = "10.213.0.100/24";

    @TempDir
    Path dir;

    @AutoClose // stops every process it started, by pid
    private DaemonLab dl;

    private static String config(int priority) {
        // garp_master_delay 0: one burst per mastership, so each burst marks a takeover.
        // vrrp_rt_priority: the loop thread on SCHED_RR, as an operator who cares about this gap runs
        // it; a loaded machine's other threads then cannot come between the advert and the GARP, and
        // what is left is the loop's own code path, which is what the bound is about
        return "global_defs {\n    vrrp_rt_priority 10\n}\n"
                + DaemonLab.vrrpInstance("VI_1", 51, priority, "    advert_int 1\n    garp_master_delay 0\n", VIP);
    }

    @Test
    void theFirstGratuitousArpLeavesWithTheTakeoverAdvert() throws Exception {
        dl = DaemonLab.create(dir, "a", "b");
        Node na = dl.node("a");
        Node nb = dl.node("b");
        // each node's bridge port: it stays up while the node's own eth0 goes down
        Capture onA = dl.lab().tcpdump(dl.lab().bridgeNamespace(), dl.lab().bridgePort(na), "arp or ip proto 112");
        Capture onB = dl.lab().tcpdump(dl.lab().bridgeNamespace(), dl.lab().bridgePort(nb), "arp or ip proto 112");
        Daemon a = dl.start(na, "a", config(100), DaemonLab.jarCommand("-n", "-l"));
        a.awaitLogged("(VI_1) Entering MASTER STATE", 20_000);
        Daemon b = dl.start(nb, "b", config(90), DaemonLab.jarCommand("-n", "-l"));
        b.awaitLogged("(VI_1) Entering BACKUP STATE (init)", 20_000);

        dl.lab().linkDown(na); // A goes to FAULT, B takes over: B's first takeover
        await("B MASTER", 10_000, () -> b.logged("(VI_1) Entering MASTER STATE"), b);
        await("VIP on B", 5_000, () -> dl.hasAddress(nb, VIP), b);
        dl.lab().linkUp(na); // A hears B's priority 90 and takes back
        await("A MASTER again", 10_000, () -> a.count("(VI_1) Entering MASTER STATE") == 2, a);
        await("VIP off B", 5_000, () -> !dl.hasAddress(nb, VIP), b);
        onB.stopAndDecode();
        onA.stopAndDecode();

        List<Double> gapsB = advertToGarpMs(onB.pcap(), nb, 90);
        List<Double> gapsA = advertToGarpMs(onA.pcap(), na, 100);
        assertEquals(1, gapsB.size(), "B became master once: " + gapsB);
        assertEquals(2, gapsA.size(), "A became master at start and when it took back: " + gapsA);
        double gapB = gapsB.get(0);
        double gapA = gapsA.get(1);
        System.out.printf("takeover advert -> first GARP: B (first takeover) %.3f ms, A (taking back) %.3f ms%n",
                gapB, gapA);
        assertTrue(gapB >= 0 && gapB < MAX_GAP_MS, "B's first takeover: advert -> GARP " + gapB + " ms");
        assertTrue(gapA >= 0 && gapA < MAX_GAP_MS, "A taking back: advert -> GARP " + gapA + " ms");
    }

    /**
     * For each burst of GARPs of the VIP from {@code n}: the gap between the advert just before
     * it (the advert that began that mastership) and its first GARP, in ms.
     */
    private static List<Double> advertToGarpMs(Path pcap, Node n, int priority) throws Exception {
        List<String[]> rows = DaemonLab.tshark(pcap, "(vrrp && ip.src == " + n.ipv4() + " && vrrp.prio == " + priority
                + ") || (arp.opcode == 1 && eth.src == " + n.mac() + " && arp.src.proto_ipv4 == 10.213.0.100)",
                "_ws.col.Protocol");
        List<Double> gaps = new ArrayList<>();
        Double advert = null;
        boolean inBurst = false;
        for (String[] r : rows) {
            double t = Double.parseDouble(r[0]);
            if (r[1].equals("VRRP")) {
                advert = t;
                inBurst = false;
            } else if (advert != null && !inBurst) {
                gaps.add((t - advert) * 1000);
                inBurst = true;
            }
        }
        return gaps;
    }
}
