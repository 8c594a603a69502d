package io.javakeepalived.config.bind;

import io.javakeepalived.config.ConfigFatalException;
import io.javakeepalived.config.ConfigNode;
import io.javakeepalived.config.SourceLocation;
import io.javakeepalived.config.model.Forwarding;
import io.javakeepalived.config.model.ScriptCommand;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The readers the checker half shares (keepalived/check/check_parser.c and check_*.c):
 * server ports, forwarding methods, timers, on/off flags, retries and the "given once"
 * scripts of virtual servers, real servers and their checkers.
 */
final class LvsReaders {
    private LvsReaders() {
    }

    /**
     * The port after a server's address (virtual, real, sorry server, group entry): absent or
     * all zeros means none (0), as keepalived's inet_stosockaddr treats it; empty when not 1-65535.
     */
    static OptionalInt port(String text, BindContext c, SourceLocation at) {
        if (text == null || text.chars().allMatch(ch -> ch == '0')) {
            return OptionalInt.of(0);
        }
        OptionalLong p = Numbers.unsigned(c, at, text, 1, 65535);
        return p.isEmpty() ? OptionalInt.empty() : OptionalInt.of((int) p.getAsLong());
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

    static Optional<Long> timer(ConfigNode n, BindContext c, long minSeconds, String what)
            throws ConfigFatalException {
        return timerMax(n, c, minSeconds, 0, what);
    }

    static Optional<Long> timerMax(ConfigNode n, BindContext c, long minMicros, long maxMicros, String what)
            throws ConfigFatalException {
        String v = Args.need(n, 0, "a time in seconds");
        Optional<java.time.Duration> t = Numbers.timer(c, n.location(), v, minMicros, maxMicros);
        if (t.isEmpty()) {
            c.error(n, what + " '" + v + "' invalid - ignoring");
            return Optional.empty();
        }
        return Optional.of(t.get().toNanos() / 1000);
    }

    static Optional<Boolean> bool(ConfigNode n, BindContext c, String what) {
        if (n.argCount() < 1) {
            return Optional.of(true);
        }
        Optional<Boolean> b = Numbers.bool(n.arg(0));
        if (b.isEmpty()) {
            c.error(n, "Invalid " + what + " parameter " + n.arg(0) + ", expected on/off");
        }
        return b;
    }

    /** A virtual or real server's {@code retry}: 1 to UINT_MAX, keepalived's message otherwise. */
    static OptionalLong serverRetry(ConfigNode n, BindContext c) throws ConfigFatalException {
        OptionalLong r = NumberArg.unsigned(n, c, "a retry count", 1, Numbers.UINT_MAX,
                v -> "retry value invalid - " + v);
        return r;
    }

    /**
     * A script keyword that may be given once ({@code quorum_up}, {@code notify_down}, ...):
     * keepalived keeps the first and reports every later one.
     */
    static Optional<ScriptCommand> firstScript(ConfigNode n, BindContext c, String keyword,
                                                       ScriptCommand already, String kind)
            throws ConfigFatalException {
        if (already != null) {
            c.error(n, keyword + " script already specified - ignoring " + Args.need(n, 0, "a command"));
            return Optional.empty();
        }
        return Scripts.notifyLine(n, kind, c);
    }

    /** Address text for messages. */
    static String addr(InetAddress a) {
        return io.javakeepalived.config.model.Text.address(a);
    }
}
