package io.javakeepalived.config.bind;

import io.javakeepalived.config.ConfigFatalException;
import io.javakeepalived.config.ConfigNode;
import io.javakeepalived.config.model.AddressFamily;
import io.javakeepalived.config.model.IpPrefix;
import io.javakeepalived.config.model.RuleSpec;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * One line of static_rules / virtual_rules (keepalived's vrrp_iprule.c alloc_rule). A rule
 * has exactly one action: a table, goto, nop, blackhole, unreachable, prohibit or l3mdev; a
 * word that is no option names the action.
 */
final class RuleLine {
    private RuleLine() {
    }

    /** Rule options that take one value and need no check here. */
    private static final Set<String> ONE_VALUE = Set.of("realms", "suppress_prefixlength", "sup_pl",
            "suppress_ifgroup", "sup_group", "tunnel-id", "uidrange", "ipproto", "sport", "dport");
    private static final String SKIP = " - skipping the rule";
    private static final String ONE_ACTION = "Cannot specify more than one of table/nop/goto/blackhole/prohibit/";

    private static final class Draft extends IpWords.Draft {
        Optional<IpPrefix> from = Optional.empty();
        Optional<IpPrefix> to = Optional.empty();
        String action;
        String table;
        Long preference;
        Long gotoTarget;
        String iif;
        String oif;
        String fwmark;
        /** realms or a suppressor, which only a table action can use */
        boolean tableOption;
    }

    private static Map<String, IpWords.Option<Draft>> options() {
        Map<String, IpWords.Option<Draft>> t = new HashMap<>();
        for (String opt : ONE_VALUE) {
            t.put(opt, (d, w) -> {
                w.value();
                if (opt.startsWith("realms") || opt.startsWith("sup")) {
                    d.tableOption = true;
                }
                return true;
            });
        }
        t.put("inet", (d, w) -> IpOptions.familyKeyword(d, w, "rule"));
        t.put("inet6", (d, w) -> IpOptions.familyKeyword(d, w, "rule"));
        t.put("from", RuleLine::selector);
        t.put("to", RuleLine::selector);
        t.put("table", RuleLine::table);
        t.put("lookup", RuleLine::table);
        t.put("not", (d, w) -> true);
        IpWords.Option<Draft> preference = IpOptions.uint32Option(v -> "Invalid rule preference " + v + " specified"
                + SKIP, (d, p) -> d.preference = p);
        t.put("preference", preference);
        t.put("order", preference);
        t.put("priority", preference);
        t.put("tos", (d, w) -> IpOptions.tos(w, "rule"));
        t.put("dsfield", (d, w) -> IpOptions.tos(w, "rule"));
        t.put("fwmark", (d, w) -> {
            d.fwmark = w.value();
            return true;
        });
        IpWords.Option<Draft> dev = (d, w) -> {
            String opt = w.option();
            String v = w.value();
            if (!IpOptions.existingInterface(w, v, "WARNING - interface " + v + " for rule doesn't exist" + SKIP)) {
                return false;
            }
            if (opt.equals("oif")) {
                d.oif = v;
            } else {
                d.iif = v;
            }
            return true;
        };
        t.put("dev", dev);
        t.put("iif", dev);
        t.put("oif", dev);
        t.put("l3mdev", (d, w) -> {
            if (d.action != null) {
                w.error("Cannot specify l3mdev with other action" + SKIP);
                return false;
            }
            d.action = "l3mdev";
            return true;
        });
        t.put("protocol", (d, w) -> {
            w.value();
            return true;
        });
        t.put("no_track", (d, w) -> d.noTrack = true);
        return t;
    }

    private static final Map<String, IpWords.Option<Draft>> VIRTUAL = options();
    private static final Map<String, IpWords.Option<Draft>> STATIC = IpOptions.withTrackGroup(VIRTUAL);

    /**
     * The rule, or empty when keepalived drops it.
     *
     * @param nextPreference the next preference for IPv4 and IPv6 rules without one (counting down)
     */
    static Optional<RuleSpec> read(ConfigNode line, boolean allowTrackGroup, BindContext c, int[] nextPreference)
            throws ConfigFatalException {
        IpWords w = new IpWords(line, c, 0);
        Draft d = new Draft();
        if (!w.readAll(d, allowTrackGroup ? STATIC : VIRTUAL, RuleLine::action)) {
            return Optional.empty();
        }
        if ("goto".equals(d.action)) {
            if (d.preference == null) {
                w.error("Invalid rule - goto target " + d.gotoTarget + " specified without preference - skipping");
                return Optional.empty();
            }
            if (d.preference >= d.gotoTarget) {
                w.error("Invalid rule - preference " + d.preference + " >= goto target " + d.gotoTarget
                        + " - skipping");
                return Optional.empty();
            }
        }
        if (d.action == null) {
            w.error("No action specified for rule, expected table, goto, nop, blackhole, unreachable, prohibit"
                    + " or l3mdev - ignoring");
            return Optional.empty();
        }
        if (!d.action.equals("table") && d.tableOption) {
            w.error("suppressor/realm specified for non table action - skipping");
            return Optional.empty();
        }
        if (d.trackGroup != null && d.iif == null) {
            w.error("Static rule cannot have track_group if dev/iif not specified");
            d.trackGroup = null;
        }
        AddressFamily f = d.family == null ? AddressFamily.IPV4 : d.family;
        if (d.preference == null) {
            int idx = f == AddressFamily.IPV4 ? 0 : 1;
            d.preference = (long) nextPreference[idx]--;
            w.error("Rule has no preference specified - setting to " + d.preference
                    + ". This is probably not what you want.");
        }
        return Optional.of(new RuleSpec(f, d.from, d.to, d.action, Optional.ofNullable(d.table), d.preference,
                Optional.ofNullable(d.iif), Optional.ofNullable(d.oif), Optional.ofNullable(d.fwmark), d.noTrack,
                Optional.ofNullable(d.trackGroup), w.words(), w.at));
    }

    /** from / to PREFIX: the selector's addresses must agree on the family. */
    private static boolean selector(Draft d, IpWords w) throws ConfigFatalException {
        String opt = w.option();
        String v = w.value();
        Optional<Optional<IpPrefix>> p = IpOptions.destination(v, w.at, w.c);
        if (p.isEmpty()) {
            w.error("Invalid rule " + opt + " address " + v + SKIP);
            return false;
        }
        if (p.get().isPresent()) {
            AddressFamily f = p.get().get().family();
            if (d.family != null && d.family != f) {
                w.error("rule specification has mixed IPv4 and IPv6" + SKIP);
                return false;
            }
            d.family = f;
        }
        if (opt.equals("from")) {
            d.from = p.get();
        } else {
            d.to = p.get();
        }
        return true;
    }

    private static boolean table(Draft d, IpWords w) throws ConfigFatalException {
        String v = w.value();
        if (!IpOptions.validTable(v)) {
            w.error("Routing table " + v + " not found for rule" + SKIP);
            return false;
        }
        if (v.equals("0") || v.equals("unspec")) {
            w.error("Table 0 is not valid" + SKIP);
            return false;
        }
        if (d.action != null) {
            w.error(ONE_ACTION + "unreachable for rule" + SKIP);
            return false;
        }
        d.table = v;
        d.action = "table";
        return true;
    }

    /** [type] ACTION: goto N, nop, blackhole, unreachable or prohibit. */
    private static boolean action(Draft d, IpWords w) throws ConfigFatalException {
        String a = w.option().equals("type") ? w.value() : w.option();
        String act;
        if (a.equals("goto")) {
            String v = w.value();
            OptionalLong t = IpOptions.uint32(w, v);
            if (t.isEmpty()) {
                w.error("Invalid target " + v + " specified" + SKIP);
                return false;
            }
            d.gotoTarget = t.getAsLong();
            act = "goto";
        } else if (a.equals("nop") || a.equals("blackhole") || a.equals("unreachable") || a.equals("prohibit")) {
            act = a;
        } else if (IpOptions.ROUTE_TYPES.contains(a)) {
            w.error("Invalid rule action " + a + SKIP);
            return false;
        } else {
            w.error("Unknown rule option " + a + SKIP);
            return false;
        }
        if (d.action != null) {
            w.error(ONE_ACTION + "unreachable/l3mdev for rule" + SKIP);
            return false;
        }
        d.action = act;
        return true;
    }
}
