package io.javakeepalived.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.testsupport.netns.DaemonLab;
import io.javakeepalived.testsupport.netns.DaemonLab.Daemon;
import io.javakeepalived.testsupport.netns.NetnsLab;
import io.javakeepalived.testsupport.netns.NetnsLab.Node;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Address and link watching on the wire, the shipped jar in namespaces: a master's VIP deleted
 * behind its back is restored with the client hardly noticing (keepalived 2.2.7, measured here:
 * 0.64 s without the VIP); an interface created after start brings its instance out of FAULT
 * without a reload; a carrier blip shorter than {@code interface_up_down_delays} changes nothing.
 */
class AddressWatchIT {
    /** keepalived 2.2.7's client outage for a deleted VIP: it leaves MASTER and takes over after skew. */
    private static final double KEEPALIVED_OUTAGE_S = 0.64;

    @TempDir
    Path dir;

    @AutoClose // stops every process it started, by pid
    private DaemonLab dl;
    private Node a;
    private Node b;
    private Node c;

    @BeforeEach
    void setUp() throws Exception {
        dl = DaemonLab.create(dir, "a", "b", "c");
        a = dl.node("a");
        b = dl.node("b");
        c = dl.node("c");
    }

    private static String config(int priority) {
        return DaemonLab.vrrpInstance("VI_1", 51, priority, "    state BACKUP\n    advert_int 1\n", "10.213.0.100/24");
    }

