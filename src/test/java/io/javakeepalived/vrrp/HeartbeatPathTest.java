package io.javakeepalived.vrrp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/**
 * An instance with a second heartbeat path, as the core sees it: an advert from the path is proof
 * of life like one on the VRRP path, ties are broken with the path's addresses, and a BACKUP says
 * once when only the path carries the master.
 */
class HeartbeatPathTest {

    private static final long S = 1_000_000_000L;
    private static final InetAddress OWN = ip("10.77.0.1");
    private static final InetAddress PEER = ip("10.77.0.2");
    /** The path's addresses are ordered unlike the VRRP path's: ours is the higher one there. */
    private static final Event.HeartbeatPath PATH = new Event.HeartbeatPath("eth1", ip("10.88.0.9"));
    private static final InetAddress PEER_ON_PATH = ip("10.88.0.5");

    private static InetAddress ip(String literal) {
        return VrrpInstanceTest.ip(literal);
    }

    private static VrrpInstance instance(int priority) {
        return new VrrpInstance(InstanceSettings.builder("VI_1", 77).primaryAddress(OWN).priority(priority)
                .wire(WireSettings.builder().interfaceName("eth0").build())
                .vips(List.of(Vip.of(ip("10.77.0.100"), "eth0"))).build());
    }

    private static Event.AdvertReceived onPath(int priority) {
        return new Event.AdvertReceived(PEER_ON_PATH, priority, 100, false, -1, PATH);
    }

    private static <T extends Action> List<T> only(List<Action> out, Class<T> type) {
        return out.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void aPathAdvertKeepsABackupFromTakingOverAndTheVrrpPathStillNamesTheMaster() {
        VrrpInstance vi = instance(90);
        vi.handle(new Event.Startup(), 0);
        vi.handle(new Event.AdvertReceived(PEER, 100, 100), S);
        for (long t = 2; t <= 20; t++) {
            vi.handle(onPath(100), t * S);
            assertEquals(VrrpState.BACKUP, vi.state(), "at " + t + " s");
            long deadline = vi.timerDeadline(TimerKind.MASTER_DOWN).orElseThrow();
            assertEquals(t * S + vi.masterDownInterval(), deadline, "reset by the path's advert");
        }
        assertEquals(19, vi.heartbeatPathAdverts());
        assertEquals(2, vi.counters().get(io.javakeepalived.vrrp.packet.VrrpCounter.ADVERT_RCVD) - 18);
    }

    @Test
    void aBackupSaysOnceWhenOnlyThePathCarriesTheMasterAndOnceWhenTheVrrpPathIsBack() {
        VrrpInstance vi = instance(90);
        vi.handle(new Event.Startup(), 0);
        vi.handle(new Event.AdvertReceived(PEER, 100, 100), S);
        assertTrue(only(vi.handle(onPath(100), S + S / 100), Action.HeartbeatPathNotice.class).isEmpty(),
                "both paths carry it");
        assertTrue(only(vi.handle(onPath(100), 2 * S), Action.HeartbeatPathNotice.class).isEmpty());
        assertTrue(only(vi.handle(onPath(100), 4 * S), Action.HeartbeatPathNotice.class).isEmpty(),
                "3 s: less than Master_Down_Interval (3.6 s)");
        List<Action.HeartbeatPathNotice> n = only(vi.handle(onPath(100), 5 * S), Action.HeartbeatPathNotice.class);
        assertEquals(1, n.size());
        assertEquals("(VI_1) no adverts on eth0 for 4.0s - master 10.77.0.2 (10.88.0.5) heard on heartbeat path"
                + " eth1", n.get(0).text());
        assertEquals(Optional.of(PEER_ON_PATH), vi.masterAddress(), "the path speaks for the master now");
        assertTrue(only(vi.handle(onPath(100), 6 * S), Action.HeartbeatPathNotice.class).isEmpty(), "once");
        n = only(vi.handle(new Event.AdvertReceived(PEER, 100, 100), 9 * S), Action.HeartbeatPathNotice.class);
        assertEquals("(VI_1) adverts on eth0 again after 4.0s on heartbeat path eth1 only - master 10.77.0.2",
                n.get(0).text());
        vi.handle(onPath(100), 10 * S);
        assertEquals(Optional.of(PEER), vi.masterAddress());
    }

    @Test
    void aMasterYieldsToAHigherPriorityHeardOnThePath() {
        VrrpInstance vi = instance(90);
        vi.handle(new Event.Startup(), 0);
        vi.handle(new Event.TimerFired(TimerKind.MASTER_DOWN), vi.timerDeadline(TimerKind.MASTER_DOWN).orElseThrow());
        assertEquals(VrrpState.MASTER, vi.state());
        vi.handle(onPath(100), 10 * S);
        assertEquals(VrrpState.BACKUP, vi.state());
    }

    @Test
    void anEqualPriorityOnThePathIsBrokenWithThePathsAddresses() {
        // on the VRRP path the peer's 10.77.0.2 is higher than our 10.77.0.1: we would yield there
        VrrpInstance vi = instance(100);
        vi.handle(new Event.Startup(), 0);
        vi.handle(new Event.TimerFired(TimerKind.MASTER_DOWN), vi.timerDeadline(TimerKind.MASTER_DOWN).orElseThrow());
        List<Action> out = vi.handle(onPath(100), 10 * S);
        assertEquals(VrrpState.MASTER, vi.state(), "on the path our 10.88.0.9 is the higher: we stay");
        assertEquals(1, only(out, Action.SendAdvert.class).size(), "and force a new election");

        VrrpInstance lower = instance(100);
        lower.handle(new Event.Startup(), 0);
        lower.handle(new Event.TimerFired(TimerKind.MASTER_DOWN),
                lower.timerDeadline(TimerKind.MASTER_DOWN).orElseThrow());
        lower.handle(new Event.AdvertReceived(ip("10.88.0.10"), 100, 100, false, -1, PATH), 10 * S);
        assertEquals(VrrpState.BACKUP, lower.state(), "a higher path address wins the tie");
    }
}
