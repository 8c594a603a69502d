package io.javakeepalived.track;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProcessQuorumTest {

    private static final long S = 1_000_000_000L;

    @Test
    void withoutDelaysTheQuorumFollowsTheCount() {
        ProcessQuorum q = new ProcessQuorum(2, 3, 0, 0);
        q.start(0);
        assertFalse(q.haveQuorum());
        assertEquals(Optional.empty(), q.update(1, 1 * S));
        assertEquals(Optional.of(true), q.update(2, 2 * S));
        assertEquals(Optional.empty(), q.update(3, 3 * S));
        assertEquals(Optional.of(false), q.update(4, 4 * S), "above quorum_max");
        assertEquals(Optional.of(true), q.update(3, 5 * S));
        assertEquals(Optional.of(false), q.update(0, 6 * S));
    }

    @Test
    void quorumMaxZeroMeansTheProcessMustNotRun() {
        ProcessQuorum q = new ProcessQuorum(0, 0, 0, 0);
        q.start(0);
        assertTrue(q.haveQuorum());
        assertEquals(Optional.of(false), q.update(1, S));
    }

    @Test
    void terminateDelayHoldsTheQuorumUntilItPassesAndACountBackCancelsIt() {
        ProcessQuorum q = new ProcessQuorum(1, Long.MAX_VALUE, 0, 3 * S);
        q.start(1);
        assertTrue(q.haveQuorum());
        assertEquals(Optional.empty(), q.update(0, 10 * S));
        assertTrue(q.delaying());
        assertEquals(Optional.empty(), q.update(0, 12 * S));
        assertEquals(Optional.of(false), q.update(0, 13 * S), "3 s after the loss was seen");
        assertEquals(Optional.of(true), q.update(1, 14 * S), "no fork_delay: at once");
        assertEquals(Optional.empty(), q.update(0, 20 * S));
        assertEquals(Optional.empty(), q.update(1, 21 * S), "back before the delay ran out");
        assertFalse(q.delaying());
        assertEquals(Optional.empty(), q.update(1, 30 * S));
        assertTrue(q.haveQuorum());
    }

    @Test
    void forkDelayWaitsBeforeCountingANewProcess() {
        ProcessQuorum q = new ProcessQuorum(1, Long.MAX_VALUE, 2 * S, 0);
        q.start(0);
        assertEquals(Optional.empty(), q.update(1, 10 * S));
        assertEquals(Optional.empty(), q.update(2, 11 * S), "more processes do not restart the delay");
        assertEquals(Optional.of(true), q.update(2, 12 * S));
        assertEquals(Optional.of(false), q.update(0, 13 * S), "no terminate_delay: at once");
    }

    @Test
    void crossingQuorumMaxUpwardsUsesForkDelay() {
        ProcessQuorum q = new ProcessQuorum(1, 2, 5 * S, 0);
        q.start(2);
        assertEquals(Optional.empty(), q.update(3, 0));
        assertEquals(Optional.of(false), q.update(3, 5 * S));
    }
}
