package io.javakeepalived.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.daemon.model.InstancePlan;
import io.javakeepalived.daemon.model.PrimaryAddress;
import io.javakeepalived.daemon.model.VrrpPlan;
import io.javakeepalived.net.ErrnoException;
import io.javakeepalived.net.InterfaceAddress;
import io.javakeepalived.net.LinkInfo;
import io.javakeepalived.testsupport.fakenet.FakeNetwork;
import io.javakeepalived.testsupport.fakenet.FakeRtnetlink;
import io.javakeepalived.testsupport.fakenet.SentDatagram;
import io.javakeepalived.vrrp.Event;
import io.javakeepalived.vrrp.InstanceSettings;
import io.javakeepalived.vrrp.TimerKind;
import io.javakeepalived.vrrp.Vip;
import io.javakeepalived.vrrp.VrrpState;
import io.javakeepalived.vrrp.WireSettings;
import io.javakeepalived.vrrp.packet.VrrpCounter;

import java.net.InetAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.slf4j.helpers.NOPLogger;

/**
 * The address half of the link watching, on the in-memory kernel: a master's VIP that someone
 * else deletes is back at once and announced ({@link VipWatch}); {@code no_track} leaves it
 * gone; a host that keeps deleting it makes the master step down as keepalived does. An instance
 * without a source address leaves FAULT when one appears and goes back when it goes
 * ({@link SourceWatch}); {@code track_src_ip} does the same for a configured source.
 */
class AddressWatchTest {
    private static final LinkInfo ETH0 = new LinkInfo(2, "eth0", LinkInfo.IFF_UP | LinkInfo.IFF_BROADCAST
            | LinkInfo.IFF_MULTICAST | LinkInfo.IFF_RUNNING | LinkInfo.IFF_LOWER_UP, LinkInfo.OPER_UP, true,
            new byte[] {2, 0, 0, 0, 0, 2}, 1500, null, 0, 0);
    private static final InetAddress SELF = ip("10.0.0.1");
    private static final Vip VIP = new Vip(ip("10.0.0.100"), 24, "eth0", Optional.empty(), 0, Optional.empty(), false);

    private long now = 1_000_000_000L;
    private final FakeRtnetlink kernel = new FakeRtnetlink(List.of(ETH0));
    private final List<SentDatagram> wire = new ArrayList<>();
    private final FakeNetwork network = new FakeNetwork(kernel, wire::add);
    private final Map<String, LinkInfo> links = new HashMap<>(Map.of("eth0", ETH0));
    private InstanceTable table;
    private ActionExecutor executor;
    private SocketPool sockets;
    private VipWatch vips;
    private SourceWatch sources;

