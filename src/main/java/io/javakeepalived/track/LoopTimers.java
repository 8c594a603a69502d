package io.javakeepalived.track;

import java.util.Arrays;

/**
 * The checker loop's pending timers, earliest deadline first (ties in the order they were added):
 * a binary min-heap in which every entry knows its own place, so that {@link #remove} takes it out
 * at once. Why: every check arms an attempt limit and a connect or step timeout, and nearly all of
 * them are cancelled long before their deadline. Left queued until then (a cancel flag only), they
 * were thousands at 1,000 checks a second, each holding its probe; they lived through the young
 * collections, were promoted, and brought a full collection every few seconds.
 *
 * <p>Deadlines are monotonic nanoseconds compared by difference, so the clock may wrap. One
 * thread only (the loop's); not thread-safe.
 */
final class LoopTimers {

    /** One timer; {@link #queued()} until it is polled or removed. */
    static class Entry {
        final long deadline;
        final Runnable task;
        /** Set when queued: ties go in the order the timers were added. */
        private long seq;
        /** Its place in the heap, -1 when not in it. */
        private int index = -1;
        /** Removed, perhaps before it was added (a cancel that overtook a hand-over). */
        private boolean removed;

        /** Any thread; only {@link LoopTimers}'s thread touches it afterwards. */
        Entry(long deadline, Runnable task) {
            this.deadline = deadline;
            this.task = task;
        }

        boolean queued() {
            return index >= 0;
        }

        private boolean before(Entry o) {
            long d = deadline - o.deadline;
            return d != 0 ? d < 0 : seq < o.seq;
        }
    }

    private Entry[] heap = new Entry[64];
    private int size;
    private long seq;

    /** Queues {@code e}, unless it was removed already. */
    void add(Entry e) {
        if (e.removed || e.queued()) {
            return;
        }
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
        }
        e.seq = seq++;
        e.index = size++;
        heap[e.index] = e;
        up(e.index);
    }

    /** Takes {@code e} out (it will not run) and lets it go; harmless if it ran or was removed. */
    void remove(Entry e) {
        e.removed = true;
        int i = e.index;
        if (i < 0) {
            return;
        }
        e.index = -1;
        Entry last = heap[--size];
        heap[size] = null; // no reference left behind: the entry and its task can be collected
        if (i < size) {
            heap[i] = last;
            last.index = i;
            up(i);
            down(last.index);
        }
    }

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    /** The earliest entry, still queued; null if none. */
    Entry peek() {
        return size == 0 ? null : heap[0];
    }

    /** Takes the earliest entry out and returns it; null if none. */
    Entry poll() {
        Entry first = peek();
        if (first != null) {
            remove(first);
        }
        return first;
    }

    private void up(int i) {
        Entry e = heap[i];
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            Entry p = heap[parent];
            if (!e.before(p)) {
                break;
            }
            heap[i] = p;
            p.index = i;
            i = parent;
        }
        heap[i] = e;
        e.index = i;
    }

    private void down(int i) {
        Entry e = heap[i];
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int right = child + 1;
            if (right < size && heap[right].before(heap[child])) {
                child = right;
            }
            if (!heap[child].before(e)) {
                break;
            }
            heap[i] = heap[child];
            heap[i].index = i;
            i = child;
        }
        heap[i] = e;
        e.index = i;
    }
}
