package io.javakeepalived.daemon.dump;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * mehdy/keepalived-exporter's JSON path (snapshot 5aedbfb), re-stated in Java for tests:
 * {@code ParseJSON} (Go's encoding/json decoding keepalived.json into {@code []VRRP}) and the
 * series {@code Collect} publishes from it. Go's decoder is strict about types — an {@code int}
 * field given {@code 5.5}, a string or a number too large fails the whole decode, and then the
 * exporter reports {@code keepalived_up 0} — so these throw where Go would fail. Unknown keys are
 * ignored and missing ones stay zero, as in Go. (Key matching in Go is case-insensitive;
 * keepalived writes lower case, so exact matching is the same here.)
 */
public final class ExporterJsonRules {

    /** The fields of the exporter's {@code VRRPData} it reads, JSON key → Go type. */
    static final Map<String, String> DATA_FIELDS = Map.of("iname", "string", "state", "int", "wantstate", "int",
            "ifp_ifname", "string", "garp_delay", "int", "vrid", "int", "vips", "[]string", "evips", "[]string");

    /** The fields of its {@code VRRPStats}, in its order (all Go int). */
    public static final List<String> STATS_FIELDS = List.of("advert_rcvd", "advert_sent", "become_master",
            "release_master", "packet_len_err", "advert_interval_err", "ip_ttl_err", "invalid_type_rcvd",
            "addr_list_err", "invalid_authtype", "authtype_mismatch", "auth_failure", "pri_zero_rcvd", "pri_zero_sent");

    /** The exporter's metric name for each stats field, in the same order. */
    public static final List<String> STATS_METRICS = List.of("keepalived_advertisements_received_total",
            "keepalived_advertisements_sent_total", "keepalived_become_master_total", "keepalived_release_master_total",
            "keepalived_packet_length_errors_total", "keepalived_advertisements_interval_errors_total",
            "keepalived_ip_ttl_errors_total", "keepalived_invalid_type_received_total",
            "keepalived_address_list_errors_total", "keepalived_authentication_invalid_total",
            "keepalived_authentication_mismatch_total", "keepalived_authentication_failure_total",
            "keepalived_priority_zero_received_total", "keepalived_priority_zero_sent_total");

    private ExporterJsonRules() {
    }

    /** One element of the exporter's {@code []VRRP}: data fields and stats fields as decoded. */
    public record Vrrp(Map<String, Object> data, Map<String, Long> stats) {
        public String iname() {
            return (String) data.getOrDefault("iname", "");
        }

        public long num(String key) {
            return (Long) data.getOrDefault(key, 0L);
        }

        @SuppressWarnings("unchecked")
        public List<String> list(String key) {
            return (List<String>) data.getOrDefault(key, List.of());
        }
    }

    /** A series {@code Collect} publishes: metric name, label values by name, value. */
    public record Series(String name, Map<String, String> labels, long value) {
    }

    /** {@code ParseJSON}: throws where Go's decoder returns an error. */
    @SuppressWarnings("unchecked")
    public static List<Vrrp> parse(String json) {
        Object top = TinyJson.parse(json);
        if (!(top instanceof List<?> list)) {
            throw new IllegalArgumentException("json: cannot unmarshal into Go value of type []collector.VRRP");
        }
        List<Vrrp> out = new ArrayList<>();
        for (Object o : list) {
            Map<String, Object> e = (Map<String, Object>) o;
            Map<String, Object> data = new LinkedHashMap<>();
            Map<String, Long> stats = new LinkedHashMap<>();
            Map<String, Object> d = (Map<String, Object>) e.getOrDefault("data", Map.of());
            for (Map.Entry<String, Object> f : d.entrySet()) {
                String type = DATA_FIELDS.get(f.getKey());
                if (type != null) {
                    data.put(f.getKey(), decode(f.getKey(), type, f.getValue()));
                }
            }
            Map<String, Object> s = (Map<String, Object>) e.getOrDefault("stats", Map.of());
            for (Map.Entry<String, Object> f : s.entrySet()) {
                if (STATS_FIELDS.contains(f.getKey())) {
                    stats.put(f.getKey(), (Long) decode(f.getKey(), "int", f.getValue()));
                }
            }
            out.add(new Vrrp(data, stats));
        }
        return out;
    }

    private static Object decode(String key, String type, Object v) {
        switch (type) {
            case "int":
                if (v instanceof Long) {
                    return v;
                }
                throw new IllegalArgumentException("json: cannot unmarshal " + v + " into field " + key + " of type int");
            case "string":
                if (v instanceof String) {
                    return v;
                }
                throw new IllegalArgumentException("json: cannot unmarshal " + v + " into field " + key + " of type string");
            default:
                if (v == null) {
                    return List.of();
                }
                if (v instanceof List<?> l && l.stream().allMatch(x -> x instanceof String)) {
                    return v;
                }
                throw new IllegalArgumentException("json: cannot unmarshal " + v + " into field " + key + " of type []string");
        }
    }

    /**
     * The series {@code Collect} publishes from the JSON path, in its order ({@code keepalived_up}
     * left out): per instance the fourteen counters and the GARP delay labelled
     * {@code iname, intf, vrid}, then {@code keepalived_vrrp_state} per VIP (address and device from
     * {@code ParseVIP}), {@code keepalived_vrrp_excluded_state} per excluded VIP, and one
     * {@code keepalived_vrrp_state} with the instance's interface and no address if it has no VIPs.
     */
    public static List<Series> collect(List<Vrrp> vrrps) {
        List<Series> out = new ArrayList<>();
        for (Vrrp v : vrrps) {
            Map<String, String> common = new LinkedHashMap<>();
            common.put("iname", v.iname());
            common.put("intf", (String) v.data().getOrDefault("ifp_ifname", ""));
            common.put("vrid", Long.toString(v.num("vrid")));
            for (int i = 0; i < STATS_FIELDS.size(); i++) {
                out.add(new Series(STATS_METRICS.get(i), common, v.stats().getOrDefault(STATS_FIELDS.get(i), 0L)));
            }
            out.add(new Series("keepalived_gratuitous_arp_delay_total", common, v.num("garp_delay")));
            for (String vip : v.list("vips")) {
                vipSeries(out, "keepalived_vrrp_state", v, vip);
            }
            for (String vip : v.list("evips")) {
                vipSeries(out, "keepalived_vrrp_excluded_state", v, vip);
            }
            if (v.list("vips").isEmpty()) {
                Map<String, String> l = new LinkedHashMap<>(common);
                l.put("ip_address", "");
                out.add(new Series("keepalived_vrrp_state", l, v.num("state")));
            }
        }
        return out;
    }

    private static void vipSeries(List<Series> out, String name, Vrrp v, String vip) {
        String[] args = vip.split(" ", -1);
        if (args.length < 3) {
            return;
        }
        Map<String, String> l = new LinkedHashMap<>();
        l.put("iname", v.iname());
        l.put("intf", args[2]);
        l.put("vrid", Long.toString(v.num("vrid")));
        l.put("ip_address", args[0]);
        out.add(new Series(name, l, v.num("state")));
    }
}