    @Test
    void aVipDeletedOnTheMasterIsRestoredAtOnceAndTheClientBarelyNotices() throws Exception {
        Daemon da = dl.start(a, config(100));
        da.awaitLogged("(VI_1) Entering MASTER STATE", 15_000);
        Daemon db = dl.start(b, config(90));
        db.awaitLogged("(VI_1) Entering BACKUP STATE (init)", 15_000);
        DaemonLab.await("VIP on A", 5_000, () -> dl.hasAddress(a, "10.213.0.100/24"), da);

        // the client knocks on a closed TCP port of the VIP every 10 ms: a reset means the VIP answers
        CompletableFuture<List<Long>> knocks = CompletableFuture.supplyAsync(() -> {
            try {
                return dl.lab().call(c, () -> knock(new InetSocketAddress("10.213.0.100", 9), 3_000));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        NetnsLab.sleep(1_000);
        dl.lab().ip(a.ns(), "addr", "del", "10.213.0.100/24", "dev", "eth0");
        da.awaitLogged("(VI_1) virtual address 10.213.0.100/24 dev eth0 was removed by another program - restored",
                5_000);
        List<Long> answered = knocks.get(10, TimeUnit.SECONDS);

        double outage = longestGap(answered) / 1e9 - 0.01;
        System.out.printf("client outage after the VIP was deleted: %.3f s (keepalived 2.2.7: %.2f s)%n", outage,
                KEEPALIVED_OUTAGE_S);
        // README states the idle figure; here only "under keepalived's 0.64 s", with room for a
        // loaded machine (0.19 s seen with ten builds beside, and the knocking thread itself can
        // stall): a hand-over would cost a master-down interval (3.6 s), and the checks below prove
        // that none happened
        assertTrue(outage < KEEPALIVED_OUTAGE_S, "client outage " + outage + " s");
        assertTrue(dl.hasAddress(a, "10.213.0.100/24"));
        assertFalse(dl.hasAddress(b, "10.213.0.100/24"));
        assertEquals(1, da.count("(VI_1) Entering MASTER STATE"), da.output());
        assertFalse(da.logged("(VI_1) sent 0 priority"), da.output());
        assertFalse(db.logged("(VI_1) Entering MASTER STATE"), db.output());
    }

    /**
     * Connects to {@code target} every 10 ms for {@code millis}: returns when (nanoTime) the
     * target's host answered, with a TCP reset from the closed port. A missing address drops the
     * SYN: no answer within 10 ms. (No ICMP: the kernel rate-limits its unreachables.)
     */
    private static List<Long> knock(InetSocketAddress target, long millis) throws IOException {
        List<Long> answered = new ArrayList<>();
        long end = System.nanoTime() + millis * 1_000_000;
        while (System.nanoTime() < end) {
            long t = System.nanoTime();
            try (Socket s = new Socket()) {
                s.connect(target, 10);
            } catch (ConnectException refused) {
                answered.add(System.nanoTime());
            } catch (SocketTimeoutException silent) {
                // no answer
            }
            long left = 10_000_000 - (System.nanoTime() - t);
            if (left > 0) {
                NetnsLab.sleep(left / 1_000_000);
            }
        }
        return answered;
    }

    /** The longest time between two successive answers, in nanoseconds. */
    private static long longestGap(List<Long> answered) {
        assertTrue(answered.size() > 100, answered.size() + " answers in 3 s");
        long gap = 0;
        for (int i = 1; i < answered.size(); i++) {
            gap = Math.max(gap, answered.get(i) - answered.get(i - 1));
        }
        return gap;
    }

    @Test
    void anInterfaceCreatedAfterStartBringsItsInstanceOutOfFaultWithoutAReload() throws Exception {
        String conf = "global_defs {\n    dynamic_interfaces\n}\n"
                + "vrrp_instance VI_9 {\n    state BACKUP\n    interface eth1\n    virtual_router_id 59\n"
                + "    priority 100\n    advert_int 1\n    virtual_ipaddress {\n        10.213.9.100/24\n    }\n}\n";
        Daemon da = dl.start(a, conf);
        da.awaitLogged("(VI_9) entering FAULT state", 15_000);

        createEth1();

        da.awaitLogged("(VI_9) Entering BACKUP STATE", 5_000);
        da.awaitLogged("(VI_9) Entering MASTER STATE", 6_000);
        DaemonLab.await("VIP on eth1", 5_000, () -> eth1Has("10.213.9.100/24"), da);
        assertTrue(da.logged("(VI_9) source address 10.213.9.1 on eth1"), da.output());

        // dynamic_interfaces: deleted and created again (a new ifindex), it is taken up again
        dl.lab().ip(a.ns(), "link", "del", "eth1");
        da.awaitLogged("(VI_9) Entering FAULT STATE", 5_000);
        createEth1();
        DaemonLab.await("MASTER again", 8_000, () -> da.count("(VI_9) Entering MASTER STATE") == 2, da);
        DaemonLab.await("VIP on the new eth1", 5_000, () -> eth1Has("10.213.9.100/24"), da);
        assertFalse(da.logged("Reloading"), da.output());
    }

    private void createEth1() throws IOException {
        dl.lab().ip(a.ns(), "link", "add", "eth1", "type", "veth", "peer", "name", "eth1p");
        dl.lab().ip(a.ns(), "link", "set", "eth1p", "up");
        dl.lab().ip(a.ns(), "link", "set", "eth1", "up");
        NetnsLab.sleep(300);
        dl.lab().ip(a.ns(), "addr", "add", "10.213.9.1/24", "dev", "eth1"); // the address comes later still
    }

    private boolean eth1Has(String cidr) {
        try {
            return dl.lab().ip(a.ns(), "-o", "addr", "show", "dev", "eth1").output().contains(" " + cidr + " ");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    @Test
    void aCarrierBlipShorterThanTheDownDelayCausesNoTransitionALongerOneDoes() throws Exception {
        String conf = "interface_up_down_delays {\n    eth0 1\n}\n" + config(100);
        Daemon da = dl.start(a, conf);
        da.awaitLogged("(VI_1) Entering MASTER STATE", 15_000);

        dl.lab().carrierDown(a);
        NetnsLab.sleep(300);
        dl.lab().carrierUp(a);
        da.awaitLogged("Delay timer for eth0 cancelled", 5_000);
        NetnsLab.sleep(1_500);
        assertFalse(da.logged("Entering FAULT STATE"), da.output());
        assertEquals(1, da.count("(VI_1) Entering MASTER STATE"));
        assertTrue(dl.hasAddress(a, "10.213.0.100/24"));

        long t0 = System.nanoTime();
        dl.lab().carrierDown(a);
        da.awaitLogged("(VI_1) Entering FAULT STATE", 5_000);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms >= 900, "FAULT only after the 1 s down delay, not after " + ms + " ms");
        dl.lab().carrierUp(a); // no up delay written: keepalived's 0
        da.awaitLogged("(VI_1) Entering BACKUP STATE", 5_000);
    }
}
