package io.javakeepalived.config.bind;

import io.javakeepalived.config.model.AddressFamily;
import io.javakeepalived.config.model.Checker;
import io.javakeepalived.config.model.Forwarding;
import io.javakeepalived.config.model.RealServer;
import io.javakeepalived.config.model.ScriptCommand;
import io.javakeepalived.config.model.Text;
import io.javakeepalived.config.model.VirtualServer;
import io.javakeepalived.config.model.VirtualServerGroup;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What keepalived's checker process does after reading (check_daemon.c link_vsg_to_vs,
 * check_data.c validate_check_config, check_check_script_security): groups linked, defaults
 * for protocol, scheduler and forwarding, real servers inherit from their virtual server,
 * checkers from both, quorum and hysteresis sanity, script security.
 */
final class LvsCompletion {
    private final BindContext c;
    final List<VirtualServerGroup> groups = new ArrayList<>();
    final List<VirtualServer> servers = new ArrayList<>();

    LvsCompletion(BindContext c) {
        this.c = c;
    }

    private static String describe(LvsDrafts.VirtualServer vs) {
        return switch (vs.kind) {
            case ADDRESS -> (vs.family == AddressFamily.IPV6 ? "[" + Text.address(vs.address) + "]"
                    : Text.address(vs.address)) + ":" + vs.port;
            case FWMARK -> "FWM " + vs.fwmark;
            case GROUP -> vs.group;
        };
    }

    private static String describe(LvsDrafts.RealServer rs) {
        String a = Text.address(rs.address);
        return (rs.address instanceof java.net.Inet6Address ? "[" + a + "]" : a) + ":" + rs.port;
    }

    void run() {
        for (LvsDrafts.Vsg g : c.virtualServerGroups) {
            groups.add(new VirtualServerGroup(g.name, g.entries, g.location));
        }
        List<LvsDrafts.VirtualServer> kept = new ArrayList<>();
        for (LvsDrafts.VirtualServer vs : c.virtualServers) {
            if (vs.kind == VirtualServer.Kind.GROUP) {
                LvsDrafts.Vsg g = c.virtualServerGroups.stream().filter(x -> x.name.equals(vs.group)).findFirst()
                        .orElse(null);
                if (g == null) {
                    c.note(vs.location, "Virtual server group " + vs.group + " specified but not configured"
                            + " - ignoring virtual server " + describe(vs));
                    continue;
                }
                AddressFamily vsgAf = g.haveV4 == g.haveV6 ? null : g.haveV4 ? AddressFamily.IPV4 : AddressFamily.IPV6;
                if (g.haveV4 && g.haveV6 && vs.family != null) {
                    c.note(vs.location, vs.group + ": virtual server group with IPv4 & IPv6 doesn't match virtual"
                            + " server " + describe(vs) + " - ignoring");
                    continue;
                }
                if ((g.haveV4 && vs.family == AddressFamily.IPV6) || (g.haveV6 && vs.family == AddressFamily.IPV4)) {
                    c.note(vs.location, vs.group + ": address family doesn't match virtual server " + describe(vs)
                            + " - ignoring");
                    continue;
                }
                if (vsgAf != null) {
                    vs.family = vsgAf;
                }
                vs.vsg = g;
            }
            kept.add(vs);
        }
        for (LvsDrafts.VirtualServer vs : kept) {
            validate(vs).ifPresent(servers::add);
        }
        if (!servers.isEmpty()) {
            scriptSecurity();
        }
    }

