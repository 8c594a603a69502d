package io.javakeepalived.metrics;

import io.javakeepalived.daemon.LoopSnapshot;
import io.javakeepalived.daemon.dump.InstanceSnapshot;
import io.javakeepalived.metrics.PrometheusText.Type;
import io.javakeepalived.vrrp.VridDemultiplexer.SocketKey;
import io.javakeepalived.vrrp.packet.IpFamily;
import io.javakeepalived.vrrp.packet.VrrpCounter;

import java.util.List;

/**
 * javakeepalived's own metric families, next to the exporter's (all under {@code javakeepalived_}
 * so they never clash with a real exporter's):
 * <ul>
 * <li>{@code javakeepalived_vrrp_transitions_total{iname,from,to}}: state changes since start;
 *     a pair that never happened has no sample;</li>
 * <li>{@code javakeepalived_vrrp_adverts_rejected_total{iname,intf,vrid}}: packets for the
 *     instance that were not accepted, whatever the reason (also those keepalived counts
 *     nowhere, such as a unicast source that is not a peer);</li>
 * <li>{@code javakeepalived_vrrp_packet_errors_total{iname,intf,vrid,reason}}: the per-reason
 *     error counters, {@code reason} being the counter's keepalived JSON key, plus
 *     {@code chk_err} and {@code vers_err} (checksum and version errors, which keepalived keeps
 *     for SNMP only);</li>
 * <li>{@code javakeepalived_vrrp_effective_priority{iname,intf,vrid}};</li>
 * <li>{@code javakeepalived_vrrp_split_brain_total{iname,intf,vrid}}: split-brain episodes the
 *     instance saw as MASTER (another MASTER of its VRID heard); and, once one was seen,
 *     {@code javakeepalived_vrrp_split_brain_last_timestamp_seconds{iname,intf,vrid,peer}}: when
 *     the last one began and with whom;</li>
 * <li>{@code javakeepalived_vrrp_socket_dropped_total{intf,family,cast,reason}}: packets a VRRP
 *     socket dropped before any instance saw them, {@code reason} {@code runt} (too short, or an
 *     unusable IP header) or {@code unknown_vrid} (keepalived only logs these, with
 *     {@code log_unknown_vrids}) always, another counter's key (a wrong version the codec
 *     caught) once it is not 0;</li>
 * <li>{@code javakeepalived_vrrp_loop_lag_seconds}: how long the VRRP loop took to answer the
 *     scrape's request — a loop stuck on something shows here before adverts go missing.</li>
 * </ul>
 */
final class OwnFamilies {

    /** The error counters by reason, in keepalived.stats order then our extras. */
    static final List<VrrpCounter> ERRORS = List.of(VrrpCounter.PACKET_LEN_ERR, VrrpCounter.ADVERT_INTERVAL_ERR,
            VrrpCounter.IP_TTL_ERR, VrrpCounter.INVALID_TYPE_RCVD, VrrpCounter.ADDR_LIST_ERR,
            VrrpCounter.INVALID_AUTHTYPE, VrrpCounter.AUTHTYPE_MISMATCH, VrrpCounter.AUTH_FAILURE,
            VrrpCounter.CHK_ERR, VrrpCounter.VERS_ERR);

    /** What a socket counts for packets that reach no instance, always shown. */
    static final List<VrrpCounter> SOCKET_DROPS = List.of(VrrpCounter.RUNT, VrrpCounter.UNKNOWN_VRID);

    private OwnFamilies() {
    }

