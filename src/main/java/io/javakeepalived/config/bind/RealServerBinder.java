package io.javakeepalived.config.bind;

import io.javakeepalived.config.ConfigFatalException;
import io.javakeepalived.config.ConfigNode;
import io.javakeepalived.config.model.AddressFamily;
import io.javakeepalived.config.model.Forwarding;

import java.net.InetAddress;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * real_server blocks inside a virtual_server (check_parser.c rs_handler ... rs_end_handler):
 * weight, thresholds, notify scripts and the health checkers, read by {@link CheckerBinder}.
 */
final class RealServerBinder {
    private RealServerBinder() {
    }

    static final KeywordTable<LvsDrafts.RealServer> TABLE = ServerKeywords.add(
            new KeywordTable<LvsDrafts.RealServer>("real_server"), ServerKeywords.REAL)
            .line("weight", (rs, n, c) -> NumberArg.unsigned(n, c, "a weight 0-65535", 0, 65535,
                    v -> "Real server weight " + v + " is outside range 0-65535")
                    .ifPresent(value -> rs.weight = (int) value))
            .line("uthreshold", (rs, n, c) -> NumberArg.unsigned(n, c, "a connection count", 0, Numbers.UINT_MAX,
                    v -> "Invalid real_server uthreshold '" + v + "' - ignoring")
                    .ifPresent(value -> rs.upper = value))
            .line("lthreshold", (rs, n, c) -> NumberArg.unsigned(n, c, "a connection count", 0, Numbers.UINT_MAX,
                    v -> "Invalid real_server lthreshold '" + v + "' - ignoring")
                    .ifPresent(value -> rs.lower = value))
            .line("inhibit_on_failure", (rs, n, c) -> LvsReaders.bool(n, c, "inhibit_on_failure")
                    .ifPresent(b -> rs.inhibit = b))
            .line("notify_up", (rs, n, c) -> LvsReaders.firstScript(n, c, "notify_up", rs.notifyUp, "notify")
                    .ifPresent(s -> rs.notifyUp = s))
            .line("notify_down", (rs, n, c) -> LvsReaders.firstScript(n, c, "notify_down", rs.notifyDown, "notify")
                    .ifPresent(s -> rs.notifyDown = s))
            .line("alpha", (rs, n, c) -> LvsReaders.bool(n, c, "alpha").ifPresent(b -> rs.alpha = b))
            .block("TCP_CHECK", (rs, n, c) -> CheckerBinder.checker(rs, n, c, LvsDrafts.CheckerKind.TCP))
            .block("HTTP_GET", (rs, n, c) -> CheckerBinder.checker(rs, n, c, LvsDrafts.CheckerKind.HTTP))
            .block("SSL_GET", (rs, n, c) -> CheckerBinder.checker(rs, n, c, LvsDrafts.CheckerKind.SSL))
            .block("SMTP_CHECK", (rs, n, c) -> CheckerBinder.checker(rs, n, c, LvsDrafts.CheckerKind.SMTP))
            .block("DNS_CHECK", (rs, n, c) -> CheckerBinder.checker(rs, n, c, LvsDrafts.CheckerKind.DNS))
            .block("UDP_CHECK", (rs, n, c) -> CheckerBinder.checker(rs, n, c, LvsDrafts.CheckerKind.UDP))
            .block("PING_CHECK", (rs, n, c) -> CheckerBinder.checker(rs, n, c, LvsDrafts.CheckerKind.PING))
            .block("MISC_CHECK", (rs, n, c) -> CheckerBinder.checker(rs, n, c, LvsDrafts.CheckerKind.MISC))
            .block("FILE_CHECK", (rs, n, c) -> CheckerBinder.checker(rs, n, c, LvsDrafts.CheckerKind.FILE))
            .block("BFD_CHECK", (rs, n, c) -> CheckerBinder.checker(rs, n, c, LvsDrafts.CheckerKind.BFD));

    static void realServer(LvsDrafts.VirtualServer vs, ConfigNode n, BindContext c) throws ConfigFatalException {
        String ip = Args.need(n, 0, "an IP address, optionally followed by a port");
        OptionalInt port = LvsReaders.port(n.arg(1), c, n.location());
        if (port.isEmpty()) {
            c.error(n, "Invalid real server ip address/port " + ip + "/" + n.arg(1) + " - skipping");
            return;
        }
        Optional<InetAddress> a = InetText.sockaddr(ip);
        if (a.isEmpty()) {
            c.error(n, "Invalid real server ip address/port " + ip + "/" + n.arg(1) + ", expected an IP address"
                    + " - skipping");
            return;
        }
        LvsDrafts.RealServer rs = new LvsDrafts.RealServer();
        rs.location = n.location();
        rs.address = a.get();
        rs.port = port.getAsInt();
        rs.forwarding = vs.forwarding;
        vs.realServers.add(rs);
        TABLE.dispatch(rs, n.children(), c);
        Forwarding.Method m = rs.forwarding == null ? null : rs.forwarding.method();
        if (m != Forwarding.Method.TUN) {
            AddressFamily rf = AddressFamily.of(rs.address);
            if (vs.family == null) {
                vs.family = rf;
            } else if (vs.family != rf) {
                c.error(n, "Address family of virtual server and real server " + LvsReaders.addr(rs.address)
                        + " don't match - skipping real server.");
                vs.realServers.remove(rs);
            }
        }
    }
}