    private Optional<VirtualServer> validate(LvsDrafts.VirtualServer vs) {
        String name = describe(vs);
        if (vs.realServers.isEmpty()) {
            c.error(vs.location, "Virtual server " + name + " has no real servers, expected at least one real_server"
                    + " - ignoring");
            return Optional.empty();
        }
        boolean fwmarkOnly = (vs.vsg != null && vs.vsg.entries.stream()
                .noneMatch(e -> e instanceof VirtualServerGroup.AddressRange)
                && vs.vsg.entries.stream().anyMatch(e -> e instanceof VirtualServerGroup.Fwmark))
                || (vs.vsg == null && vs.kind == VirtualServer.Kind.FWMARK);
        boolean hasFwmark = vs.kind == VirtualServer.Kind.FWMARK
                || (vs.vsg != null && vs.vsg.entries.stream().anyMatch(e -> e instanceof VirtualServerGroup.Fwmark));
        if (vs.haSuspend && hasFwmark) {
            c.error(vs.location, "Virtual server " + name + ": cannot use ha_suspend with fwmarks - clearing"
                    + " ha_suspend");
            vs.haSuspend = false;
        }
        boolean byAddress = (vs.vsg != null && vs.vsg.entries.stream()
                .anyMatch(e -> e instanceof VirtualServerGroup.AddressRange))
                || (vs.vsg == null && vs.kind == VirtualServer.Kind.ADDRESS);
        if (byAddress) {
            if (vs.protocol == null) {
                c.error(vs.location, "Virtual server " + name + ": no protocol set, expected protocol TCP, UDP or SCTP"
                        + " - defaulting to UDP");
                vs.protocol = VirtualServer.Protocol.UDP;
            }
            if (vs.flags.contains("ops") && vs.protocol != VirtualServer.Protocol.UDP) {
                c.error(vs.location, "Virtual server " + name + ": one packet scheduling requires UDP - resetting");
                vs.flags.remove("ops");
            }
            if (vs.persistenceTimeout == 0 && vs.vsg == null && vs.kind == VirtualServer.Kind.ADDRESS
                    && vs.port == 0) {
                c.error(vs.location, "Virtual server " + name + ": zero port only valid for persistent services"
                        + " - setting persistence_timeout 360");
                vs.persistenceTimeout = 360;
            }
        }
        if (vs.persistenceTimeout == 0 && vs.vsg != null) {
            boolean portless = vs.vsg.entries.stream().anyMatch(e -> e instanceof VirtualServerGroup.AddressRange r
                    && r.port() == 0);
            if (portless) {
                c.error(vs.location, "Virtual server " + name + ": zero port only valid for persistent services"
                        + " - setting persistence_timeout 360");
                vs.persistenceTimeout = 360;
            }
        }
        if (vs.protocol != null && fwmarkOnly) {
            c.error(vs.location, "Warning: Virtual server " + name + ": protocol specified for fwmark - protocol will"
                    + " be ignored");
            vs.protocol = null;
        }
        if (vs.scheduler == null) {
            c.error(vs.location, "Virtual server " + name + ": no scheduler set, expected lb_algo - setting default"
                    + " 'wlc'");
            vs.scheduler = "wlc";
        }
        boolean vsSmtp = vs.smtpAlert != null ? vs.smtpAlert
                : c.global.smtpAlertChecker != null ? c.global.smtpAlertChecker
                : c.global.smtpAlert != null ? c.global.smtpAlert : false;
        List<LvsDrafts.RealServer> rsList = new ArrayList<>();
        long weightSum = 0;
        for (LvsDrafts.RealServer rs : vs.realServers) {
            boolean dup = rsList.stream().anyMatch(o -> o.address.equals(rs.address) && o.port == rs.port);
            if (dup) {
                c.error(rs.location, "VS " + name + ": real server " + describe(rs) + " is duplicated - removing"
                        + " second rs");
                continue;
            }
            if (rs.forwarding == null) {
                if (vs.forwarding == null) {
                    c.error(vs.location, "Virtual server " + name + ": no forwarding method set, expected lb_kind"
                            + " NAT, DR or TUN - setting default NAT");
                    vs.forwarding = Forwarding.NAT;
                }
                rs.forwarding = vs.forwarding;
            }
            if (rs.weight == null) {
                rs.weight = vs.weight;
            }
            weightSum += rs.weight;
            if (vs.sorry != null && vs.sorry.address.equals(rs.address) && vs.sorry.port == rs.port) {
                boolean rsInhibit = rs.inhibit != null ? rs.inhibit : vs.inhibit;
                if (vs.sorry.inhibit != rsInhibit) {
                    c.error(rs.location, "Virtual server " + name + ": real server " + describe(rs) + " matches sorry"
                            + " server, but inhibit setting differs, " + (rsInhibit ? "sett" : "clear") + "ing on"
                            + " sorry server");
                    vs.sorry.inhibit = rsInhibit;
                }
            }
            rsList.add(rs);
        }
        if (vs.sorry != null && vs.sorry.forwarding == null) {
            if (vs.forwarding == null) {
                c.error(vs.location, "Virtual server " + name + ": no forwarding method set, expected lb_kind NAT, DR"
                        + " or TUN - setting default NAT");
                vs.forwarding = Forwarding.NAT;
            }
            vs.sorry.forwarding = vs.forwarding;
        }
        if (vs.quorum > weightSum) {
            c.error(vs.location, "Warning - quorum " + vs.quorum + " for " + name + " exceeds total weight of real"
                    + " servers " + weightSum + ", reducing quorum to " + weightSum);
            vs.quorum = weightSum;
        }
        if (vs.hysteresis >= vs.quorum) {
            long h = Math.max(0, vs.quorum - 1);
            c.error(vs.location, "Virtual server " + name + ": hysteresis " + vs.hysteresis + " >= quorum " + vs.quorum
                    + "; setting hysteresis to " + h);
            vs.hysteresis = h;
        }
        // ports: unless NAT, real and virtual servers share the port
        for (LvsDrafts.RealServer rs : rsList) {
            boolean nat = rs.forwarding.method() == Forwarding.Method.NAT;
            if (vs.vsg != null) {
                if (!nat && rs.port != 0) {
                    if (vs.vsg.entries.stream().anyMatch(e -> e instanceof VirtualServerGroup.Fwmark)) {
                        c.error(rs.location, "WARNING - fwmark virtual server " + name + ", real server " + describe(rs)
                                + " has port specified - port will be ignored");
                    }
                    for (VirtualServerGroup.Entry e : vs.vsg.entries) {
                        if (e instanceof VirtualServerGroup.AddressRange r && r.port() != rs.port) {
                            c.error(rs.location, "virtual server " + name + " and real server " + describe(rs)
                                    + " ports don't match");
                        }
                    }
                }
            } else if (nat) {
                if (vs.kind != VirtualServer.Kind.FWMARK && rs.port == 0) {
                    rs.port = vs.port;
                }
            } else if (vs.kind == VirtualServer.Kind.FWMARK) {
                if (rs.port != 0) {
                    c.error(rs.location, "WARNING - fwmark virtual server " + name + ", real server " + describe(rs)
                            + " has port specified - clearing");
                    rs.port = 0;
                }
            } else if (rs.port == 0) {
                rs.port = vs.port;
            } else if (rs.port != vs.port) {
                c.error(rs.location, "WARNING - virtual server " + name + " and real server " + describe(rs)
                        + " ports don't match - resetting");
                rs.port = vs.port;
            }
        }
        if (vs.sorry != null && vs.vsg == null && vs.sorry.forwarding.method() != Forwarding.Method.NAT) {
            if (vs.kind == VirtualServer.Kind.FWMARK) {
                if (vs.sorry.port != 0) {
                    c.error(vs.location, "WARNING - virtual server " + name + ", sorry server has port specified"
                            + " - clearing");
                    vs.sorry.port = 0;
                }
            } else if (vs.sorry.port == 0) {
                vs.sorry.port = vs.port;
            } else if (vs.sorry.port != vs.port) {
                c.error(vs.location, "WARNING - virtual server " + name + " and sorry server ports don't match"
                        + " - resetting");
                vs.sorry.port = vs.port;
            }
        }
        List<RealServer> reals = new ArrayList<>();
        for (LvsDrafts.RealServer rs : rsList) {
            reals.add(realServer(vs, rs));
        }
        Optional<VirtualServer.SorryServer> sorry = vs.sorry == null ? Optional.empty()
                : Optional.of(new VirtualServer.SorryServer(vs.sorry.address, vs.sorry.port, vs.sorry.forwarding,
                vs.sorry.inhibit));
        return Optional.of(new VirtualServer(vs.kind, Optional.ofNullable(vs.address), vs.port, vs.fwmark,
                Optional.ofNullable(vs.group), Optional.ofNullable(vs.family), vs.scheduler, vs.flags,
                vs.forwarding != null ? vs.forwarding : Forwarding.NAT, vs.persistenceTimeout,
                Optional.ofNullable(vs.granularity), Optional.ofNullable(vs.engine), Optional.ofNullable(vs.protocol),
                vs.haSuspend, vsSmtp, Optional.ofNullable(vs.virtualhost), vs.alpha, vs.omega, vs.quorum,
                vs.hysteresis, Optional.ofNullable(vs.quorumUp), Optional.ofNullable(vs.quorumDown), vs.weight,
                Numbers.micros(vs.delayLoop), Numbers.micros(vs.connectTimeout), vs.inhibit, sorry, reals,
                vs.location));
    }

