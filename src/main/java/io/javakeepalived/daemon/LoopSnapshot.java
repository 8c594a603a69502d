package io.javakeepalived.daemon;

import io.javakeepalived.daemon.dump.VrrpStateSnapshot;
import io.javakeepalived.vrrp.VrrpState;

import java.util.List;
import java.util.Objects;

/**
 * What the VRRP loop hands to a reader on another thread (the metrics endpoint): the dumps'
 * {@link VrrpStateSnapshot} plus what only the loop counts, the state changes of each instance
 * since the daemon started. Immutable, built on the loop thread by {@link VrrpLoop#requestSnapshot}.
 *
 * @param state       every instance as the dumps show it
 * @param transitions one row per (instance, from, to) that happened at least once, in
 *                    configuration order, then from/to order
 */
public record LoopSnapshot(VrrpStateSnapshot state, List<Transitions> transitions) {

    public LoopSnapshot {
        Objects.requireNonNull(state, "state");
        transitions = List.copyOf(transitions);
    }

    /** How often {@code instance} went from {@code from} to {@code to}. */
    public record Transitions(String instance, VrrpState from, VrrpState to, long count) {
        public Transitions {
            Objects.requireNonNull(instance, "instance");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }
    }
}
