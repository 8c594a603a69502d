package io.javakeepalived.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.javakeepalived.daemon.dump.ConfiguredGlobals;
import io.javakeepalived.daemon.model.ConfigMapping;
import io.javakeepalived.daemon.model.VrrpPlan;
import io.javakeepalived.sys.signal.SignalRequest;
import io.javakeepalived.net.LinuxNetwork;
import io.javakeepalived.testsupport.ConfigFixture;
import io.javakeepalived.testsupport.netns.NetnsLab;
import io.javakeepalived.testsupport.netns.NetnsLab.Node;
import io.javakeepalived.vrrp.VrrpState;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The VRRP loop in this JVM with a {@link ReloadSource} the test feeds plans to: coalescing of
 * RELOAD requests, the listener, a VIP that moves from a removed instance to a kept one, excluded
 * VIPs, sync groups formed around running masters. Address owners (priority 255) are MASTER at
 * once, which keeps these tests short.
 */
class ReloadLoopIT {
    private NetnsLab lab;
    private Node a;
    private VrrpLoop loop;
    private Thread thread;
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private final BlockingQueue<ReloadSource.Outcome> next = new LinkedBlockingQueue<>();
    private final AtomicInteger loads = new AtomicInteger();
    private final List<String> heard = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void setUp() throws Exception {
        lab = NetnsLab.create();
        a = lab.addNode("a");
    }

    @AfterEach
    void tearDown() throws Exception {
        if (loop != null) {
            loop.stop();
            thread.join(10_000);
        }
        if (lab != null) {
            lab.close();
        }
    }

    static VrrpPlan plan(String text) {
        VrrpPlan p = ConfigMapping.plan(ConfigFixture.model(ConfigFixture.load0(text)));
        assertTrue(p.problems().isEmpty(), p.problems()::toString);
        return p;
    }

    static String owner(String name, int vrid, String vips, String... extra) {
        StringBuilder sb = new StringBuilder("vrrp_instance " + name + " {\n    state MASTER\n    interface eth0\n"
                + "    virtual_router_id " + vrid + "\n    priority 255\n    advert_int 1\n"
                + "    virtual_ipaddress {\n" + vips + "    }\n");
        for (String e : extra) {
            sb.append("    ").append(e).append('\n');
        }
        return sb.append("}\n").toString();
    }

    void start(String config) throws Exception {
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger logger = ctx.getLogger("it.reload." + System.nanoTime());
        logger.setLevel(Level.DEBUG);
        logger.setAdditive(false);
        lines.setContext(ctx);
        lines.start();
        logger.addAppender(lines);
        ReloadSource source = () -> {
            loads.incrementAndGet();
            try {
                return next.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new ReloadSource.Rejected("interrupted");
            }
        };
        loop = new VrrpLoop(plan(config), LoopOptions.defaults().withLogDetail(true).withLog(logger)
                .withReload(source), new LinuxNetwork());
        loop.setListener(new LoopListener() {
            @Override
            public void reloading() {
                heard.add("started");
            }

            @Override
            public void reloaded(boolean applied, Map<String, VrrpState> states) {
                heard.add(applied ? "applied" : "rejected");
            }
        });
        lab.call(a, () -> {
            thread = new Thread(loop::run, "vrrp-a");
            thread.setDaemon(true);
            thread.start();
            return null;
        });
    }

    void offer(String config) {
        next.add(new ReloadSource.Loaded(plan(config), ConfiguredGlobals.defaults()));
    }

    List<String> log() {
        synchronized (lines) {
            return lines.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        }
    }

    long count(String line) {
        return log().stream().filter(line::equals).count();
    }

    String addresses() {
        try {
            return lab.ip(a.ns(), "-o", "addr", "show", "dev", "eth0").output();
        } catch (Exception e) {
            return "";
        }
    }

