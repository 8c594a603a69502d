package io.javakeepalived.daemon.model;

import io.javakeepalived.config.model.IpAddressSpec;
import io.javakeepalived.config.model.KeepalivedConfig;
import io.javakeepalived.config.model.RouteSpec;
import io.javakeepalived.config.model.RuleSpec;
import io.javakeepalived.net.IpRoute;
import io.javakeepalived.net.IpRule;

import java.util.ArrayList;
import java.util.List;

/**
 * Route, rule and static address lines of the configuration to what the daemon installs. A line
 * javakeepalived cannot install is left out with a problem line naming FILE:LINE; the rest runs.
 * Pure.
 */
final class RoutingMapping {
    private RoutingMapping() {
    }

    /**
     * @param what "virtual" or "static", for the problem lines
     */
    static RoutingPlan routing(List<RouteSpec> routeLines, List<RuleSpec> ruleLines, String what,
                               List<String> problems) {
        List<IpRoute> routes = new ArrayList<>();
        for (RouteSpec s : routeLines) {
            try {
                routes.add(RouteWords.of(s));
            } catch (IllegalArgumentException e) {
                problems.add(s.location() + ": " + what + " route '" + s + "' is not installed: " + e.getMessage());
            }
        }
        List<IpRule> rules = new ArrayList<>();
        for (RuleSpec s : ruleLines) {
            try {
                rules.add(RuleWords.of(s));
            } catch (IllegalArgumentException e) {
                problems.add(s.location() + ": " + what + " rule '" + s + "' is not installed: " + e.getMessage());
            }
        }
        return new RoutingPlan(routes, rules);
    }

    /** {@code static_ipaddress}, {@code static_routes} and {@code static_rules}. */
    static StaticPlan statics(KeepalivedConfig config, List<String> problems) {
        List<StaticPlan.Address> addresses = new ArrayList<>();
        for (IpAddressSpec s : config.staticAddresses()) {
            if (s.device().isEmpty()) {
                problems.add(s.location() + ": static address " + s.prefix()
                        + " has no dev and there is no default_interface - not installed");
                continue;
            }
            addresses.add(new StaticPlan.Address(ConfigMapping.vip(s, s.device().get()), s.noTrack()));
        }
        return new StaticPlan(addresses, routing(config.staticRoutes(), config.staticRules(), "static", problems));
    }
}
