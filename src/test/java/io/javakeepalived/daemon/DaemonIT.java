package io.javakeepalived.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.testsupport.netns.NetnsLab;
import io.javakeepalived.testsupport.netns.NetnsLab.Background;
import io.javakeepalived.testsupport.netns.NetnsLab.Capture;
import io.javakeepalived.testsupport.netns.NetnsLab.Node;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped jar as operators run it ({@code java -jar javakeepalived.jar -n -l -D -f CONF}),
 * two nodes and a client on a lab segment: election, crash failover within the protocol
 * bound, graceful hand-over on SIGTERM. Every process is started by the lab and stopped by pid.
 */
class DaemonIT {
    /** Master_Down_Interval of the priority-90 backup: 3 × 1 s + 166/256 s. */
    private static final long MASTER_DOWN_90_MS = 3648;
    /** Skew_Time of the priority-90 backup: 166/256 s. */
    private static final long SKEW_90_MS = 648;

    @TempDir
    Path dir;

    private NetnsLab lab;
    private Node a;
    private Node b;
    private Node c;

    @BeforeEach
    void setUp() throws Exception {
        lab = NetnsLab.create();
        a = lab.addNode("a");
        b = lab.addNode("b");
        c = lab.addNode("c");
    }

    @AfterEach
    void tearDown() {
        if (lab != null) {
            lab.close(); // stops every process it started, by pid
        }
    }

    static Path jar() {
        String p = System.getProperty("javakeepalived.jar");
        Path jar = Path.of(p != null ? p : "target/javakeepalived.jar");
        assertTrue(Files.isRegularFile(jar), "the shaded jar is built in the package phase: " + jar);
        return jar;
    }

    static String config(int priority) {
        return "vrrp_instance VI_1 {\n"
                + "    state BACKUP\n"
                + "    interface eth0\n"
                + "    virtual_router_id 51\n"
                + "    priority " + priority + "\n"
                + "    advert_int 1\n"
                + "    virtual_ipaddress {\n"
                + "        10.213.0.100/24\n"
                + "    }\n"
                + "}\n";
    }

    Background startDaemon(Node n, int priority) throws Exception {
        Path conf = dir.resolve(n.name() + ".conf");
        Files.writeString(conf, config(priority));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return lab.start(n.ns(), java, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", jar().toString(),
                "-n", "-l", "-D", "-f", conf.toString(),
                "-p", dir.resolve(n.name() + ".pid").toString(), "-r", dir.resolve(n.name() + "_vrrp.pid").toString());
    }

    /** A log line of keepalived's console form: {@code <date>: <text>}. */
    static boolean logged(Background d, String text) {
        return Pattern.compile("(?m)^\\w{3} \\w{3} \\d{2} \\d{2}:\\d{2}:\\d{2} \\d{4}: " + Pattern.quote(text) + "$")
                .matcher(d.output()).find();
    }

    static long count(Background d, String text) {
        return d.output().lines().filter(l -> l.endsWith(": " + text)).count();
    }

    boolean hasVip(Node n) {
        try {
            return lab.ip(n.ns(), "-o", "addr", "show", "dev", "eth0").output().contains("10.213.0.100/24");
        } catch (Exception e) {
            return false;
        }
    }