    private RealServer realServer(LvsDrafts.VirtualServer vs, LvsDrafts.RealServer rs) {
        boolean alpha = rs.alpha != null ? rs.alpha : vs.alpha;
        boolean inhibit = rs.inhibit != null ? rs.inhibit : vs.inhibit;
        Long retry = rs.retry != null ? rs.retry : vs.retry;
        long connTo = rs.connectTimeout != null ? rs.connectTimeout : vs.connectTimeout;
        long delayLoop = rs.delayLoop != null ? rs.delayLoop : vs.delayLoop;
        Long warmup = rs.warmup != null ? rs.warmup : vs.warmup;
        Long dbr = rs.delayBeforeRetry != null ? rs.delayBeforeRetry : vs.delayBeforeRetry;
        boolean smtp = rs.smtpAlert != null ? rs.smtpAlert
                : c.global.smtpAlertChecker != null ? c.global.smtpAlertChecker
                : c.global.smtpAlert != null ? c.global.smtpAlert : true;
        List<Checker> checkers = new ArrayList<>();
        for (LvsDrafts.Checker ch : rs.checkers) {
            long chDelay = ch.delayLoop != null ? ch.delayLoop : delayLoop;
            Checker.Timing timing = new Checker.Timing(
                    (int) Math.min(Integer.MAX_VALUE, ch.retry != null ? ch.retry : retry != null ? retry
                            : ch.defaultRetry),
                    Numbers.micros(ch.delayBeforeRetry != null ? ch.delayBeforeRetry : dbr != null ? dbr
                            : ch.defaultDelayBeforeRetry != 0 ? ch.defaultDelayBeforeRetry : chDelay),
                    Numbers.micros(ch.warmup != null ? ch.warmup : warmup != null ? warmup : chDelay),
                    Numbers.micros(chDelay), ch.alpha != null ? ch.alpha : alpha, ch.logAllFailures
                    || c.global.checkerLogAllFailures);
            switch (ch.kind) {
                case TCP -> checkers.add(new Checker.Tcp(conn(ch.conn, rs, connTo), timing, ch.location));
                case HTTP, SSL -> {
                    List<Checker.Url> urls = new ArrayList<>();
                    for (LvsDrafts.Url u : ch.urls) {
                        urls.add(new Checker.Url(u.path, Optional.ofNullable(u.digest),
                                u.status.isEmpty() ? List.of(new Checker.StatusRange(200, 299)) : u.status,
                                Optional.ofNullable(u.virtualhost), Optional.ofNullable(u.regex), u.regexNoMatch,
                                u.regexOptions, u.regexMin, u.regexMax, u.location));
                    }
                    checkers.add(new Checker.Http(ch.kind == LvsDrafts.CheckerKind.SSL, conn(ch.conn, rs, connTo),
                            timing, Optional.ofNullable(ch.virtualhost != null ? ch.virtualhost
                            : rs.virtualhost != null ? rs.virtualhost : vs.virtualhost),
                            ch.httpProtocol, ch.enableSni, ch.fastRecovery, urls, ch.location));
                }
                case SMTP -> {
                    String helo = ch.helo != null ? ch.helo : "smtpchecker.keepalived.org";
                    if (ch.hosts.isEmpty()) {
                        checkers.add(new Checker.Smtp(conn(ch.conn, rs, connTo), timing, helo, false, ch.location));
                    } else {
                        for (LvsDrafts.Connection host : ch.hosts) {
                            checkers.add(new Checker.Smtp(conn(host, rs, connTo), timing, helo, true,
                                    host.location));
                        }
                    }
                }
                case DNS -> checkers.add(new Checker.Dns(conn(ch.conn, rs, connTo), timing, ch.dnsType,
                        ch.dnsName != null ? ch.dnsName : ".", ch.location));
                case UDP -> checkers.add(new Checker.Udp(conn(ch.conn, rs, connTo), timing,
                        Optional.ofNullable(ch.payload), ch.requireReply, Optional.ofNullable(ch.reply), ch.minReply,
                        ch.maxReply, ch.location));
                case PING -> checkers.add(new Checker.Ping(conn(ch.conn, rs, connTo), timing, ch.location));
                case MISC -> checkers.add(new Checker.Misc(ch.script, Numbers.micros(ch.miscTimeout), ch.dynamic,
                        timing, ch.location));
                case FILE -> {
                    VrrpDrafts.TrackFile f = c.trackFile(ch.trackFile);
                    int w = ch.fileWeight != null ? ch.fileWeight : f != null ? f.weight : 1;
                    boolean rev = ch.fileWeight != null ? ch.fileReverse : f != null && f.reverse;
                    checkers.add(new Checker.File(ch.trackFile, w, rev, ch.location));
                }
                case BFD -> checkers.add(new Checker.Bfd(ch.bfdName, ch.alpha != null ? ch.alpha : alpha,
                        ch.location));
                default -> throw new IllegalStateException(ch.kind.toString());
            }
        }
        return new RealServer(rs.address, rs.port, rs.weight, rs.forwarding, rs.upper, rs.lower, inhibit,
                Optional.ofNullable(rs.notifyUp), Optional.ofNullable(rs.notifyDown), alpha, smtp,
                Optional.ofNullable(rs.virtualhost), checkers, rs.location);
    }

