package io.javakeepalived.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.javakeepalived.daemon.LinkDebounce.Change;
import io.javakeepalived.daemon.LinkDebounce.Verdict;
import io.javakeepalived.daemon.model.LinkDelays;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/** {@code interface_up_down_delays} as keepalived debounces: blips vanish, lasting changes count late. */
class LinkDebounceTest {
    private static final long MS = 1_000_000L;
    private static final LinkDelays DOWN_500_UP_200 = new LinkDelays(Duration.ofMillis(500), Duration.ofMillis(200));
    private final LinkDebounce d = new LinkDebounce();

    @Test
    void aCarrierBlipShorterThanTheDownDelayCountsForNothing() {
        d.seenUp("eth0");
        assertEquals(Verdict.DELAYED, d.report("eth0", false, true, DOWN_500_UP_200, 0));
        assertEquals(500, d.nanosUntilNext(0) / MS);
        assertEquals(Verdict.CANCELLED, d.report("eth0", true, true, DOWN_500_UP_200, 300 * MS));
        assertEquals(List.of(), d.due(10_000 * MS));
        assertEquals(-1, d.nanosUntilNext(10_000 * MS));
    }

    @Test
    void aChangeThatLastsItsDelayCountsThenAndItsRepeatsDoNotRestartTheTimer() {
        d.seenUp("eth0");
        assertEquals(Verdict.DELAYED, d.report("eth0", false, true, DOWN_500_UP_200, 0));
        assertEquals(Verdict.NOTHING, d.report("eth0", false, true, DOWN_500_UP_200, 400 * MS));
        assertEquals(List.of(), d.due(499 * MS));
        assertEquals(List.of(new Change("eth0", false)), d.due(500 * MS));
        // back up: the up delay applies
        assertEquals(Verdict.DELAYED, d.report("eth0", true, false, DOWN_500_UP_200, 600 * MS));
        assertEquals(List.of(new Change("eth0", true)), d.due(800 * MS));
    }

    @Test
    void anInterfaceNeverSeenUpComesUpAtOnceAndNoDelayMeansAtOnce() {
        assertEquals(Verdict.NOW, d.report("eth1", true, false, DOWN_500_UP_200, 0));
        assertEquals(Verdict.DELAYED, d.report("eth1", false, true, DOWN_500_UP_200, MS));
        assertEquals(Verdict.NOW, d.report("eth2", false, true, LinkDelays.NONE, 0));
        assertEquals(Verdict.NOTHING, d.report("eth2", false, false, LinkDelays.NONE, 0));
    }

    @Test
    void aDownDelayIsCutBelowTheTimeABackupWaitsAsKeepalivedDoes() {
        LinkDelays long5s = new LinkDelays(Duration.ofSeconds(5), Duration.ofSeconds(5));
        // advert_int 1 s, down_timer_adverts 3: below 2 s - 1/256 s
        LinkDelays capped = long5s.cappedFor(Duration.ofSeconds(1), 3);
        assertEquals(Duration.ofSeconds(2).minus(Duration.ofSeconds(1).dividedBy(256)), capped.down());
        assertEquals(capped.down(), capped.up());
        assertEquals(LinkDelays.NONE, long5s.cappedFor(Duration.ofSeconds(1), 1));
        assertEquals(DOWN_500_UP_200, DOWN_500_UP_200.cappedFor(Duration.ofSeconds(1), 3));
    }
}
