package io.javakeepalived.daemon.dump;

import java.util.List;
import java.util.Objects;

/**
 * A {@code vrrp_reference} checked over one interface (javakeepalived's own tracker; keepalived.data
 * {@code VRRP References}, laid out like its {@code VRRP Scripts}).
 *
 * @param name            reference name ({@code vrrp_reference NAME})
 * @param address         the address echoed, as text
 * @param interfaceName   the interface the requests leave by; null when the routing table decides
 * @param settings        interval, timeout, weight, rise and fall as configured
 * @param result          the rise/fall counter
 * @param status          {@code INIT} before the first outcome, then {@code REACHABLE} or {@code UNREACHABLE}
 * @param lastRoundTripMicros the last reply's round trip in microseconds; -1 until one came
 * @param requests        echo requests that reached an outcome
 * @param misses          of them, those without a reply
 * @param tracking        instances tracking it
 */
public record ReferenceSnapshot(String name, String address, String interfaceName, Settings settings, int result,
                                String status, long lastRoundTripMicros, long requests, long misses,
                                List<TrackingInstance> tracking) {

    public ReferenceSnapshot {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(status, "status");
        tracking = List.copyOf(tracking);
    }

    /**
     * @param interval seconds between echo requests, as text ("1", "0.5")
     * @param timeout  seconds a reply may take, as text
     */
    public record Settings(String interval, String timeout, int weight, int rise, int fall) {
        public Settings {
            Objects.requireNonNull(interval, "interval");
            Objects.requireNonNull(timeout, "timeout");
        }
    }
}
