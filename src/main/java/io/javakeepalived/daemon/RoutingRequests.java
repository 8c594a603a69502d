package io.javakeepalived.daemon;

import io.javakeepalived.daemon.model.RoutingPlan;
import io.javakeepalived.net.ErrnoException;
import io.javakeepalived.net.IpRoute;
import io.javakeepalived.net.IpRule;
import io.javakeepalived.net.RouteManager;

import java.io.IOException;
import java.util.List;
import java.util.Objects;

import org.slf4j.Logger;

/**
 * Routes and rules put into the kernel and taken out, in keepalived's order: routes before rules
 * when adding (a rule may point at a table the routes fill), rules before routes when removing.
 * Errors are logged with who asked and never thrown: a route that is already there (add) or
 * already gone (remove) is what was wanted. Loop thread only.
 */
final class RoutingRequests {
    private final RouteManager rtnl;
    private final Logger log;

    RoutingRequests(RouteManager rtnl, Logger log) {
        this.rtnl = rtnl;
        this.log = log;
    }

    /** @param who "(VI_1)" or "static", for the log */
    void add(String who, RoutingPlan p) {
        for (IpRoute r : p.routes()) {
            request(who, "add route", r, () -> rtnl.addRoute(r), true);
        }
        for (IpRule r : p.rules()) {
            request(who, "add rule", r, () -> rtnl.addRule(r), true);
        }
    }

    void remove(String who, RoutingPlan p) {
        for (IpRule r : p.rules()) {
            request(who, "remove rule", r, () -> rtnl.deleteRule(r), false);
        }
        for (IpRoute r : p.routes()) {
            request(who, "remove route", r, () -> rtnl.deleteRoute(r), false);
        }
    }

    /**
     * Removes every route and rule marked as ours (protocol 18) that {@code keep} does not hold:
     * what a killed predecessor left. Nobody is master yet, so no virtual route may stay.
     */
    void removeStale(RoutingPlan keep) throws IOException {
        List<IpRule> rules = rtnl.ourRules();
        for (IpRule r : rules) {
            if (keep.rules().stream().noneMatch(k -> sameRule(r, k))) {
                request("stale", "remove rule", r, () -> rtnl.deleteRule(r), false);
                log.info("Removed stale rule {} left by an earlier run", r);
            }
        }
        for (IpRoute r : rtnl.ourRoutes()) {
            if (keep.routes().stream().noneMatch(k -> sameRoute(r, k))) {
                request("stale", "remove route", r, () -> rtnl.deleteRoute(r), false);
                log.info("Removed stale route {} left by an earlier run", r);
            }
        }
    }

    /** What the kernel reports is the planned route: same table, destination, type, tos and what the plan fixes. */
    static boolean sameRoute(IpRoute kernel, IpRoute planned) {
        return kernel.ipv6() == planned.ipv6() && kernel.table() == planned.table()
                && kernel.destination().equals(planned.destination()) && Objects.equals(kernel.from(), planned.from())
                && kernel.type() == planned.type() && kernel.tos() == planned.tos()
                && (planned.metric() < 0 || kernel.metric() == planned.metric())
                && (planned.device() == null || planned.device().equals(kernel.device()))
                && (planned.gateway() == null || planned.gateway().equals(kernel.gateway()));
    }

    /** What the kernel reports is the planned rule: same priority, action, table and selectors. */
    static boolean sameRule(IpRule kernel, IpRule planned) {
        long plannedTable = planned.action() == IpRule.ACTION_TABLE && planned.table() == 0 && !planned.l3mdev()
                ? IpRoute.TABLE_MAIN : planned.table();
        return kernel.ipv6() == planned.ipv6() && kernel.priority() == planned.priority()
                && kernel.action() == planned.action() && (planned.l3mdev() || kernel.table() == plannedTable)
                && Objects.equals(kernel.from(), planned.from()) && Objects.equals(kernel.to(), planned.to())
                && kernel.invert() == planned.invert()
                && Objects.equals(kernel.inputInterface(), planned.inputInterface())
                && Objects.equals(kernel.outputInterface(), planned.outputInterface());
    }

    private interface Request {
        void run() throws IOException;
    }

    private void request(String who, String what, Object target, Request r, boolean add) {
        try {
            r.run();
        } catch (ErrnoException x) {
            if (add ? !x.alreadyExists() : !x.targetMissing()) {
                log.error("{} cannot {} {}: {}", who, what, target, x.getMessage());
            }
        } catch (IOException x) {
            log.error("{} cannot {} {}: {}", who, what, target, x.getMessage());
        }
    }
}
