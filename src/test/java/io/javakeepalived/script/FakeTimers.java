package io.javakeepalived.script;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/** Timers on a clock that moves only when told; due tasks run on the thread that advances it. */
public final class FakeTimers implements Timers {
    private record Task(long deadline, long seq, Runnable task, boolean[] cancelled) {
    }

    private final PriorityQueue<Task> queue = new PriorityQueue<>((a, b) -> a.deadline != b.deadline
            ? Long.compare(a.deadline, b.deadline) : Long.compare(a.seq, b.seq));
    private long now = 1_000_000_000L;
    private long seq;
    /** How late every task runs after its deadline (a busy or paused machine). */
    private long lagNanos;

    public synchronized void lag(Duration d) {
        lagNanos = d.toNanos();
    }

    @Override
    public synchronized long nanoTime() {
        return now;
    }

    @Override
    public synchronized Cancellable at(long deadlineNanos, Runnable task) {
        boolean[] cancelled = {false};
        queue.add(new Task(deadlineNanos, seq++, task, cancelled));
        notifyAll();
        return () -> {
            synchronized (FakeTimers.this) {
                cancelled[0] = true;
            }
        };
    }

    /** Moves the clock forward, running every task that falls due, in deadline order. */
    public void advance(Duration d) {
        long target;
        synchronized (this) {
            target = now + d.toNanos();
        }
        while (true) {
            Task t;
            synchronized (this) {
                t = queue.peek();
                if (t == null || t.deadline + lagNanos > target) {
                    now = target;
                    return;
                }
                queue.poll();
                now = Math.max(now, t.deadline + lagNanos);
                if (t.cancelled[0]) {
                    continue;
                }
            }
            t.task.run();
        }
    }

    /** Deadlines (relative to now, in ms) of the tasks not cancelled. */
    public synchronized List<Long> pendingMillis() {
        List<Long> out = new ArrayList<>();
        queue.stream().filter(t -> !t.cancelled[0]).sorted((a, b) -> Long.compare(a.deadline, b.deadline))
                .forEach(t -> out.add((t.deadline - now) / 1_000_000));
        return out;
    }

    /** Waits (really) until at least {@code n} live tasks are pending. */
    public synchronized void awaitPending(int n) throws InterruptedException {
        long end = System.nanoTime() + 5_000_000_000L;
        while (pendingMillis().size() < n) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("expected " + n + " pending timers, have " + pendingMillis());
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }
}