    private static InetAddress ip(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static InstancePlan plan(int priority, InetAddress primary, Optional<InetAddress> configured,
                                     boolean trackSource, List<Vip> untracked) {
        InstanceSettings s = InstanceSettings.builder("VI_1", 51).priority(priority).advertIntervalCs(100)
                .initialState(priority == 255 ? VrrpState.MASTER : VrrpState.BACKUP)
                .vips(List.of(VIP)).wire(WireSettings.builder().interfaceName("eth0").build()).build();
        InstancePlan p = InstancePlan.of(s).withSource(new InstancePlan.Source(configured, trackSource))
                .withAddresses(new InstancePlan.Addresses(List.of(), untracked));
        return primary == null ? p : p.withPrimaryAddress(primary);
    }

    /** One instance, built and started as the loop does it (its start-up faults raised). */
    private InstanceEntry start(InstancePlan p) {
        table = new InstanceTable(VrrpPlan.of(List.of(p)));
        DetailLog detail = new DetailLog(NOPLogger.NOP_LOGGER, false);
        RejectedPacketLog rejects = new RejectedPacketLog(NOPLogger.NOP_LOGGER, () -> now);
        VipInstaller installer = new VipInstaller(kernel, links, NOPLogger.NOP_LOGGER);
        executor = new ActionExecutor(table, installer,
                new VirtualRoutes(new RoutingRequests(kernel, NOPLogger.NOP_LOGGER)),
                new Announcers(links, network, NOPLogger.NOP_LOGGER), () -> now, NotifySink.NONE, rejects, detail, Clock.systemUTC());
        sockets = new SocketPool(network, network.newPollSet(), table, executor, rejects, detail, () -> now);
        vips = new VipWatch(table, links, installer, executor, NOPLogger.NOP_LOGGER);
        sources = new SourceWatch(table, sockets, executor, NOPLogger.NOP_LOGGER);
        InstanceEntry e = table.add(p, Clock.systemUTC().instant());
        table.makeTimers();
        sockets.attach(e);
        if (p.settings().primaryAddress() == null) {
            executor.deliver(e, new Event.FaultRaised(InstanceStarter.FAULT_NO_SOURCE), now);
        }
        if (e.socket == null) {
            executor.deliver(e, new Event.FaultRaised(InstanceStarter.FAULT_SOCKET), now);
        }
        executor.deliver(e, new Event.Startup(), now);
        return e;
    }

    private boolean kernelHasVip() {
        return kernel.addresses().stream().anyMatch(a -> a.address().equals(VIP.address()));
    }

    /** Someone else runs {@code ip addr del 10.0.0.100/24 dev eth0}; the monitor reports it. */
    private void deleteVipBehindOurBack() throws ErrnoException {
        InterfaceAddress a = InterfaceAddress.vip(ETH0.index(), VIP.address(), VIP.prefixLength());
        kernel.deleteAddress(a);
        vips.removed(a, now);
    }

    @Test
    void aMastersDeletedVipIsRestoredAndAnnouncedWithoutLeavingMaster() throws Exception {
        InstanceEntry e = start(plan(255, SELF, Optional.empty(), false, List.of()));
        assertEquals(VrrpState.MASTER, e.instance.state());
        assertTrue(kernelHasVip());
        int announced = network.announced().size();

        deleteVipBehindOurBack();

        assertTrue(kernelHasVip(), "the VIP is back");
        assertEquals(VrrpState.MASTER, e.instance.state());
        assertTrue(network.announced().size() > announced, "a gratuitous ARP for the restored VIP");
        assertEquals(new FakeNetwork.Announcement("eth0", VIP.address()),
                network.announced().get(network.announced().size() - 1));
        assertEquals(0, e.instance.counters().get(VrrpCounter.PRI_ZERO_SENT), "no priority-0 advert");
        assertEquals(0, e.instance.counters().get(VrrpCounter.RELEASE_MASTER));
    }

    @Test
    void aVipWrittenWithNoTrackIsLeftGone() throws Exception {
        InstanceEntry e = start(plan(255, SELF, Optional.empty(), false, List.of(VIP)));
        deleteVipBehindOurBack();
        assertFalse(kernelHasVip());
        assertEquals(VrrpState.MASTER, e.instance.state());
    }

    @Test
    void aBackupIgnoresTheDeletionOfAnAddressItDoesNotHold() throws Exception {
        InstanceEntry e = start(plan(100, SELF, Optional.empty(), false, List.of()));
        assertEquals(VrrpState.BACKUP, e.instance.state());
        kernel.addAddress(InterfaceAddress.vip(ETH0.index(), VIP.address(), VIP.prefixLength()));
        deleteVipBehindOurBack();
        assertFalse(kernelHasVip(), "a backup never adds the VIP");
    }

    @Test
    void aVipDeletedAgainAndAgainMakesTheMasterStepDownAsKeepalivedDoes() throws Exception {
        InstanceEntry e = start(plan(100, SELF, Optional.empty(), false, List.of()));
        now = e.instance.armedTimers().get(TimerKind.MASTER_DOWN);
        executor.deliver(e, new Event.TimerFired(TimerKind.MASTER_DOWN), now);
        assertEquals(VrrpState.MASTER, e.instance.state());
        for (int i = 0; i < VipWatch.RESTORES_PER_WINDOW; i++) {
            now += 1_000_000_000L;
            deleteVipBehindOurBack();
            assertTrue(kernelHasVip(), "restore " + (i + 1));
        }
        now += 1_000_000_000L;
        deleteVipBehindOurBack();
        assertEquals(VrrpState.BACKUP, e.instance.state(), "stepped down through FAULT");
        assertEquals(1, e.instance.counters().get(VrrpCounter.PRI_ZERO_SENT), "priority 0 told the backups");
        assertFalse(kernelHasVip());
    }

    @Test
    void anInstanceWithoutSourceLeavesFaultWhenAnAddressAppearsAndReturnsWhenItGoes() {
        InstanceEntry e = start(plan(100, null, Optional.empty(), false, List.of()));
        assertEquals(VrrpState.FAULT, e.instance.state());
        assertNull(e.socket);

        sources.recheck(host(Map.of("eth0", List.of(SELF))), now);
        assertEquals(VrrpState.BACKUP, e.instance.state());
        assertEquals(SELF, e.instance.settings().primaryAddress());
        assertNotNull(e.socket, "its VRRP socket is open");

        InetAddress other = ip("10.0.0.2");
        sources.recheck(host(Map.of("eth0", List.of(other))), now);
        assertEquals(VrrpState.BACKUP, e.instance.state(), "another address of the interface takes over");
        assertEquals(other, e.instance.settings().primaryAddress());

        sources.recheck(host(Map.of()), now);
        assertEquals(VrrpState.FAULT, e.instance.state());
        assertNull(e.socket);
    }

    @Test
    void trackSrcIpHoldsTheInstanceInFaultWhileTheConfiguredSourceIsMissing() {
        InetAddress configured = ip("10.0.0.9");
        InstancePlan p = plan(100, null, Optional.of(configured), true, List.of());
        InstanceEntry e = start(p.withPrimaryAddress(PrimaryAddress.resolve(p, host(Map.of()), List.of()).orElse(null)));
        assertEquals(VrrpState.FAULT, e.instance.state());

        sources.recheck(host(Map.of("eth0", List.of(SELF))), now);
        assertEquals(VrrpState.FAULT, e.instance.state(), "another address is not the configured one");

        sources.recheck(host(Map.of("eth0", List.of(SELF, configured))), now);
        assertEquals(VrrpState.BACKUP, e.instance.state());
        assertEquals(configured, e.instance.settings().primaryAddress());

        sources.recheck(host(Map.of("eth0", List.of(SELF))), now);
        assertEquals(VrrpState.FAULT, e.instance.state());
    }

    @Test
    void withoutTrackSrcIpAConfiguredSourceIsKeptWhateverTheInterfaceHas() {
        InetAddress configured = ip("10.0.0.9");
        InstanceEntry e = start(plan(100, configured, Optional.of(configured), false, List.of()));
        assertEquals(VrrpState.BACKUP, e.instance.state());
        sources.recheck(host(Map.of()), now);
        assertEquals(VrrpState.BACKUP, e.instance.state());
        assertEquals(configured, e.instance.settings().primaryAddress());
    }

    private static PrimaryAddress.HostAddresses host(Map<String, List<InetAddress>> byInterface) {
        return ifname -> byInterface.getOrDefault(ifname, List.of());
    }
}
