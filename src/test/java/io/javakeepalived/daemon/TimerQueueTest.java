package io.javakeepalived.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.vrrp.TimerKind;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.OptionalLong;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The loop's deadline queue on a fake clock. */
class TimerQueueTest {
    private static final long MS = 1_000_000L;

    /** Every (owner, kind) due at {@code now}, in firing order. */
    static List<String> fire(TimerQueue q, long now) {
        List<String> out = new ArrayList<>();
        for (int s = q.pollDue(now); s >= 0; s = q.pollDue(now)) {
            out.add(TimerQueue.ownerOf(s) + ":" + TimerQueue.kindOf(s));
        }
        return out;
    }

    @Test
    void firesInDeadlineOrderOnlyWhenDue() {
        TimerQueue q = new TimerQueue(2);
        long t0 = 1_000 * MS;
        q.arm(0, TimerKind.ADVERT, t0 + 1000 * MS);
        q.arm(1, TimerKind.MASTER_DOWN, t0 + 3609 * MS);
        q.arm(0, TimerKind.GARP_MASTER_DELAY, t0 + 5000 * MS);
        assertEquals(3, q.size());
        assertEquals(t0 + 1000 * MS, q.nextDeadline());
        assertEquals(List.of(), fire(q, t0 + 999 * MS));
        assertEquals(List.of("0:ADVERT"), fire(q, t0 + 1000 * MS));
        assertFalse(q.isArmed(0, TimerKind.ADVERT), "a fired timer is no longer armed");
        assertEquals(List.of("1:MASTER_DOWN", "0:GARP_MASTER_DELAY"), fire(q, t0 + 6000 * MS));
        assertTrue(q.isEmpty());
        assertEquals(-1, q.pollDue(Long.MAX_VALUE));
        assertThrows(NoSuchElementException.class, q::nextDeadline);
    }

    @Test
    void latestArmWinsEarlierOrLater() {
        TimerQueue q = new TimerQueue(1);
        q.arm(0, TimerKind.MASTER_DOWN, 3000 * MS);
        q.arm(0, TimerKind.MASTER_DOWN, 5000 * MS);
        assertEquals(1, q.size());
        assertEquals(OptionalLong.of(5000 * MS), q.deadline(0, TimerKind.MASTER_DOWN));
        assertEquals(List.of(), fire(q, 4000 * MS), "the earlier deadline was replaced");
        q.arm(0, TimerKind.MASTER_DOWN, 600 * MS);
        assertEquals(List.of("0:MASTER_DOWN"), fire(q, 600 * MS));
        assertEquals(List.of(), fire(q, 10_000 * MS), "fires once");
    }

    @Test
    void cancelForgets() {
        TimerQueue q = new TimerQueue(2);
        q.arm(0, TimerKind.ADVERT, 10);
        q.arm(1, TimerKind.ADVERT, 20);
        q.arm(1, TimerKind.GARP_REFRESH, 30);
        assertTrue(q.cancel(1, TimerKind.ADVERT));
        assertFalse(q.cancel(1, TimerKind.ADVERT));
        assertFalse(q.cancel(0, TimerKind.MASTER_DOWN));
        assertEquals(OptionalLong.empty(), q.deadline(1, TimerKind.ADVERT));
        q.cancelAll(0);
        assertEquals(List.of("1:GARP_REFRESH"), fire(q, 100));
    }

    @Test
    void equalDeadlinesFireInInstanceThenKindOrder() {
        TimerQueue q = new TimerQueue(3);
        q.arm(2, TimerKind.ADVERT, 50);
        q.arm(0, TimerKind.GARP_REFRESH, 50);
        q.arm(0, TimerKind.MASTER_DOWN, 50);
        q.arm(1, TimerKind.ADVERT, 50);
        assertEquals(List.of("0:MASTER_DOWN", "0:GARP_REFRESH", "1:ADVERT", "2:ADVERT"), fire(q, 50));
    }

    @Test
    void sleepIsRoundedUpToWholeMilliseconds() {
        TimerQueue q = new TimerQueue(1);
        assertEquals(-1, q.millisUntilNext(0), "nothing armed: wait for input only");
        q.arm(0, TimerKind.ADVERT, 1_000_001);
        assertEquals(2, q.millisUntilNext(0), "1.000001 ms: sleep 2, never wake early");
        assertEquals(1, q.millisUntilNext(1));
        assertEquals(0, q.millisUntilNext(1_000_001));
        assertEquals(0, q.millisUntilNext(5_000_000), "overdue");
        q.arm(0, TimerKind.ADVERT, Long.MAX_VALUE);
        assertEquals(Integer.MAX_VALUE, q.millisUntilNext(0), "clamped");
    }

