package io.javakeepalived.config.bind;

import io.javakeepalived.config.ConfigFatalException;
import io.javakeepalived.config.ConfigNode;
import io.javakeepalived.config.model.AddressFamily;
import io.javakeepalived.config.model.VrrpInstance;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * How a vrrp_instance takes part in the election (RFC 5798 section 5.2 and 6.1, vrrp_parser.c):
 * the initial state, VRID, version, priority, advertisement interval, authentication,
 * preemption and accept mode, and the gratuitous ARP / unsolicited NA timing after it becomes
 * master. The garp values start from the global_defs defaults copied when the instance is read.
 */
final class InstanceElectionKeywords {
    private InstanceElectionKeywords() {
    }

    static final KeywordTable<VrrpDrafts.Instance> AUTH = new KeywordTable<VrrpDrafts.Instance>("authentication")
            .line("auth_type", (v, n, c) -> {
                String t = Args.need(n, 0, "PASS or AH");
                switch (t) {
                    case "PASS" -> v.authType = VrrpInstance.AuthType.PASS;
                    case "AH" -> v.authType = VrrpInstance.AuthType.AH;
                    default -> c.error(n, "(" + v.name + ") unknown authentication type '" + t
                            + "', expected PASS or AH");
                }
            })
            .line("auth_pass", (v, n, c) -> {
                String p = Args.need(n, 0, "a password of up to 8 characters");
                if (p.length() > 8) {
                    c.error(n, "(" + v.name + ") Truncating auth_pass to 8 characters: VRRPv2 carries only 8");
                    p = p.substring(0, 8);
                }
                v.authPass = p;
            });

    /** This theme's part of the vrrp_instance table ({@link VrrpInstanceBinder#TABLE}). */
    static final KeywordTable<VrrpDrafts.Instance> KEYWORDS = new KeywordTable<VrrpDrafts.Instance>("vrrp_instance")
            .line("state", (v, n, c) -> {
                String s = Args.need(n, 0, "MASTER or BACKUP");
                if (s.equals("MASTER")) {
                    v.want = VrrpDrafts.WantState.MASTER;
                } else if (s.equals("BACKUP")) {
                    if (v.want == VrrpDrafts.WantState.MASTER) {
                        c.error(n, "(" + v.name + ") state previously set as MASTER - ignoring BACKUP");
                    } else {
                        v.want = VrrpDrafts.WantState.BACKUP;
                    }
                } else {
                    c.error(n, "(" + v.name + ") unknown state '" + s + "', expected MASTER or BACKUP - defaulting"
                            + " to BACKUP");
                    v.want = VrrpDrafts.WantState.BACKUP;
                }
            })
            .line("virtual_router_id", (v, n, c) -> NumberArg.unsigned(n, c, "a virtual router id 1-255", 1, 255,
                    s -> "(" + v.name + "): VRID '" + s + "' not valid - must be between 1 & 255")
                    .ifPresent(value -> v.vrid = (int) value))
            .line("version", (v, n, c) -> {
                OptionalLong ver = NumberArg.signed(n, c, "2 or 3", 2, 3,
                        s -> "(" + v.name + "): Version must be either 2 or 3");
                if (ver.isEmpty()) {
                    return;
                }
                int version = (int) ver.getAsLong();
                if ((v.version != 0 && v.version != version) || (version == 2 && v.family == AddressFamily.IPV6)) {
                    c.error(n, "(" + v.name + ") vrrp_version " + version + " conflicts with configured or deduced"
                            + " version " + (v.version != 0 ? v.version : 3) + "; ignoring.");
                    return;
                }
                v.version = version;
            })
            .line("priority", (v, n, c) -> v.priority = (int) NumberArg.unsigned(n, c, "an integer 1-255", 1, 255,
                    s -> "(" + v.name + ") Priority '" + s + "' not valid! must be between 1 & 255. Using default 100")
                    .orElse(100))
            .line("advert_int", (v, n, c) -> {
                String s = Args.need(n, 0, "an interval in seconds, 0.01-255");
                OptionalLong a = Numbers.decimal(c, n.location(), s, Numbers.TIMER_HZ / 100, 255 * Numbers.TIMER_HZ,
                        Numbers.TIMER_DIGITS);
                if (a.isEmpty() || a.getAsLong() == 0) {
                    c.error(n, "(" + v.name + ") Advert interval (" + s + ") not valid! Must be 0.01-255 seconds"
                            + " - ignoring");
                } else {
                    v.advertInt = a.getAsLong();
                }
            })
            .block("authentication", (v, n, c) -> AUTH.dispatch(v, n.children(), c))
            .line("accept", (v, n, c) -> v.accept = true)
            .line("no_accept", (v, n, c) -> v.accept = false)
            .line("skip_check_adv_addr", (v, n, c) -> VrrpInstanceBinder.boolArg(v, n, c, "skip_check_adv_addr",
                    b -> v.skipCheckAdvAddr = v.skipCheckAdvAddr || b, true))
            // a bare strict_mode is on (keepalived 2.2.7's vrrp_strict_mode_handler: "Defaults to true")
            .line("strict_mode", (v, n, c) -> VrrpInstanceBinder.boolArg(v, n, c, "strict_mode",
                    b -> v.strict = b, true))
            .line("preempt", (v, n, c) -> v.nopreempt = false)
            .line("nopreempt", (v, n, c) -> v.nopreempt = true)
            .line("preempt_delay", (v, n, c) -> v.preemptDelay = NumberArg.decimal(n, c, "a delay in seconds, 0-1000",
                    0, 1000 * Numbers.TIMER_HZ, Numbers.TIMER_DIGITS,
                    s -> "(" + v.name + ") Preempt_delay not valid! must be between 0-1000 seconds").orElse(0))
            .line("debug", (v, n, c) -> NumberArg.unsigned(n, c, "a debug level 0-4", 0, 4,
                    s -> "(" + v.name + ") Debug value '" + s + "' not valid; must be between 0-4")
                    .ifPresent(value -> v.debug = (int) value))
            .line("garp_master_delay", (v, n, c) -> wholeSeconds(v, n, c, Numbers.UINT_MAX / Numbers.TIMER_HZ)
                    .ifPresent(s -> v.garpDelay = s * Numbers.TIMER_HZ))
            .line("garp_master_refresh", (v, n, c) -> v.garpRefresh = NumberArg.unsigned(n, c,
                    "a refresh interval in seconds", 0, Numbers.UINT_MAX,
                    s -> "(" + v.name + "): Invalid garp_master_refresh '" + s + "' - using 0 (off)").orElse(0))
            .line("garp_master_repeat", (v, n, c) -> repeat(v, n, c).ifPresent(r -> v.garpRep = r))
            .line("garp_master_refresh_repeat", (v, n, c) -> repeat(v, n, c).ifPresent(r -> v.garpRefreshRep = r))
            .line("garp_lower_prio_delay", (v, n, c) -> wholeSeconds(v, n, c, Numbers.UINT_MAX / Numbers.TIMER_HZ)
                    .ifPresent(s -> v.garpLowerPrioDelay = s * Numbers.TIMER_HZ))
            .line("garp_lower_prio_repeat", (v, n, c) -> NumberArg.unsigned(n, c, "a repeat count", 0,
                    Numbers.INT_MAX, s -> "(" + v.name + "): Invalid garp_lower_prio_repeat '" + s + "'")
                    .ifPresent(value -> v.garpLowerPrioRep = (int) value))
            .line("down_timer_adverts", (v, n, c) -> NumberArg.unsigned(n, c, "a number of adverts 1-100", 1, 100,
                    s -> "(" + v.name + "): Invalid down_timer_adverts [1:100] '" + s + "'")
                    .ifPresent(value -> v.downTimerAdverts = (int) value))
            .line("garp_extra_if", InstanceElectionKeywords::garpExtraIf)
            .line("vmac_garp_intvl", (v, n, c) -> {
                c.deprecated(n.location(), "Keyword \"vmac_garp_intvl\" is deprecated - please use \"garp_extra_if\"");
                garpExtraIf(v, n, c);
            })
            .line("lower_prio_no_advert", (v, n, c) -> VrrpInstanceBinder.boolArg(v, n, c, "lower_prio_no_advert",
                    b -> v.lowerPrioNoAdvert = b, true))
            .line("higher_prio_send_advert", (v, n, c) -> VrrpInstanceBinder.boolArg(v, n, c, "higher_prio_send_advert",
                    b -> v.higherPrioSendAdvert = b, true));

