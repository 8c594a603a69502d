package io.javakeepalived.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** vrrp_garp_interval / vrrp_gna_interval: one packet per interval and interface, on the loop's clock. */
class GarpPacerTest {
    static final long MS = 1_000_000L;

    final AtomicLong now = new AtomicLong(1_000 * MS);
    final GarpPacer pacer = new GarpPacer(now::get);
    final List<String> sent = new ArrayList<>();
    final GarpPacer.Sender sender = a -> sent.add(a.instance() + " " + a.device() + " " + a.address().getHostAddress());

    static GarpPacer.Announcement an(String instance, String dev, String addr) throws Exception {
        return new GarpPacer.Announcement(instance, dev, InetAddress.getByName(addr));
    }

    void at(long ms) {
        now.set(1_000 * MS + ms * MS);
        pacer.run(sender);
    }

    @Test
    void withoutAnIntervalTheWholeBurstLeavesAtOnce() throws Exception {
        pacer.burst("VI_1", List.of(an("VI_1", "eth0", "10.0.0.1"), an("VI_1", "eth0", "10.0.0.2")), 5, 0, 0, sender);
        assertEquals(10, sent.size());
        assertEquals("VI_1 eth0 10.0.0.1", sent.get(0));
        assertEquals("VI_1 eth0 10.0.0.2", sent.get(1));
        assertEquals(-1, pacer.millisUntilNext());
    }

    @Test
    void anIntervalSpacesEveryPacketOnTheInterface() throws Exception {
        pacer.burst("VI_1", List.of(an("VI_1", "eth0", "10.0.0.1"), an("VI_1", "eth0", "10.0.0.2")), 3,
                100 * MS, 0, sender);
        assertEquals(1, sent.size(), "the first leaves at once");
        assertEquals(100, pacer.millisUntilNext());
        at(99);
        assertEquals(1, sent.size(), "not before the interval");
        assertEquals(1, pacer.millisUntilNext());
        for (int i = 1; i <= 5; i++) {
            at(i * 100);
            assertEquals(i + 1, sent.size());
        }
        assertEquals(List.of("VI_1 eth0 10.0.0.1", "VI_1 eth0 10.0.0.2", "VI_1 eth0 10.0.0.1",
                "VI_1 eth0 10.0.0.2", "VI_1 eth0 10.0.0.1", "VI_1 eth0 10.0.0.2"), sent);
        assertEquals(-1, pacer.millisUntilNext());
        // the lane stays closed for an interval after its last packet, for the next burst too
        now.set(1_000 * MS + 550 * MS);
        pacer.burst("VI_1", List.of(an("VI_1", "eth0", "10.0.0.1")), 1, 100 * MS, 0, sender);
        assertEquals(6, sent.size());
        at(600);
        assertEquals(7, sent.size());
    }

    @Test
    void theIntervalCountsFromTheEndOfASlowSend() throws Exception {
        GarpPacer.Sender slow = a -> {
            sent.add(a.address().getHostAddress());
            now.addAndGet(30 * MS); // opening the packet socket, say
        };
        pacer.burst("VI_1", List.of(an("VI_1", "eth0", "10.0.0.1")), 2, 100 * MS, 0, slow);
        assertEquals(1, sent.size());
        now.set(1_000 * MS + 110 * MS);
        pacer.run(slow);
        assertEquals(1, sent.size(), "only 80 ms after the first packet left");
        now.set(1_000 * MS + 130 * MS);
        pacer.run(slow);
        assertEquals(2, sent.size());
    }

    @Test
    void arpAndNaAndInterfacesArePacedSeparately() throws Exception {
        pacer.burst("VI_1", List.of(an("VI_1", "eth0", "10.0.0.1"), an("VI_1", "eth0", "fd00::1"),
                an("VI_1", "eth1", "10.1.0.1")), 2, 100 * MS, 0, sender);
        // eth0 ARP lane: one now; eth0 NA lane has no interval: both now; eth1 ARP lane: one now
        assertEquals(List.of("VI_1 eth0 10.0.0.1", "VI_1 eth0 fd00:0:0:0:0:0:0:1", "VI_1 eth0 fd00:0:0:0:0:0:0:1",
                "VI_1 eth1 10.1.0.1"), sent);
        at(100);
        assertEquals(6, sent.size());
        assertEquals(0, pacer.pending());
    }

    @Test
    void aNewBurstReplacesWhatTheInstanceStillHadQueuedAndCancelDropsIt() throws Exception {
        List<GarpPacer.Announcement> round = List.of(an("VI_1", "eth0", "10.0.0.1"));
        pacer.burst("VI_1", round, 5, 100 * MS, 0, sender);
        pacer.burst("VI_2", List.of(an("VI_2", "eth0", "10.0.0.9")), 2, 100 * MS, 0, sender);
        assertEquals(4 + 2, pacer.pending());
        now.addAndGet(10 * MS);
        pacer.burst("VI_1", round, 5, 100 * MS, 0, sender);
        assertEquals(5 + 2, pacer.pending(), "not 4 + 5 + 2: flapping cannot grow the queue");
        pacer.cancel("VI_1");
        assertEquals(2, pacer.pending());
        at(100);
        at(200);
        assertEquals(List.of("VI_1 eth0 10.0.0.1", "VI_2 eth0 10.0.0.9", "VI_2 eth0 10.0.0.9"), sent);
    }

    @Test
    void earlierTreatsMinusOneAsNoLimit() {
        assertEquals(-1, GarpPacer.earlier(-1, -1));
        assertEquals(5, GarpPacer.earlier(-1, 5));
        assertEquals(5, GarpPacer.earlier(5, -1));
        assertEquals(0, GarpPacer.earlier(7, 0));
    }
}
