package io.javakeepalived.daemon.model;

import io.javakeepalived.net.IpRoute;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

/**
 * The words of one route or rule line, read left to right, and iproute2's names for the numbers
 * they stand for. The binder has already refused what keepalived refuses, so what is left to fail
 * here is what javakeepalived does not carry out; that fails with an
 * {@link IllegalArgumentException} whose message names the word.
 */
final class LineWords {
    /** iproute2's rt_protos plus keepalived's additions. */
    static final Map<String, Integer> PROTOCOLS = Map.ofEntries(Map.entry("redirect", 1), Map.entry("kernel", 2),
            Map.entry("boot", 3), Map.entry("static", 4), Map.entry("gated", 8), Map.entry("ra", 9),
            Map.entry("mrt", 10), Map.entry("zebra", 11), Map.entry("bird", 12), Map.entry("dnrouted", 13),
            Map.entry("xorp", 14), Map.entry("ntk", 15), Map.entry("dhcp", 16), Map.entry("keepalived", 18),
            Map.entry("babel", 42), Map.entry("bgp", 186), Map.entry("isis", 187), Map.entry("ospf", 188),
            Map.entry("rip", 189), Map.entry("eigrp", 192));
    static final Map<String, Integer> TABLES = Map.of("unspec", 0, "default", 253, "main", 254, "local", 255);
    static final Map<String, Integer> ROUTE_TYPES = Map.ofEntries(Map.entry("unicast", 1), Map.entry("local", 2),
            Map.entry("broadcast", 3), Map.entry("anycast", 4), Map.entry("multicast", 5),
            Map.entry("blackhole", IpRoute.RTN_BLACKHOLE), Map.entry("unreachable", IpRoute.RTN_UNREACHABLE),
            Map.entry("prohibit", IpRoute.RTN_PROHIBIT), Map.entry("throw", IpRoute.RTN_THROW), Map.entry("nat", 10),
            Map.entry("xresolve", 11));

    private final List<String> words;
    private int i;

    LineWords(List<String> words) {
        this.words = words;
    }

    boolean more() {
        return i < words.size();
    }

    /** The next word, consumed. */
    String next() {
        if (i >= words.size()) {
            throw new IllegalArgumentException("'" + words.get(words.size() - 1) + "' needs a value");
        }
        return words.get(i++);
    }

    /** The next word without consuming it, or "" at the end. */
    String peek() {
        return i < words.size() ? words.get(i) : "";
    }

    /** The next word if it is {@code w}, consumed. */
    boolean skip(String w) {
        if (peek().equals(w)) {
            i++;
            return true;
        }
        return false;
    }

    long number(long max) {
        String w = next();
        long v;
        try {
            v = w.startsWith("0x") || w.startsWith("0X") ? Long.parseLong(w.substring(2), 16) : Long.parseLong(w);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + w + "' is not a number");
        }
        if (v < 0 || v > max) {
            throw new IllegalArgumentException(w + " is out of range 0-" + max);
        }
        return v;
    }

    /** A table: a number or one of iproute2's four names (what the binder accepts). */
    long table() {
        Integer named = TABLES.get(peek());
        if (named != null) {
            i++;
            return named;
        }
        return number(0xffffffffL);
    }

    /** A protocol: a number or a name of iproute2's rt_protos. */
    int protocol() {
        Integer named = PROTOCOLS.get(peek());
        if (named != null) {
            i++;
            return named;
        }
        return (int) number(255);
    }

    /** tos / dsfield: iproute2 reads it in hex, with or without 0x. */
    int tos() {
        String w = next();
        try {
            int v = Integer.parseInt(w.startsWith("0x") || w.startsWith("0X") ? w.substring(2) : w, 16);
            if (v >= 0 && v <= 255) {
                return v;
            }
        } catch (NumberFormatException e) {
            // a name from rt_dsfield: not read here
        }
        throw new IllegalArgumentException("tos " + w + " (only numbers are supported)");
    }

    /** realms TO or FROM/TO, numbers only. */
    int realms() {
        String w = next();
        try {
            int slash = w.indexOf('/');
            if (slash < 0) {
                return Integer.parseInt(w);
            }
            return Integer.parseInt(w.substring(0, slash)) << 16 | Integer.parseInt(w.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("realms " + w + " (only numbers are supported)");
        }
    }

    /** An address literal (never a host name: nothing here may block on DNS). */
    InetAddress address() {
        return literal(next());
    }

    /** ADDRESS[/LEN]; a bare address is a host prefix. */
    IpRoute.Prefix prefix() {
        String w = next();
        int slash = w.indexOf('/');
        InetAddress a = literal(slash < 0 ? w : w.substring(0, slash));
        int max = a instanceof Inet6Address ? 128 : 32;
        return new IpRoute.Prefix(a, slash < 0 ? max : Integer.parseInt(w.substring(slash + 1)));
    }

    static InetAddress literal(String text) {
        if (text.isEmpty() || !text.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':')) {
            throw new IllegalArgumentException("'" + text + "' is not an address");
        }
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + text + "' is not an address");
        }
    }
}