    static void await(String what, long timeoutMs, Background log, BooleanSupplier cond) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (!cond.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeoutMs + " ms waiting for " + what
                        + (log != null ? "\n--- log of " + log + ":\n" + log.output() : ""));
            }
            NetnsLab.sleep(5);
        }
    }

    /** A is MASTER with the VIP, B BACKUP without it. */
    void electAThenStartB(Background da, Background[] db) throws Exception {
        await("A: Entering BACKUP STATE (init)", 15_000, da, () -> logged(da, "(VI_1) Entering BACKUP STATE (init)"));
        await("A: Entering MASTER STATE", 6_000, da, () -> logged(da, "(VI_1) Entering MASTER STATE"));
        await("VIP on A", 2_000, da, () -> hasVip(a));
        db[0] = startDaemon(b, 90);
        Background bb = db[0];
        await("B: Entering BACKUP STATE (init)", 15_000, bb, () -> logged(bb, "(VI_1) Entering BACKUP STATE (init)"));
    }

    @Test
    void electionThenCrashFailoverWithinTheMasterDownInterval() throws Exception {
        Capture cap = lab.tcpdump(c.ns(), "eth0", "ip proto 112 or arp");
        Background da = startDaemon(a, 100);
        Background[] db = new Background[1];
        electAThenStartB(da, db);
        Background bb = db[0];
        NetnsLab.sleep(MASTER_DOWN_90_MS + 500); // longer than B's master-down: A's adverts hold it
        assertFalse(logged(bb, "(VI_1) Entering MASTER STATE"), bb.output());
        assertFalse(hasVip(b));

        // crash: SIGKILL (no priority 0, the VIP stays in A's kernel) and A's link down
        da.process().toHandle().destroyForcibly();
        long t0 = System.nanoTime();
        lab.linkDown(a);
        assertTrue(da.process().waitFor(5, TimeUnit.SECONDS));
        await("B: Entering MASTER STATE", MASTER_DOWN_90_MS + 2_000, bb, () -> logged(bb, "(VI_1) Entering MASTER STATE"));
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        // the bound counts from A's last advert, which left up to 1 s before the kill
        assertTrue(ms <= MASTER_DOWN_90_MS + 500, "B took over " + ms + " ms after the crash");
        await("VIP on B", 1_000, bb, () -> hasVip(b));

        String text = cap.stopAndDecode();
        assertTrue(text.contains("tos 0xc0, ttl 255"), text);
        assertTrue(text.contains(a.ipv4() + " > 224.0.0.18: VRRPv2, Advertisement, vrid 51, prio 100, authtype none,"
                + " intvl 1s, length 20, addrs: 10.213.0.100"), text);
        assertTrue(text.contains(b.ipv4() + " > 224.0.0.18: VRRPv2, Advertisement, vrid 51, prio 90,"), text);
        long ttlNot255 = text.lines().filter(l -> l.contains("proto VRRP") && !l.contains("ttl 255")).count();
        assertEquals(0, ttlNot255, text);
        assertTrue(text.contains(b.mac() + " > ff:ff:ff:ff:ff:ff, ethertype ARP (0x0806)"), "B's gratuitous ARP\n" + text);
        // one advertiser at a time: B's first advert comes after A's last
        int firstB = text.indexOf(b.ipv4() + " > 224.0.0.18");
        int lastA = text.lastIndexOf(a.ipv4() + " > 224.0.0.18");
        assertTrue(lastA >= 0 && firstB > lastA, text);
    }

    @Test
    void sigtermSendsPriorityZeroReleasesTheVipAndTheBackupTakesOver() throws Exception {
        Background da = startDaemon(a, 100);
        Background[] db = new Background[1];
        electAThenStartB(da, db);
        Background bb = db[0];
        assertTrue(Files.exists(dir.resolve("a.pid")) && Files.exists(dir.resolve("a_vrrp.pid")));
        assertEquals(da.pid() + "", Files.readString(dir.resolve("a.pid")).trim());
        Capture cap = lab.tcpdump(c.ns(), "eth0", "ip proto 112");
        NetnsLab.sleep(1_200);

        long t0 = System.nanoTime();
        da.process().toHandle().destroy(); // SIGTERM to that pid
        await("B: Entering MASTER STATE", 3_000, bb, () -> logged(bb, "(VI_1) Entering MASTER STATE"));
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        assertTrue(ms < SKEW_90_MS + 500, "B took over " + ms + " ms after SIGTERM");
        assertTrue(logged(bb, "(VI_1) Backup received priority 0 advertisement"), bb.output());
        await("VIP on B", 1_000, bb, () -> hasVip(b));

        assertTrue(da.process().waitFor(5, TimeUnit.SECONDS), "A exits after releasing");
        assertEquals(0, da.process().exitValue(), da.output());
        assertTrue(logged(da, "(VI_1) sent 0 priority"), da.output());
        assertFalse(hasVip(a), "A removed its VIP");
        assertFalse(Files.exists(dir.resolve("a.pid")), "pid file removed");
        assertFalse(Files.exists(dir.resolve("a_vrrp.pid")), "vrrp pid file removed");

        String text = cap.stopAndDecode();
        assertTrue(text.contains(a.ipv4() + " > 224.0.0.18: VRRPv2, Advertisement, vrid 51, prio 0,"), text);
        assertEquals(1, count(bb, "(VI_1) Entering MASTER STATE"));
    }
}
