package io.javakeepalived.config.model;

import io.javakeepalived.config.SourceLocation;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code vrrp_reference NAME { }}: an address (usually the gateway) that a node must be able to
 * reach over its VRRP interface to deserve the VIP. A javakeepalived keyword, not keepalived's:
 * keepalived 2.2.7 warns about it and reads on.
 *
 * <p>Why it exists: when the VRRP path breaks, each node hears no master and takes the VIP. A
 * node that cannot reach the reference either is the one cut off, so with weight 0 it goes to
 * FAULT and lets the other hold the VIP; it cannot tell a cut VRRP path with a working gateway
 * on both sides (both still master).
 *
 * @param address       what to send ICMP echo requests to (IPv4 or IPv6)
 * @param interfaceName send out of this interface; empty: out of each tracking instance's interface
 * @param interval      how often to send one (default 1 s)
 * @param timeout       how long a reply may take (default: the interval; never more)
 * @param rise          replies in a row that make it reachable again (default 2)
 * @param fall          missed replies in a row that make it unreachable (default 3)
 * @param weight        -253..253; 0 (the default): unreachable puts the tracking instances in FAULT
 */
public record ReferenceAddress(String name, InetAddress address, Optional<String> interfaceName, Duration interval,
                               Duration timeout, int rise, int fall, int weight, SourceLocation location) {
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);
    public static final int DEFAULT_RISE = 2;
    public static final int DEFAULT_FALL = 3;

    public ReferenceAddress {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(interfaceName, "interfaceName");
        if (interval.isNegative() || interval.isZero() || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("interval " + interval + ", timeout " + timeout);
        }
        if (rise < 1 || fall < 1) {
            throw new IllegalArgumentException("rise " + rise + ", fall " + fall);
        }
    }
}
