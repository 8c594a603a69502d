package io.javakeepalived.daemon;

import static io.javakeepalived.testsupport.netns.DaemonLab.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.testsupport.netns.DaemonLab;
import io.javakeepalived.testsupport.netns.DaemonLab.Daemon;
import io.javakeepalived.testsupport.netns.NetnsLab;
import io.javakeepalived.testsupport.netns.NetnsLab.Node;

import java.nio.file.Path;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whether a higher-priority router that comes back takes the VIP, on the wire with the shipped
 * jar: {@code preempt_delay} holds it back for the configured time after it first hears the
 * lower master (keepalived's "start preempt delay"), {@code nopreempt} for good.
 */
class PreemptIT {
    /** Master_Down_Interval of a priority-100 VRRPv2 backup at advert_int 1: 3 s + 156/256 s. */
    private static final long MASTER_DOWN_100_MS = 3609;
    private static final String VIP = "10.213.0.100/24";

    @TempDir
    Path dir;

    @AutoClose // stops every process it started, by pid
    private DaemonLab dl;

    private static String config(int priority, String extra) {
        return "vrrp_instance VI_1 {\n    state BACKUP\n    interface eth0\n    virtual_router_id 51\n"
                + "    priority " + priority + "\n    advert_int 1\n" + extra
                + "    virtual_ipaddress {\n        " + VIP + "\n    }\n}\n";
    }

    /** B (priority 90) is MASTER with the VIP, then A (priority 100) starts with {@code extra}. */
    private Daemon[] bMasterThenA(String extra) throws Exception {
        dl = DaemonLab.create(dir, "a", "b");
        Daemon b = dl.start(dl.node("b"), config(90, ""));
        b.awaitLogged("(VI_1) Entering MASTER STATE", 20_000);
        await("VIP on B", 5_000, () -> dl.hasAddress(dl.node("b"), VIP), b);
        Daemon a = dl.start(dl.node("a"), config(100, extra));
        a.awaitLogged("(VI_1) Entering BACKUP STATE (init)", 20_000);
        return new Daemon[] {a, b};
    }

    @Test
    void preemptDelayHoldsTheHigherPriorityBackForItsTimeThenItTakesOver() throws Exception {
        Daemon[] d = bMasterThenA("    preempt_delay 4\n");
        Node na = dl.node("a");
        Node nb = dl.node("b");
        d[0].awaitLogged("(VI_1) start preempt delay (4.000000)", 5_000);
        long delayStarted = System.nanoTime();

        // well inside the delay (and past a master-down interval): B still holds the VIP
        NetnsLab.sleep(MASTER_DOWN_100_MS);
        assertFalse(d[0].logged("(VI_1) Entering MASTER STATE"), d[0].output());
        assertTrue(dl.hasAddress(nb, VIP));
        assertFalse(dl.hasAddress(na, VIP));

        d[0].awaitLogged("(VI_1) Entering MASTER STATE", 4_000 + MASTER_DOWN_100_MS + 3_000);
        long waitedMs = (System.nanoTime() - delayStarted) / 1_000_000;
        // the delay (4 s) runs first, then B's adverts are discarded until the master-down timer
        // that the last advert heard during the delay re-armed runs out
        assertTrue(waitedMs >= 4_000, "took over after " + waitedMs + " ms, before preempt_delay ran out");
        assertTrue(d[0].logged("(VI_1) received lower priority (90) advert from " + nb.ipv4() + " - discarding"),
                d[0].output());
        d[1].awaitLogged("(VI_1) Entering BACKUP STATE", 5_000);
        await("VIP moved to A", 5_000, () -> dl.hasAddress(na, VIP) && !dl.hasAddress(nb, VIP), d);
    }

    @Test
    void nopreemptLeavesTheVipWithTheLowerMasterUntilItDies() throws Exception {
        Daemon[] d = bMasterThenA("    nopreempt\n");
        Node na = dl.node("a");
        Node nb = dl.node("b");

        NetnsLab.sleep(2 * MASTER_DOWN_100_MS); // twice the time a preempting router would need
        assertFalse(d[0].logged("(VI_1) Entering MASTER STATE"), d[0].output());
        assertTrue(dl.hasAddress(nb, VIP));
        assertFalse(dl.hasAddress(na, VIP));

        d[1].kill9();
        dl.lab().linkDown(nb);
        d[0].awaitLogged("(VI_1) Entering MASTER STATE", MASTER_DOWN_100_MS + 3_000);
        await("VIP on A", 5_000, () -> dl.hasAddress(na, VIP), d[0]);
        assertEquals(1, d[0].count("(VI_1) Entering MASTER STATE"), d[0].output());
    }
}
