package io.javakeepalived.metrics;

import io.javakeepalived.daemon.dump.ReferenceSnapshot;
import io.javakeepalived.metrics.PrometheusText.Type;

import java.util.List;

/**
 * javakeepalived's families for its reference trackers ({@code vrrp_reference}), one series per
 * reference and interface it is checked over ({@code name}, {@code intf}; {@code intf} is empty
 * when the routing table picks the interface):
 * <ul>
 * <li>{@code javakeepalived_reference_reachable}: 1 while the reference answers (after rise
 *     replies), 0 once it does not (after fall misses); no sample before the first outcome;</li>
 * <li>{@code javakeepalived_reference_round_trip_seconds}: the last reply's round trip, once one came;</li>
 * <li>{@code javakeepalived_reference_echo_requests_total} and
 *     {@code javakeepalived_reference_echo_misses_total}: echo requests that reached an outcome,
 *     and those that got no reply (timed out or could not be sent).</li>
 * </ul>
 */
final class ReferenceFamilies {

    private ReferenceFamilies() {
    }

    static void render(PrometheusText out, List<ReferenceSnapshot> references) {
        if (references.isEmpty()) {
            return;
        }
        if (references.stream().anyMatch(r -> !r.status().equals("INIT"))) {
            out.family("javakeepalived_reference_reachable", Type.GAUGE,
                    "1 while the reference address answers echo requests, 0 once it does not");
            for (ReferenceSnapshot r : references) {
                if (!r.status().equals("INIT")) {
                    out.sample(r.status().equals("REACHABLE") ? 1 : 0, labels(r));
                }
            }
        }
        if (references.stream().anyMatch(r -> r.lastRoundTripMicros() >= 0)) {
            out.family("javakeepalived_reference_round_trip_seconds", Type.GAUGE,
                    "Round trip of the reference's last echo reply");
            for (ReferenceSnapshot r : references) {
                if (r.lastRoundTripMicros() >= 0) {
                    out.sample(r.lastRoundTripMicros() / 1e6, labels(r));
                }
            }
        }
        out.family("javakeepalived_reference_echo_requests_total", Type.COUNTER,
                "Echo requests to the reference that reached an outcome");
        references.forEach(r -> out.sample(r.requests(), labels(r)));
        out.family("javakeepalived_reference_echo_misses_total", Type.COUNTER,
                "Echo requests to the reference that got no reply");
        references.forEach(r -> out.sample(r.misses(), labels(r)));
    }

    private static String[] labels(ReferenceSnapshot r) {
        return new String[] {"name", r.name(), "intf", r.interfaceName() != null ? r.interfaceName() : ""};
    }
}
