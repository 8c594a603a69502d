package io.javakeepalived.lvs;

import io.javakeepalived.config.model.RealServer;
import io.javakeepalived.config.model.VirtualServer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What is known of each real server (alive, the weight it should carry) and of each virtual
 * server (quorum). Before any checker has spoken a real server is alive, unless it has checkers
 * and its virtual server says {@code alpha} (keepalived starts those down). Not thread-safe: the
 * {@link IpvsDirector} owns it.
 */
final class HealthBook {
    /** One real server's standing. */
    record Health(boolean alive, int weight) {
    }

    private final Map<ServerId, Health> servers = new HashMap<>();
    private final Map<String, Boolean> quorum = new HashMap<>();

    /** The book for a configuration at start: every server as keepalived starts it. */
    static HealthBook atStart(List<VirtualServer> virtualServers) {
        return new HealthBook().carriedTo(virtualServers);
    }

    /**
     * The book for {@code next} (a reload): a real server that stays stays alive or dead and takes
     * its newly configured weight (keepalived edits the weight in place); a new one starts as at
     * start; quorum is worked out again from there.
     */
    HealthBook carriedTo(List<VirtualServer> next) {
        HealthBook b = new HealthBook();
        for (VirtualServer vs : next) {
            long sum = 0;
            for (RealServer rs : vs.realServers()) {
                ServerId id = ServerId.of(vs, rs);
                Health was = servers.get(id);
                Health h = was != null ? new Health(was.alive(), rs.weight())
                        : new Health(!(rs.alpha() && !rs.checkers().isEmpty()), rs.weight());
                b.servers.put(id, h);
                sum += h.alive() ? Math.max(0, h.weight()) : 0;
            }
            Boolean had = quorum.get(ServerId.of(vs));
            b.quorum.put(ServerId.of(vs), had == null ? QuorumRule.atStart(vs, sum) : QuorumRule.next(vs, had, sum));
        }
        return b;
    }

    Health of(VirtualServer vs, RealServer rs) {
        return servers.getOrDefault(ServerId.of(vs, rs), new Health(true, rs.weight()));
    }

    boolean quorumUp(VirtualServer vs) {
        return quorum.getOrDefault(ServerId.of(vs), true);
    }

    /** A checker verdict; the virtual server's quorum follows. */
    void realServer(VirtualServer vs, RealServer rs, boolean alive, int weight) {
        servers.put(ServerId.of(vs, rs), new Health(alive, weight));
        String id = ServerId.of(vs);
        quorum.put(id, QuorumRule.next(vs, quorum.getOrDefault(id, true), aliveWeight(vs)));
    }

    /** The checker engine's quorum verdict (it keeps the same arithmetic; its word is final). */
    void quorum(VirtualServer vs, boolean up) {
        quorum.put(ServerId.of(vs), up);
    }

    private long aliveWeight(VirtualServer vs) {
        long sum = 0;
        for (RealServer rs : vs.realServers()) {
            Health h = of(vs, rs);
            sum += h.alive() ? Math.max(0, h.weight()) : 0;
        }
        return sum;
    }
}
