package io.javakeepalived.daemon;

import static io.javakeepalived.daemon.DaemonIT.await;
import static io.javakeepalived.daemon.DaemonIT.count;
import static io.javakeepalived.daemon.DaemonIT.logged;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.net.InterfaceAddress;
import io.javakeepalived.net.Rtnetlink;
import io.javakeepalived.testsupport.netns.NetnsLab;
import io.javakeepalived.testsupport.netns.NetnsLab.Background;
import io.javakeepalived.testsupport.netns.NetnsLab.Capture;
import io.javakeepalived.testsupport.netns.NetnsLab.Node;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGHUP to the shipped jar while it is MASTER: the configuration file is rewritten and the
 * daemon applies the difference. The kept VIP never leaves the interface (polled every 10 ms
 * through rtnetlink), no priority-0 advert and no state change happen for the kept instance, new
 * VIPs and instances appear, a removed instance releases with priority 0, and a configuration
 * with an error is rejected with file:line while everything runs on.
 */
class ReloadIT {
    private static final String VIP_A = "10.213.0.100";
    private static final String VIP_B = "10.213.0.101";
    private static final String VIP_C = "10.213.0.102";

    @TempDir
    Path dir;

    private NetnsLab lab;
    private Node a;
    private Node b;
    private Node c;
    private Path confA;
    private Path confB;

    @BeforeEach
    void setUp() throws Exception {
        lab = NetnsLab.create();
        a = lab.addNode("a");
        b = lab.addNode("b");
        c = lab.addNode("c");
        confA = dir.resolve("a.conf");
        confB = dir.resolve("b.conf");
    }

    @AfterEach
    void tearDown() {
        if (lab != null) {
            lab.close(); // stops every process it started, by pid
        }
    }

    static String instance(String name, int vrid, int priority, String... vips) {
        StringBuilder sb = new StringBuilder("vrrp_instance " + name + " {\n"
                + "    state BACKUP\n"
                + "    interface eth0\n"
                + "    virtual_router_id " + vrid + "\n"
                + "    priority " + priority + "\n"
                + "    advert_int 1\n"
                + "    virtual_ipaddress {\n");
        for (String v : vips) {
            sb.append("        ").append(v).append("/24\n");
        }
        return sb.append("    }\n}\n").toString();
    }

