package io.javakeepalived.config.bind;

import io.javakeepalived.config.ConfigFatalException;
import io.javakeepalived.config.ConfigNode;
import io.javakeepalived.config.SourceLocation;
import io.javakeepalived.config.model.ReferenceAddress;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code vrrp_reference NAME { address A; interface I; interval S; timeout S; rise N; fall N;
 * weight W }}: javakeepalived's reference-address tracker. keepalived 2.2.7 reads the block as
 * unknown top-level lines (none of the inner keywords is a top-level keyword of its), warns and
 * carries on, so one file serves both daemons. Like vrrp_script, a reference must be declared
 * before the instances that track it.
 */
final class ReferenceBinder {
    private ReferenceBinder() {
    }

    /** Seconds with up to 6 decimals, read as keepalived reads its timers: 1 ms .. 1 hour. */
    private static final long MIN_MICROS = 1_000;
    private static final long MAX_MICROS = 3_600_000_000L;

    private static final class Draft {
        String name;
        InetAddress address;
        String interfaceName;
        Duration interval = ReferenceAddress.DEFAULT_INTERVAL;
        Duration timeout;
        SourceLocation timeoutAt;
        int rise = ReferenceAddress.DEFAULT_RISE;
        int fall = ReferenceAddress.DEFAULT_FALL;
        int weight;
    }

    static final KeywordTable<Draft> TABLE = new KeywordTable<Draft>("vrrp_reference")
            .line("address", (r, n, c) -> {
                String text = Args.need(n, 0, "an IPv4 or IPv6 address");
                Optional<InetAddress> a = InetText.parse(text);
                if (a.isEmpty() || a.get().isMulticastAddress() || a.get().isAnyLocalAddress()) {
                    c.error(n, "(" + r.name + ") reference address '" + text + "' invalid, expected a unicast"
                            + " IPv4 or IPv6 address - ignoring");
                } else {
                    r.address = a.get();
                }
            })
            .line("interface", (r, n, c) -> {
                r.interfaceName = Args.need(n, 0, "an interface name");
                if (c.interfaceInfo(r.interfaceName).isEmpty()) {
                    c.warning(n.location(), "(" + r.name + ") reference interface " + r.interfaceName
                            + " doesn't exist now - echo requests fail until it does");
                }
            })
            .line("interval", (r, n, c) -> seconds(r, n, c, "interval").ifPresent(d -> r.interval = d))
            .line("timeout", (r, n, c) -> seconds(r, n, c, "timeout").ifPresent(d -> {
                r.timeout = d;
                r.timeoutAt = n.location();
            }))
            .line("rise", (r, n, c) -> r.rise = count(r, n, c, "rise", ReferenceAddress.DEFAULT_RISE))
            .line("fall", (r, n, c) -> r.fall = count(r, n, c, "fall", ReferenceAddress.DEFAULT_FALL))
            .line("weight", (r, n, c) -> {
                OptionalLong w = NumberArg.signed(n, c, "a weight -253..253", -253, 253,
                        v -> "vrrp_reference " + r.name + " weight " + v + " must be in [-253, 253] - using 0");
                r.weight = w.isEmpty() ? 0 : (int) w.getAsLong();
            });

    private static Optional<Duration> seconds(Draft r, ConfigNode n, BindContext c, String what)
            throws ConfigFatalException {
        String text = Args.need(n, 0, "a number of seconds");
        Optional<Duration> d = Numbers.timer(c, n.location(), text, MIN_MICROS, MAX_MICROS);
        if (d.isEmpty()) {
            c.error(n, "(" + r.name + ") reference " + what + " '" + text + "' invalid, expected seconds from"
                    + " 0.001 to 3600 - ignoring");
        }
        return d;
    }

    private static int count(Draft r, ConfigNode n, BindContext c, String what, int fallback)
            throws ConfigFatalException {
        OptionalLong v = NumberArg.unsigned(n, c, "a count 1-" + Integer.MAX_VALUE, 1, Numbers.INT_MAX,
                t -> "(" + r.name + ") reference " + what + " value '" + t + "' invalid, expected a count from 1"
                        + " - using " + fallback);
        return v.isEmpty() ? fallback : (int) v.getAsLong();
    }

    static void reference(ConfigNode n, BindContext c) throws ConfigFatalException {
        Draft r = new Draft();
        r.name = Args.need(n, 0, "a reference name");
        TABLE.dispatch(r, n.children(), c);
        if (c.reference(r.name).isPresent()) {
            c.error(n, "vrrp_reference " + r.name + " is defined twice - ignoring this one");
            return;
        }
        if (r.address == null) {
            c.error(n, "No address set for vrrp_reference " + r.name + ", expected an 'address' line - removing");
            return;
        }
        Duration timeout = r.timeout == null ? r.interval : r.timeout;
        if (timeout.compareTo(r.interval) > 0) {
            // a reply may not arrive after the next request left: each round stands for itself
            c.error(r.timeoutAt, "(" + r.name + ") reference timeout is longer than its interval - using the"
                    + " interval");
            timeout = r.interval;
        }
        c.references.add(new ReferenceAddress(r.name, r.address, Optional.ofNullable(r.interfaceName), r.interval,
                timeout, r.rise, r.fall, r.weight, n.location()));
    }
}
