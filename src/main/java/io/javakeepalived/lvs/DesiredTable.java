package io.javakeepalived.lvs;

import io.javakeepalived.config.model.Forwarding;
import io.javakeepalived.config.model.RealServer;
import io.javakeepalived.config.model.VirtualServer;
import io.javakeepalived.config.model.VirtualServerGroup;
import io.javakeepalived.net.IpvsDest;
import io.javakeepalived.net.IpvsService;
import io.javakeepalived.net.IpvsServiceKey;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the IPVS table should hold for the configured virtual servers, given the
 * {@link HealthBook}: keepalived's rules (ipwrapper.c, ipvswrapper.c) stated as a result.
 * <ul>
 * <li>An alive real server is in its services with its weight; a dead one is not, unless
 *   {@code inhibit_on_failure}: then it stays with weight 0 (its connections drain, none are new).</li>
 * <li>Quorum lost and a sorry server: the pool gives way to the sorry server (weight 1); the
 *   real servers leave (those with inhibit_on_failure stay at weight 0). Quorum lost without a
 *   sorry server changes nothing.</li>
 * <li>{@code sorry_server_inhibit}: the sorry server is always there, at weight 0 while not needed.</li>
 * <li>DR and TUN dests take the service's port (none for a fwmark); NAT ones their own.</li>
 * </ul>
 */
final class DesiredTable {
    private DesiredTable() {
    }

    static TableState of(List<VirtualServer> virtualServers, List<VirtualServerGroup> groups, HealthBook health) {
        Map<String, VirtualServerGroup> byName = new LinkedHashMap<>();
        groups.forEach(g -> byName.put(g.name(), g));
        Map<IpvsServiceKey, TableState.Entry> out = new LinkedHashMap<>();
        for (VirtualServer vs : virtualServers) {
            for (IpvsService s : KernelServices.of(vs, byName)) {
                List<IpvsDest> dests = dests(vs, s.key(), health);
                // two virtual servers on one kernel service (a group used twice): their pools add up
                TableState.Entry had = out.get(s.key());
                if (had != null) {
                    List<IpvsDest> merged = new ArrayList<>(had.dests());
                    dests.stream().filter(d -> merged.stream().noneMatch(d::sameServer)).forEach(merged::add);
                    dests = merged;
                }
                out.put(s.key(), new TableState.Entry(had != null ? had.service() : s, dests));
            }
        }
        return new TableState(out);
    }

    private static List<IpvsDest> dests(VirtualServer vs, IpvsServiceKey key, HealthBook health) {
        boolean sorryActive = vs.sorryServer().isPresent() && !health.quorumUp(vs);
        List<IpvsDest> out = new ArrayList<>();
        for (RealServer rs : vs.realServers()) {
            HealthBook.Health h = health.of(vs, rs);
            int weight;
            if (sorryActive || !h.alive()) {
                if (!rs.inhibitOnFailure()) {
                    continue;
                }
                weight = 0;
            } else {
                weight = Math.max(0, h.weight());
            }
            IpvsDest d = dest(key, rs.forwarding(), rs.address(), rs.port(), weight, rs.upperThreshold(),
                    rs.lowerThreshold());
            if (out.stream().noneMatch(d::sameServer)) {
                out.add(d);
            }
        }
        vs.sorryServer().ifPresent(sorry -> {
            if (!sorryActive && !sorry.inhibit()) {
                return;
            }
            Forwarding f = sorry.forwarding() != null ? sorry.forwarding() : vs.forwarding();
            // keepalived: a NAT sorry server without a port gets port 0, not the service's
            IpvsDest d = dest(key, f, sorry.address(), sorry.port(), sorryActive ? 1 : 0, 0, 0);
            // a sorry server that is also a real server: the real server's entry, unless the sorry one is needed
            out.removeIf(x -> sorryActive && x.sameServer(d));
            if (out.stream().noneMatch(d::sameServer)) {
                out.add(d);
            }
        });
        return out;
    }

    static IpvsDest dest(IpvsServiceKey key, Forwarding f, InetAddress address, int port, int weight, long upper,
                         long lower) {
        int method = switch (f.method()) {
            case NAT -> IpvsDest.MASQ;
            case DR -> IpvsDest.DROUTE;
            case TUN -> IpvsDest.TUNNEL;
        };
        int type = switch (f.tunnelType().orElse("ipip")) {
            case "gue" -> IpvsDest.TUN_GUE;
            case "gre" -> IpvsDest.TUN_GRE;
            default -> IpvsDest.TUN_IPIP;
        };
        int csum = switch (f.tunnelChecksum().orElse("nocsum")) {
            case "csum" -> IpvsDest.TUN_CSUM;
            case "remcsum" -> IpvsDest.TUN_REMCSUM;
            default -> 0;
        };
        int destPort = method == IpvsDest.MASQ ? port : key.port();
        return new IpvsDest(address, destPort, method, weight, upper, lower, type, f.tunnelPort().orElse(0), csum);
    }
}
