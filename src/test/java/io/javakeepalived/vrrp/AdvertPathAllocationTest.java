package io.javakeepalived.vrrp;

import static io.javakeepalived.vrrp.InstanceReceiverTest.A;
import static io.javakeepalived.vrrp.InstanceReceiverTest.B;
import static io.javakeepalived.vrrp.InstanceReceiverTest.v2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.vrrp.VridDemultiplexer.Dispatch;
import io.javakeepalived.vrrp.VridDemultiplexer.SocketKey;
import io.javakeepalived.vrrp.packet.Advert;
import io.javakeepalived.vrrp.packet.AdvertTemplate;
import io.javakeepalived.vrrp.packet.IpFamily;
import io.javakeepalived.vrrp.packet.PacketForge;
import io.javakeepalived.vrrp.packet.VrrpCodec;
import io.javakeepalived.vrrp.packet.VrrpCounter;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Issue 14: a master sending at 0.01 s and a backup hearing it do so for months; what the advert
 * path allocates per advert becomes garbage collections the loop pays for in pauses. Counted
 * with the thread's allocated bytes over 10,000 adverts, after a warm-up (the JIT's own
 * allocations are not the path's): the send path writes each advert from its template into the
 * same buffer, allocating nothing; the receive path reads the datagram in place and hands the
 * instance the same event for a master's alike adverts, allocating nothing up to the core; the
 * core writes its answer into the caller's sink, allocating nothing either. The whole path with
 * the executor is daemon.SteadyStateAllocationTest.
 */
class AdvertPathAllocationTest {
    private static final int ADVERTS = 10_000;
    /** What reading the thread's counter costs itself, whatever ran between two readings. */
    private static final long MEASURING = 4_096;

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    private static long bytesPerRun(Runnable advert) {
        for (int i = 0; i < 20_000; i++) {
            advert.run();
        }
        long before = allocatedBytes();
        for (int i = 0; i < ADVERTS; i++) {
            advert.run();
        }
        return allocatedBytes() - before;
    }

    @Test
    void sendingAnAdvertAllocatesNothing() {
        AdvertTemplate v2 = v2(A).build().advertTemplates().get(0);
        AdvertTemplate v3 = v2(A).version(3).advertIntervalCs(1).build().advertTemplates().get(0);
        byte[] buf = new byte[8192];
        ByteBuffer wrapped = ByteBuffer.wrap(buf);
        int[] ipId = {0};
        long bytes = bytesPerRun(() -> {
            v2.writeIpv4Packet(100, ipId[0]++ & 0xFFFF, 0, buf, 0);
            v3.writeVrrp(100, buf, 0);
            wrapped.clear();
            v3.writeVrrp(100, wrapped);
        });
        assertTrue(bytes < MEASURING, bytes + " bytes allocated writing " + ADVERTS + " adverts: nothing per advert");
    }

    /**
     * The core's answer, written into a sink the caller reuses: the re-armed Master_Down_Timer
     * as plain values ({@link ActionSink#armTimer}), the deadline kept unboxed. 136 bytes per
     * advert before (a fresh action list, the ArmTimer record, a boxed deadline).
     */
    @Test
    void receivingAnAdvertAllocatesNothingUpToTheCoresAnswer() {
        VrrpInstance backup = new VrrpInstance(v2(B).priority(90).build());
        long[] now = {0};
        backup.handle(new Event.Startup(), now[0]);
        assertEquals(VrrpState.BACKUP, backup.state());
        VridDemultiplexer d = new VridDemultiplexer(new SocketKey(IpFamily.IPV4, "eth0", false));
        d.add(new InstanceReceiver(backup));
        AdvertTemplate master = v2(A).build().advertTemplates().get(0);
        byte[] packet = new byte[master.ipv4PacketLength()];
        master.writeIpv4Packet(100, 1, packet, 0);
        long[] rearmed = {0};
        ActionSink sink = new ActionSink() {
            @Override
            public void add(Action action) {
                throw new AssertionError("a backup hearing its master only re-arms its timer: " + action);
            }

            @Override
            public void armTimer(VrrpInstance instance, TimerKind kind, long deadlineNanos) {
                rearmed[0] = deadlineNanos;
            }
        };

        long bytes = bytesPerRun(() -> {
            d.beginRound();
            Dispatch.Deliver del = (Dispatch.Deliver) d.routeIpv4(packet, 0, packet.length);
            now[0] += 1_000_000_000L;
            del.instance().handle(del.event(), now[0], sink);
        });
        assertInstanceOf(Dispatch.Deliver.class, d.routeIpv4(packet, 0, packet.length));
        assertEquals(VrrpState.BACKUP, backup.state(), "every advert accepted, nobody took over");
        assertEquals(now[0] + backup.masterDownInterval(), rearmed[0], "Master_Down_Timer re-armed from the advert");
        assertTrue(backup.counters().get(VrrpCounter.ADVERT_RCVD) >= 30_000);
        assertTrue(bytes < MEASURING, bytes + " bytes allocated receiving " + ADVERTS + " adverts: nothing per advert");
    }

