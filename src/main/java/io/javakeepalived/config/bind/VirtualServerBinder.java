package io.javakeepalived.config.bind;

import io.javakeepalived.config.ConfigFatalException;
import io.javakeepalived.config.ConfigNode;
import io.javakeepalived.config.model.AddressFamily;
import io.javakeepalived.config.model.Forwarding;
import io.javakeepalived.config.model.VirtualServer;

import java.net.InetAddress;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * virtual_server blocks (check_parser.c vs_handler ... vs_end_handler): the address, fwmark
 * or group the server is reached by, its scheduler, persistence, quorum and sorry server.
 * real_server blocks inside are read by {@link RealServerBinder}.
 */
final class VirtualServerBinder {
    private VirtualServerBinder() {
    }

    private static final Set<String> SCHEDULERS = Set.of("rr", "wrr", "lc", "wlc", "lblc", "sh", "mh", "dh", "fo",
            "ovf", "lblcr", "sed", "nq", "twos");

    static final KeywordTable<LvsDrafts.VirtualServer> TABLE = ServerKeywords.add(
            new KeywordTable<LvsDrafts.VirtualServer>("virtual_server"), ServerKeywords.VIRTUAL)
            .line("ip_family", (vs, n, c) -> {
                String f = Args.need(n, 0, "inet or inet6");
                AddressFamily af;
                if (f.equals("inet")) {
                    af = AddressFamily.IPV4;
                } else if (f.equals("inet6")) {
                    af = AddressFamily.IPV6;
                } else {
                    c.error(n, "unknown address family " + f + ", expected inet or inet6");
                    return;
                }
                if (vs.family != null && vs.family != af) {
                    c.error(n, "Virtual server specified family " + f + " conflicts with server family");
                    return;
                }
                vs.family = af;
            })
            .line("inhibit_on_failure", (vs, n, c) -> vs.inhibit = true)
            .line("lb_algo", VirtualServerBinder::scheduler)
            .line("lvs_sched", VirtualServerBinder::scheduler)
            .accepted(Set.of("hashed", "ops", "flag-1", "flag-2", "flag-3", "sh-port", "sh-fallback", "mh-port",
                    "mh-fallback"), VirtualServerBinder::schedulerFlag)
            .line("lb_kind", (vs, n, c) -> LvsReaders.forwarding(n, c, "virtual", vs.forwarding)
                    .ifPresent(f -> vs.forwarding = f))
            .line("persistence_engine", (vs, n, c) -> {
                String e = Args.need(n, 0, "a persistence engine name");
                if (e.length() > 15) {
                    c.error(n, "persistence_name too long, truncating - " + e);
                    e = e.substring(0, 15);
                }
                vs.engine = e;
            })
            .line("persistence_timeout", (vs, n, c) -> {
                if (n.argCount() < 1) {
                    vs.persistenceTimeout = 360;
                    return;
                }
                OptionalLong t = Numbers.unsigned(c, n.location(), n.arg(0), 1, 86400L * 31);
                if (t.isEmpty()) {
                    c.error(n, "persistence_timeout invalid, expected 1-2678400 seconds");
                } else {
                    vs.persistenceTimeout = t.getAsLong();
                }
            })
            .line("persistence_granularity", (vs, n, c) -> {
                String g = Args.need(n, 0, "a netmask (IPv4) or prefix length (IPv6)");
                AddressFamily af = vs.family != null ? vs.family : g.contains(".") ? AddressFamily.IPV4
                        : AddressFamily.IPV6;
                if (af == AddressFamily.IPV6) {
                    if (Numbers.unsigned(c, n.location(), g, 1, 128).isEmpty()) {
                        c.error(n, "Invalid IPv6 persistence_granularity specified - " + g);
                        return;
                    }
                } else if (InetText.parseV4(g).isEmpty()) {
                    c.error(n, "Invalid IPv4 persistence_granularity specified - " + g);
                    return;
                }
                vs.granularity = g;
                if (vs.family == null) {
                    vs.family = af;
                }
                if (vs.persistenceTimeout == 0) {
                    vs.persistenceTimeout = 360;
                }
            })
            .line("protocol", (vs, n, c) -> {
                String p = Args.need(n, 0, "TCP, UDP or SCTP");
                switch (p.toUpperCase(Locale.ROOT)) {
                    case "TCP" -> vs.protocol = VirtualServer.Protocol.TCP;
                    case "UDP" -> vs.protocol = VirtualServer.Protocol.UDP;
                    case "SCTP" -> vs.protocol = VirtualServer.Protocol.SCTP;
                    default -> c.error(n, "Unknown protocol " + p + ", expected TCP, UDP or SCTP - ignoring");
                }
            })
            .line("ha_suspend", (vs, n, c) -> vs.haSuspend = true)
            .line("alpha", (vs, n, c) -> vs.alpha = true)
            .line("omega", (vs, n, c) -> vs.omega = true)
            .line("quorum_up", (vs, n, c) -> LvsReaders.firstScript(n, c, "quorum_up", vs.quorumUp, "quorum")
                    .ifPresent(s -> vs.quorumUp = s))
            .line("quorum_down", (vs, n, c) -> LvsReaders.firstScript(n, c, "quorum_down", vs.quorumDown, "quorum")
                    .ifPresent(s -> vs.quorumDown = s))
            .line("quorum", (vs, n, c) -> {
                OptionalLong q = NumberArg.unsigned(n, c, "a weight sum 1-4294967295", 1, Numbers.UINT_MAX,
                        v -> "Quorum " + v + " must be in [1, 4294967295]. Setting to 1.");
                vs.quorum = q.orElse(1);
            })
            .line("hysteresis", (vs, n, c) -> NumberArg.unsigned(n, c, "a number", 0, Numbers.UINT_MAX,
                    v -> "Hysteresis " + v + " must be in [0, 4294967295] - ignoring")
                    .ifPresent(value -> vs.hysteresis = value))
            .line("weight", (vs, n, c) -> NumberArg.unsigned(n, c, "a weight 1-65535", 1, 65535,
                    v -> "Virtual server weight " + v + " is outside range 1-65535")
                    .ifPresent(value -> vs.weight = (int) value))
            .line("sorry_server", (vs, n, c) -> {
                String ip = Args.need(n, 0, "an IP address, optionally followed by a port");
                OptionalInt port = LvsReaders.port(n.arg(1), c, n.location());
                if (port.isEmpty()) {
                    c.error(n, "Invalid sorry server IP address " + ip + " - skipping");
                    return;
                }
                Optional<InetAddress> a = InetText.sockaddr(ip);
                if (a.isEmpty()) {
                    c.error(n, "Invalid sorry server IP address " + ip + ", expected an IP address - skipping");
                    return;
                }
                LvsDrafts.Sorry s = new LvsDrafts.Sorry();
                s.address = a.get();
                s.port = port.getAsInt();
                s.forwarding = vs.forwarding;
                vs.sorry = s;
            })
            .line("sorry_server_inhibit", (vs, n, c) -> {
                if (vs.sorry != null) {
                    vs.sorry.inhibit = true;
                } else {
                    c.error(n, "Ignoring sorry_server_inhibit used before or without sorry_server");
                }
            })
            .line("sorry_server_lvs_method", (vs, n, c) -> {
                if (vs.sorry != null) {
                    LvsReaders.forwarding(n, c, "sorry", vs.sorry.forwarding).ifPresent(f -> vs.sorry.forwarding = f);
                } else {
                    c.error(n, "sorry_server_lvs_method used without sorry_server");
                }
            })
            .block("real_server", RealServerBinder::realServer);

