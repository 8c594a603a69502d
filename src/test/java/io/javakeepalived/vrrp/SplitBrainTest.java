package io.javakeepalived.vrrp;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Split brain as one instance sees it: what it reports, when, and how it heals (see split-brain scenario). */
class SplitBrainTest {

    private static final long S = 1_000_000_000L;
    private static final InetAddress PEER = ip("10.77.0.2");

    private static InetAddress ip(String literal) {
        return VrrpInstanceTest.ip(literal);
    }

    private static InstanceSettings.Builder vi1() {
        return InstanceSettings.builder("VI_1", 77).primaryAddress(ip("10.77.0.1"))
                .vips(List.of(Vip.of(ip("10.77.0.100"), "eth0")));
    }

    private static <T extends Action> List<T> only(List<Action> out, Class<T> type) {
        return out.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** BACKUP hearing {@code PEER} at {@code priority}, then MASTER once it went silent: the returned time. */
    private static long masterAfterPeerWentSilent(VrrpInstance vi, int peerPriority) {
        vi.handle(new Event.Startup(), 0);
        vi.handle(new Event.AdvertReceived(PEER, peerPriority, 100), S);
        long t = vi.timerDeadline(TimerKind.MASTER_DOWN).orElseThrow();
        vi.handle(new Event.TimerFired(TimerKind.MASTER_DOWN), t);
        assertEquals(VrrpState.MASTER, vi.state());
        return t;
    }

    @Test
    void theLoserReportsTheMasterItHadLostAndAdvertisesOnceBeforeYielding() {
        VrrpInstance vi = new VrrpInstance(vi1().priority(90).build());
        long t = masterAfterPeerWentSilent(vi, 100);
        List<Action> out = vi.handle(new Event.AdvertReceived(PEER, 100, 100), t + 10 * S);
        List<Action.SplitBrainSeen> seen = only(out, Action.SplitBrainSeen.class);
        assertEquals(1, seen.size());
        assertEquals("(VI_1) split brain - 10.77.0.2 is MASTER too, priority 100, ours 90 - leaving MASTER",
                seen.get(0).text());
        assertEquals(List.of(new Action.SendAdvert(vi, 90)), only(out, Action.SendAdvert.class));
        assertTrue(out.contains(new Action.RunNotify("VI_1", NotifyState.SPLIT_BRAIN, 90)));
        // the notification comes before the BACKUP one: it happened while MASTER
        assertTrue(out.indexOf(new Action.RunNotify("VI_1", NotifyState.SPLIT_BRAIN, 90))
                < out.indexOf(new Action.RunNotify("VI_1", NotifyState.BACKUP, 90)));
        assertEquals(VrrpState.BACKUP, vi.state());
        SplitBrain sb = vi.splitBrain();
        assertEquals(new SplitBrain(1, t + 10 * S, PEER, 100, 90), sb);
    }

    /** A priority-90 MASTER that took over from the silent {@code PEER} hears it (100) again 10 s later. */
    private static List<Action> loserHearsTheLostMaster(VrrpInstance vi) {
        long t = masterAfterPeerWentSilent(vi, 100);
        return vi.handle(new Event.AdvertReceived(PEER, 100, 100), t + 10 * S);
    }

    @Test
    void withHigherPrioSendAdvertTheLoserSendsOneAdvertNotTwo() {
        VrrpInstance vi = new VrrpInstance(vi1().priority(90).higherPrioSendAdvert(true).build());
        List<Action> out = loserHearsTheLostMaster(vi);
        assertEquals(1, only(out, Action.SendAdvert.class).size());
        assertEquals(1, vi.splitBrain().episodes());
    }

    @Test
    void aPreemptedMasterThatNeverHeardThePreempterReportsNothing() {
        VrrpInstance vi = new VrrpInstance(vi1().priority(90).build());
        vi.handle(new Event.Startup(), 0);
        long t = vi.timerDeadline(TimerKind.MASTER_DOWN).orElseThrow();
        vi.handle(new Event.TimerFired(TimerKind.MASTER_DOWN), t); // nobody heard: alone at start
        List<Action> out = vi.handle(new Event.AdvertReceived(PEER, 100, 100), t + 10 * S);
        assertTrue(only(out, Action.SplitBrainSeen.class).isEmpty());
        assertTrue(only(out, Action.SendAdvert.class).isEmpty(), "keepalived's plain yield");
        assertFalse(vi.splitBrain().seen());
        assertNull(vi.splitBrain().peer());
    }

    @Test
    void aMasterThatLeftWithPriorityZeroAndPreemptsIsAHandBack() {
        VrrpInstance vi = new VrrpInstance(vi1().priority(90).build());
        vi.handle(new Event.Startup(), 0);
        vi.handle(new Event.AdvertReceived(PEER, 100, 100), S);
        vi.handle(new Event.AdvertReceived(PEER, 0, 100), 2 * S);
        long t = vi.timerDeadline(TimerKind.MASTER_DOWN).orElseThrow();
        vi.handle(new Event.TimerFired(TimerKind.MASTER_DOWN), t);
        List<Action> out = vi.handle(new Event.AdvertReceived(PEER, 100, 100), t + 20 * S);
        assertTrue(only(out, Action.SplitBrainSeen.class).isEmpty());
        assertEquals(VrrpState.BACKUP, vi.state());
    }

    @Test
    void thePreempterIgnoresTheOldMastersAnswerButNotALaterSplit() {
        VrrpInstance vi = new VrrpInstance(vi1().priority(100).build());
        vi.handle(new Event.Startup(), 0);
        vi.handle(new Event.AdvertReceived(PEER, 90, 100), S); // discarded: we will preempt it
        long t = vi.timerDeadline(TimerKind.MASTER_DOWN).orElseThrow();
        vi.handle(new Event.TimerFired(TimerKind.MASTER_DOWN), t);
        List<Action> answer = vi.handle(new Event.AdvertReceived(PEER, 90, 100), t + 1);
        assertTrue(only(answer, Action.SplitBrainSeen.class).isEmpty(), "the handover");
        List<Action> later = vi.handle(new Event.AdvertReceived(PEER, 90, 100), t + 30 * S);
        assertEquals(1, only(later, Action.SplitBrainSeen.class).size(), "past Master_Down_Interval: a split");
    }

    @Test
    void theWinnerReannouncesEvenWithoutLowerPriorityGarps() {
        // vrrp_strict sets garp_lower_prio_repeat 0; the loser's GARPs were the last the clients heard
        VrrpInstance vi = new VrrpInstance(vi1().priority(100).garpLowerPrioRepeat(0).build());
        long t = masterAfterPeerWentSilent(vi, 90);
        List<Action> first = vi.handle(new Event.AdvertReceived(PEER, 90, 100), t + 10 * S);
        assertEquals(List.of(new Action.SendGratuitousBurst(vi, vi.settings().garpMasterRepeat())),
                only(first, Action.SendGratuitousBurst.class));
        // the same episode: keepalived's reaction (none here) and nothing of ours
        List<Action> next = vi.handle(new Event.AdvertReceived(PEER, 90, 100), t + 11 * S);
        assertTrue(only(next, Action.SendGratuitousBurst.class).isEmpty());
        assertTrue(only(next, Action.SplitBrainSeen.class).isEmpty());
        assertEquals(VrrpState.MASTER, vi.state());
    }

    @Test
    void leavingMasterEndsTheEpisode() {
        VrrpInstance vi = new VrrpInstance(vi1().priority(100).build());
        long t = masterAfterPeerWentSilent(vi, 90);
        vi.handle(new Event.AdvertReceived(ip("10.77.0.9"), 50, 100), t + S);
        vi.handle(new Event.FaultRaised("chk"), t + 2 * S);
        vi.handle(new Event.FaultCleared("chk"), t + 2 * S);
        long m = vi.timerDeadline(TimerKind.MASTER_DOWN).orElseThrow();
        vi.handle(new Event.TimerFired(TimerKind.MASTER_DOWN), m);
        assertEquals(VrrpState.MASTER, vi.state());
        List<Action> out = vi.handle(new Event.AdvertReceived(ip("10.77.0.9"), 50, 100), m + S);
        assertEquals(1, only(out, Action.SplitBrainSeen.class).size());
        assertEquals(2, vi.splitBrain().episodes());
    }

    @Test
    void vrrpStrictReportsButSendsNothingOfOurOwn() {
        VrrpInstance loser = new VrrpInstance(vi1().priority(90).strict(true).build());
        List<Action> out = loserHearsTheLostMaster(loser);
        assertEquals(1, only(out, Action.SplitBrainSeen.class).size());
        assertTrue(only(out, Action.SendAdvert.class).isEmpty(), "RFC 5798: no advert on yielding");

        VrrpInstance winner = new VrrpInstance(vi1().priority(100).strict(true).garpLowerPrioRepeat(0)
                .lowerPrioNoAdvert(true).build());
        long w = masterAfterPeerWentSilent(winner, 90);
        List<Action> heard = winner.handle(new Event.AdvertReceived(PEER, 90, 100), w + 10 * S);
        assertEquals(1, only(heard, Action.SplitBrainSeen.class).size());
        assertTrue(only(heard, Action.SendGratuitousBurst.class).isEmpty(), "no GARP vrrp_strict does not ask for");
    }
}
