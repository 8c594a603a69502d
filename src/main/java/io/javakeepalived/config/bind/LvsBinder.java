package io.javakeepalived.config.bind;

import io.javakeepalived.config.ConfigFatalException;
import io.javakeepalived.config.ConfigNode;
import io.javakeepalived.config.SourceLocation;
import io.javakeepalived.config.model.AddressFamily;
import io.javakeepalived.config.model.Checker;
import io.javakeepalived.config.model.Forwarding;
import io.javakeepalived.config.model.ScriptCommand;
import io.javakeepalived.config.model.VirtualServer;
import io.javakeepalived.config.model.VirtualServerGroup;

import java.math.BigInteger;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The checker half: virtual_server_group, virtual_server, real_server, the health checkers and
 * the SSL block (keepalived/check/check_parser.c and check_*.c).
 */
final class LvsBinder {
    private LvsBinder() {
    }

    private static final Set<String> SCHEDULERS = Set.of("rr", "wrr", "lc", "wlc", "lblc", "sh", "mh", "dh", "fo",
            "ovf", "lblcr", "sed", "nq", "twos");
    private static final Set<String> DNS_TYPES = Set.of("A", "NS", "CNAME", "SOA", "MX", "TXT", "AAAA", "RRSIG",
            "DNSKEY");

    // ---------------------------------------------------------------- SSL

    static final KeywordTable<Drafts.Ssl> SSL = new KeywordTable<Drafts.Ssl>("SSL")
            .line("password", (s, n, c) -> s.password = sslFile(n, c, s.password, "password"))
            .line("ca", (s, n, c) -> s.ca = sslFile(n, c, s.ca, "cafile"))
            .line("certificate", (s, n, c) -> s.certificate = sslFile(n, c, s.certificate, "certfile"))
            .line("key", (s, n, c) -> s.key = sslFile(n, c, s.key, "keyfile"));

    private static String sslFile(ConfigNode n, BindContext c, String old, String type) {
        if (n.argCount() < 1) {
            c.error(n, "SSL " + type + " missing");
            return old;
        }
        if (old != null) {
            c.error(n, "SSL " + type + " already specified - replacing");
        }
        return n.arg(0);
    }

    static void ssl(ConfigNode n, BindContext c) throws ConfigFatalException {
        if (c.ssl != null) {
            c.error(n, "SSL context already specified - replacing");
        }
        c.ssl = new Drafts.Ssl();
        SSL.dispatch(c.ssl, n.children(), c);
    }

    // ---------------------------------------------------------------- virtual_server_group

    static void virtualServerGroup(ConfigNode n, BindContext c) throws ConfigFatalException {
        Drafts.Vsg g = new Drafts.Vsg();
        g.name = Args.need(n, 0, "a group name");
        g.location = n.location();
        c.virtualServerGroups.add(g);
        List<String> extra = n.args().subList(1, n.argCount());
        if (!extra.isEmpty()) {
            c.error(n, "Block virtual_server_group has extra parameters " + extra.get(0) + " ...");
        }
        for (ConfigNode line : n.children()) {
            if (line.hasBlock()) {
                c.report(io.javakeepalived.config.ConfigErrorKind.UNEXPECTED_BLOCK_START, line.location(),
                        "Unexpected '{' in virtual_server_group, expected address or fwmark lines - ignoring it");
            }
            vsgEntry(g, line, c);
        }
        if (g.entries.isEmpty()) {
            c.error(n, "virtual server group " + g.name + " has no entries - removing");
            c.virtualServerGroups.remove(g);
        } else if (g.haveV4 && g.haveV6 && g.fwmarkNoFamily) {
            c.error(n, "virtual server group " + g.name + " cannot have IPv4, IPv6 and fwmark without family"
                    + " - removing");
            c.virtualServerGroups.remove(g);
        }
    }

