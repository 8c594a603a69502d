package io.javakeepalived.daemon.model;

import io.javakeepalived.config.model.AddressFamily;
import io.javakeepalived.config.model.RuleSpec;
import io.javakeepalived.net.IpRoute;
import io.javakeepalived.net.IpRule;

import java.util.Map;

/**
 * One {@code virtual_rules} / {@code static_rules} line as the kernel gets it (keepalived's
 * alloc_rule and netlink_rule). The preference is the spec's: keepalived's numbering down from
 * 16384 for rules without one is done by the binder. Every rule carries protocol 18 unless a
 * {@code no_track} line names another (keepalived sends none then; 18 lets a restart find it). Pure.
 */
final class RuleWords {
    private RuleWords() {
    }

    private static final Map<String, Integer> ACTIONS = Map.of("goto", IpRule.ACTION_GOTO, "nop", IpRule.ACTION_NOP,
            "blackhole", IpRule.ACTION_BLACKHOLE, "unreachable", IpRule.ACTION_UNREACHABLE, "prohibit",
            IpRule.ACTION_PROHIBIT);
    /** The few IP protocol names worth knowing without /etc/protocols. */
    private static final Map<String, Integer> IP_PROTOCOLS = Map.of("icmp", 1, "tcp", 6, "udp", 17, "gre", 47,
            "esp", 50, "ah", 51, "ipv6-icmp", 58, "sctp", 132);

    /** "a-b" or "a". */
    private static IpRule.Range range(String text) {
        int dash = text.indexOf('-');
        return dash < 0 ? new IpRule.Range(Long.parseLong(text), Long.parseLong(text))
                : new IpRule.Range(Long.parseLong(text.substring(0, dash)), Long.parseLong(text.substring(dash + 1)));
    }

    /**
     * The rule of {@code spec}.
     *
     * @throws IllegalArgumentException for what javakeepalived does not install (named realms,
     *                                  tos or interface groups); the message names it
     */
    static IpRule of(RuleSpec spec) {
        boolean v6 = spec.family() == AddressFamily.IPV6;
        int action = 0;
        long table = 0;
        boolean invert = false;
        int tos = 0;
        long fwmark = -1;
        long fwmask = -1;
        int realms = 0;
        int supPl = -1;
        long supGroup = -1;
        long gotoTarget = -1;
        int protocol = IpRoute.PROTO_KEEPALIVED;
        boolean l3mdev = false;
        long tunnelId = 0;
        IpRule.Range uid = null;
        int ipProto = -1;
        IpRule.Range sport = null;
        IpRule.Range dport = null;

        LineWords w = new LineWords(spec.words());
        while (w.more()) {
            String word = w.next();
            switch (word) {
                case "table", "lookup" -> {
                    table = w.table();
                    action = IpRule.ACTION_TABLE;
                }
                case "not" -> invert = true;
                case "tos", "dsfield" -> tos = w.tos();
                case "fwmark" -> {
                    String[] m = w.next().split("/", 2);
                    fwmark = Long.decode(m[0]);
                    if (m.length > 1) {
                        fwmask = Long.decode(m[1]);
                    }
                }
                case "realms" -> realms = w.realms();
                case "suppress_prefixlength", "sup_pl" -> supPl = (int) w.number(Integer.MAX_VALUE);
                case "suppress_ifgroup", "sup_group" -> supGroup = w.number(0xffffffffL);
                case "tunnel-id" -> tunnelId = Long.parseUnsignedLong(w.next());
                case "uidrange" -> uid = range(w.next());
                case "ipproto" -> {
                    String p = w.next();
                    ipProto = IP_PROTOCOLS.containsKey(p) ? IP_PROTOCOLS.get(p) : Integer.parseInt(p);
                }
                case "sport" -> sport = range(w.next());
                case "dport" -> dport = range(w.next());
                case "l3mdev" -> {
                    l3mdev = true;
                    action = IpRule.ACTION_TABLE;
                }
                case "protocol" -> {
                    int p = (int) w.number(255);
                    // keepalived tracks its rules by protocol 18: a tracked rule keeps it
                    protocol = spec.noTrack() ? p : IpRoute.PROTO_KEEPALIVED;
                }
                case "goto" -> {
                    action = IpRule.ACTION_GOTO;
                    gotoTarget = w.number(0xffffffffL);
                }
                case "nop", "blackhole", "unreachable", "prohibit" -> action = ACTIONS.get(word);
                case "from", "to", "preference", "order", "priority", "dev", "iif", "oif", "track_group" -> w.next();
                default -> { } // inet, inet6, no_track, "type" (its action follows)
            }
        }
        return new IpRule(v6, action, table, spec.preference(), spec.from().map(RouteWords::prefix).orElse(null),
                spec.to().map(RouteWords::prefix).orElse(null), invert, tos, fwmark, fwmask, realms, supPl,
                supGroup, spec.inputInterface().orElse(null), spec.outputInterface().orElse(null), gotoTarget,
                protocol, l3mdev, tunnelId, uid, ipProto, sport, dport);
    }
}
