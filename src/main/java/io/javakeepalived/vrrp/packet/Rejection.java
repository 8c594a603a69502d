package io.javakeepalived.vrrp.packet;

import io.javakeepalived.util.AddressText;

import java.util.Objects;
import java.util.Optional;

/**
 * A received packet that is not accepted: the reason and keepalived 2.2.7's log text for it
 * (without the "(instance) " prefix; see {@link #logLine(String)}). One type serves as the
 * negative outcome of parsing, decoding and validating.
 */
public record Rejection(RejectReason reason, String message) implements ParseResult, DecodeResult, Verdict {

    public Rejection {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
    }

    /** The counter this rejection bumps, if any (see also {@link RejectReason#countedAsReceived()}). */
    public Optional<VrrpCounter> counter() {
        return reason.counter();
    }

    /** The line as keepalived logs it, e.g. {@code (VI_1) invalid TTL/HL. Received 64 and expect 255}. */
    public String logLine(String instanceName) {
        return reason.instancePrefixed() ? "(" + instanceName + ") " + message : message;
    }

    /** keepalived's dispatcher line for a VRID with no instance on the socket. */
    public static Rejection unknownVrid(int vrid, String interfaceName) {
        return new Rejection(RejectReason.UNKNOWN_VRID,
                "Unknown VRID(" + vrid + ") received on interface(" + interfaceName + "). ignoring...");
    }

    /** keepalived's line for a VRID shared by unicast instances when no peer matches the source. */
    public static Rejection unknownVrid(int vrid, String interfaceName, java.net.InetAddress source) {
        return new Rejection(RejectReason.UNKNOWN_VRID, "Unknown VRID(" + vrid + ") received on interface("
                + interfaceName + ") from " + AddressText.ntop(source) + ". ignoring...");
    }
}
