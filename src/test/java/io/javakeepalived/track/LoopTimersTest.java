package io.javakeepalived.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class LoopTimersTest {

    private static List<String> drain(LoopTimers q) {
        List<String> out = new ArrayList<>();
        LoopTimers.Entry e;
        while ((e = q.poll()) != null) {
            e.task.run();
            out.add(e.deadline + "");
        }
        return out;
    }

    @Test
    void earliestDeadlineFirstAndTiesInTheOrderAdded() {
        LoopTimers q = new LoopTimers();
        List<String> ran = new ArrayList<>();
        for (String name : List.of("c30", "a10", "b10", "d20")) {
            long deadline = Long.parseLong(name.substring(1));
            q.add(new LoopTimers.Entry(deadline, () -> ran.add(name)));
        }
        drain(q);
        assertEquals(List.of("a10", "b10", "d20", "c30"), ran);
    }

    @Test
    void deadlinesAreComparedAcrossTheClocksWrap() {
        LoopTimers q = new LoopTimers();
        q.add(new LoopTimers.Entry(Long.MIN_VALUE + 5, () -> { }));  // just after the wrap
        q.add(new LoopTimers.Entry(Long.MAX_VALUE - 5, () -> { }));  // just before it
        assertEquals(Long.MAX_VALUE - 5, q.poll().deadline);
    }

    @Test
    void aRemovedTimerLeavesTheQueueAtOnceAndTheOthersKeepTheirOrder() {
        LoopTimers q = new LoopTimers();
        Random random = new Random(15);
        List<LoopTimers.Entry> all = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            LoopTimers.Entry e = new LoopTimers.Entry(random.nextInt(1_000), () -> { });
            all.add(e);
            q.add(e);
        }
        List<Long> kept = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (i % 3 == 0) {
                kept.add(all.get(i).deadline);
            } else {
                q.remove(all.get(i));
                assertFalse(all.get(i).queued());
            }
        }
        assertEquals(kept.size(), q.size(), "no cancelled entry stays queued");
        kept.sort(null);
        List<Long> polled = new ArrayList<>();
        LoopTimers.Entry e;
        while ((e = q.poll()) != null) {
            polled.add(e.deadline);
        }
        assertEquals(kept, polled);
    }

    @Test
    void aTimerRemovedBeforeItWasAddedIsNeverQueued() {
        LoopTimers q = new LoopTimers();
        LoopTimers.Entry e = new LoopTimers.Entry(1, () -> { });
        q.remove(e);   // a cancel from the loop thread that overtook the add's hand-over
        q.add(e);
        assertTrue(q.isEmpty());
        assertNull(q.poll());
    }
}