    static void render(PrometheusText out, LoopSnapshot s, long loopLagNanos) {
        List<InstanceSnapshot> instances = s.state().instances();
        if (!s.transitions().isEmpty()) {
            out.family("javakeepalived_vrrp_transitions_total", Type.COUNTER, "VRRP state changes since start");
            for (LoopSnapshot.Transitions t : s.transitions()) {
                out.sample(t.count(), "iname", t.instance(), "from", t.from().name(), "to", t.to().name());
            }
        }
        if (!instances.isEmpty()) {
            out.family("javakeepalived_vrrp_adverts_rejected_total", Type.COUNTER,
                    "Packets for the instance that were not accepted, for any reason");
            for (InstanceSnapshot v : instances) {
                out.sample(v.counter(VrrpCounter.ADVERT_REJECTED), labels(v));
            }
            out.family("javakeepalived_vrrp_packet_errors_total", Type.COUNTER,
                    "Received packets with an error, by reason (keepalived's counter name)");
            for (InstanceSnapshot v : instances) {
                for (VrrpCounter c : ERRORS) {
                    out.sample(v.counter(c), labels(v, "reason", c.key()));
                }
            }
            out.family("javakeepalived_vrrp_effective_priority", Type.GAUGE,
                    "Priority after tracking weights (the one sent in adverts)");
            for (InstanceSnapshot v : instances) {
                out.sample(v.priority().effective(), labels(v));
            }
            splitBrain(out, instances);
            if (instances.stream().anyMatch(v -> v.counter(VrrpCounter.HEARTBEAT_PATH_RCVD) > 0)) {
                out.family("javakeepalived_vrrp_heartbeat_path_adverts_total", Type.COUNTER,
                        "Accepted adverts that came over a heartbeat_path (also counted as received)");
                for (InstanceSnapshot v : instances) {
                    out.sample(v.counter(VrrpCounter.HEARTBEAT_PATH_RCVD), labels(v));
                }
            }
        }
        if (!s.sockets().isEmpty()) {
            out.family("javakeepalived_vrrp_socket_dropped_total", Type.COUNTER,
                    "Packets a VRRP socket dropped before any instance saw them, by reason");
            for (LoopSnapshot.SocketDrops d : s.sockets()) {
                SocketKey k = d.socket();
                String family = k.family() == IpFamily.IPV6 ? "inet6" : "inet";
                String cast = k.unicast() ? "unicast" : "multicast";
                for (VrrpCounter c : VrrpCounter.values()) {
                    if (!SOCKET_DROPS.contains(c) && d.counter(c) == 0) {
                        continue; // a version error the codec caught, say: shown once it happened
                    }
                    out.sample(d.counter(c), "intf", k.interfaceName(), "family", family, "cast", cast,
                            "reason", c.key());
                }
            }
        }
        lag(out, loopLagNanos);
    }

    private static void splitBrain(PrometheusText out, List<InstanceSnapshot> instances) {
        out.family("javakeepalived_vrrp_split_brain_total", Type.COUNTER,
                "Split-brain episodes: another MASTER of the VRID heard while MASTER");
        boolean anySeen = false;
        for (InstanceSnapshot v : instances) {
            out.sample(v.status().splitBrain().episodes(), labels(v));
            anySeen |= v.status().splitBrain().seen();
        }
        if (!anySeen) {
            return;
        }
        out.family("javakeepalived_vrrp_split_brain_last_timestamp_seconds", Type.GAUGE,
                "When the last split-brain episode began (Unix time), and the other master");
        for (InstanceSnapshot v : instances) {
            InstanceSnapshot.SplitBrainSeen sb = v.status().splitBrain();
            if (sb.seen()) {
                out.sample(sb.since().getEpochSecond() + sb.since().getNano() / 1e9, labels(v, "peer", sb.peer()));
            }
        }
    }

    static void lag(PrometheusText out, long loopLagNanos) {
        out.family("javakeepalived_vrrp_loop_lag_seconds", Type.GAUGE,
                "Time the VRRP loop took to answer the scrape (the time waited if it did not)");
        out.sample(loopLagNanos / 1e9);
    }

    /** The exporter's instance labels (so both sets of families join on them), then {@code more}. */
    private static String[] labels(InstanceSnapshot v, String... more) {
        return ExporterFamilies.labels(v, ExporterFamilies.intf(v), more);
    }
}