    private static void vsgEntry(Drafts.Vsg g, ConfigNode line, BindContext c) throws ConfigFatalException {
        SourceLocation at = line.location();
        String first = line.keyword();
        if (first.equals("fwmark")) {
            String v = Args.need(line, 0, "a firewall mark");
            OptionalLong mark = Numbers.unsigned(c, at, v, 0, Numbers.UINT_MAX);
            if (mark.isEmpty()) {
                c.error(at, "(" + g.name + "): fwmark '" + v + "' must be in [0, 4294967295] - ignoring");
                return;
            }
            Optional<AddressFamily> fam = Optional.empty();
            if (line.argCount() > 1) {
                String f = line.arg(1);
                if (f.equals("inet")) {
                    fam = Optional.of(AddressFamily.IPV4);
                    g.haveV4 = true;
                } else if (f.equals("inet6")) {
                    fam = Optional.of(AddressFamily.IPV6);
                    g.haveV6 = true;
                } else {
                    c.error(at, "(" + g.name + "): fwmark '" + mark.getAsLong() + "' family " + f
                            + " unknown, expected inet or inet6 - ignoring");
                    return;
                }
            } else {
                g.fwmarkNoFamily = true;
            }
            g.entries.add(new VirtualServerGroup.Fwmark(mark.getAsLong(), fam, at));
            return;
        }
        String portText = line.arg(0);
        if (portText != null && portText.chars().allMatch(ch -> ch == '0')) {
            portText = null;
        }
        int port = 0;
        if (portText != null) {
            OptionalLong p = Numbers.unsigned(c, at, portText, 1, 65535);
            if (p.isEmpty()) {
                c.error(at, "Invalid virtual server group IP address " + first + "/port/" + portText + " - skipping");
                return;
            }
            port = (int) p.getAsLong();
        }
        Optional<InetAddress> start = VrrpInstanceBinder.sockaddr(first);
        if (start.isEmpty()) {
            c.error(at, "Invalid virtual server group IP address " + first + ", expected IP, IP-END or IP/LEN"
                    + " - skipping");
            return;
        }
        AddressFamily fam = AddressFamily.of(start.get());
        InetAddress end = start.get();
        int slash = first.indexOf('/');
        int dash = first.indexOf('-');
        if (slash >= 0) {
            String m = first.substring(slash + 1);
            int mask;
            try {
                mask = Integer.parseInt(m);
            } catch (NumberFormatException e) {
                mask = -1;
            }
            if (mask <= 0 || mask > fam.maxPrefix()) {
                c.error(at, "Invalid netmask - " + first + " - skipping");
                return;
            }
            BigInteger a = new BigInteger(1, start.get().getAddress());
            BigInteger hostBits = BigInteger.ONE.shiftLeft(fam.maxPrefix() - mask).subtract(BigInteger.ONE);
            if (!a.and(hostBits).equals(BigInteger.ZERO)) {
                c.error(at, "Address mask bits not empty - " + first + " - skipping");
                return;
            }
            end = fromBig(a.or(hostBits), fam);
        } else if (dash >= 0) {
            String tail = first.substring(dash + 1);
            if ((fam == AddressFamily.IPV4 && tail.contains(".")) || (fam == AddressFamily.IPV6 && tail.contains(":"))) {
                Optional<InetAddress> e = InetText.parse(tail);
                if (e.isEmpty()) {
                    c.error(at, "Invalid range end " + first + " - skipping");
                    return;
                }
                if (AddressFamily.of(e.get()) != fam) {
                    c.error(at, "Range address families do not match " + first + " - skipping");
                    return;
                }
                if (new BigInteger(1, e.get().getAddress()).compareTo(new BigInteger(1, start.get().getAddress())) < 0) {
                    c.error(at, "Address range end is less than address range start - " + first + " - skipping");
                    return;
                }
                end = e.get();
            } else {
                long range;
                try {
                    range = Long.parseLong(tail, fam == AddressFamily.IPV6 ? 16 : 10);
                } catch (NumberFormatException ex) {
                    c.report(io.javakeepalived.config.ConfigErrorKind.INVALID_NUMBER, at, "Virtual server group range '"
                            + first + "' has extra characters at end, expected a number");
                    return;
                }
                if (range > (fam == AddressFamily.IPV6 ? 0xFFFF : 255)) {
                    c.report(io.javakeepalived.config.ConfigErrorKind.INVALID_NUMBER, at, "Virtual server group range '"
                            + first + "' end '" + tail + "' too large");
                    return;
                }
                byte[] b = start.get().getAddress().clone();
                int startLow;
                if (fam == AddressFamily.IPV4) {
                    startLow = b[3] & 0xFF;
                    b[3] = (byte) range;
                } else {
                    startLow = ((b[14] & 0xFF) << 8) | (b[15] & 0xFF);
                    b[14] = (byte) (range >> 8);
                    b[15] = (byte) range;
                }
                if (startLow >= range) {
                    c.error(at, "Address range end is not greater than address range start - " + first + " - skipping");
                    return;
                }
                end = fromBig(new BigInteger(1, b), fam);
            }
        }
        g.entries.add(new VirtualServerGroup.AddressRange(start.get(), end, port, at));
        if (fam == AddressFamily.IPV4) {
            g.haveV4 = true;
        } else {
            g.haveV6 = true;
        }
    }

    private static InetAddress fromBig(BigInteger v, AddressFamily fam) {
        int len = fam == AddressFamily.IPV4 ? 4 : 16;
        byte[] raw = v.toByteArray();
        byte[] out = new byte[len];
        int copy = Math.min(len, raw.length);
        System.arraycopy(raw, raw.length - copy, out, len - copy, copy);
        return InetText.toAddress(out);
    }

    // ---------------------------------------------------------------- virtual_server

