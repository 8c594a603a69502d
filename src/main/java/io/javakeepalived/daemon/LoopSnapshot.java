package io.javakeepalived.daemon;

import io.javakeepalived.check.HealthSnapshot;
import io.javakeepalived.daemon.dump.VrrpStateSnapshot;
import io.javakeepalived.vrrp.VrrpState;
import io.javakeepalived.vrrp.VridDemultiplexer.SocketKey;
import io.javakeepalived.vrrp.packet.VrrpCounter;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the VRRP loop hands to a reader on another thread (the metrics endpoint): the dumps'
 * {@link VrrpStateSnapshot} plus what only the loop counts: the state changes of each instance
 * since the daemon started, and the packets each VRRP socket dropped before any instance saw them. Immutable, built on the loop thread by {@link VrrpLoop#requestSnapshot}.
 *
 * @param state       every instance as the dumps show it
 * @param transitions one row per (instance, from, to) that happened at least once, in
 *                    configuration order, then from/to order
 * @param sockets     one row per VRRP socket, in the order they were opened
 * @param health      the LVS checkers' standing, taken on the checker loop after the VRRP loop
 *                    answered ({@link #withHealth}); {@link HealthSnapshot#EMPTY} without checkers
 * @param healthLagNanos how long the checker loop took to hand {@code health} over (part of the
 *                    scrape's wait that is not the VRRP loop's); 0 without it
 */
public record LoopSnapshot(VrrpStateSnapshot state, List<Transitions> transitions, List<SocketDrops> sockets,
                           HealthSnapshot health, long healthLagNanos) {

    public LoopSnapshot {
        Objects.requireNonNull(state, "state");
        transitions = List.copyOf(transitions);
        sockets = List.copyOf(sockets);
        Objects.requireNonNull(health, "health");
    }

    /** What the VRRP loop alone knows: no checker standing. */
    public LoopSnapshot(VrrpStateSnapshot state, List<Transitions> transitions, List<SocketDrops> sockets) {
        this(state, transitions, sockets, HealthSnapshot.EMPTY, 0);
    }

    /** The same with the checkers' standing, which took {@code lagNanos} to arrive. */
    public LoopSnapshot withHealth(HealthSnapshot h, long lagNanos) {
        return new LoopSnapshot(state, transitions, sockets, h, lagNanos);
    }

    /** A snapshot without socket rows. */
    public LoopSnapshot(VrrpStateSnapshot state, List<Transitions> transitions) {
        this(state, transitions, List.of());
    }

    /**
     * What one VRRP socket dropped for no instance: {@link VrrpCounter#RUNT} (too short or an
     * unusable IP header) and {@link VrrpCounter#UNKNOWN_VRID}; a counter not in the map is 0.
     */
    public record SocketDrops(SocketKey socket, Map<VrrpCounter, Long> counters) {
        public SocketDrops {
            Objects.requireNonNull(socket, "socket");
            counters = Map.copyOf(counters);
        }

        public long counter(VrrpCounter c) {
            return counters.getOrDefault(c, 0L);
        }
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