    static void virtualServer(ConfigNode n, BindContext c) throws ConfigFatalException {
        String p1 = Args.need(n, 0, "IP PORT, fwmark N or group NAME");
        String p2 = n.arg(1);
        LvsDrafts.VirtualServer vs = new LvsDrafts.VirtualServer();
        vs.location = n.location();
        if (p1.equals("group")) {
            vs.kind = VirtualServer.Kind.GROUP;
            vs.group = Args.need(n, 1, "a virtual_server_group name");
        } else if (p1.equals("fwmark")) {
            vs.kind = VirtualServer.Kind.FWMARK;
            String m = Args.need(n, 1, "a firewall mark");
            OptionalLong mark = Numbers.unsigned(c, n.location(), m, 0, Numbers.UINT_MAX);
            if (mark.isEmpty()) {
                c.error(n, "virtual server fwmark '" + m + "' must be in [0, 4294967295] - ignoring");
                return;
            }
            vs.fwmark = mark.getAsLong();
        } else {
            vs.kind = VirtualServer.Kind.ADDRESS;
            OptionalInt port = LvsReaders.port(p2, c, n.location());
            if (port.isEmpty()) {
                c.error(n, "Invalid virtual server IP address/port " + p1 + "/" + p2 + " - skipping");
                return;
            }
            vs.port = port.getAsInt();
            Optional<InetAddress> a = InetText.sockaddr(p1);
            if (a.isEmpty()) {
                c.error(n, "Invalid virtual server IP address " + p1 + ", expected an IP address - skipping");
                return;
            }
            vs.address = a.get();
            vs.family = AddressFamily.of(a.get());
        }
        c.virtualServers.add(vs);
        TABLE.dispatch(vs, n.children(), c);
        // vs_end_handler
        if (vs.sorry != null && (vs.sorry.forwarding == null || vs.sorry.forwarding.method() != Forwarding.Method.TUN)) {
            AddressFamily sf = AddressFamily.of(vs.sorry.address);
            if (vs.family == null) {
                vs.family = sf;
            } else if (vs.family != sf) {
                c.error(n, "Address family of virtual server and sorry server " + LvsReaders.addr(vs.sorry.address)
                        + " don't match - skipping sorry server.");
                vs.sorry = null;
            }
        }
        if (vs.family == null && vs.kind != VirtualServer.Kind.GROUP) {
            boolean mixed = false;
            if (vs.sorry != null) {
                vs.family = AddressFamily.of(vs.sorry.address);
            }
            for (LvsDrafts.RealServer rs : vs.realServers) {
                AddressFamily rf = AddressFamily.of(rs.address);
                if (vs.family == null) {
                    vs.family = rf;
                } else if (vs.family != rf) {
                    mixed = true;
                    break;
                }
            }
            if (mixed || vs.family == null) {
                vs.family = AddressFamily.IPV4;
            }
        }
    }

    private static void scheduler(LvsDrafts.VirtualServer vs, ConfigNode n, BindContext c) throws ConfigFatalException {
        String s = Args.need(n, 0, "a scheduler (rr, wrr, lc, wlc, ...)");
        if (!SCHEDULERS.contains(s)) {
            c.error(n, "Invalid lvs_scheduler '" + s + "', expected one of rr wrr lc wlc lblc sh mh dh fo ovf lblcr"
                    + " sed nq twos - ignoring");
            return;
        }
        vs.scheduler = s;
    }

    private static void schedulerFlag(LvsDrafts.VirtualServer vs, ConfigNode n, BindContext c) {
        String f = n.keyword();
        if (f.startsWith("sh-") && !"sh".equals(vs.scheduler)) {
            c.error(n, f + " only applies to sh scheduler - ignoring");
            return;
        }
        if (f.startsWith("mh-") && !"mh".equals(vs.scheduler)) {
            c.error(n, f + " only applies to mh scheduler - ignoring");
            return;
        }
        if (!vs.flags.contains(f)) {
            vs.flags.add(f);
        }
    }
}
