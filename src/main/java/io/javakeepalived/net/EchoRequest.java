package io.javakeepalived.net;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One echo request: to {@code target} (IPv4 or IPv6), optionally from a local {@code source}
 * address and out of {@code interfaceName} (looked up in the calling thread's network
 * namespace), answered within {@code timeout}.
 */
public record EchoRequest(InetAddress target, Optional<InetAddress> source, Optional<String> interfaceName,
                          Duration timeout) {
    public EchoRequest {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(interfaceName, "interfaceName");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout " + timeout);
        }
        if (source.isPresent() && source.get().getAddress().length != target.getAddress().length) {
            throw new IllegalArgumentException("source " + source.get() + " and target " + target + " differ in family");
        }
    }

    public static EchoRequest to(InetAddress target, Duration timeout) {
        return new EchoRequest(target, Optional.empty(), Optional.empty(), timeout);
    }
}
