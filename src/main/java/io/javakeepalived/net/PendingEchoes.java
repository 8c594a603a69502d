package io.javakeepalived.net;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * The echo requests waiting for a reply, by sequence number (one 16-bit space for the whole
 * port) and by deadline. A reply counts only from the request's target. Answered and cancelled
 * requests leave the deadline queue lazily (when their deadline comes up), so neither costs a
 * search. Not thread-safe: the {@link IcmpEchoPort} serialises access.
 */
final class PendingEchoes {
    /** At most this many requests wait at once (the sequence space). */
    static final int CAPACITY = 0x10000;

    static final class Entry {
        final int sequence;
        final byte[] target;
        final long sentAt;
        final long deadline;
        final Consumer<EchoOutcome> outcome;

        Entry(int sequence, byte[] target, long sentAt, long deadline, Consumer<EchoOutcome> outcome) {
            this.sequence = sequence;
            this.target = target;
            this.sentAt = sentAt;
            this.deadline = deadline;
            this.outcome = outcome;
        }
    }

    private final Map<Integer, Entry> bySequence = new HashMap<>();
    private final PriorityQueue<Entry> byDeadline = new PriorityQueue<>(
            (a, b) -> Long.compare(a.deadline - b.deadline, 0));
    private int nextSequence;

    PendingEchoes(int firstSequence) {
        this.nextSequence = firstSequence & 0xffff;
    }

    /** Registers a request under a free sequence number; null when all are taken. */
    Entry add(byte[] target, long now, long timeoutNanos, Consumer<EchoOutcome> outcome) {
        if (bySequence.size() >= CAPACITY) {
            return null;
        }
        while (bySequence.containsKey(nextSequence)) {
            nextSequence = (nextSequence + 1) & 0xffff;
        }
        Entry e = new Entry(nextSequence, target.clone(), now, now + timeoutNanos, outcome);
        nextSequence = (nextSequence + 1) & 0xffff;
        bySequence.put(e.sequence, e);
        byDeadline.add(e);
        return e;
    }

    /** Removes and returns the request that {@code sequence} from {@code from} answers, or null. */
    Entry answer(int sequence, byte[] from) {
        Entry e = bySequence.get(sequence);
        if (e == null || !Arrays.equals(e.target, from)) {
            return null;
        }
        remove(e);
        return e;
    }

    /** Forgets {@code e} (cancelled, or its send failed); harmless if it is gone already. */
    void remove(Entry e) {
        bySequence.remove(e.sequence, e);
    }

    /** Removes and returns the requests whose deadline is {@code now} or earlier. */
    List<Entry> expire(long now) {
        List<Entry> out = new ArrayList<>();
        while (!byDeadline.isEmpty() && byDeadline.peek().deadline - now <= 0) {
            Entry e = byDeadline.poll();
            if (bySequence.remove(e.sequence, e)) {
                out.add(e);
            }
        }
        return out;
    }

    /** Nanoseconds from {@code now} to the earliest deadline (0 if passed), or -1 with none waiting. */
    long untilNextDeadline(long now) {
        while (!byDeadline.isEmpty() && bySequence.get(byDeadline.peek().sequence) != byDeadline.peek()) {
            byDeadline.poll(); // answered or cancelled
        }
        Entry head = byDeadline.peek();
        return head == null ? -1 : Math.max(0, head.deadline - now);
    }

    int size() {
        return bySequence.size();
    }
}
