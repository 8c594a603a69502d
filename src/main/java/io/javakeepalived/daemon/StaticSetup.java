package io.javakeepalived.daemon;

import io.javakeepalived.daemon.model.StaticPlan;
import io.javakeepalived.net.InterfaceAddress;
import io.javakeepalived.net.LinkInfo;
import io.javakeepalived.vrrp.Vip;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;

/**
 * {@code static_ipaddress}, {@code static_routes} and {@code static_rules}: installed at start
 * whatever the instances' states, kept while the daemon runs (a deleted static address is put
 * back at once, unless {@code no_track}), changed as a diff by a reload, removed at stop. What a
 * killed predecessor installed and this configuration still holds is kept as it is; the rest of
 * its routes and rules goes (they carry protocol 18). Loop thread only.
 */
final class StaticSetup {
    private static final String WHO = "static";

    private final VipInstaller addresses;
    private final RoutingRequests routing;
    private final Map<String, LinkInfo> links;
    private final Logger log;
    private StaticPlan plan;

    /**
     * @param initial what {@link #start()} installs
     * @param links   the loop's live view of the interfaces by name
     */
    StaticSetup(StaticPlan initial, VipInstaller addresses, RoutingRequests routing, Map<String, LinkInfo> links,
                Logger log) {
        this.plan = initial;
        this.addresses = addresses;
        this.routing = routing;
        this.links = links;
        this.log = log;
    }

    /**
     * Start-up, before any instance: removes the stale routes and rules, then installs the
     * initial plan. Stale addresses go with the VIPs' ({@link #isStatic} tells which stay).
     */
    void start() throws IOException {
        routing.removeStale(plan.routing());
        for (StaticPlan.Address a : plan.addresses()) {
            addresses.add(WHO, a.address());
        }
        routing.add(WHO, plan.routing());
    }

    /** At stop, after the instances: everything static goes. */
    void stop() {
        routing.remove(WHO, plan.routing());
        for (StaticPlan.Address a : plan.addresses()) {
            addresses.remove(WHO, a.address());
        }
        plan = StaticPlan.NONE;
    }

    /** A reload: what the new configuration drops goes, what it adds comes; the rest is not touched. */
    void reload(StaticPlan next) {
        if (next.equals(plan)) {
            return;
        }
        routing.remove(WHO, plan.routing().without(next.routing()));
        List<Vip> before = vips(plan);
        List<Vip> after = vips(next);
        for (Vip v : before) {
            if (!after.contains(v)) {
                addresses.remove(WHO, v);
            }
        }
        for (Vip v : after) {
            if (!before.contains(v)) {
                addresses.add(WHO, v);
            }
        }
        routing.add(WHO, next.routing().without(plan.routing()));
        plan = next;
    }

    /** Whether {@code a} is one of the static addresses (a predecessor's copy stays). */
    boolean isStatic(InterfaceAddress a) {
        return plan.addresses().stream().anyMatch(s -> same(s.address(), a));
    }

    /** The kernel reports an address deleted: a tracked static one is put back (keepalived does, within 2 ms). */
    void addressDeleted(InterfaceAddress a) {
        for (StaticPlan.Address s : plan.addresses()) {
            if (!s.noTrack() && same(s.address(), a)) {
                log.info("Restoring deleted static address {}", s.address());
                addresses.add(WHO, s.address());
                return;
            }
        }
    }

    private boolean same(Vip v, InterfaceAddress a) {
        LinkInfo l = links.get(v.device());
        return l != null && l.index() == a.ifindex() && v.address().equals(a.address())
                && v.prefixLength() == a.prefixLength();
    }

    private static List<Vip> vips(StaticPlan p) {
        List<Vip> out = new ArrayList<>();
        p.addresses().forEach(a -> out.add(a.address()));
        return out;
    }
}
