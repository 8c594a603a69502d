package io.javakeepalived.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.config.model.ScriptCommand;
import io.javakeepalived.config.model.VrrpScript;
import io.javakeepalived.script.ScriptResult;
import io.javakeepalived.vrrp.Event;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CheckerLoopTest {
    private final List<String> posted = new CopyOnWriteArrayList<>();
    private final List<String> threads = new CopyOnWriteArrayList<>();
    private CheckerLoop loop;

    @AfterEach
    void close() {
        if (loop != null) {
            loop.close();
        }
    }

    private static void await(String what, long ms, java.util.function.BooleanSupplier cond) throws Exception {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ms);
        while (!cond.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(5);
        }
    }

    /** A tracker that records when it was polled and reports every poll as an event. */
    private final class Recording implements PolledTracker {
        final List<Long> polls = Collections.synchronizedList(new ArrayList<>());
        final Duration interval;
        volatile long stallOnceMs;

        Recording(Duration interval) {
            this.interval = interval;
        }

        @Override
        public String name() {
            return "file f";
        }

        @Override
        public Duration interval() {
            return interval;
        }

        @Override
        public List<TrackScriptState.Delivery> initialEvents() {
            return List.of(new TrackScriptState.Delivery("VI_1", new Event.WeightChanged("file f", 7)));
        }

        @Override
        public List<TrackScriptState.Delivery> poll(long nowNanos) {
            polls.add(nowNanos);
            threads.add(Thread.currentThread().getName());
            long stall = stallOnceMs;
            if (stall > 0) {
                stallOnceMs = 0;
                try {
                    Thread.sleep(stall);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return polls.size() == 1
                    ? List.of(new TrackScriptState.Delivery("VI_1", new Event.WeightChanged("file f", 3))) : List.of();
        }
    }

    @Test
    void polledTrackersRunOnAnAbsoluteGridOnTheCheckerThreadAndSkipMissedSlots() throws Exception {
        // the grid's origin is the clock's first reading, in start(): a loaded machine can take tens
        // of milliseconds between a reading taken before start() and that one
        java.util.concurrent.atomic.AtomicLong firstReading = new java.util.concurrent.atomic.AtomicLong();
        loop = new CheckerLoop(() -> {
            long t = System.nanoTime();
            firstReading.compareAndSet(0, t);
            return t;
        }, (i, e) -> posted.add(i + " " + e), (l, s) -> { });
        Recording r = new Recording(Duration.ofMillis(100));
        r.stallOnceMs = 0;
        loop.add(r);
        loop.start();
        assertEquals("VI_1 " + new Event.WeightChanged("file f", 7), posted.get(0), "initial events before start returns");
        Thread.sleep(300);
        assertEquals(1, posted.size(), "no poll before release()");
        loop.release();
        await("first poll", 10_000, () -> posted.size() == 2);
        assertEquals("VI_1 " + new Event.WeightChanged("file f", 3), posted.get(1));
        await("a few polls", 10_000, () -> r.polls.size() >= 3);
        r.stallOnceMs = 350;                       // one slow look: the slots it covered are skipped
        int before = r.polls.size();
        await("polls after the stall", 10_000, () -> r.polls.size() >= before + 6);
        List<Long> p = new ArrayList<>(r.polls);
        long origin = firstReading.get();
        long previousSlot = 0;
        boolean skipped = false;
        for (int i = 1; i < p.size(); i++) {
            long since = p.get(i) - origin;
            long slot = Math.floorDiv(since, 100_000_000L);
            // one poll per slot: no catch-up burst
            assertTrue(slot > previousSlot, "poll " + i + " at " + since / 1_000_000 + " ms shares slot " + slot);
            skipped |= slot - previousSlot >= 3;
            previousSlot = slot;
        }
        assertTrue(skipped, "the 350 ms stall skipped slots rather than catching them up");
        assertTrue(threads.stream().allMatch("checker"::equals), threads.toString());
    }

    @Test
    void trackScriptsRunThroughTheSchedulerAndTheirResultsAreHandledOnTheCheckerThread() throws Exception {
        loop = new CheckerLoop((i, e) -> {
            threads.add(Thread.currentThread().getName());
            posted.add(i + " " + e);
        }, (l, s) -> { });
        List<CompletableFuture<ScriptResult>> runs = new CopyOnWriteArrayList<>();
        TrackScriptScheduler s = loop.newScheduler(run -> {
            CompletableFuture<ScriptResult> f = new CompletableFuture<>();
            runs.add(f);
            return f;
        });
        ScriptCommand cmd = new ScriptCommand("/x", List.of("/x"), Optional.empty(), Optional.empty(), 0, 0, null);
        VrrpScript script = new VrrpScript("chk", cmd, Duration.ofMillis(200), Duration.ofMillis(200), -20, false,
                1, 1, false, null);
        s.add(script, TrackScriptState.of(script, List.of(new TrackScriptState.Tracking("VI_1", -20, false))));
        loop.start();
        Thread.sleep(300);
        assertEquals(0, runs.size(), "no run before release()");
        loop.release();
        await("first run", 10_000, () -> runs.size() == 1);
        // completes on a foreign thread, as the process runner's do
        Thread t = new Thread(() -> runs.get(0).complete(new ScriptResult.Exited(1, 1, Duration.ZERO, "")), "reaper");
        t.start();
        t.join();
        await("event", 10_000, () -> posted.size() == 1);
        assertEquals("VI_1 " + new Event.WeightChanged("script chk", -20), posted.get(0));
        assertEquals(List.of("checker"), threads);
        await("next slot", 10_000, () -> runs.size() >= 2);
    }

    @Test
    void turnsAtLeastOnceASecondWhenIdle() throws Exception {
        loop = new CheckerLoop((i, e) -> { }, (l, s) -> { });
        loop.start();
        loop.release();
        await("first turn", 10_000, () -> loop.lastTurnNanos() != 0);
        // watch 4.5 s of idleness: once a second is four turns; three allow one late wake-up on a
        // loaded machine, while a loop that only turns on work would show none
        java.util.Set<Long> turns = new java.util.HashSet<>();
        long first = loop.lastTurnNanos();
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(4_500);
        while (System.nanoTime() < end) {
            long t = loop.lastTurnNanos();
            if (t != first) {
                turns.add(t);
            }
            Thread.sleep(20);
        }
        assertTrue(turns.size() >= 3, turns.size() + " turns in 4.5 s idle");
    }

    /**
     * keepalived's checker process steps its real-time priority up when a timer runs late; the
     * loop tells how late each turn's first due timer ran. A task that holds the thread 300 ms makes
     * the timer due 50 ms in run at least 250 ms late.
     */
    @Test
    void aTimerHeldUpByABusyThreadIsReportedWithItsLateness() throws Exception {
        loop = new CheckerLoop((i, e) -> { }, (l, s) -> { });
        List<Long> lateness = new CopyOnWriteArrayList<>();
        loop.watchLateness((deadline, now) -> lateness.add(now - deadline));
        loop.start();
        loop.release();
        CountDownLatch ran = new CountDownLatch(1);
        loop.execute(() -> {
            loop.at(loop.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50), ran::countDown);
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertTrue(ran.await(10, TimeUnit.SECONDS));
        assertEquals(1, lateness.size(), lateness.toString());
        assertTrue(lateness.get(0) >= TimeUnit.MILLISECONDS.toNanos(250), lateness.toString());
    }

    /**
     * Every check arms timeouts that it nearly always cancels long before they fall due. A
     * cancelled timer must let go of its task (and the probe behind it) at once, not at its
     * deadline: 10,000 checks' attempt limits an hour away, cancelled, leave nothing queued, and
     * what their tasks held is collectable.
     */
    @Test
    void aCancelledTimerLeavesTheQueueAndLetsGoOfItsTaskAtOnce() throws Exception {
        loop = new CheckerLoop((i, e) -> { }, (l, s) -> { });
        loop.start();
        loop.release();
        long hour = TimeUnit.HOURS.toNanos(1);
        AtomicInteger queued = new AtomicInteger(-1);
        AtomicInteger ran = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(1);
        WeakReference<?>[] probe = new WeakReference<?>[1];
        loop.execute(() -> {
            for (int i = 0; i < 10_000; i++) {
                Object held = new byte[64];
                if (i == 0) {
                    probe[0] = new WeakReference<>(held);
                }
                loop.at(loop.nanoTime() + hour, () -> ran.addAndGet(held.hashCode() | 1)).cancel();
            }
            queued.set(loop.pendingTimers());
            done.countDown();
        });
        assertTrue(done.await(10, TimeUnit.SECONDS));
        assertEquals(0, queued.get(), "cancelled timers still queued");
        // a timer cancelled from another thread leaves the queue after the hand-over
        WeakReference<Object> foreign = armAndCancel(hour, ran);
        for (int i = 0; i < 250 && (probe[0].get() != null || foreign.get() != null); i++) { // up to 5 s
            System.gc();
            Thread.sleep(20);
        }
        assertEquals(null, probe[0].get(), "a cancelled timer's task is still reachable");
        assertEquals(null, foreign.get(), "a timer cancelled from another thread is still reachable");
        assertEquals(0, ran.get());
    }

    /** Arms a timer from this (foreign) thread whose task holds an object, cancels it, and returns a weak reference to that object. */
    private WeakReference<Object> armAndCancel(long in, AtomicInteger ran) {
        Object held = new byte[64];
        loop.at(loop.nanoTime() + in, () -> ran.addAndGet(held.hashCode())).cancel();
        return new WeakReference<>(held);
    }
}
