package io.javakeepalived.metrics;

import io.javakeepalived.daemon.dump.InstanceSnapshot;
import io.javakeepalived.daemon.dump.ScriptSnapshot;
import io.javakeepalived.daemon.dump.VrrpStateSnapshot;
import io.javakeepalived.metrics.PrometheusText.Type;
import io.javakeepalived.vrrp.packet.VrrpCounter;

import java.util.List;
import java.util.function.ToLongFunction;

/**
 * The metric families mehdy/keepalived-exporter (internal/collector/collector.go) publishes, with
 * its names, HELP texts, labels and values, computed from a snapshot the way the exporter computes
 * them from keepalived's dumps, so its dashboards and alerts work on javakeepalived unchanged:
 * <ul>
 * <li>the per-instance counters, labelled {@code iname, intf, vrid} (intf: the instance's
 *     interface, {@code ifp_ifname});</li>
 * <li>{@code keepalived_vrrp_state} once per VIP, labelled with the VIP's address (with its
 *     prefix, as the dump writes it) and its device — the exporter's {@code ParseVIP}: first and
 *     third word of the VIP's dump text; an instance with no VIPs gets one sample with the
 *     instance's interface and an empty {@code ip_address};</li>
 * <li>{@code keepalived_vrrp_excluded_state} likewise per excluded VIP;</li>
 * <li>{@code keepalived_script_status} (GOOD 1, BAD 0) and {@code keepalived_script_state}
 *     (idle 0, running 1, requested termination 2, forcing termination 3) per
 *     {@code vrrp_script}, which the exporter reads from keepalived.data.</li>
 * </ul>
 * Left out: {@code keepalived_exporter_check_script_status}, which is the exporter running an
 * operator's shell script per VIP, not something keepalived reports. Families with no sample are
 * not written (as the exporter's client library does).
 */
final class ExporterFamilies {

    /** The per-instance counters in the exporter's order: name, HELP, value. */
    private record Counter(String name, String help, ToLongFunction<InstanceSnapshot> value) {
    }

    private static Counter counter(String name, String help, VrrpCounter c) {
        return new Counter(name, help, v -> v.counter(c));
    }

    private static final List<Counter> COUNTERS = List.of(
            counter("keepalived_advertisements_received_total", "Advertisements received", VrrpCounter.ADVERT_RCVD),
            counter("keepalived_advertisements_sent_total", "Advertisements sent", VrrpCounter.ADVERT_SENT),
            counter("keepalived_become_master_total", "Became master", VrrpCounter.BECOME_MASTER),
            counter("keepalived_release_master_total", "Released master", VrrpCounter.RELEASE_MASTER),
            counter("keepalived_packet_length_errors_total", "Packet length errors", VrrpCounter.PACKET_LEN_ERR),
            counter("keepalived_advertisements_interval_errors_total", "Advertisement interval errors",
                    VrrpCounter.ADVERT_INTERVAL_ERR),
            counter("keepalived_ip_ttl_errors_total", "TTL errors", VrrpCounter.IP_TTL_ERR),
            counter("keepalived_invalid_type_received_total", "Invalid type errors", VrrpCounter.INVALID_TYPE_RCVD),
            counter("keepalived_address_list_errors_total", "Address list errors", VrrpCounter.ADDR_LIST_ERR),
            counter("keepalived_authentication_invalid_total", "Authentication invalid", VrrpCounter.INVALID_AUTHTYPE),
            counter("keepalived_authentication_mismatch_total", "Authentication mismatch",
                    VrrpCounter.AUTHTYPE_MISMATCH),
            counter("keepalived_authentication_failure_total", "Authentication failure", VrrpCounter.AUTH_FAILURE),
            counter("keepalived_priority_zero_received_total", "Priority zero received", VrrpCounter.PRI_ZERO_RCVD),
            counter("keepalived_priority_zero_sent_total", "Priority zero sent", VrrpCounter.PRI_ZERO_SENT),
            // the exporter's name; the value is the garp_delay setting in seconds, not a count
            new Counter("keepalived_gratuitous_arp_delay_total", "Gratuitous ARP delay",
                    v -> v.garp().delaySeconds()));

    private ExporterFamilies() {
    }

    /** {@code keepalived_up}: 1 when the daemon answered, 0 when it did not (then nothing else). */
    static void up(PrometheusText out, boolean up) {
        out.family("keepalived_up", Type.GAUGE, "Status").sample(up ? 1 : 0);
    }

    static void render(PrometheusText out, VrrpStateSnapshot s) {
        List<InstanceSnapshot> instances = s.instances();
        if (!instances.isEmpty()) {
            for (Counter c : COUNTERS) {
                out.family(c.name(), Type.COUNTER, c.help());
                for (InstanceSnapshot v : instances) {
                    out.sample(c.value().applyAsLong(v), labels(v, intf(v)));
                }
            }
            out.family("keepalived_vrrp_state", Type.GAUGE, "State of vrrp");
            for (InstanceSnapshot v : instances) {
                vipStates(out, v, v.addresses().vips());
                if (v.addresses().vips().isEmpty()) {
                    out.sample(v.status().state().code(), labels(v, intf(v), "ip_address", ""));
                }
            }
            if (instances.stream().anyMatch(v -> v.addresses().excludedVips().stream().anyMatch(e -> parseVip(e) != null))) {
                out.family("keepalived_vrrp_excluded_state", Type.GAUGE, "State of vrrp with excluded VIP");
                for (InstanceSnapshot v : instances) {
                    vipStates(out, v, v.addresses().excludedVips());
                }
            }
        }
        List<ScriptSnapshot> scripts = s.scripts();
        if (!scripts.isEmpty()) {
            out.family("keepalived_script_status", Type.GAUGE, "Tracker Script Status");
            for (ScriptSnapshot sc : scripts) {
                out.sample("GOOD".equals(sc.status()) ? 1 : 0, "name", sc.name());
            }
            out.family("keepalived_script_state", Type.GAUGE, "Tracker Script State");
            for (ScriptSnapshot sc : scripts) {
                out.sample(sc.runState().ordinal(), "name", sc.name());
            }
        }
    }

    private static void vipStates(PrometheusText out, InstanceSnapshot v, List<String> vips) {
        for (String vip : vips) {
            String[] p = parseVip(vip);
            if (p != null) {
                out.sample(v.status().state().code(), labels(v, p[1], "ip_address", p[0]));
            }
        }
    }

    /**
     * The exporter's {@code ParseVIP}: the dump text split at single spaces, address = word 1,
     * interface = word 3; null when there are fewer than three words.
     */
    static String[] parseVip(String vip) {
        String[] args = vip.split(" ", -1);
        if (args.length < 3) {
            return null;
        }
        return new String[] {args[0], args[2]};
    }

    /**
     * The exporter's instance labels {@code iname, intf, vrid}, {@code intf} given (the instance's
     * interface, or a VIP's device), then {@code more} name/value pairs.
     */
    static String[] labels(InstanceSnapshot v, String intf, String... more) {
        String[] l = new String[6 + more.length];
        l[0] = "iname";
        l[1] = v.identity().name();
        l[2] = "intf";
        l[3] = intf;
        l[4] = "vrid";
        l[5] = Integer.toString(v.identity().vrid());
        System.arraycopy(more, 0, l, 6, more.length);
        return l;
    }

    static String intf(InstanceSnapshot v) {
        String name = v.identity().interfaceName();
        return name != null ? name : "";
    }
}
