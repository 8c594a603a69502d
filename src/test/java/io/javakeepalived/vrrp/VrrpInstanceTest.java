package io.javakeepalived.vrrp;

import io.javakeepalived.vrrp.packet.RejectReason;
import io.javakeepalived.vrrp.packet.VrrpCounter;
import io.javakeepalived.vrrp.packet.VrrpCounters;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Single-instance behaviour the scenarios do not pin down directly. */
class VrrpInstanceTest {

    private static final long S = 1_000_000_000L;

    static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    private static InstanceSettings.Builder vi1() {
        return InstanceSettings.builder("VI_1", 77).primaryAddress(ip("10.77.0.1")).vips(List.of(Vip.of(ip("10.77.0.100"), "eth0")));
    }

    /** Starts the instance and fires its down timer: it is MASTER at the returned time. */
    private static long makeMaster(VrrpInstance vi) {
        vi.handle(new Event.Startup(), 0);
        long t = vi.timerDeadline(TimerKind.MASTER_DOWN).orElseThrow();
        vi.handle(new Event.TimerFired(TimerKind.MASTER_DOWN), t);
        assertEquals(VrrpState.MASTER, vi.state());
        return t;
    }

    private static <T extends Action> List<T> only(List<Action> out, Class<T> type) {
        return out.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void staleAndEarlyTimerFiringsDoNothing() {
        VrrpInstance vi = new VrrpInstance(vi1().build());
        vi.handle(new Event.Startup(), 0);
        long deadline = vi.timerDeadline(TimerKind.MASTER_DOWN).orElseThrow();
        assertTrue(vi.handle(new Event.TimerFired(TimerKind.MASTER_DOWN), deadline - 1).isEmpty(), "early");
        assertTrue(vi.handle(new Event.TimerFired(TimerKind.ADVERT), deadline).isEmpty(), "never armed");
        vi.handle(new Event.TimerFired(TimerKind.MASTER_DOWN), deadline);
        assertEquals(VrrpState.MASTER, vi.state());
        assertTrue(vi.handle(new Event.TimerFired(TimerKind.MASTER_DOWN), deadline + 1).isEmpty(), "already fired");
    }

    @Test
    void aStalledLoopSkipsMissedAdvertsInsteadOfBursting() {
        VrrpInstance vi = new VrrpInstance(vi1().build());
        long t = makeMaster(vi);
        long due = vi.timerDeadline(TimerKind.ADVERT).orElseThrow();
        assertEquals(t + S, due);
        // the loop wakes 3.5 intervals late: one advert, next one back on the grid
        List<Action> out = vi.handle(new Event.TimerFired(TimerKind.ADVERT), due + 3 * S + S / 2);
        assertEquals(1, only(out, Action.SendAdvert.class).size());
        assertEquals(due + 4 * S, vi.timerDeadline(TimerKind.ADVERT).orElseThrow());
        assertEquals(due + 2 * S, VrrpInstance.nextOnGrid(due, S, due + S));
    }

    @Test
    void rejectedPacketsChangeNothingInAnyState() {
        VrrpInstance vi = new VrrpInstance(vi1().build());
        Event bad = new Event.AdvertRejected(ip("10.77.0.9"), "received an invalid passwd!");
        assertEquals(List.of(new Action.Log(LogLevel.INFO, "(VI_1) received an invalid passwd!")), vi.handle(bad, 0));
        vi.handle(new Event.Startup(), 0);
        for (long t : new long[] {S, 2 * S}) {
            Map<TimerKind, Long> before = vi.armedTimers();
            List<Action> out = vi.handle(bad, t);
            assertTrue(out.stream().allMatch(a -> a instanceof Action.Log));
            assertEquals(before, vi.armedTimers());
        }
        makeMasterAt(vi);
        Map<TimerKind, Long> before = vi.armedTimers();
        vi.handle(new Event.AdvertRejected(null, ""), 5 * S);
        assertEquals(before, vi.armedTimers());
        assertEquals(VrrpState.MASTER, vi.state());
        assertEquals(4, vi.counters().get(VrrpCounter.ADVERT_REJECTED));
    }

    private static void makeMasterAt(VrrpInstance vi) {
        long t = vi.timerDeadline(TimerKind.MASTER_DOWN).orElseThrow();
        vi.handle(new Event.TimerFired(TimerKind.MASTER_DOWN), t);
    }

    @Test
    void becomingMasterSendsTheAdvertBeforeTheVipsAndNotifiesLast() {
        VrrpInstance vi = new VrrpInstance(vi1().build());
        vi.handle(new Event.Startup(), 0);
        long t = vi.timerDeadline(TimerKind.MASTER_DOWN).orElseThrow();
        List<Action> out = vi.handle(new Event.TimerFired(TimerKind.MASTER_DOWN), t);
        List<String> order = out.stream().filter(a -> !(a instanceof Action.Log) && !(a instanceof Action.ArmTimer))
                .map(a -> a.getClass().getSimpleName()).toList();
        assertEquals(List.of("SendAdvert", "StateChanged", "AddVips", "SendGratuitousBurst", "RunNotify"),
                order);
    }

    @Test
    void withNotifyPriorityChangesATrackerMoveIsNotifiedWithTheStateAndTheNewPriority() {
        VrrpInstance vi = new VrrpInstance(vi1().priority(150).notifyPriorityChanges(true).build());
        assertEquals(List.of(new Action.RunNotify("VI_1", NotifyState.BACKUP_PRIORITY, 140)),
                only(vi.handle(new Event.WeightChanged("chk", -10), 0), Action.RunNotify.class), "before start too");
        long t = makeMaster(vi);
        assertEquals(List.of(new Action.RunNotify("VI_1", NotifyState.MASTER_PRIORITY, 130)),
                only(vi.handle(new Event.WeightChanged("chk", -20), t + 1), Action.RunNotify.class));
        assertTrue(only(vi.handle(new Event.WeightChanged("chk", -20), t + 2), Action.RunNotify.class).isEmpty(),
                "no change, no line");
        VrrpInstance quiet = new VrrpInstance(vi1().priority(150).build());
        assertTrue(only(quiet.handle(new Event.WeightChanged("chk", -10), 0), Action.RunNotify.class).isEmpty(),
                "off by default");
    }

    @Test
    void shutdownOfAMasterSendsPriorityZeroAndNotifiesStopNotBackup() {
        VrrpInstance vi = new VrrpInstance(vi1().priority(150).build());
        makeMaster(vi);
        List<Action> out = vi.handle(new Event.Shutdown(), 10 * S);
        assertEquals(1, only(out, Action.SendPriorityZeroAdvert.class).size());
        assertEquals(1, only(out, Action.RemoveVips.class).size());
        assertEquals(List.of(new Action.RunNotify("VI_1", NotifyState.STOP, 150)), only(out, Action.RunNotify.class));
        assertEquals(VrrpState.INIT, vi.state());
        assertTrue(vi.armedTimers().isEmpty());
        assertTrue(vi.handle(new Event.Shutdown(), 11 * S).isEmpty(), "idempotent");
        VrrpCounters c = vi.counters();
        assertEquals(1, c.get(VrrpCounter.PRI_ZERO_SENT));
        assertEquals(0, c.get(VrrpCounter.RELEASE_MASTER));
    }

    @Test
    void restartAfterShutdownStartsAgain() {
        VrrpInstance vi = new VrrpInstance(vi1().build());
        makeMaster(vi);
        vi.handle(new Event.Shutdown(), 10 * S);
        vi.handle(new Event.Startup(), 20 * S);
        assertEquals(VrrpState.BACKUP, vi.state());
        assertEquals(20 * S + 3_609_375_000L, vi.timerDeadline(TimerKind.MASTER_DOWN).orElseThrow());
    }

    @Test
    void backupReceivingPriorityZeroWaitsSkewOnly() {
        VrrpInstance vi = new VrrpInstance(vi1().build());
        vi.handle(new Event.Startup(), 0);
        vi.handle(new Event.AdvertReceived(ip("10.77.0.2"), 0, 100), 2 * S);
        assertEquals(2 * S + 609_375_000L, vi.timerDeadline(TimerKind.MASTER_DOWN).orElseThrow());
        assertEquals(1, vi.counters().get(VrrpCounter.PRI_ZERO_RCVD));
    }

    @Test
    void masterAnswersPriorityZeroAtOnceAndRestartsItsAdvertTimer() {
        VrrpInstance vi = new VrrpInstance(vi1().build());
        long t = makeMaster(vi);
        List<Action> out = vi.handle(new Event.AdvertReceived(ip("10.77.0.2"), 0, 100), t + S / 2);
        assertEquals(List.of(new Action.SendAdvert(vi, 100)), only(out, Action.SendAdvert.class));
        assertEquals(t + S / 2 + S, vi.timerDeadline(TimerKind.ADVERT).orElseThrow());
        assertEquals(VrrpState.MASTER, vi.state());
    }

    @Test
    void tieBreakComparesAddressesAsUnsignedNumbers() {
        // 10.77.0.200 > 10.77.0.1 although (byte) 200 is negative
        VrrpInstance vi = new VrrpInstance(vi1().build());
        long t = makeMaster(vi);
        vi.handle(new Event.AdvertReceived(ip("10.77.0.200"), 100, 100), t + 1);
        assertEquals(VrrpState.BACKUP, vi.state());
        assertEquals(ip("10.77.0.200"), vi.masterAddress().orElseThrow());
    }

    @Test
    void equalPriorityFromOurOwnAddressIsOnlyAWarning() {
        VrrpInstance vi = new VrrpInstance(vi1().build());
        long t = makeMaster(vi);
        List<Action> out = vi.handle(new Event.AdvertReceived(ip("10.77.0.1"), 100, 100), t + 1);
        assertEquals(List.of(new Action.Log(LogLevel.INFO,
                "(VI_1) WARNING - equal priority advert received from remote host with our IP address.")), out);
        assertEquals(VrrpState.MASTER, vi.state());
    }

    @Test
    void higherPrioSendAdvertSendsOneAdvertBeforeYielding() {
        VrrpInstance vi = new VrrpInstance(vi1().higherPrioSendAdvert(true).build());
        long t = makeMaster(vi);
        List<Action> out = vi.handle(new Event.AdvertReceived(ip("10.77.0.2"), 200, 100), t + 1);
        assertTrue(out.get(0) instanceof Action.SendAdvert);
        assertEquals(VrrpState.BACKUP, vi.state());
        assertTrue(only(out, Action.SendPriorityZeroAdvert.class).isEmpty());
    }

    @Test
    void effectivePriorityIsClampedAndNeverAppliedToAnOwner() {
        VrrpInstance vi = new VrrpInstance(vi1().priority(100).build());
        vi.handle(new Event.WeightChanged("a", 100), 0);
        vi.handle(new Event.WeightChanged("b", 100), 0);
        assertEquals(254, vi.effectivePriority());
        vi.handle(new Event.WeightChanged("a", -400), 0);
        assertEquals(1, vi.effectivePriority());
        vi.handle(new Event.WeightChanged("a", 0), 0);
        vi.handle(new Event.WeightChanged("b", 0), 0);
        assertEquals(100, vi.effectivePriority());

        VrrpInstance owner = new VrrpInstance(vi1().priority(255).initialState(VrrpState.MASTER).build());
        assertTrue(owner.handle(new Event.WeightChanged("a", -60), 0).isEmpty());
        assertEquals(255, owner.effectivePriority());
    }

    @Test
    void priorityChangeWhileMasterWaitsForTheRegularAdvert() {
        VrrpInstance vi = new VrrpInstance(vi1().priority(150).build());
        long t = makeMaster(vi);
        List<Action> out = vi.handle(new Event.WeightChanged("chk", -60), t + S / 3);
        assertTrue(only(out, Action.SendAdvert.class).isEmpty());
        assertEquals(t + S, vi.timerDeadline(TimerKind.ADVERT).orElseThrow(), "grid untouched");
        out = vi.handle(new Event.TimerFired(TimerKind.ADVERT), t + S);
        assertEquals(List.of(new Action.SendAdvert(vi, 90)), only(out, Action.SendAdvert.class));
    }

    @Test
    void faultSourcesAreCountedByName() {
        VrrpInstance vi = new VrrpInstance(vi1().build());
        vi.handle(new Event.Startup(), 0);
        vi.handle(new Event.FaultRaised("chk"), S);
        vi.handle(new Event.FaultRaised("chk"), S); // the same source twice counts once
        vi.handle(new Event.InterfaceDown("eth1"), S);
        assertEquals(VrrpState.FAULT, vi.state());
        assertTrue(vi.armedTimers().isEmpty());
        assertTrue(vi.handle(new Event.AdvertReceived(ip("10.77.0.2"), 200, 100), 2 * S).isEmpty(), "FAULT ignores adverts");
        vi.handle(new Event.FaultCleared("chk"), 3 * S);
        assertEquals(VrrpState.FAULT, vi.state());
        vi.handle(new Event.FaultCleared("not failing"), 3 * S);
        assertEquals(VrrpState.FAULT, vi.state());
        vi.handle(new Event.InterfaceUp("eth1"), 4 * S);
        assertEquals(VrrpState.BACKUP, vi.state());
        assertEquals(4 * S + 3_609_375_000L, vi.timerDeadline(TimerKind.MASTER_DOWN).orElseThrow());
    }

    @Test
    void anOwnerLeavingFaultGoesStraightToMaster() {
        VrrpInstance vi = new VrrpInstance(vi1().priority(255).initialState(VrrpState.MASTER).build());
        vi.handle(new Event.Startup(), 0);
        assertEquals(VrrpState.MASTER, vi.state());
        List<Action> out = vi.handle(new Event.FaultRaised("chk"), S);
        assertEquals(1, only(out, Action.SendPriorityZeroAdvert.class).size());
        assertEquals(VrrpState.FAULT, vi.state());
        out = vi.handle(new Event.FaultCleared("chk"), 2 * S);
        assertEquals(VrrpState.MASTER, vi.state());
        assertEquals(List.of(new Action.StateChanged(vi, VrrpState.FAULT, VrrpState.MASTER)),
                only(out, Action.StateChanged.class));
        assertEquals(1, vi.counters().get(VrrpCounter.RELEASE_MASTER));
        assertEquals(2, vi.counters().get(VrrpCounter.BECOME_MASTER));
    }

    @Test
    void faultBeforeStartupStartsInFault() {
        VrrpInstance vi = new VrrpInstance(vi1().build());
        assertTrue(vi.handle(new Event.InterfaceDown("eth0"), 0).isEmpty());
        List<Action> out = vi.handle(new Event.Startup(), 0);
        assertEquals(VrrpState.FAULT, vi.state());
        assertTrue(out.contains(new Action.Log(LogLevel.INFO, "(VI_1) entering FAULT state")));
        assertTrue(out.contains(new Action.RunNotify("VI_1", NotifyState.FAULT, 100)));
    }

    @Test
    void reloadMustKeepTheInstanceIdentity() {
        VrrpInstance vi = new VrrpInstance(vi1().build());
        assertThrows(IllegalArgumentException.class,
                () -> vi.handle(new Event.Reload(vi1().version(3).build()), 0));
        assertThrows(IllegalArgumentException.class,
                () -> vi.handle(new Event.Reload(InstanceSettings.builder("VI_1", 78).build()), 0));
    }

    @Test
    void reloadWhileMasterKeepsStateAndRunsNoNotify() {
        VrrpInstance vi = new VrrpInstance(vi1().build());
        long t = makeMaster(vi);
        List<Action> out = vi.handle(new Event.Reload(vi1().priority(110).build()), t + S / 2);
        assertEquals(VrrpState.MASTER, vi.state());
        assertTrue(only(out, Action.RunNotify.class).isEmpty());
        assertTrue(only(out, Action.RemoveVips.class).isEmpty());
        assertEquals(List.of(new Action.SendAdvert(vi, 110)), only(out, Action.SendAdvert.class));
    }

    @Test
    void v3BackupLearnsTheMasterIntervalAndForgetsItOnLeavingFault() {
        VrrpInstance vi = new VrrpInstance(vi1().version(3).advertIntervalCs(100).build());
        vi.handle(new Event.Startup(), 0);
        vi.handle(new Event.AdvertReceived(ip("10.77.0.2"), 200, 10), S);
        assertEquals(10, vi.masterAdverIntervalCs());
        // 3 × 0.1 + 156/256 × 0.1
        assertEquals(S + 300_000_000L + 60_937_500L, vi.timerDeadline(TimerKind.MASTER_DOWN).orElseThrow());
        vi.handle(new Event.FaultRaised("x"), 2 * S);
        vi.handle(new Event.FaultCleared("x"), 3 * S);
        assertEquals(100, vi.masterAdverIntervalCs());
    }

    @Test
    void v2IgnoresTheAdvertisedInterval() {
        VrrpInstance vi = new VrrpInstance(vi1().build());
        vi.handle(new Event.Startup(), 0);
        vi.handle(new Event.AdvertReceived(ip("10.77.0.2"), 200, 200), S);
        assertEquals(100, vi.masterAdverIntervalCs());
    }

    @Test
    void preemptDelayIsMeasuredFromTheFirstLowerAdvert() {
        VrrpInstance vi = new VrrpInstance(vi1().priority(150).preemptDelay(Duration.ofSeconds(4)).build());
        vi.handle(new Event.Startup(), 0);
        InetAddress b = ip("10.77.0.2");
        vi.handle(new Event.AdvertReceived(b, 100, 100), S); // starts the delay, accepted
        assertEquals(S + 3_414_062_500L, vi.timerDeadline(TimerKind.MASTER_DOWN).orElseThrow());
        vi.handle(new Event.AdvertReceived(b, 200, 100), 2 * S); // a higher master stops the delay
        vi.handle(new Event.AdvertReceived(b, 100, 100), 3 * S); // and a lower one starts it again
        vi.handle(new Event.AdvertReceived(b, 100, 100), 6 * S); // 3 s into the new delay: accepted
        assertEquals(6 * S + 3_414_062_500L, vi.timerDeadline(TimerKind.MASTER_DOWN).orElseThrow());
        List<Action> out = vi.handle(new Event.AdvertReceived(b, 100, 100), 7 * S); // delay over: discarded
        assertTrue(out.stream().allMatch(a -> a instanceof Action.Log));
        assertEquals(6 * S + 3_414_062_500L, vi.timerDeadline(TimerKind.MASTER_DOWN).orElseThrow());
    }

    @Test
    void countersFollowKeepalivedsNames() {
        VrrpInstance vi = new VrrpInstance(vi1().build());
        long t = makeMaster(vi);
        vi.handle(new Event.TimerFired(TimerKind.ADVERT), t + S);
        vi.handle(new Event.AdvertReceived(ip("10.77.0.2"), 200, 100), t + S + 1);
        vi.handle(new Event.AdvertRejected(ip("10.77.0.9"), "received an invalid passwd!",
                RejectReason.AUTH_FAILURE), t + S + 2);
        Map<VrrpCounter, Long> expected = new EnumMap<>(VrrpCounter.class);
        for (VrrpCounter k : VrrpCounter.values()) {
            expected.put(k, 0L);
        }
        expected.put(VrrpCounter.BECOME_MASTER, 1L);
        expected.put(VrrpCounter.RELEASE_MASTER, 1L);
        expected.put(VrrpCounter.ADVERT_SENT, 2L);
        expected.put(VrrpCounter.ADVERT_RCVD, 1L);
        expected.put(VrrpCounter.AUTH_FAILURE, 1L);
        expected.put(VrrpCounter.ADVERT_REJECTED, 1L);
        assertEquals(expected, vi.counters().snapshot());
        vi.clearCounters();
        assertTrue(vi.counters().snapshot().values().stream().allMatch(v -> v == 0));
    }

    @Test
    void actionsNameTheirInstance() {
        VrrpInstance vi = new VrrpInstance(vi1().build());
        for (Action a : vi.handle(new Event.Startup(), 0)) {
            assertFalse(a.toString().contains("instance=null"), a.toString());
        }
    }
}
