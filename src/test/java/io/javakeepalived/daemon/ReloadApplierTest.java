package io.javakeepalived.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.daemon.dump.ConfiguredGlobals;
import io.javakeepalived.daemon.dump.DumpFiles;
import io.javakeepalived.daemon.model.InstancePlan;
import io.javakeepalived.daemon.model.VrrpPlan;
import io.javakeepalived.net.ErrnoException;
import io.javakeepalived.net.LinkInfo;
import io.javakeepalived.net.NativeNetwork;
import io.javakeepalived.net.VrrpSocket;
import io.javakeepalived.net.VrrpSocketOptions;
import io.javakeepalived.testsupport.fakenet.DelegatingNetwork;
import io.javakeepalived.testsupport.fakenet.FakeNetwork;
import io.javakeepalived.testsupport.fakenet.FakeRtnetlink;
import io.javakeepalived.track.InterfaceTracking;
import io.javakeepalived.vrrp.InstanceSettings;
import io.javakeepalived.vrrp.Vip;
import io.javakeepalived.vrrp.VrrpState;
import io.javakeepalived.vrrp.WireSettings;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.slf4j.helpers.NOPLogger;

/**
 * A reload that throws half-way through applying its diff (here: opening the VRRP socket of
 * an added instance, through a test double of the native layer) leaves the loop's tables in
 * step: the table's plan lists exactly the instances that run, each on its socket, and the
 * next reload adds the one that failed, once.
 */
class ReloadApplierTest {
    private static final LinkInfo ETH0 = link(2, "eth0");
    private static final LinkInfo ETH1 = link(3, "eth1");

    private final long now = 1_000_000_000L;
    private final FakeRtnetlink kernel = new FakeRtnetlink(List.of(ETH0, ETH1));
    private final FailingOpen network = new FailingOpen(new FakeNetwork(kernel, d -> { }));
    private final Map<String, LinkInfo> links = new HashMap<>(Map.of("eth0", ETH0, "eth1", ETH1));
    private final Set<String> held = new HashSet<>();
    private InstanceTable table;
    private ReloadApplier applier;
    private VrrpPlan nextPlan;
    private CountDownLatch read;

    private static LinkInfo link(int index, String name) {
        return new LinkInfo(index, name, LinkInfo.IFF_UP | LinkInfo.IFF_BROADCAST | LinkInfo.IFF_MULTICAST
                | LinkInfo.IFF_RUNNING | LinkInfo.IFF_LOWER_UP, LinkInfo.OPER_UP, true,
                new byte[] {2, 0, 0, 0, 0, (byte) index}, 1500, null, 0, 0);
    }

    private static InetAddress ip(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static InstancePlan instance(String name, int vrid, String ifname) {
        Vip vip = new Vip(ip("10.0.0." + vrid), 24, ifname, Optional.empty(), 0, Optional.empty(), false);
        InstanceSettings s = InstanceSettings.builder(name, vrid).priority(100).advertIntervalCs(100)
                .initialState(VrrpState.BACKUP).vips(List.of(vip))
                .wire(WireSettings.builder().interfaceName(ifname).build()).build();
        return InstancePlan.of(s)
                .withSource(InstancePlan.Source.configured(ip(ifname.equals("eth0") ? "10.0.0.1" : "10.0.1.1")));
    }

    private static VrrpPlan plan(InstancePlan... instances) {
        return VrrpPlan.of(List.of(instances));
    }

    private void start(VrrpPlan first) throws IOException {
        table = new InstanceTable(first);
        DetailLog detail = new DetailLog(NOPLogger.NOP_LOGGER, false);
        RejectedPacketLog rejects = new RejectedPacketLog(NOPLogger.NOP_LOGGER, () -> now);
        Announcers announcers = new Announcers(links, network, NOPLogger.NOP_LOGGER);
        ActionExecutor executor = new ActionExecutor(table, new VipInstaller(kernel, links, NOPLogger.NOP_LOGGER),
                new VirtualRoutes(new RoutingRequests(kernel, NOPLogger.NOP_LOGGER)), announcers, () -> now, NotifySink.NONE, rejects, detail, Clock.systemUTC());
        SocketPool sockets = new SocketPool(network, network.newPollSet(), table, executor, rejects, detail,
                () -> now);
        LinkWatch watch = new LinkWatch(links, kernel, null, announcers, table, executor, () -> InterfaceTracking.NONE,
                NOPLogger.NOP_LOGGER, () -> now);
        InstanceStarter starter = new InstanceStarter(table, sockets, watch, executor,
                new VmacLinks(kernel, network.sysctls(), NOPLogger.NOP_LOGGER), held, NOPLogger.NOP_LOGGER,
                () -> now, Clock.systemUTC());
        LoopSnapshots snapshots = new LoopSnapshots(table, sockets, DumpFiles.fromEnvironment(),
                ConfiguredGlobals.defaults(), List::of, () -> now, Clock.systemUTC(), NOPLogger.NOP_LOGGER);
        applier = new ReloadApplier(() -> new ReloadSource.Loaded(nextPlan, ConfiguredGlobals.defaults()),
                () -> read.countDown(), table, sockets, watch, executor, starter, snapshots, () -> ReloadHook.NONE,
                held, news -> { }, detail, () -> now);
        starter.buildAll();
        starter.start(table.entries());
    }

    private void reload(VrrpPlan next) throws InterruptedException {
        nextPlan = next;
        read = new CountDownLatch(1);
        applier.request();
        assertTrue(read.await(10, TimeUnit.SECONDS));
        applier.applyIfRead();
    }

    private void assertTablesInStep(String... running) {
        assertEquals(Set.of(running), Set.copyOf(table.plan().instances().stream().map(InstancePlan::name).toList()),
                "the plan lists what runs");
        assertEquals(List.of(running), table.entries().stream().map(InstanceEntry::name).toList(), "once each");
        for (int i = 0; i < table.entries().size(); i++) {
            InstanceEntry e = table.entries().get(i);
            assertEquals(i, e.index, "timer slot of " + e.name());
            assertNotNull(e.socket, e.name() + " on its socket");
            assertTrue(e.socket.demux.receivers().contains(e.receiver), e.name() + " reads its socket");
        }
    }

    @Test
    void aThrowHalfWayThroughAddingInstancesLeavesTheTablesInStep() throws Exception {
        start(plan(instance("VI_1", 1, "eth0")));
        network.failOn = "eth1"; // the added VI_2 is the first on eth1: its socket open throws
        reload(plan(instance("VI_1", 1, "eth0"), instance("VI_2", 2, "eth1"), instance("VI_3", 3, "eth0")));
        assertTablesInStep("VI_1", "VI_3");

        network.failOn = null;
        reload(plan(instance("VI_1", 1, "eth0"), instance("VI_2", 2, "eth1"), instance("VI_3", 3, "eth0")));
        assertTablesInStep("VI_1", "VI_3", "VI_2");
    }

    /** The in-memory native layer, whose VRRP socket open throws an unexpected exception on one interface. */
    static final class FailingOpen extends DelegatingNetwork {
        volatile String failOn;

        FailingOpen(NativeNetwork real) {
            super(real);
        }

        @Override
        public VrrpSocket openVrrpSocket(VrrpSocketOptions options) throws ErrnoException {
            if (options.interfaceName().equals(failOn)) {
                throw new IllegalStateException("no more sockets on " + failOn);
            }
            return super.openVrrpSocket(options);
        }
    }
}
