package io.javakeepalived.config.bind;

import io.javakeepalived.config.ConfigFatalException;
import io.javakeepalived.config.ConfigNode;
import io.javakeepalived.config.SourceLocation;
import io.javakeepalived.config.model.AddressFamily;
import io.javakeepalived.config.model.ScriptCommand;

import java.net.InetAddress;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The health checkers of a real_server (check_*.c): the keywords every checker has, the
 * connection keywords of the network checkers, and what each kind requires at its end
 * (check_*_end handlers). The per-kind keyword tables are in {@link CheckerTables}.
 */
final class CheckerBinder {
    private CheckerBinder() {
    }

    static KeywordTable<LvsDrafts.Checker> common(String name, boolean connection) {
        KeywordTable<LvsDrafts.Checker> t = new KeywordTable<>(name);
        if (connection) {
            connectionKeywords(t, ch -> ch.conn);
        }
        t.line("retry", (ch, n, c) -> NumberArg.unsigned(n, c, "a retry count", 0, Numbers.UINT_MAX,
                v -> "Invalid retry connection value '" + v + "'")
                .ifPresent(value -> ch.retry = value));
        t.line("delay_before_retry", (ch, n, c) -> LvsReaders.timer(n, c, 0, "delay_before_retry")
                .ifPresent(v -> ch.delayBeforeRetry = v));
        t.line("warmup", (ch, n, c) -> LvsReaders.timer(n, c, 0, "warmup").ifPresent(v -> ch.warmup = v));
        t.line("delay_loop", (ch, n, c) -> LvsReaders.timer(n, c, 1, "delay_loop").ifPresent(v -> ch.delayLoop = v));
        t.line("alpha", (ch, n, c) -> LvsReaders.bool(n, c, "alpha").ifPresent(b -> ch.alpha = b));
        t.line("log_all_failures", (ch, n, c) -> LvsReaders.bool(n, c, "log_all_failures")
                .ifPresent(b -> ch.logAllFailures = b));
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
        Optional<InetAddress> a = InetText.sockaddr(v);
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
        OptionalLong p = NumberArg.unsigned(n, c, "a port 1-65535", 1, 65535,
                v -> "Invalid checker " + keyword + " '" + v + "'");
        if (p.isEmpty()) {
            return OptionalInt.empty();
        }
        return OptionalInt.of((int) p.getAsLong());
    }

    private interface ConnOf {
        LvsDrafts.Connection of(LvsDrafts.Checker ch);
    }

    private static void connectionKeywords(KeywordTable<LvsDrafts.Checker> t, ConnOf conn) {
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
        t.line("connect_timeout", (ch, n, c) -> LvsReaders.timerMax(n, c, 1, Numbers.UINT_MAX, "connect_timeout")
                .ifPresent(v -> conn.of(ch).timeout = v));
        t.line("fwmark", (ch, n, c) -> NumberArg.unsigned(n, c, "a firewall mark", 0, Numbers.UINT_MAX,
                v -> "Invalid fwmark connection value '" + v + "'")
                .ifPresent(mark -> conn.of(ch).fwmark = mark));
    }

    static boolean checkConnection(LvsDrafts.Connection co, BindContext c, SourceLocation at) {
        if (co.dst != null && InetText.isLinkLocal(co.dst) && co.bindIf == null) {
            c.error(at, "Checker link local address " + LvsReaders.addr(co.dst) + " requires a bind_if");
            return false;
        }
        return true;
    }

    static void checker(LvsDrafts.RealServer rs, ConfigNode n, BindContext c, LvsDrafts.CheckerKind kind)
            throws ConfigFatalException {
        LvsDrafts.Checker ch = new LvsDrafts.Checker();
        ch.kind = kind;
        ch.location = n.location();
        ch.rs = rs;
        if (kind != LvsDrafts.CheckerKind.MISC && kind != LvsDrafts.CheckerKind.FILE
                && kind != LvsDrafts.CheckerKind.BFD) {
            ch.conn = new LvsDrafts.Connection();
            ch.conn.dst = rs.address;
            ch.conn.dstPort = rs.port;
            ch.conn.location = n.location();
        }
        KeywordTable<LvsDrafts.Checker> table;
        switch (kind) {
            case TCP -> table = CheckerTables.TCP;
            case HTTP, SSL -> {
                table = CheckerTables.HTTP;
                ch.defaultDelayBeforeRetry = 3 * Numbers.TIMER_HZ;
            }
            case SMTP -> table = CheckerTables.SMTP;
            case DNS -> {
                table = CheckerTables.DNS;
                ch.defaultRetry = 3;
                ch.defaultDelayBeforeRetry = 0;
            }
            case UDP -> table = CheckerTables.UDP;
            case PING -> table = CheckerTables.PING;
            case MISC -> {
                table = CheckerTables.MISC;
                ch.defaultRetry = 0;
            }
            case FILE -> table = CheckerTables.FILE;
            default -> table = CheckerTables.BFD;
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
}