    private static OptionalLong wholeSeconds(VrrpDrafts.Instance v, ConfigNode n, BindContext c, long max)
            throws ConfigFatalException {
        return NumberArg.unsigned(n, c, "a number of seconds", 0, max,
                s -> "(" + v.name + "): " + n.keyword() + " '" + s + "' invalid, expected whole seconds - ignoring");
    }

    private static Optional<Integer> repeat(VrrpDrafts.Instance v, ConfigNode n, BindContext c)
            throws ConfigFatalException {
        OptionalLong r = NumberArg.unsigned(n, c, "a repeat count", 0, Numbers.UINT_MAX,
                s -> "(" + v.name + "): " + n.keyword() + " '" + s + "' invalid - ignoring");
        if (r.isEmpty()) {
            return Optional.empty();
        }
        if (r.getAsLong() == 0) {
            c.error(n, "(" + v.name + "): " + n.keyword() + " must be greater than 0, setting to 1");
            return Optional.of(1);
        }
        return Optional.of((int) Math.min(Integer.MAX_VALUE, r.getAsLong()));
    }

    private static void garpExtraIf(VrrpDrafts.Instance v, ConfigNode n, BindContext c) {
        Long delay = null;
        for (String w : n.args()) {
            if (w.equals("all")) {
                v.garpExtraIfAll = true;
            } else {
                OptionalLong d = Numbers.unsigned(c, n.location(), w, 0, 86400);
                if (d.isEmpty()) {
                    c.error(n, "(" + v.name + "): " + n.keyword() + " '" + w + "' invalid, expected 0-86400 seconds"
                            + " - ignoring");
                    return;
                }
                delay = d.getAsLong();
            }
        }
        if (delay == null) {
            c.error(n, "(" + v.name + "): " + n.keyword() + " specified without time - ignoring");
            return;
        }
        v.garpExtraIf = delay.intValue();
    }
}
