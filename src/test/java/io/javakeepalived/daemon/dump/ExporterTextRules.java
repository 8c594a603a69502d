package io.javakeepalived.daemon.dump;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * keepalived-exporter's text path (its default, without {@code --ka.json}): keepalived.data and
 * keepalived.stats read with {@link ExporterRules}, joined the way {@code getKeepalivedStats}
 * joins them (the two must name the same instances, or the scrape fails and
 * {@code keepalived_up} is 0), then the series {@code Collect} publishes — the JSON path's
 * ({@link ExporterJsonRules#collect}) plus {@code keepalived_script_status} and
 * {@code keepalived_script_state} per {@code vrrp_script}.
 */
public final class ExporterTextRules {

    private static final List<String> SCRIPT_STATES = List.of("idle", "running", "requested termination",
            "forcing termination");

    private ExporterTextRules() {
    }

    /** Throws where the exporter's scrape fails. */
    public static List<ExporterJsonRules.Series> collect(String data, String stats) {
        Map<String, ExporterRules.Data> d = ExporterRules.parseData(data);
        Map<String, Map<String, Integer>> s = ExporterRules.parseStats(stats);
        if (d.size() != s.size()) {
            throw new IllegalStateException("keepalived.data and keepalived.stats datas are not synced");
        }
        List<ExporterJsonRules.Vrrp> vrrps = new ArrayList<>();
        for (ExporterRules.Data v : d.values()) {
            Map<String, Integer> st = s.get(v.iname);
            if (st == null) {
                throw new IllegalStateException("there is no stats found for instance " + v.iname);
            }
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("iname", v.iname);
            fields.put("state", (long) v.state);
            fields.put("wantstate", (long) v.wantState);
            fields.put("ifp_ifname", v.intf != null ? v.intf : "");
            fields.put("garp_delay", (long) v.garpDelay);
            fields.put("vrid", (long) v.vrid);
            fields.put("vips", List.copyOf(v.vips));
            fields.put("evips", List.copyOf(v.excludedVips));
            Map<String, Long> counters = new LinkedHashMap<>();
            st.forEach((k, n) -> counters.put(k, (long) n));
            vrrps.add(new ExporterJsonRules.Vrrp(fields, counters));
        }
        List<ExporterJsonRules.Series> out = new ArrayList<>(ExporterJsonRules.collect(vrrps));
        for (ExporterRules.Script sc : ExporterRules.parseScripts(data)) {
            int status = List.of("BAD", "GOOD").indexOf(sc.status());
            if (status >= 0) {
                out.add(new ExporterJsonRules.Series("keepalived_script_status", Map.of("name", sc.name()), status));
            }
            int state = SCRIPT_STATES.indexOf(sc.state());
            if (state >= 0) {
                out.add(new ExporterJsonRules.Series("keepalived_script_state", Map.of("name", sc.name()), state));
            }
        }
        return out;
    }
}
