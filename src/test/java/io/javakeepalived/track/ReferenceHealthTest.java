package io.javakeepalived.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.net.EchoOutcome;
import io.javakeepalived.vrrp.Event;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The rise/fall arithmetic of a reference address and what the tracking instances are told. */
class ReferenceHealthTest {

    private static final EchoOutcome REPLY = new EchoOutcome.Reply(1_000_000);
    private static final EchoOutcome SILENCE = new EchoOutcome.TimedOut();
    private static final String GW = "reference gw";

    private static ReferenceHealth health(int rise, int fall, TrackScriptState.Tracking... tracking) {
        return new ReferenceHealth("gw", "10.0.0.254 on eth0", Duration.ofSeconds(1), rise, fall, List.of(tracking));
    }

    private static TrackScriptState.Tracking fault(String instance) {
        return new TrackScriptState.Tracking(instance, 0, false);
    }

    private static TrackScriptState.Update feed(ReferenceHealth h, EchoOutcome... outcomes) {
        TrackScriptState.Update last = null;
        for (EchoOutcome o : outcomes) {
            last = h.record(o);
        }
        return last;
    }

    @Test
    void requestsMissesAndTheLastRoundTripAreCountedAndSurviveAReload() {
        ReferenceHealth h = health(2, 3, fault("VI_1"));
        assertEquals(ReferenceView.Standing.INIT, h.standing());
        assertEquals(-1, h.lastRoundTripNanos());
        feed(h, REPLY, SILENCE, new EchoOutcome.SendFailed("no route"), new EchoOutcome.Reply(2_500_000));
        assertEquals(4, h.requests());
        assertEquals(2, h.misses());
        assertEquals(2_500_000, h.lastRoundTripNanos(), "the last reply's, not the first's");
        assertEquals(ReferenceView.Standing.REACHABLE, h.standing());

        ReferenceHealth next = health(2, 3, fault("VI_1")).carriedFrom(h);
        assertEquals(List.of(4L, 2L, 2_500_000L), List.of(next.requests(), next.misses(), next.lastRoundTripNanos()));
        feed(next, SILENCE, SILENCE, SILENCE);
        assertEquals(ReferenceView.Standing.UNREACHABLE, next.standing());
        assertEquals(5, next.misses());
    }

    @Test
    void theFirstOutcomeDecidesAtOnce() {
        ReferenceHealth up = health(2, 3, fault("VI_1"));
        assertTrue(up.initialEvents().isEmpty(), "nothing until the first outcome: the instance waits in INIT");
        TrackScriptState.Update u = up.record(REPLY);
        assertEquals(List.of("Reference gw (10.0.0.254 on eth0) reachable"), u.log());
        assertEquals(List.of(new TrackScriptState.Delivery("VI_1", new Event.FaultCleared(GW))), u.events());
        assertTrue(up.reachable());

        ReferenceHealth down = health(2, 3, fault("VI_1"));
        u = down.record(SILENCE);
        assertEquals(List.of("Reference gw (10.0.0.254 on eth0) unreachable (no echo reply within 1 s)"), u.log());
        assertEquals(List.of(new TrackScriptState.Delivery("VI_1", new Event.FaultRaised(GW))), u.events());
        assertFalse(down.reachable());
    }

    @Test
    void fallMissesInARowMakeItUnreachableAndAReplyInBetweenStartsThemAgain() {
        ReferenceHealth h = health(2, 3, fault("VI_1"));
        h.record(REPLY);
        assertTrue(feed(h, SILENCE, SILENCE).events().isEmpty());
        assertTrue(feed(h, REPLY).events().isEmpty(), "a reply in between: still reachable");
        assertTrue(feed(h, SILENCE, SILENCE).events().isEmpty(), "two misses after the reply are not three");
        TrackScriptState.Update third = h.record(SILENCE);
        assertEquals(List.of(new TrackScriptState.Delivery("VI_1", new Event.FaultRaised(GW))), third.events());
        assertEquals(List.of("Reference gw (10.0.0.254 on eth0) unreachable (no echo reply within 1 s, 3 in a row)"),
                third.log());
        assertTrue(feed(h, SILENCE, SILENCE).events().isEmpty(), "unreachable is told once");
    }

    @Test
    void riseRepliesInARowMakeItReachableAgain() {
        ReferenceHealth h = health(2, 1, fault("VI_1"));
        h.record(SILENCE);
        assertTrue(h.record(REPLY).events().isEmpty(), "one reply of two");
        assertTrue(h.record(SILENCE).events().isEmpty(), "a miss starts the count again");
        assertTrue(h.record(REPLY).events().isEmpty());
        assertEquals(List.of(new TrackScriptState.Delivery("VI_1", new Event.FaultCleared(GW))),
                h.record(REPLY).events());
        assertEquals(List.of(new TrackScriptState.Delivery("VI_1", new Event.FaultRaised(GW))),
                h.record(SILENCE).events(), "fall 1: one miss");
    }

    @Test
    void weightsMoveThePriorityAsVrrpScriptWeightsDo() {
        ReferenceHealth h = health(1, 1, new TrackScriptState.Tracking("UP", 10, false),
                new TrackScriptState.Tracking("DOWN", -20, false));
        assertEquals(List.of(new TrackScriptState.Delivery("UP", new Event.WeightChanged(GW, 10))),
                h.record(REPLY).events(), "a reply adds the positive weight; the negative one stays 0");
        assertEquals(List.of(new TrackScriptState.Delivery("UP", new Event.WeightChanged(GW, 0)),
                new TrackScriptState.Delivery("DOWN", new Event.WeightChanged(GW, -20))), h.record(SILENCE).events());
    }

    @Test
    void aRequestThatCannotBeSentIsAMissWithItsReason() {
        ReferenceHealth h = health(2, 3, fault("VI_1"));
        TrackScriptState.Update u = h.record(new EchoOutcome.SendFailed("Network is unreachable"));
        assertEquals(List.of("Reference gw (10.0.0.254 on eth0) unreachable (echo request not sent: Network is"
                + " unreachable)"), u.log());
        assertEquals(List.of(new TrackScriptState.Delivery("VI_1", new Event.FaultRaised(GW))), u.events());
    }

    @Test
    void aReloadKeepsTheVerdictAndRestatesIt() {
        ReferenceHealth before = health(2, 3, fault("VI_1"));
        before.record(SILENCE);
        ReferenceHealth after = health(1, 2, fault("VI_1"), new TrackScriptState.Tracking("VI_2", -5, false))
                .carriedFrom(before);
        assertFalse(after.reachable());
        assertEquals(List.of(new TrackScriptState.Delivery("VI_1", new Event.FaultRaised(GW)),
                new TrackScriptState.Delivery("VI_2", new Event.WeightChanged(GW, -5))), after.initialEvents());
        assertEquals(List.of(new TrackScriptState.Delivery("VI_1", new Event.FaultCleared(GW)),
                new TrackScriptState.Delivery("VI_2", new Event.WeightChanged(GW, 0))), after.record(REPLY).events(),
                "rise 1 now");

        ReferenceHealth undecided = health(2, 3, fault("VI_1")).carriedFrom(health(2, 3, fault("VI_1")));
        assertTrue(undecided.initialEvents().isEmpty(), "not reported yet: starts afresh");
        assertTrue(undecided.awaitingFirstResult());
    }
}
