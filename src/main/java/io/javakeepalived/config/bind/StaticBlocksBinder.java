package io.javakeepalived.config.bind;

import io.javakeepalived.config.ConfigErrorKind;
import io.javakeepalived.config.ConfigFatalException;
import io.javakeepalived.config.ConfigNode;

import java.util.Optional;

/**
 * The root blocks that hold plain lines: static_ipaddress, static_routes and static_rules
 * (read by the address, route and rule lines), linkbeat_interfaces and
 * interface_up_down_delays.
 */
final class StaticBlocksBinder {
    private StaticBlocksBinder() {
    }

    // ---------------------------------------------------------------- static_*, linkbeat, delays

    static void staticAddresses(ConfigNode n, BindContext c) throws ConfigFatalException {
        for (ConfigNode line : Blocks.lines(n, c)) {
            AddressLine.read(line, true, c).ifPresent(c.staticAddresses::add);
        }
    }

    static void staticRoutes(ConfigNode n, BindContext c) throws ConfigFatalException {
        for (ConfigNode line : Blocks.lines(n, c)) {
            RouteLine.read(line, true, c).ifPresent(c.staticRoutes::add);
        }
    }

    static void staticRules(ConfigNode n, BindContext c) throws ConfigFatalException {
        for (ConfigNode line : Blocks.lines(n, c)) {
            RuleLine.read(line, true, c, c.nextRulePreference).ifPresent(c.staticRules::add);
        }
    }

    /** An interface a per-interface block names: keepalived treats a missing one as fatal (exit 4). */
    private static boolean perInterface(ConfigNode line, BindContext c, String what) {
        String ifname = line.keyword();
        if (c.interfaces.exists(ifname) || c.global.dynamicInterfaces) {
            return true;
        }
        c.report(ConfigErrorKind.FATAL, line.location(), "unknown interface " + ifname + " specified for " + what
                + ", expected an existing interface");
        return false;
    }

    static void linkbeatInterfaces(ConfigNode n, BindContext c) {
        for (ConfigNode line : Blocks.lines(n, c)) {
            if (!perInterface(line, c, "linkbeat interface")) {
                continue;
            }
            VrrpDrafts.InterfaceSetting s = new VrrpDrafts.InterfaceSetting();
            s.name = line.keyword();
            s.location = line.location();
            if (line.argCount() >= 1) {
                String m = line.arg(0);
                if (m.equals("MII") || m.equals("ETHTOOL") || m.equals("IOCTL")) {
                    s.method = m;
                }
                if (s.method == null || line.argCount() > 1) {
                    c.error(line, "extra characters " + m + " in linkbeat interface, expected MII, ETHTOOL or IOCTL");
                }
            }
            c.linkbeatInterfaces.add(s);
        }
    }

    static void interfaceDelays(ConfigNode n, BindContext c) {
        for (ConfigNode line : Blocks.lines(n, c)) {
            if (!perInterface(line, c, "up/down delay")) {
                continue;
            }
            if (line.argCount() < 1) {
                c.note(line.location(), "No timeouts specified for " + line.keyword() + " up/down delays");
                continue;
            }
            if (line.argCount() > 2) {
                c.note(line.location(), "Too many parameters for " + line.keyword() + " up/down delays");
            }
            VrrpDrafts.InterfaceSetting s = new VrrpDrafts.InterfaceSetting();
            s.name = line.keyword();
            s.location = line.location();
            Optional<java.time.Duration> down = Numbers.timer(c, line.location(), line.arg(0), 0,
                    255 * Numbers.TIMER_HZ);
            if (down.isEmpty()) {
                c.note(line.location(), "Invalid down delay " + line.arg(0) + " for " + line.keyword());
                continue;
            }
            s.down = down.get().toNanos() / 1000;
            s.up = 0L;
            if (line.argCount() >= 2) {
                Optional<java.time.Duration> up = Numbers.timer(c, line.location(), line.arg(1), 0,
                        255 * Numbers.TIMER_HZ);
                if (up.isEmpty()) {
                    c.note(line.location(), "Invalid up delay " + line.arg(1) + " for " + line.keyword());
                    continue;
                }
                s.up = up.get().toNanos() / 1000;
            }
            c.interfaceDelays.add(s);
        }
    }
}
