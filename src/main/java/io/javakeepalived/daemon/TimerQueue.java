package io.javakeepalived.daemon;

import io.javakeepalived.vrrp.TimerKind;

import java.util.Arrays;
import java.util.NoSuchElementException;
import java.util.OptionalLong;

/**
 * The VRRP loop's timers: at most one deadline per (instance, {@link TimerKind}), the latest
 * {@link #arm} winning, as the core's {@code ArmTimer}/{@code CancelTimer} contract asks.
 * Instances are numbered 0..n-1 by the owner ({@code owner} below).
 *
 * <p>An indexed binary min-heap over fixed slots ({@code owner × kinds + kind}): arming,
 * re-arming and cancelling are O(log n) and allocate nothing once the owners are known.
 * Deadlines are readings of one monotonic nanosecond clock ({@code System.nanoTime()}) and are
 * compared by difference, so the clock may wrap. Ties fire in slot order (instance, then kind).
 *
 * <p>Not thread-safe: owned by the loop thread.
 */
public final class TimerQueue {
    private static final TimerKind[] KINDS = TimerKind.values();
    private static final int K = KINDS.length;

    private long[] deadlines;
    /** Position of each slot in {@link #heap}, -1 when not armed. */
    private int[] position;
    private int[] heap;
    private int size;

    /** A queue for {@code owners} instances (grows with {@link #ensureOwners}). */
    public TimerQueue(int owners) {
        int slots = Math.max(1, owners) * K;
        deadlines = new long[slots];
        position = new int[slots];
        Arrays.fill(position, -1);
        heap = new int[slots];
    }

    /** Makes room for instances 0..owners-1. */
    public void ensureOwners(int owners) {
        int slots = owners * K;
        if (slots <= position.length) {
            return;
        }
        int old = position.length;
        deadlines = Arrays.copyOf(deadlines, slots);
        position = Arrays.copyOf(position, slots);
        Arrays.fill(position, old, slots, -1);
        heap = Arrays.copyOf(heap, slots);
    }

    /** The slot number of (owner, kind), as {@link #pollDue} returns it. */
    public static int slot(int owner, TimerKind kind) {
        return owner * K + kind.ordinal();
    }

    public static int ownerOf(int slot) {
        return slot / K;
    }

    public static TimerKind kindOf(int slot) {
        return KINDS[slot % K];
    }

    /** Arms (or re-arms) the timer: it fires at {@code deadlineNanos}, whatever was armed before. */
    public void arm(int owner, TimerKind kind, long deadlineNanos) {
        int s = checkedSlot(owner, kind);
        int p = position[s];
        if (p < 0) {
            deadlines[s] = deadlineNanos;
            heap[size] = s;
            position[s] = size;
            size++;
            siftUp(size - 1);
            return;
        }
        long old = deadlines[s];
        deadlines[s] = deadlineNanos;
        if (deadlineNanos - old < 0) {
            siftUp(p);
        } else {
            siftDown(p);
        }
    }

    /** Forgets the timer; returns whether it was armed. */
    public boolean cancel(int owner, TimerKind kind) {
        int s = checkedSlot(owner, kind);
        int p = position[s];
        if (p < 0) {
            return false;
        }
        removeAt(p);
        return true;
    }

    /** Forgets every timer of the instance. */
    public void cancelAll(int owner) {
        for (TimerKind k : KINDS) {
            cancel(owner, k);
        }
    }

    public boolean isArmed(int owner, TimerKind kind) {
        return position[checkedSlot(owner, kind)] >= 0;
    }

    /** The armed deadline, or empty. */
    public OptionalLong deadline(int owner, TimerKind kind) {
        int s = checkedSlot(owner, kind);
        return position[s] < 0 ? OptionalLong.empty() : OptionalLong.of(deadlines[s]);
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** The earliest deadline. @throws NoSuchElementException if nothing is armed */
    public long nextDeadline() {
        if (size == 0) {
            throw new NoSuchElementException("no timer armed");
        }
        return deadlines[heap[0]];
    }

    /**
     * Removes the earliest timer if it is due ({@code deadline <= now}) and returns its slot
     * ({@link #ownerOf}, {@link #kindOf}); -1 if none is due. Call repeatedly to get all.
     */
    public int pollDue(long now) {
        if (size == 0) {
            return -1;
        }
        int s = heap[0];
        if (deadlines[s] - now > 0) {
            return -1;
        }
        removeAt(0);
        return s;
    }

    /**
     * How long a poll(2) may sleep: -1 when nothing is armed (forever), 0 when a timer is due,
     * else the milliseconds to the earliest deadline rounded up, so the loop never wakes early
     * and spins.
     */
    public int millisUntilNext(long now) {
        long d = nanosUntilNext(now);
        if (d <= 0) {
            return (int) d;
        }
        long ms = d / 1_000_000 + (d % 1_000_000 == 0 ? 0 : 1);
        return ms > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) ms;
    }

    /** As {@link #millisUntilNext}, in nanoseconds: -1 if nothing is armed, 0 if a timer is due. */
    public long nanosUntilNext(long now) {
        if (size == 0) {
            return -1;
        }
        return Math.max(0, deadlines[heap[0]] - now);
    }

    private int checkedSlot(int owner, TimerKind kind) {
        if (owner < 0 || owner * K >= position.length) {
            throw new IndexOutOfBoundsException("owner " + owner + " (queue has room for " + position.length / K + ")");
        }
        return slot(owner, kind);
    }

    private boolean less(int a, int b) {
        long d = deadlines[a] - deadlines[b];
        return d < 0 || (d == 0 && a < b);
    }

    private void removeAt(int p) {
        int s = heap[p];
        position[s] = -1;
        size--;
        if (p == size) {
            return;
        }
        int last = heap[size];
        heap[p] = last;
        position[last] = p;
        siftDown(p);
        if (heap[p] == last) {
            siftUp(p);
        }
    }

    private void siftUp(int p) {
        int s = heap[p];
        while (p > 0) {
            int parent = (p - 1) >>> 1;
            int ps = heap[parent];
            if (!less(s, ps)) {
                break;
            }
            heap[p] = ps;
            position[ps] = p;
            p = parent;
        }
        heap[p] = s;
        position[s] = p;
    }

    private void siftDown(int p) {
        int s = heap[p];
        while (true) {
            int c = 2 * p + 1;
            if (c >= size) {
                break;
            }
            if (c + 1 < size && less(heap[c + 1], heap[c])) {
                c++;
            }
            int cs = heap[c];
            if (!less(cs, s)) {
                break;
            }
            heap[p] = cs;
            position[cs] = p;
            p = c;
        }
        heap[p] = s;
        position[s] = p;
    }
}
