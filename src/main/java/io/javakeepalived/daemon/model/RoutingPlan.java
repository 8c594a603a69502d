package io.javakeepalived.daemon.model;

import io.javakeepalived.net.IpRoute;
import io.javakeepalived.net.IpRule;

import java.util.ArrayList;
import java.util.List;

/**
 * Routes and rules installed together: an instance's {@code virtual_routes} / {@code virtual_rules}
 * while it is MASTER, or the {@code static_routes} / {@code static_rules} all the time.
 */
public record RoutingPlan(List<IpRoute> routes, List<IpRule> rules) {
    public static final RoutingPlan NONE = new RoutingPlan(List.of(), List.of());

    public RoutingPlan {
        routes = List.copyOf(routes);
        rules = List.copyOf(rules);
    }

    public boolean isEmpty() {
        return routes.isEmpty() && rules.isEmpty();
    }

    /** What is in this plan and not in {@code other}. */
    public RoutingPlan without(RoutingPlan other) {
        List<IpRoute> r = new ArrayList<>(routes);
        r.removeAll(other.routes);
        List<IpRule> u = new ArrayList<>(rules);
        u.removeAll(other.rules);
        return new RoutingPlan(r, u);
    }
}