    Background start(Node n, Path conf) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return lab.start(n.ns(), java, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", DaemonIT.jar().toString(),
                "-n", "-l", "-D", "-f", conf.toString(),
                "-p", dir.resolve(n.name() + ".pid").toString(), "-r", dir.resolve(n.name() + "_vrrp.pid").toString());
    }

    static void hup(Background d) throws Exception {
        Process k = new ProcessBuilder("kill", "-s", "HUP", Long.toString(d.pid())).inheritIO().start();
        assertTrue(k.waitFor(5, TimeUnit.SECONDS) && k.exitValue() == 0, "kill -s HUP");
    }

    boolean has(Node n, String vip) {
        try {
            return lab.ip(n.ns(), "-o", "addr", "show", "dev", "eth0").output().contains(vip + "/24");
        } catch (Exception e) {
            return false;
        }
    }

    /** Rewrites the node's configuration, sends HUP and waits for the outcome line; returns the log from the HUP on. */
    String reload(Background d, Path conf, String text, String outcome) throws Exception {
        Files.writeString(conf, text);
        int before = d.output().length();
        long done = lines(d, outcome);
        hup(d);
        await(outcome, 10_000, d, () -> lines(d, outcome) > done);
        return d.output().substring(before);
    }

    static long lines(Background d, String fragment) {
        return d.output().lines().filter(l -> l.contains(fragment)).count();
    }

    /** Samples a node's addresses every 10 ms from inside its namespace; counts samples without the VIP. */
    static final class VipWatch implements AutoCloseable {
        final AtomicInteger samples = new AtomicInteger();
        final AtomicInteger missing = new AtomicInteger();
        final AtomicBoolean run = new AtomicBoolean(true);
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        final AtomicReference<Thread> thread = new AtomicReference<>();

        VipWatch(NetnsLab lab, Node node, String address) throws Exception {
            InetAddress vip = InetAddress.getByName(address);
            lab.call(node, () -> {
                Thread t = new Thread(() -> {
                    try (Rtnetlink r = Rtnetlink.open()) {
                        while (run.get()) {
                            boolean present = false;
                            for (InterfaceAddress x : r.addresses()) {
                                present |= x.address().equals(vip);
                            }
                            samples.incrementAndGet();
                            if (!present) {
                                missing.incrementAndGet();
                            }
                            Thread.sleep(10);
                        }
                    } catch (Throwable x) {
                        failure.set(x);
                    }
                }, "vip-watch"); // born in A's namespace, as threads inherit it
                t.setDaemon(true);
                t.start();
                thread.set(t);
                return null;
            });
        }

        /** Asserts that the watch ran (at least {@code minSamples}) and never missed the VIP. */
        void assertNeverMissing(int minSamples, java.util.function.Supplier<String> log) {
            assertEquals(null, failure.get());
            assertTrue(samples.get() >= minSamples, samples + " samples");
            assertEquals(0, missing.get(), () -> "VIP missing in " + missing + " of " + samples + " samples\n"
                    + log.get());
        }

        @Override
        public void close() throws InterruptedException {
            run.set(false);
            thread.get().join(5_000);
        }
    }

    /** A is MASTER for VI_1 with VIP A; B (priority 90) is its backup. */
    Background[] masterAndBackup() throws Exception {
        Files.writeString(confA, instance("VI_1", 51, 100, VIP_A));
        Files.writeString(confB, instance("VI_1", 51, 90, VIP_A));
        Background da = start(a, confA);
        await("A: Entering MASTER STATE", 20_000, da, () -> logged(da, "(VI_1) Entering MASTER STATE"));
        await("VIP A on A", 5_000, da, () -> has(a, VIP_A));
        Background db = start(b, confB);
        await("B: Entering BACKUP STATE (init)", 15_000, db, () -> logged(db, "(VI_1) Entering BACKUP STATE (init)"));
        return new Background[] {da, db};
    }

    @Test
    void reloadAddsVipsAndInstancesKeepsTheMasterAndRemovesWithPriorityZero() throws Exception {
        Background[] d = masterAndBackup();
        Background da = d[0];
        Background db = d[1];
        Capture cap = lab.tcpdump(c.ns(), "eth0", "ip proto 112");
        NetnsLab.sleep(1_200);

        // 1. VIP B and a priority change for VI_1, a new instance VI_2 with VIP C
        String log1;
        try (VipWatch watch = new VipWatch(lab, a, VIP_A)) {
            NetnsLab.sleep(200);
            log1 = reload(da, confA, instance("VI_1", 51, 110, VIP_A, VIP_B) + instance("VI_2", 52, 100, VIP_C),
                    "Reload complete");
            // the backup must list the same addresses, or it rejects the master's adverts (as keepalived)
            reload(db, confB, instance("VI_1", 51, 90, VIP_A, VIP_B), "Reload complete");
            await("VIP B on A", 5_000, da, () -> has(a, VIP_B));
            NetnsLab.sleep(1_500); // a regular advert or two after the reload
            watch.assertNeverMissing(50, da::output);
        }
        assertTrue(log1.contains(": Reloading ...\n"), log1);
        assertTrue(log1.contains(": Reloading\n") && log1.contains(": Reload complete\n"), log1);
        assertTrue(log1.contains("Reload finished in "), "-D summary line\n" + log1);
        assertTrue(log1.contains(": Configuration file " + confA + "\n"), log1);
        assertFalse(log1.contains("(VI_1) Entering"), "VI_1 changes no state\n" + log1);
        assertFalse(log1.contains("Removed stale virtual address"), log1);
        assertTrue(log1.contains("(VI_2) Entering BACKUP STATE (init)"), log1);
        assertEquals(1, count(da, "(VI_1) Entering MASTER STATE"), da.output());
        await("VI_2 MASTER (no peer)", 6_000, da, () -> logged(da, "(VI_2) Entering MASTER STATE"));
        await("VIP C on A", 5_000, da, () -> has(a, VIP_C));
        assertFalse(logged(db, "(VI_1) Entering MASTER STATE"), db.output());
        assertFalse(has(b, VIP_A) || has(b, VIP_B), db.output());

        // 2. VI_2 removed: its VIP goes and a priority-0 advert tells the world
        String log2 = reload(da, confA, instance("VI_1", 51, 110, VIP_A, VIP_B), "Reload complete");
        await("VIP C gone", 5_000, da, () -> !has(a, VIP_C));
        assertTrue(has(a, VIP_A) && has(a, VIP_B), "VI_1's VIPs stay\n" + da.output());
        assertTrue(log2.contains("(VI_2) sent 0 priority"), log2);

        // 3. a syntax error: rejected whole with file:line, nothing changes
        String log3 = reload(da, confA, instance("VI_1", 51, 120, VIP_A) + "vrrp_instance VI_3 {\n    interface eth0\n"
                + "    priority\n}\n", "keeping the running configuration");
        assertTrue(log3.contains(confA + ":13: keyword 'priority' is missing its parameter"), log3);
        assertTrue(log3.contains("Reload failed: configuration error in " + confA), log3);
        assertFalse(log3.contains("Reload complete"), log3);
        assertFalse(log3.contains("Entering"), log3);
        assertFalse(log3.contains("sent 0 priority"), log3);
        NetnsLab.sleep(1_200);
        assertTrue(has(a, VIP_A) && has(a, VIP_B), "VIPs unchanged after a rejected reload\n" + da.output());

        // 4. a good reload after it works: priority 120
        String log4 = reload(da, confA, instance("VI_1", 51, 120, VIP_A, VIP_B), "Reload complete");
        assertFalse(log4.contains("Entering"), log4);
        NetnsLab.sleep(2_500); // two adverts at priority 120, of which the capture needs one
        assertTrue(da.process().isAlive(), da.output());

        String text = cap.stopAndDecode();
        String fromA = a.ipv4() + " > 224.0.0.18: VRRPv2, Advertisement, ";
        assertTrue(text.contains(fromA + "vrid 51, prio 110, authtype none, intvl 1s, length 24, addrs(2): "
                + VIP_A + "," + VIP_B), "VI_1 advertises priority 110 and two addresses\n" + text);
        assertTrue(text.contains(fromA + "vrid 51, prio 120,"), "priority 120 after the last reload\n" + text);
        assertFalse(text.contains(fromA + "vrid 51, prio 0,"), "VI_1 never sends priority 0\n" + text);
        assertTrue(text.contains(fromA + "vrid 52, prio 0,"), "removed VI_2 sends priority 0\n" + text);
        assertEquals(1, count(da, "(VI_1) Entering MASTER STATE"), da.output());
        assertFalse(logged(db, "(VI_1) Entering MASTER STATE"), db.output());
    }
}