    private static Checker.Connection conn(LvsDrafts.Connection co, LvsDrafts.RealServer rs, long defaultTimeout) {
        return new Checker.Connection(co.dst != null ? co.dst : rs.address, co.dstPort != 0 ? co.dstPort : rs.port,
                Optional.ofNullable(co.bindTo), co.bindPort, Optional.ofNullable(co.bindIf),
                Numbers.micros(co.timeout != null ? co.timeout : defaultTimeout), co.fwmark);
    }

    /** check_check_script_security, applied to the drafts before they are turned into records. */
    private void scriptSecurity() {
        ScriptSecurity sec = new ScriptSecurity(c);
        List<VirtualServer> rebuilt = new ArrayList<>();
        for (VirtualServer vs : servers) {
            Optional<ScriptCommand> up = sec.notifyScript(vs.quorumUp());
            Optional<ScriptCommand> down = sec.notifyScript(vs.quorumDown());
            List<RealServer> reals = new ArrayList<>();
            for (RealServer rs : vs.realServers()) {
                Optional<ScriptCommand> nu = sec.notifyScript(rs.notifyUp());
                Optional<ScriptCommand> nd = sec.notifyScript(rs.notifyDown());
                List<Checker> checkers = new ArrayList<>();
                for (Checker ch : rs.checkers()) {
                    if (ch instanceof Checker.Misc m) {
                        ScriptSecurity.Result r = sec.check(m.script());
                        if (r.has(ScriptSecurity.INHIBIT)) {
                            c.note(m.location(), "Disabling misc script " + m.script().configured() + " due to insecure");
                            continue;
                        }
                        if (r.has(ScriptSecurity.NOTFOUND)) {
                            c.note(m.location(), "Disabling misc script " + m.script().configured()
                                    + " since not found/accessible");
                            continue;
                        }
                        if (!r.usableTrack()) {
                            continue;
                        }
                        checkers.add(new Checker.Misc(r.script(), m.timeout(), m.dynamic(), m.timing(), m.location()));
                    } else {
                        checkers.add(ch);
                    }
                }
                reals.add(new RealServer(rs.address(), rs.port(), rs.weight(), rs.forwarding(), rs.upperThreshold(),
                        rs.lowerThreshold(), rs.inhibitOnFailure(), nu, nd, rs.alpha(), rs.smtpAlert(),
                        rs.virtualhost(), checkers, rs.location()));
            }
            rebuilt.add(new VirtualServer(vs.kind(), vs.address(), vs.port(), vs.fwmark(), vs.group(), vs.family(),
                    vs.scheduler(), vs.schedulerFlags(), vs.forwarding(), vs.persistenceTimeout(),
                    vs.persistenceGranularity(), vs.persistenceEngine(), vs.protocol(), vs.haSuspend(), vs.smtpAlert(),
                    vs.virtualhost(), vs.alpha(), vs.omega(), vs.quorum(), vs.hysteresis(), up, down, vs.weight(),
                    vs.delayLoop(), vs.connectTimeout(), vs.inhibitOnFailure(), vs.sorryServer(), reals,
                    vs.location()));
        }
        servers.clear();
        servers.addAll(rebuilt);
        sec.fifoScript(c.global.fifoAll);
        sec.fifoScript(c.global.fifoLvs);
        sec.reportViolation(() -> servers.get(0).location(), "check scripts", " Add enable_script_security to"
                + " global_defs");
    }
}