    @Test
    void ppollSleepsToTheNanosecond() {
        TimerQueue q = new TimerQueue(1);
        long idle = q.nanosUntilNext(0);
        q.arm(0, TimerKind.ADVERT, 1_000_001);
        assertEquals(List.of(-1L, 1_000_001L, 1L, 0L),
                List.of(idle, q.nanosUntilNext(0), q.nanosUntilNext(1_000_000), q.nanosUntilNext(5_000_000)),
                "nothing armed (wait for input only), 1.000001 ms not rounded to 2, 1 ns, overdue");
    }

    @Test
    void clockMayWrap() {
        TimerQueue q = new TimerQueue(1);
        long now = Long.MAX_VALUE - 500 * MS;
        q.arm(0, TimerKind.ADVERT, now + 1000 * MS); // wraps negative
        q.arm(0, TimerKind.MASTER_DOWN, now + 100 * MS);
        assertEquals(100, q.millisUntilNext(now));
        assertEquals(List.of("0:MASTER_DOWN"), fire(q, now + 100 * MS));
        assertEquals(List.of(), fire(q, now + 999 * MS));
        assertEquals(List.of("0:ADVERT"), fire(q, now + 1000 * MS));
    }

    @Test
    void growsForMoreInstances() {
        TimerQueue q = new TimerQueue(1);
        assertThrows(IndexOutOfBoundsException.class, () -> q.arm(1, TimerKind.ADVERT, 1));
        q.arm(0, TimerKind.ADVERT, 7);
        q.ensureOwners(100);
        q.arm(99, TimerKind.ADVERT, 3);
        assertEquals(List.of("99:ADVERT", "0:ADVERT"), fire(q, 10));
    }

    /** Random arm/cancel/poll against a plain sorted map. */
    @Test
    void agreesWithAReferenceModel() {
        Random r = new Random(42);
        int owners = 20;
        TimerQueue q = new TimerQueue(owners);
        TreeMap<Integer, Long> model = new TreeMap<>();
        long now = -3_000 * MS;
        for (int step = 0; step < 200_000; step++) {
            int owner = r.nextInt(owners);
            TimerKind kind = TimerKind.values()[r.nextInt(TimerKind.values().length)];
            int slot = TimerQueue.slot(owner, kind);
            int op = r.nextInt(10);
            if (op < 6) {
                long d = now + r.nextInt(5000) * MS;
                q.arm(owner, kind, d);
                model.put(slot, d);
            } else if (op < 7) {
                assertEquals(model.remove(slot) != null, q.cancel(owner, kind));
            } else {
                now += r.nextInt(400) * MS;
                while (true) {
                    int s = q.pollDue(now);
                    Integer expected = null;
                    long best = Long.MAX_VALUE;
                    for (var e : model.entrySet()) {
                        if (e.getValue() - now <= 0 && (expected == null || e.getValue() - best < 0)) {
                            expected = e.getKey();
                            best = e.getValue();
                        }
                    }
                    if (expected == null) {
                        assertEquals(-1, s);
                        break;
                    }
                    assertEquals((int) expected, s, "step " + step);
                    model.remove(expected);
                }
            }
            assertEquals(model.size(), q.size());
        }
    }

    @Test
    void reArmingAllocatesNothing() {
        var bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        TimerQueue q = new TimerQueue(100);
        long tid = Thread.currentThread().getId();
        for (int warm = 0; warm < 2; warm++) {
            long before = bean.getThreadAllocatedBytes(tid);
            long now = 0;
            for (int i = 0; i < 1_000_000; i++) {
                int owner = i % 100;
                q.arm(owner, TimerKind.ADVERT, now + 1_000 * MS);
                q.arm(owner, TimerKind.MASTER_DOWN, now + 3_600 * MS);
                if ((i & 7) == 0) {
                    now += MS;
                    while (q.pollDue(now) >= 0) {
                        // drain
                    }
                }
            }
            long allocated = bean.getThreadAllocatedBytes(tid) - before;
            if (warm == 1) {
                assertTrue(allocated < 64 * 1024, "allocated " + allocated + " bytes for 2M re-arms");
            }
        }
    }
}
