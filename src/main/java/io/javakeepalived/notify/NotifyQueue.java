package io.javakeepalived.notify;

import io.javakeepalived.vrrp.NotifyState;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The transitions of one instance or sync group whose hooks have not started yet: first in, first
 * out, with two rules that keep it small whatever the peers send.
 *
 * <ul>
 * <li>Coalescing: a transition equal (state and priority) to the last one waiting adds nothing a
 *     hook could act on, so it joins that one instead of queueing a run of its own. This is what a
 *     flood of lower-priority adverts at a master produces (one {@code MASTER_RX_LOWER_PRI} each).</li>
 * <li>A bound: past {@code capacity} waiting transitions the oldest waiting one is dropped, never
 *     the latest, so the hooks of the state the instance is in now always run.</li>
 * </ul>
 * Not thread-safe: the dispatcher holds its lock around every call.
 */
final class NotifyQueue {

    /**
     * One reported transition.
     *
     * @param target the hooks as registered when it was reported (null: none registered)
     * @param done   completes when its hooks have ended, or when it was dropped
     */
    record Transition(NotifyState state, int priority, NotifyTarget target, CompletableFuture<Void> done) {
        boolean sameAs(Transition other) {
            return state == other.state && priority == other.priority && target == other.target;
        }
    }

    private final int capacity;
    private final Deque<Transition> waiting = new ArrayDeque<>();
    private Transition running;
    private long droppedSinceIdle;

    NotifyQueue(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity " + capacity);
        }
        this.capacity = capacity;
    }

    /**
     * Adds a transition; {@code t.done()} is completed with the one it joined if it was coalesced.
     *
     * @return the waiting transition dropped to make room, if one was
     */
    Optional<Transition> offer(Transition t) {
        Transition last = waiting.peekLast();
        if (last != null && last.sameAs(t)) {
            last.done().whenComplete((v, e) -> t.done().complete(null));
            return Optional.empty();
        }
        waiting.addLast(t);
        if (waiting.size() <= capacity) {
            return Optional.empty();
        }
        droppedSinceIdle++;
        return Optional.of(waiting.pollFirst());
    }

    /** The next transition to run if none is running now (and marks one running), else empty. */
    Optional<Transition> startIfIdle() {
        if (running != null || waiting.isEmpty()) {
            return Optional.empty();
        }
        running = waiting.pollFirst();
        return Optional.of(running);
    }

    /** The running transition ended: the next one to run, or empty (the queue is idle then). */
    Optional<Transition> finished() {
        running = null;
        return startIfIdle();
    }

    /** Whether nothing runs or waits. */
    boolean idle() {
        return running == null && waiting.isEmpty();
    }

    /** The futures of the running and the waiting transitions. */
    List<CompletableFuture<Void>> pending() {
        List<CompletableFuture<Void>> all = new ArrayList<>();
        if (running != null) {
            all.add(running.done());
        }
        waiting.forEach(t -> all.add(t.done()));
        return all;
    }

    /** How many transitions were dropped since the queue was last idle. */
    long droppedSinceIdle() {
        return droppedSinceIdle;
    }

    /** {@link #droppedSinceIdle()}, and resets the count. */
    long takeDropped() {
        long n = droppedSinceIdle;
        droppedSinceIdle = 0;
        return n;
    }

    /** Waiting transitions (not the running one). */
    int waiting() {
        return waiting.size();
    }
}