    void await(String what, BooleanSupplier cond) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!cond.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what + "\n" + String.join("\n", log()));
            }
            NetnsLab.sleep(10);
        }
    }

    @Test
    void requestsDuringAReloadCoalesceIntoOneMoreAndTheListenerHearsEach() throws Exception {
        String one = owner("VI_1", 51, "        10.213.0.100/24\n");
        start(one);
        await("MASTER", () -> count("(VI_1) Entering MASTER STATE") == 1);
        loop.post(SignalRequest.RELOAD);
        await("the first load", () -> loads.get() == 1);
        loop.post(SignalRequest.RELOAD);
        loop.post(SignalRequest.RELOAD);
        loop.post(SignalRequest.RELOAD);
        await("queued", () -> count("Reload already in progress, request queued") == 3);
        next.add(new ReloadSource.Rejected("broken on purpose"));
        await("the second load", () -> loads.get() == 2);
        offer(one);
        await("two reloads over", () -> heard.size() == 4);
        NetnsLab.sleep(300);
        assertEquals(2, loads.get(), "three requests during a reload make one more");
        assertEquals(List.of("started", "rejected", "started", "applied"), heard);
        assertEquals(1, count("Reload failed: broken on purpose - keeping the running configuration"));
        assertEquals(1, count("Reload complete"));
        assertEquals(2, count("Reloading ..."));
        assertEquals(1, count("(VI_1) Entering MASTER STATE"));
    }

    @Test
    void aVipMovedFromARemovedInstanceToAKeptOneNeverLeavesTheInterface() throws Exception {
        start(owner("VI_1", 51, "        10.213.0.100/24\n") + owner("VI_2", 52, "        10.213.0.101/24\n"));
        await("both MASTER", () -> count("(VI_1) Entering MASTER STATE") == 1
                && count("(VI_2) Entering MASTER STATE") == 1);
        await("both VIPs", () -> addresses().contains("10.213.0.100/24") && addresses().contains("10.213.0.101/24"));
        try (ReloadIT.VipWatch watch = new ReloadIT.VipWatch(lab, a, "10.213.0.101")) {
            NetnsLab.sleep(300);
            offer(owner("VI_1", 51, "        10.213.0.100/24\n        10.213.0.101/24\n"));
            loop.post(SignalRequest.RELOAD);
            await("reloaded", () -> count("Reload complete") == 1);
            NetnsLab.sleep(300);
            watch.assertNeverMissing(20, () -> String.join("\n", log()));
        }
        assertTrue(log().contains("(VI_2) sent 0 priority"), log()::toString);
        assertTrue(log().contains("(VI_2) notify FAULT 255"), "keepalived notifies FAULT for a deleted instance\n"
                + log());
        assertFalse(log().contains("(VI_2) notify STOP 255"), log()::toString);
        assertEquals(1, count("(VI_1) notify MASTER 255"), "no notify for the kept instance\n" + log());
        assertTrue(addresses().contains("10.213.0.100/24") && addresses().contains("10.213.0.101/24"), addresses());
        assertEquals(1, count("(VI_1) Entering MASTER STATE"));
    }

    @Test
    void excludedVipsFollowTheReloadAndDroppedAddressesAreLogged() throws Exception {
        start(owner("VI_1", 51, "        10.213.0.100/24\n", "virtual_ipaddress_excluded {", "    10.213.0.200/24", "}"));
        await("VIP and excluded VIP", () -> addresses().contains("10.213.0.100/24")
                && addresses().contains("10.213.0.200/24"));
        offer(owner("VI_1", 51, "        10.213.0.100/24\n", "virtual_ipaddress_excluded {", "    10.213.0.201/24", "}"));
        loop.post(SignalRequest.RELOAD);
        await("reloaded", () -> count("Reload complete") == 1);
        await("excluded VIP swapped", () -> !addresses().contains("10.213.0.200/24")
                && addresses().contains("10.213.0.201/24"));
        assertTrue(addresses().contains("10.213.0.100/24"), addresses());
        assertTrue(log().contains("(VI_1) ip address 10.213.0.200/24 dev eth0, no longer exist"), log()::toString);
        assertFalse(log().contains("(VI_1) sent 0 priority"), log()::toString);
    }

    @Test
    void aSyncGroupAddedAroundRunningMastersIsMasterWithoutStateChanges() throws Exception {
        String both = owner("VI_1", 51, "        10.213.0.100/24\n") + owner("VI_2", 52, "        10.213.0.101/24\n");
        start(both);
        await("both MASTER", () -> count("(VI_1) Entering MASTER STATE") == 1
                && count("(VI_2) Entering MASTER STATE") == 1);
        offer(both + "vrrp_sync_group G1 {\n    group {\n        VI_1\n        VI_2\n    }\n}\n");
        loop.post(SignalRequest.RELOAD);
        await("reloaded", () -> count("Reload complete") == 1);
        assertTrue(log().contains("VRRP_Group(G1) state INIT -> MASTER"), log()::toString);
        NetnsLab.sleep(300);
        assertEquals(1, count("(VI_1) Entering MASTER STATE"));
        assertEquals(0, log().stream().filter(l -> l.contains("Entering BACKUP")).count(), log()::toString);
        assertTrue(addresses().contains("10.213.0.100/24") && addresses().contains("10.213.0.101/24"), addresses());
    }

    @Test
    void aReloadRetriesAnInstanceThatHadNoAddressToSendFrom() throws Exception {
        String cidr = a.ipv4() + "/24";
        lab.ip(a.ns(), "addr", "del", cidr, "dev", "eth0");
        String one = owner("VI_1", 51, "        10.213.0.100/24\n");
        start(one);
        await("no source", () -> log().contains("(VI_1) no IPv4 address on eth0 to send adverts from - FAULT until one appears"));
        await("FAULT", () -> log().contains("(VI_1) entering FAULT state"));
        lab.ip(a.ns(), "addr", "add", cidr, "dev", "eth0");
        offer(one);
        loop.post(SignalRequest.RELOAD);
        await("reloaded", () -> count("Reload complete") == 1);
        await("MASTER", () -> count("(VI_1) Entering MASTER STATE") == 1);
        await("VIP", () -> addresses().contains("10.213.0.100/24"));
    }

    @Test
    void anIpv6VipAddedByAReloadIsAnnouncedWithANeighbourAdvert() throws Exception {
        Node c = lab.addNode("c");
        String v6 = "vrrp_instance VI_6 {\n    state MASTER\n    interface eth0\n    virtual_router_id 61\n"
                + "    priority 255\n    advert_int 1\n    virtual_ipaddress {\n        fd13::100/64\n%s    }\n}\n";
        start(String.format(v6, ""));
        await("MASTER", () -> count("(VI_6) Entering MASTER STATE") == 1);
        await("VIP", () -> addresses().contains("fd13::100/64"));
        NetnsLab.Capture cap = lab.tcpdump(c.ns(), "eth0", "ip6 and (ip6 proto 112 or icmp6)");
        offer(String.format(v6, "        fd13::101/64\n"));
        loop.post(SignalRequest.RELOAD);
        await("reloaded", () -> count("Reload complete") == 1);
        await("new VIP", () -> addresses().contains("fd13::101/64"));
        NetnsLab.sleep(1_300);
        String text = cap.stopAndDecode();
        assertTrue(text.lines().anyMatch(l -> l.contains("fd13::101 > ff02::1:") && l.contains("neighbor advertisement")
                && l.contains("tgt is fd13::101, Flags [override]")), text);
        assertTrue(text.contains("VRRPv3, Advertisement, vrid 61, prio 255"), text);
        assertFalse(text.contains("vrid 61, prio 0"), text);
        assertTrue(addresses().contains("fd13::100/64"), addresses());
        assertEquals(1, count("(VI_6) Entering MASTER STATE"));
    }
}