    static final KeywordTable<Drafts.VirtualServer> VS = new KeywordTable<Drafts.VirtualServer>("virtual_server")
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
            .line("retry", (vs, n, c) -> serverRetry(n, c).ifPresent(r -> vs.retry = r))
            .line("delay_before_retry", (vs, n, c) -> timer(n, c, 0, "virtual server delay before retry")
                    .ifPresent(t -> vs.delayBeforeRetry = t))
            .line("warmup", (vs, n, c) -> timer(n, c, 0, "virtual server warmup").ifPresent(t -> vs.warmup = t))
            .line("connect_timeout", (vs, n, c) -> timerMax(n, c, 1, Numbers.UINT_MAX,
                    "virtual server connect_timeout").ifPresent(t -> vs.connectTimeout = t))
            .line("delay_loop", (vs, n, c) -> timer(n, c, 1, "virtual server delay loop")
                    .ifPresent(t -> vs.delayLoop = t))
            .line("inhibit_on_failure", (vs, n, c) -> vs.inhibit = true)
            .line("lb_algo", LvsBinder::scheduler)
            .line("lvs_sched", LvsBinder::scheduler)
            .accepted(Set.of("hashed", "ops", "flag-1", "flag-2", "flag-3", "sh-port", "sh-fallback", "mh-port",
                    "mh-fallback"), LvsBinder::schedulerFlag)
            .line("lb_kind", (vs, n, c) -> forwarding(n, c, "virtual", vs.forwarding).ifPresent(f -> vs.forwarding = f))
            .line("lvs_method", (vs, n, c) -> forwarding(n, c, "virtual", vs.forwarding)
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
                switch (p.toUpperCase(java.util.Locale.ROOT)) {
                    case "TCP" -> vs.protocol = VirtualServer.Protocol.TCP;
                    case "UDP" -> vs.protocol = VirtualServer.Protocol.UDP;
                    case "SCTP" -> vs.protocol = VirtualServer.Protocol.SCTP;
                    default -> c.error(n, "Unknown protocol " + p + ", expected TCP, UDP or SCTP - ignoring");
                }
            })
            .line("ha_suspend", (vs, n, c) -> vs.haSuspend = true)
            .line("smtp_alert", (vs, n, c) -> bool(n, c, "virtual_server smtp_alert").ifPresent(b -> vs.smtpAlert = b))
            .line("virtualhost", (vs, n, c) -> {
                if (n.argCount() < 1) {
                    c.error(n, "virtual server virtualhost missing");
                } else {
                    vs.virtualhost = n.arg(0);
                }
            })
            .line("snmp_name", (vs, n, c) -> {
                if (n.argCount() != 1) {
                    c.error(n, "virtual server snmp_name missing or extra parameters");
                }
            })
            .line("alpha", (vs, n, c) -> vs.alpha = true)
            .line("omega", (vs, n, c) -> vs.omega = true)
            .line("quorum_up", (vs, n, c) -> firstScript(n, c, "quorum_up", vs.quorumUp, "quorum")
                    .ifPresent(s -> vs.quorumUp = s))
            .line("quorum_down", (vs, n, c) -> firstScript(n, c, "quorum_down", vs.quorumDown, "quorum")
                    .ifPresent(s -> vs.quorumDown = s))
            .line("quorum", (vs, n, c) -> {
                String v = Args.need(n, 0, "a weight sum 1-4294967295");
                OptionalLong q = Numbers.unsigned(c, n.location(), v, 1, Numbers.UINT_MAX);
                if (q.isEmpty()) {
                    c.error(n, "Quorum " + v + " must be in [1, 4294967295]. Setting to 1.");
                }
                vs.quorum = q.orElse(1);
            })
            .line("hysteresis", (vs, n, c) -> {
                String v = Args.need(n, 0, "a number");
                OptionalLong h = Numbers.unsigned(c, n.location(), v, 0, Numbers.UINT_MAX);
                if (h.isEmpty()) {
                    c.error(n, "Hysteresis " + v + " must be in [0, 4294967295] - ignoring");
                } else {
                    vs.hysteresis = h.getAsLong();
                }
            })
            .line("weight", (vs, n, c) -> {
                String v = Args.need(n, 0, "a weight 1-65535");
                OptionalLong w = Numbers.unsigned(c, n.location(), v, 1, 65535);
                if (w.isEmpty()) {
                    c.error(n, "Virtual server weight " + v + " is outside range 1-65535");
                } else {
                    vs.weight = (int) w.getAsLong();
                }
            })
            .line("sorry_server", (vs, n, c) -> {
                String ip = Args.need(n, 0, "an IP address, optionally followed by a port");
                String portText = n.arg(1);
                if (portText != null && portText.chars().allMatch(ch -> ch == '0')) {
                    portText = null;
                }
                int port = 0;
                if (portText != null) {
                    OptionalLong p = Numbers.unsigned(c, n.location(), portText, 1, 65535);
                    if (p.isEmpty()) {
                        c.error(n, "Invalid sorry server IP address " + ip + " - skipping");
                        return;
                    }
                    port = (int) p.getAsLong();
                }
                Optional<InetAddress> a = VrrpInstanceBinder.sockaddr(ip);
                if (a.isEmpty()) {
                    c.error(n, "Invalid sorry server IP address " + ip + ", expected an IP address - skipping");
                    return;
                }
                Drafts.Sorry s = new Drafts.Sorry();
                s.address = a.get();
                s.port = port;
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
                    forwarding(n, c, "sorry", vs.sorry.forwarding).ifPresent(f -> vs.sorry.forwarding = f);
                } else {
                    c.error(n, "sorry_server_lvs_method used without sorry_server");
                }
            })
            .block("real_server", LvsBinder::realServer);

    static void virtualServer(ConfigNode n, BindContext c) throws ConfigFatalException {
        String p1 = Args.need(n, 0, "IP PORT, fwmark N or group NAME");
        String p2 = n.arg(1);
        Drafts.VirtualServer vs = new Drafts.VirtualServer();
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
            String portText = p2 != null && !p2.chars().allMatch(ch -> ch == '0') ? p2 : null;
            if (portText != null) {
                OptionalLong port = Numbers.unsigned(c, n.location(), portText, 1, 65535);
                if (port.isEmpty()) {
                    c.error(n, "Invalid virtual server IP address/port " + p1 + "/" + portText + " - skipping");
                    return;
                }
                vs.port = (int) port.getAsLong();
            }
            Optional<InetAddress> a = VrrpInstanceBinder.sockaddr(p1);
            if (a.isEmpty()) {
                c.error(n, "Invalid virtual server IP address " + p1 + ", expected an IP address - skipping");
                return;
            }
            vs.address = a.get();
            vs.family = AddressFamily.of(a.get());
        }
        c.virtualServers.add(vs);
        VS.dispatch(vs, n.children(), c);
        // vs_end_handler
        if (vs.sorry != null && (vs.sorry.forwarding == null || vs.sorry.forwarding.method() != Forwarding.Method.TUN)) {
            AddressFamily sf = AddressFamily.of(vs.sorry.address);
            if (vs.family == null) {
                vs.family = sf;
            } else if (vs.family != sf) {
                c.error(n, "Address family of virtual server and sorry server " + Text.addr(vs.sorry.address)
                        + " don't match - skipping sorry server.");
                vs.sorry = null;
            }
        }
        if (vs.family == null && vs.kind != VirtualServer.Kind.GROUP) {
            boolean mixed = false;
            if (vs.sorry != null) {
                vs.family = AddressFamily.of(vs.sorry.address);
            }
            for (Drafts.RealServer rs : vs.realServers) {
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

    private static void scheduler(Drafts.VirtualServer vs, ConfigNode n, BindContext c) throws ConfigFatalException {
        String s = Args.need(n, 0, "a scheduler (rr, wrr, lc, wlc, ...)");
        if (!SCHEDULERS.contains(s)) {
            c.error(n, "Invalid lvs_scheduler '" + s + "', expected one of rr wrr lc wlc lblc sh mh dh fo ovf lblcr"
                    + " sed nq twos - ignoring");
            return;
        }
        vs.scheduler = s;
    }

    private static void schedulerFlag(Drafts.VirtualServer vs, ConfigNode n, BindContext c) {
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

    /** lb_kind / lvs_method NAT|DR|TUN [type ipip|gue|gre] [port N] [nocsum|csum|remcsum]. */
    static Optional<Forwarding> forwarding(ConfigNode n, BindContext c, String server, Forwarding old)
            throws ConfigFatalException {
        String m = Args.need(n, 0, "NAT, DR or TUN");
        Forwarding.Method method;
        switch (m) {
            case "NAT" -> method = Forwarding.Method.NAT;
            case "DR" -> method = Forwarding.Method.DR;
            case "TUN" -> method = Forwarding.Method.TUN;
            default -> {
                c.error(n, "unknown [" + m + "] routing method for " + server + " server, expected NAT, DR or TUN");
                return Optional.empty();
            }
        }
        String type = "ipip";
        int port = 0;
        String csum = "nocsum";
        List<String> a = n.args();
        for (int i = 1; i < a.size(); i++) {
            String w = a.get(i);
            if (w.equals("type")) {
                if (i + 1 >= a.size()) {
                    c.error(n, "Missing tunnel type for " + server + " server.");
                    return Optional.of(new Forwarding(method, Optional.empty(), OptionalInt.empty(), Optional.empty()));
                }
                String t = a.get(++i);
                if (!t.equals("ipip") && !t.equals("gue") && !t.equals("gre")) {
                    c.error(n, "Unknown tunnel type " + t + " for " + server + " server, expected ipip, gue or gre.");
                    return Optional.of(new Forwarding(method, Optional.empty(), OptionalInt.empty(), Optional.empty()));
                }
                type = t;
            } else if (w.equals("port")) {
                if (i + 1 >= a.size()) {
                    c.error(n, "Missing port for " + server + " server gue tunnel.");
                    return Optional.of(new Forwarding(method, Optional.empty(), OptionalInt.empty(), Optional.empty()));
                }
                OptionalLong p = Numbers.unsigned(c, n.location(), a.get(++i), 1, 65535);
                if (p.isEmpty()) {
                    c.error(n, "Invalid gue tunnel port " + a.get(i) + " for " + server + " server.");
                    return Optional.of(new Forwarding(method, Optional.empty(), OptionalInt.empty(), Optional.empty()));
                }
                port = (int) p.getAsLong();
            } else if (w.equals("nocsum") || w.equals("csum") || w.equals("remcsum")) {
                csum = w;
            } else {
                c.error(n, "Invalid tunnel option " + w + " for " + server + " server.");
                return Optional.of(new Forwarding(method, Optional.empty(), OptionalInt.empty(), Optional.empty()));
            }
        }
        if (type.equals("gue") != (port != 0)) {
            c.error(n, "gue tunnels require port, otherwise cannot have port.");
        } else if (type.equals("ipip") && !csum.equals("nocsum")) {
            c.error(n, "ipip tunnels do not support checksum option.");
        } else if (type.equals("gre") && csum.equals("remcsum")) {
            c.error(n, "gre tunnels do not support remote checksum option.");
        } else if (method == Forwarding.Method.TUN && a.size() > 1) {
            return Optional.of(new Forwarding(method, Optional.of(type),
                    port == 0 ? OptionalInt.empty() : OptionalInt.of(port), Optional.of(csum)));
        }
        return Optional.of(new Forwarding(method, Optional.empty(), OptionalInt.empty(), Optional.empty()));
    }

    private static Optional<Long> timer(ConfigNode n, BindContext c, long minSeconds, String what)
            throws ConfigFatalException {
        return timerMax(n, c, minSeconds, 0, what);
    }

    private static Optional<Long> timerMax(ConfigNode n, BindContext c, long minMicros, long maxMicros, String what)
            throws ConfigFatalException {
        String v = Args.need(n, 0, "a time in seconds");
        Optional<java.time.Duration> t = Numbers.timer(c, n.location(), v, minMicros, maxMicros);
        if (t.isEmpty()) {
            c.error(n, what + " '" + v + "' invalid - ignoring");
            return Optional.empty();
        }
        return Optional.of(t.get().toNanos() / 1000);
    }

    private static Optional<Boolean> bool(ConfigNode n, BindContext c, String what) {
        if (n.argCount() < 1) {
            return Optional.of(true);
        }
        Optional<Boolean> b = Numbers.bool(n.arg(0));
        if (b.isEmpty()) {
            c.error(n, "Invalid " + what + " parameter " + n.arg(0) + ", expected on/off");
        }
        return b;
    }

    // ---------------------------------------------------------------- real_server

    static final KeywordTable<Drafts.RealServer> RS = new KeywordTable<Drafts.RealServer>("real_server")
            .line("weight", (rs, n, c) -> {
                String v = Args.need(n, 0, "a weight 0-65535");
                OptionalLong w = Numbers.unsigned(c, n.location(), v, 0, 65535);
                if (w.isEmpty()) {
                    c.error(n, "Real server weight " + v + " is outside range 0-65535");
                } else {
                    rs.weight = (int) w.getAsLong();
                }
            })
            .line("lvs_method", (rs, n, c) -> forwarding(n, c, "real", rs.forwarding)
                    .ifPresent(f -> rs.forwarding = f))
            .line("uthreshold", (rs, n, c) -> {
                String v = Args.need(n, 0, "a connection count");
                OptionalLong t = Numbers.unsigned(c, n.location(), v, 0, Numbers.UINT_MAX);
                if (t.isEmpty()) {
                    c.error(n, "Invalid real_server uthreshold '" + v + "' - ignoring");
                } else {
                    rs.upper = t.getAsLong();
                }
            })
            .line("lthreshold", (rs, n, c) -> {
                String v = Args.need(n, 0, "a connection count");
                OptionalLong t = Numbers.unsigned(c, n.location(), v, 0, Numbers.UINT_MAX);
                if (t.isEmpty()) {
                    c.error(n, "Invalid real_server lthreshold '" + v + "' - ignoring");
                } else {
                    rs.lower = t.getAsLong();
                }
            })
            .line("inhibit_on_failure", (rs, n, c) -> bool(n, c, "inhibit_on_failure").ifPresent(b -> rs.inhibit = b))
            .line("notify_up", (rs, n, c) -> firstScript(n, c, "notify_up", rs.notifyUp, "notify")
                    .ifPresent(s -> rs.notifyUp = s))
            .line("notify_down", (rs, n, c) -> firstScript(n, c, "notify_down", rs.notifyDown, "notify")
                    .ifPresent(s -> rs.notifyDown = s))
            .line("alpha", (rs, n, c) -> bool(n, c, "alpha").ifPresent(b -> rs.alpha = b))
            .line("retry", (rs, n, c) -> serverRetry(n, c).ifPresent(r -> rs.retry = r))
            .line("delay_before_retry", (rs, n, c) -> timer(n, c, 0, "real server delay_before_retry")
                    .ifPresent(t -> rs.delayBeforeRetry = t))
            .line("warmup", (rs, n, c) -> timer(n, c, 0, "real server warmup").ifPresent(t -> rs.warmup = t))
            .line("connect_timeout", (rs, n, c) -> timerMax(n, c, 1, Numbers.UINT_MAX, "real server connect_timeout")
                    .ifPresent(t -> rs.connectTimeout = t))
            .line("delay_loop", (rs, n, c) -> timer(n, c, 1, "real server delay_loop").ifPresent(t -> rs.delayLoop = t))
            .line("smtp_alert", (rs, n, c) -> bool(n, c, "real_server smtp_alert").ifPresent(b -> rs.smtpAlert = b))
            .line("virtualhost", (rs, n, c) -> {
                if (n.argCount() < 1) {
                    c.error(n, "real server virtualhost missing");
                } else {
                    rs.virtualhost = n.arg(0);
                }
            })
            .line("snmp_name", (rs, n, c) -> {
                if (n.argCount() != 1) {
                    c.error(n, "real server snmp_name missing or extra parameters");
                }
            })
            .block("TCP_CHECK", (rs, n, c) -> checker(rs, n, c, Drafts.CheckerKind.TCP))
            .block("HTTP_GET", (rs, n, c) -> checker(rs, n, c, Drafts.CheckerKind.HTTP))
            .block("SSL_GET", (rs, n, c) -> checker(rs, n, c, Drafts.CheckerKind.SSL))
            .block("SMTP_CHECK", (rs, n, c) -> checker(rs, n, c, Drafts.CheckerKind.SMTP))
            .block("DNS_CHECK", (rs, n, c) -> checker(rs, n, c, Drafts.CheckerKind.DNS))
            .block("UDP_CHECK", (rs, n, c) -> checker(rs, n, c, Drafts.CheckerKind.UDP))
            .block("PING_CHECK", (rs, n, c) -> checker(rs, n, c, Drafts.CheckerKind.PING))
            .block("MISC_CHECK", (rs, n, c) -> checker(rs, n, c, Drafts.CheckerKind.MISC))
            .block("FILE_CHECK", (rs, n, c) -> checker(rs, n, c, Drafts.CheckerKind.FILE))
            .block("BFD_CHECK", (rs, n, c) -> checker(rs, n, c, Drafts.CheckerKind.BFD));

    private static void realServer(Drafts.VirtualServer vs, ConfigNode n, BindContext c) throws ConfigFatalException {
        String ip = Args.need(n, 0, "an IP address, optionally followed by a port");
        String portText = n.arg(1);
        if (portText != null && portText.chars().allMatch(ch -> ch == '0')) {
            portText = null;
        }
        int port = 0;
        if (portText != null) {
            OptionalLong p = Numbers.unsigned(c, n.location(), portText, 1, 65535);
            if (p.isEmpty()) {
                c.error(n, "Invalid real server ip address/port " + ip + "/" + n.arg(1) + " - skipping");
                return;
            }
            port = (int) p.getAsLong();
        }
        Optional<InetAddress> a = VrrpInstanceBinder.sockaddr(ip);
        if (a.isEmpty()) {
            c.error(n, "Invalid real server ip address/port " + ip + "/" + n.arg(1) + ", expected an IP address"
                    + " - skipping");
            return;
        }
        Drafts.RealServer rs = new Drafts.RealServer();
        rs.location = n.location();
        rs.address = a.get();
        rs.port = port;
        rs.forwarding = vs.forwarding;
        vs.realServers.add(rs);
        RS.dispatch(rs, n.children(), c);
        Forwarding.Method m = rs.forwarding == null ? null : rs.forwarding.method();
        if (m != Forwarding.Method.TUN) {
            AddressFamily rf = AddressFamily.of(rs.address);
            if (vs.family == null) {
                vs.family = rf;
            } else if (vs.family != rf) {
                c.error(n, "Address family of virtual server and real server " + Text.addr(rs.address)
                        + " don't match - skipping real server.");
                vs.realServers.remove(rs);
            }
        }
    }

    // ---------------------------------------------------------------- checkers

    private static KeywordTable<Drafts.Checker> common(String name, boolean connection) {
        KeywordTable<Drafts.Checker> t = new KeywordTable<>(name);
        if (connection) {
            connectionKeywords(t, ch -> ch.conn);
        }
        t.line("retry", (ch, n, c) -> {
            String v = Args.need(n, 0, "a retry count");
            OptionalLong r = Numbers.unsigned(c, n.location(), v, 0, Numbers.UINT_MAX);
            if (r.isEmpty()) {
                c.error(n, "Invalid retry connection value '" + v + "'");
            } else {
                ch.retry = r.getAsLong();
            }
        });
        t.line("delay_before_retry", (ch, n, c) -> timer(n, c, 0, "delay_before_retry")
                .ifPresent(v -> ch.delayBeforeRetry = v));
        t.line("warmup", (ch, n, c) -> timer(n, c, 0, "warmup").ifPresent(v -> ch.warmup = v));
        t.line("delay_loop", (ch, n, c) -> timer(n, c, 1, "delay_loop").ifPresent(v -> ch.delayLoop = v));
        t.line("alpha", (ch, n, c) -> bool(n, c, "alpha").ifPresent(b -> ch.alpha = b));
        t.line("log_all_failures", (ch, n, c) -> bool(n, c, "log_all_failures").ifPresent(b -> ch.logAllFailures = b));
        return t;
    }

    /**
     * A checker's {@code connect_ip} or {@code bindto}: an address of the same family as the
     * other end if that is set already; keepalived's messages otherwise, and the keyword ignored.
     */
    private static Optional<InetAddress> endpointAddress(ConfigNode n, BindContext c, String keyword,
                                                         String otherKeyword, InetAddress other)
            throws ConfigFatalException {
        String v = Args.need(n, 0, "an IP address");
        Optional<InetAddress> a = VrrpInstanceBinder.sockaddr(v);
        if (a.isEmpty()) {
            c.error(n, "Invalid " + keyword + " address " + v + " - ignoring");
            return Optional.empty();
        }
        if (other != null && AddressFamily.of(other) != AddressFamily.of(a.get())) {
            c.error(n, keyword + " address " + v + " does not match address family of " + otherKeyword
                    + " - skipping");
            return Optional.empty();
        }
        return a;
    }

    /** A checker's {@code connect_port} or {@code bind_port}: 1-65535. */
    private static OptionalInt checkerPort(ConfigNode n, BindContext c, String keyword)
            throws ConfigFatalException {
        String v = Args.need(n, 0, "a port 1-65535");
        OptionalLong p = Numbers.unsigned(c, n.location(), v, 1, 65535);
        if (p.isEmpty()) {
            c.error(n, "Invalid checker " + keyword + " '" + v + "'");
            return OptionalInt.empty();
        }
        return OptionalInt.of((int) p.getAsLong());
    }

    /** A virtual or real server's {@code retry}: 1 to UINT_MAX, keepalived's message otherwise. */
    private static OptionalLong serverRetry(ConfigNode n, BindContext c) throws ConfigFatalException {
        String v = Args.need(n, 0, "a retry count");
        OptionalLong r = Numbers.unsigned(c, n.location(), v, 1, Numbers.UINT_MAX);
        if (r.isEmpty()) {
            c.error(n, "retry value invalid - " + v);
        }
        return r;
    }

    /**
     * A script keyword that may be given once ({@code quorum_up}, {@code notify_down}, ...):
     * keepalived keeps the first and reports every later one.
     */
    private static Optional<ScriptCommand> firstScript(ConfigNode n, BindContext c, String keyword,
                                                       ScriptCommand already, String kind)
            throws ConfigFatalException {
        if (already != null) {
            c.error(n, keyword + " script already specified - ignoring " + Args.need(n, 0, "a command"));
            return Optional.empty();
        }
        return Scripts.notifyLine(n, kind, c);
    }

    private interface ConnOf {
        Drafts.Connection of(Drafts.Checker ch);
    }

    private static void connectionKeywords(KeywordTable<Drafts.Checker> t, ConnOf conn) {
        t.line("connect_ip", (ch, n, c) -> endpointAddress(n, c, "connect_ip", "bindto", conn.of(ch).bindTo)
                .ifPresent(a -> conn.of(ch).dst = a));
        t.line("connect_port", (ch, n, c) -> checkerPort(n, c, "connect_port").ifPresent(p -> conn.of(ch).dstPort = p));
        t.line("bindto", (ch, n, c) -> endpointAddress(n, c, "bindto", "connect_ip", conn.of(ch).dst)
                .ifPresent(a -> conn.of(ch).bindTo = a));
        t.line("bind_port", (ch, n, c) -> checkerPort(n, c, "bind_port").ifPresent(p -> conn.of(ch).bindPort = p));
        t.line("bind_if", (ch, n, c) -> {
            String v = Args.need(n, 0, "an interface name");
            if (v.length() > 15) {
                c.error(n, "Interface name " + v + " is too long - ignoring");
            } else {
                conn.of(ch).bindIf = v;
            }
        });
        t.line("connect_timeout", (ch, n, c) -> timerMax(n, c, 1, Numbers.UINT_MAX, "connect_timeout")
                .ifPresent(v -> conn.of(ch).timeout = v));
        t.line("fwmark", (ch, n, c) -> {
            String v = Args.need(n, 0, "a firewall mark");
            OptionalLong m = Numbers.unsigned(c, n.location(), v, 0, Numbers.UINT_MAX);
            if (m.isEmpty()) {
                c.error(n, "Invalid fwmark connection value '" + v + "'");
            } else {
                conn.of(ch).fwmark = m.getAsLong();
            }
        });
    }

    static final KeywordTable<Drafts.Url> URL = new KeywordTable<Drafts.Url>("url")
            .line("path", (u, n, c) -> u.path = Args.need(n, 0, "a URL path"))
            .line("digest", (u, n, c) -> {
                String d = Args.need(n, 0, "an MD5 digest of 32 hex digits");
                if (u.digest != null) {
                    c.error(n, "Digest '" + d + "' is a duplicate");
                } else if (d.length() != 32) {
                    c.error(n, "digest '" + d + "' character length should be 32 rather than " + d.length());
                } else if (!d.matches("[0-9a-fA-F]{32}")) {
                    c.error(n, "Unable to interpret hex digits in digest '" + d + "'");
                } else {
                    u.digest = d.toLowerCase(java.util.Locale.ROOT);
                }
            })
            .line("status_code", (u, n, c) -> {
                for (String s : n.args()) {
                    String[] parts = s.split("-", 2);
                    int min;
                    int max;
                    try {
                        min = Integer.parseInt(parts[0]);
                        max = parts.length > 1 ? Integer.parseInt(parts[1]) : min;
                    } catch (NumberFormatException e) {
                        min = -1;
                        max = -1;
                    }
                    if (min < 100 || min > 599 || max < 100 || max > 599 || min > max) {
                        c.error(n, "Invalid HTTP_GET status code '" + s + "', expected 100-599 or a range A-B");
                        continue;
                    }
                    u.status.add(new Checker.StatusRange(min, max));
                }
            })
            .line("virtualhost", (u, n, c) -> {
                if (n.argCount() < 1) {
                    c.error(n, "Missing HTTP_GET virtualhost name");
                } else {
                    u.virtualhost = n.arg(0);
                }
            })
            .line("regex", (u, n, c) -> {
                if (n.argCount() != 1) {
                    c.note(n.location(), "regex missing or too many fields");
                } else {
                    u.regex = n.arg(0);
                }
            })
            .line("regex_no_match", (u, n, c) -> u.regexNoMatch = true)
            .line("regex_options", (u, n, c) -> u.regexOptions.addAll(n.args()))
            .line("regex_min_offset", (u, n, c) -> u.regexMin = regexOffset(n, c))
            .line("regex_max_offset", (u, n, c) -> u.regexMax = regexOffset(n, c))
            .line("regex_stack", (u, n, c) -> {
                if (n.argCount() != 2) {
                    c.note(n.location(), "regex_stack requires start and max values");
                }
            });

    private static long regexOffset(ConfigNode n, BindContext c) {
        if (n.argCount() != 1 || !n.arg(0).matches("[0-9]+")) {
            c.note(n.location(), "Invalid " + n.keyword() + " specified");
            return 0;
        }
        return Long.parseLong(n.arg(0));
    }

    static final KeywordTable<Drafts.Checker> TCP = common("TCP_CHECK", true);
    static final KeywordTable<Drafts.Checker> PING = common("PING_CHECK", true);
    static final KeywordTable<Drafts.Checker> HTTP = common("HTTP_GET", true)
            .line("nb_get_retry", (ch, n, c) -> {
                c.deprecated(n.location(), "nb_get_retry is deprecated - please use 'retry'");
                String v = Args.need(n, 0, "a retry count");
                OptionalLong r = Numbers.unsigned(c, n.location(), v, 0, Numbers.UINT_MAX);
                if (r.isEmpty()) {
                    c.error(n, "Invalid nb_get_retry value '" + v + "'");
                } else {
                    ch.retry = r.getAsLong();
                }
            })
            .line("virtualhost", (ch, n, c) -> {
                if (n.argCount() < 1) {
                    c.error(n, "HTTP_GET virtualhost name missing");
                } else {
                    ch.virtualhost = n.arg(0);
                }
            })
            .line("http_protocol", (ch, n, c) -> {
                if (n.argCount() < 1) {
                    c.error(n, "Missing http_protocol version, expected 1.0, 1.0C or 1.1");
                    return;
                }
                switch (n.arg(0)) {
                    case "1.0", "1.1" -> ch.httpProtocol = n.arg(0);
                    case "1.0C", "1.0c" -> ch.httpProtocol = "1.0C";
                    default -> c.error(n, "Invalid http_protocol version " + n.arg(0) + ", expected 1.0, 1.0C or 1.1");
                }
            })
            .line("enable_sni", (ch, n, c) -> bool(n, c, "enable_sni").ifPresent(b -> ch.enableSni = b))
            .line("fast_recovery", (ch, n, c) -> bool(n, c, "fast_recovery").ifPresent(b -> ch.fastRecovery = b))
            .block("url", (ch, n, c) -> {
                Drafts.Url u = new Drafts.Url();
                u.location = n.location();
                URL.dispatch(u, n.children(), c);
                if (u.path == null) {
                    c.error(n, "HTTP/SSL_GET checker url has no path, expected 'path P' - ignoring");
                    return;
                }
                if (u.regex == null && (u.regexNoMatch || !u.regexOptions.isEmpty() || u.regexMin != 0
                        || u.regexMax != 0)) {
                    c.note(n.location(), "regex parameters specified without regex");
                    u.regexNoMatch = false;
                    u.regexOptions.clear();
                    u.regexMin = 0;
                    u.regexMax = 0;
                }
                ch.urls.add(u);
            });
    static final KeywordTable<Drafts.Checker> SMTP_HOST = smtpHostTable();
    static final KeywordTable<Drafts.Checker> SMTP = common("SMTP_CHECK", true)
            .line("helo_name", (ch, n, c) -> {
                if (n.argCount() < 1) {
                    c.error(n, "SMTP_CHECK helo name missing");
                } else {
                    ch.helo = n.arg(0);
                }
            })
            .block("host", (ch, n, c) -> {
                Drafts.Connection saved = ch.conn;
                Drafts.Connection host = new Drafts.Connection();
                host.dst = ch.rs.address;
                host.dstPort = ch.rs.port;
                host.location = n.location();
                ch.conn = host;
                c.note(n.location(), "SMTP_CHECK host { } is deprecated - use one SMTP_CHECK per address");
                SMTP_HOST.dispatch(ch, n.children(), c);
                ch.conn = saved;
                if (checkConnection(host, c, n.location())) {
                    ch.hosts.add(host);
                }
            });

    private static KeywordTable<Drafts.Checker> smtpHostTable() {
        KeywordTable<Drafts.Checker> t = common("host", true);
        return t;
    }

    static final KeywordTable<Drafts.Checker> DNS = common("DNS_CHECK", true)
            .line("type", (ch, n, c) -> {
                String t = Args.need(n, 0, "a DNS type (A, NS, CNAME, SOA, MX, TXT, AAAA)");
                if (!DNS_TYPES.contains(t.toUpperCase(java.util.Locale.ROOT))) {
                    c.error(n, "Unknown DNS check type " + t + ", expected A, NS, CNAME, SOA, MX, TXT or AAAA"
                            + " - ignoring");
                } else {
                    ch.dnsType = t.toUpperCase(java.util.Locale.ROOT);
                }
            })
            .line("name", (ch, n, c) -> {
                if (ch.dnsName != null) {
                    c.error(n, "DNS_CHECK name already specified - ignoring");
                    return;
                }
                String name = Args.need(n, 0, "a domain name");
                if ((name.startsWith(".") && name.length() > 1) || name.contains("..")) {
                    c.error(n, "DNS_CHECK name '" + name + "' has empty label - ignoring");
                    return;
                }
                ch.dnsName = name;
            });
    static final KeywordTable<Drafts.Checker> UDP = common("UDP_CHECK", true)
            .line("payload", (ch, n, c) -> {
                if (n.argCount() < 1) {
                    c.error(n, "UDP_CHECK payload requires a payload");
                    return;
                }
                String hex = String.join("", n.args());
                if (!hex.matches("([0-9a-fA-F]{2})+")) {
                    c.error(n, "Invalid hex string for UDP_CHECK payload");
                    return;
                }
                ch.payload = hex.toLowerCase(java.util.Locale.ROOT);
            })
            .line("require_reply", (ch, n, c) -> {
                ch.requireReply = true;
                if (n.argCount() >= 1) {
                    String hex = String.join("", n.args());
                    if (!hex.matches("([0-9a-fA-FxX]{2})+")) {
                        c.error(n, "Invalid hex string for UDP_CHECK reply");
                        return;
                    }
                    ch.reply = hex.toLowerCase(java.util.Locale.ROOT);
                }
            })
            .line("min_reply_length", (ch, n, c) -> {
                String v = Args.need(n, 0, "a length 0-65535");
                OptionalLong l = Numbers.unsigned(c, n.location(), v, 0, 65535);
                if (l.isEmpty()) {
                    c.error(n, "UDP_CHECK min length " + v + " not valid - must be between 0 & 65535");
                } else {
                    ch.minReply = (int) l.getAsLong();
                }
            })
            .line("max_reply_length", (ch, n, c) -> {
                String v = Args.need(n, 0, "a length 0-65535");
                OptionalLong l = Numbers.unsigned(c, n.location(), v, 0, 65535);
                if (l.isEmpty()) {
                    c.error(n, "UDP_CHECK max length " + v + " not valid - must be between 0 & 65535");
                } else {
                    ch.maxReply = (int) l.getAsLong();
                }
            });
    static final KeywordTable<Drafts.Checker> MISC = common("MISC_CHECK", false)
            .line("misc_path", (ch, n, c) -> {
                Optional<List<String>> argv = Scripts.commandLine(n);
                if (argv.isPresent()) {
                    ch.script = new ScriptCommand(n.arg(0), argv.get(), Optional.empty(), Optional.empty(), 0, 0,
                            n.location());
                }
            })
            .line("misc_timeout", (ch, n, c) -> {
                String v = Args.need(n, 0, "a timeout in whole seconds");
                OptionalLong t = Numbers.unsigned(c, n.location(), v, 0, Numbers.UINT_MAX / Numbers.TIMER_HZ);
                if (t.isEmpty()) {
                    c.error(n, "Invalid misc_timeout value '" + v + "'");
                } else {
                    ch.miscTimeout = t.getAsLong() * Numbers.TIMER_HZ;
                }
            })
            .line("misc_dynamic", (ch, n, c) -> ch.dynamic = true)
            .line("user", (ch, n, c) -> {
                if (n.argCount() < 1) {
                    c.error(n, "No user specified for misc checker script");
                    return;
                }
                Optional<ScriptUsers.Ids> ids = c.scriptUsers().resolve(n.arg(0), n.arg(1), n.location());
                if (ids.isEmpty()) {
                    c.error(n, "Failed to set uid/gid for misc checker script: user '" + n.arg(0) + "' does not exist"
                            + " - removing");
                    ch.kind = null;
                    return;
                }
                ch.userSet = true;
                ch.miscUser = n.arg(0);
                ch.miscGroup = n.arg(1);
                ch.miscIds = ids.get();
            });
    static final KeywordTable<Drafts.Checker> FILE = new KeywordTable<Drafts.Checker>("FILE_CHECK")
            .line("track_file", (ch, n, c) -> {
                String f = Args.need(n, 0, "a track_file name");
                if (c.trackFile(f) == null) {
                    c.error(n, "track_file " + f + " not found, expected a track_file declared before");
                    return;
                }
                ch.trackFile = f;
            })
            .line("weight", (ch, n, c) -> {
                if (n.argCount() < 1) {
                    c.error(n, "track file weight missing");
                    return;
                }
                OptionalLong w = Numbers.signed(c, n.location(), n.arg(0), -65535, 65535);
                if (w.isEmpty()) {
                    c.error(n, "weight for track file must be in [-65535..65535] inclusive. Ignoring...");
                    return;
                }
                boolean reverse = false;
                if (n.argCount() >= 2) {
                    if (n.arg(1).equals("reverse")) {
                        reverse = true;
                    } else if (!n.arg(1).equals("noreverse")) {
                        c.error(n, "unknown track file weight option " + n.arg(1) + " - ignoring");
                        return;
                    }
                }
                ch.fileWeight = (int) w.getAsLong();
                ch.fileReverse = reverse;
            });
    static final KeywordTable<Drafts.Checker> BFD = new KeywordTable<Drafts.Checker>("BFD_CHECK")
            .line("name", (ch, n, c) -> {
                if (n.argCount() != 1) {
                    c.error(n, "BFD_CHECK - No or too many names specified - skipping checker");
                    ch.kind = null;
                } else if (c.bfd(n.arg(0)) == null) {
                    c.error(n, "BFD_CHECK - BFD " + n.arg(0) + " not configured");
                    ch.kind = null;
                } else if (ch.bfdName != null) {
                    c.error(n, "BFD_CHECK - BFD " + n.arg(0) + " already specified as " + ch.bfdName);
                    ch.kind = null;
                } else {
                    ch.bfdName = n.arg(0);
                }
            })
            .line("alpha", (ch, n, c) -> bool(n, c, "alpha").ifPresent(b -> ch.alpha = b));

    private static boolean checkConnection(Drafts.Connection co, BindContext c, SourceLocation at) {
        if (co.dst != null && InetText.isLinkLocal(co.dst) && co.bindIf == null) {
            c.error(at, "Checker link local address " + Text.addr(co.dst) + " requires a bind_if");
            return false;
        }
        return true;
    }

    private static void checker(Drafts.RealServer rs, ConfigNode n, BindContext c, Drafts.CheckerKind kind)
            throws ConfigFatalException {
        Drafts.Checker ch = new Drafts.Checker();
        ch.kind = kind;
        ch.location = n.location();
        ch.rs = rs;
        if (kind != Drafts.CheckerKind.MISC && kind != Drafts.CheckerKind.FILE && kind != Drafts.CheckerKind.BFD) {
            ch.conn = new Drafts.Connection();
            ch.conn.dst = rs.address;
            ch.conn.dstPort = rs.port;
            ch.conn.location = n.location();
        }
        KeywordTable<Drafts.Checker> table;
        switch (kind) {
            case TCP -> table = TCP;
            case HTTP, SSL -> {
                table = HTTP;
                ch.defaultDelayBeforeRetry = 3 * Numbers.TIMER_HZ;
            }
            case SMTP -> table = SMTP;
            case DNS -> {
                table = DNS;
                ch.defaultRetry = 3;
                ch.defaultDelayBeforeRetry = 0;
            }
            case UDP -> table = UDP;
            case PING -> table = PING;
            case MISC -> {
                table = MISC;
                ch.defaultRetry = 0;
            }
            case FILE -> table = FILE;
            default -> table = BFD;
        }
        table.dispatch(ch, n.children(), c);
        if (ch.kind == null) {
            return;
        }
        switch (kind) {
            case HTTP, SSL -> {
                if (ch.urls.isEmpty()) {
                    c.error(n, "HTTP/SSL_GET checker has no urls specified, expected url { path P } - ignoring");
                    return;
                }
                if (!checkConnection(ch.conn, c, n.location())) {
                    return;
                }
            }
            case MISC -> {
                if (ch.script == null) {
                    c.error(n, "No script path has been specified for MISC_CHECKER, expected misc_path - skipping");
                    return;
                }
                if (!ch.userSet) {
                    Optional<ScriptUsers.Ids> d = c.scriptUsers().defaultUser(n.location());
                    if (d.isEmpty()) {
                        c.error(n, "Unable to set default user for misc script " + ch.script.configured()
                                + " - removing");
                        return;
                    }
                    ch.miscIds = d.get();
                }
                ch.script = new ScriptCommand(ch.script.configured(), ch.script.argv(),
                        Optional.ofNullable(ch.miscUser), Optional.ofNullable(ch.miscGroup), ch.miscIds.uid(),
                        ch.miscIds.gid(), ch.script.location());
            }
            case FILE -> {
                if (ch.trackFile == null) {
                    c.error(n, "FILE_CHECK has no track_file specified - ignoring");
                    return;
                }
            }
            case BFD -> {
                if (ch.bfdName == null) {
                    c.error(n, "No name has been specified for BFD_CHECKER - skipping");
                    return;
                }
            }
            case UDP -> {
                if (!checkConnection(ch.conn, c, n.location())) {
                    return;
                }
                if (ch.minReply > ch.maxReply) {
                    c.error(n, "UDP_CHECK min_reply length " + ch.minReply + " > max_reply_length " + ch.maxReply
                            + " - will always fail");
                }
            }
            default -> {
                if (!checkConnection(ch.conn, c, n.location())) {
                    return;
                }
            }
        }
        rs.checkers.add(ch);
    }

    /** Address text for messages. */
    static final class Text {
        private Text() {
        }

        static String addr(InetAddress a) {
            return io.javakeepalived.config.model.Text.address(a);
        }
    }

}
