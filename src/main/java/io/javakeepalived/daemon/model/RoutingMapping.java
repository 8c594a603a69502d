package io.javakeepalived.daemon.model;

import io.javakeepalived.config.SourceLocation;
import io.javakeepalived.config.model.IpAddressSpec;
import io.javakeepalived.config.model.KeepalivedConfig;
import io.javakeepalived.config.model.RouteSpec;
import io.javakeepalived.config.model.RuleSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

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
        return new RoutingPlan(installable(routeLines, RouteWords::of, RouteSpec::location, what + " route", problems),
                installable(ruleLines, RuleWords::of, RuleSpec::location, what + " rule", problems));
    }

    /**
     * The lines {@code words} can turn into what the kernel takes; each other line becomes a
     * problem line ("FILE:LINE: static route '...' is not installed: why").
     */
    private static <S, T> List<T> installable(List<S> lines, Function<S, T> words, Function<S, SourceLocation> at,
                                              String kind, List<String> problems) {
        List<T> out = new ArrayList<>();
        for (S s : lines) {
            try {
                out.add(words.apply(s));
            } catch (IllegalArgumentException e) {
                problems.add(at.apply(s) + ": " + kind + " '" + s + "' is not installed: " + e.getMessage());
            }
        }
        return out;
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
