package io.javakeepalived.check;

import io.javakeepalived.config.model.RealServer;
import io.javakeepalived.config.model.VirtualServer;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The LVS health checkers' standing at one moment, for readers on other threads (the metrics
 * page): every virtual server's quorum, every real server's verdict and weight, every checker's
 * standing and counts. Immutable; built by {@link #of} on the checker loop's thread, which owns
 * the pools, so it never sees a pool half-way through a verdict.
 *
 * @param virtualServers in configuration order; empty when no checker runs
 */
public record HealthSnapshot(List<VirtualServerView> virtualServers) {

    /** No virtual server: checkers not run ({@code -P}) or not started yet. */
    public static final HealthSnapshot EMPTY = new HealthSnapshot(List.of());

    public HealthSnapshot {
        virtualServers = List.copyOf(virtualServers);
    }

    /**
     * One virtual server.
     *
     * @param name       keepalived's FMT_VS, e.g. {@code [10.0.0.1]:tcp:80}
     * @param quorumUp   the live weight reached the quorum (with hysteresis)
     * @param liveWeight the weights of the alive real servers added up (keepalived's weigh_live_realservers)
     * @param quorum     the configured quorum
     */
    public record VirtualServerView(String name, boolean quorumUp, long liveWeight, long quorum,
                                    List<RealServerView> realServers) {
        public VirtualServerView {
            Objects.requireNonNull(name, "name");
            realServers = List.copyOf(realServers);
        }
    }

    /**
     * One real server of one virtual server.
     *
     * @param name        keepalived's FMT_RS, e.g. {@code [10.0.1.1]:tcp:80}
     * @param alive       every checker of it passes (the checkers' verdict)
     * @param weight      the weight it carries while alive (configured, or set by a checker)
     * @param tableWeight the weight it has in the IPVS table: its weight while alive and its pool
     *                    serves; 0 while dead (or replaced by the sorry server) with
     *                    inhibit_on_failure; empty when it is out of the table
     */
    public record RealServerView(String name, boolean alive, int weight, OptionalInt tableWeight,
                                 List<CheckerView> checkers) {
        public RealServerView {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(tableWeight, "tableWeight");
            checkers = List.copyOf(checkers);
        }
    }

    /**
     * One checker of a real server.
     *
     * @param index  its place among the real server's checkers, from 0 (two of one kind are allowed)
     * @param up     its own verdict
     * @param hasRun it has reached a result since start
     * @param checks attempts with a result; {@code failures} of them failed
     */
    public record CheckerView(CheckerKind kind, int index, boolean up, boolean hasRun, long checks, long failures) {
        public CheckerView {
            Objects.requireNonNull(kind, "kind");
        }
    }

    /** The pools as they stand. Checker loop thread. */
    public static HealthSnapshot of(List<VirtualServerHealth> pools) {
        List<VirtualServerView> out = new ArrayList<>(pools.size());
        for (VirtualServerHealth vs : pools) {
            List<RealServerView> servers = new ArrayList<>();
            for (RealServerHealth rs : vs.realServers()) {
                List<CheckerView> checkers = new ArrayList<>();
                List<CheckerHealth> cs = rs.checkers();
                for (int i = 0; i < cs.size(); i++) {
                    CheckerHealth c = cs.get(i);
                    checkers.add(new CheckerView(c.kind(), i, c.isUp(), c.hasRun(), c.checksRun(), c.checksFailed()));
                }
                servers.add(new RealServerView(rs.name(), rs.alive(), rs.weight(),
                        tableWeight(vs.config(), vs.quorumUp(), rs.config(), rs.alive(), rs.weight()), checkers));
            }
            out.add(new VirtualServerView(vs.name(), vs.quorumUp(), vs.liveWeight(), vs.config().quorum(), servers));
        }
        return new HealthSnapshot(out);
    }

    /**
     * keepalived's rule for a real server's place in the table (ipwrapper.c): out when dead or
     * when a lost quorum hands the service to the sorry server, unless inhibit_on_failure keeps
     * it there at weight 0.
     */
    static OptionalInt tableWeight(VirtualServer vs, boolean quorumUp, RealServer rs, boolean alive, int weight) {
        boolean sorryServes = vs.sorryServer().isPresent() && !quorumUp;
        if (alive && !sorryServes) {
            return OptionalInt.of(weight);
        }
        return rs.inhibitOnFailure() ? OptionalInt.of(0) : OptionalInt.empty();
    }
}