    /**
     * The receive path proper - datagram read in place, VRID looked up, every check of
     * keepalived's, the instance's event and the dispatch - allocates nothing per advert: at a
     * backup hearing its master, and at a master hearing a lower priority (a split brain, a
     * flood). ~950 bytes per advert before the receive view (records, Optionals, address lists).
     */
    @Test
    void routingAnAcceptedAdvertToItsInstanceAllocatesNothing() {
        VrrpInstance backup = new VrrpInstance(v2(B).priority(90).build());
        backup.handle(new Event.Startup(), 0);
        assertEquals(VrrpState.BACKUP, backup.state());
        assertNothingPerAdvert(backup, sentBy(v2(A).build(), 100), "a backup hearing its master");

        VrrpInstance master = new VrrpInstance(v2(B).priority(150).build());
        master.handle(new Event.Startup(), 0);
        master.handle(new Event.TimerFired(TimerKind.MASTER_DOWN), master.timerDeadline(TimerKind.MASTER_DOWN)
                .orElseThrow());
        assertEquals(VrrpState.MASTER, master.state());
        assertNothingPerAdvert(master, sentBy(v2(A).build(), 100), "a master hearing a lower priority");

        VrrpInstance v3 = new VrrpInstance(v2(B).version(3).advertIntervalCs(1).priority(90).build());
        v3.handle(new Event.Startup(), 0);
        assertNothingPerAdvert(v3, sentBy(v2(A).version(3).advertIntervalCs(1).build(), 100),
                "a VRRPv3 backup hearing a 10 ms master");
    }

    /** IPv6, as the socket hands the addresses over: the same objects while they stay the same (net.PacketInfo). */
    @Test
    void routingAnAcceptedIpv6AdvertAllocatesNothing() {
        InetAddress master = InstanceReceiverTest.ip("fe80::1");
        InetAddress vip = InstanceReceiverTest.ip("fd66::100");
        VrrpInstance backup = new VrrpInstance(InstanceSettings.builder("VI_6", 66).version(3).priority(90)
                .primaryAddress(InstanceReceiverTest.ip("fe80::2")).vips(List.of(Vip.of(vip, "eth0")))
                .wire(WireSettings.builder().interfaceName("eth0").build()).build());
        backup.handle(new Event.Startup(), 0);
        VridDemultiplexer d = new VridDemultiplexer(new SocketKey(IpFamily.IPV6, "eth0", false));
        d.add(new InstanceReceiver(backup));
        byte[] p = PacketForge.of(Advert.v3(66, 100, 100, List.of(vip)), master, VrrpCodec.MCAST_GROUP6).vrrpBytes();
        Event[] events = new Event[1];
        long bytes = bytesPerRun(() -> {
            d.beginRound();
            events[0] = ((Dispatch.Deliver) d.routeIpv6(master, VrrpCodec.MCAST_GROUP6, 255, p, 0, p.length)).event();
        });
        assertEquals(new Event.AdvertReceived(master, 100, 100), events[0]);
        assertTrue(bytes < MEASURING, bytes + " bytes allocated routing " + ADVERTS + " IPv6 adverts: nothing per advert");
    }

    private static byte[] sentBy(InstanceSettings sender, int priority) {
        AdvertTemplate t = sender.advertTemplates().get(0);
        byte[] packet = new byte[t.ipv4PacketLength()];
        t.writeIpv4Packet(priority, 1, packet, 0);
        return packet;
    }

    private static void assertNothingPerAdvert(VrrpInstance instance, byte[] packet, String who) {
        VridDemultiplexer d = new VridDemultiplexer(new SocketKey(IpFamily.IPV4, "eth0", false));
        d.add(new InstanceReceiver(instance));
        Event[] events = new Event[1];
        long bytes = bytesPerRun(() -> {
            d.beginRound();
            events[0] = ((Dispatch.Deliver) d.routeIpv4(packet, 0, packet.length)).event();
        });
        Event.AdvertReceived accepted = assertInstanceOf(Event.AdvertReceived.class, events[0], who);
        assertEquals(100, accepted.priority(), who);
        assertTrue(bytes < MEASURING, who + ": " + bytes + " bytes allocated routing " + ADVERTS
                + " adverts: nothing per advert");
    }
}
