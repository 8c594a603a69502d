package io.javakeepalived.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.javakeepalived.daemon.LoopSnapshot;
import io.javakeepalived.daemon.dump.DataDumpWriter;
import io.javakeepalived.daemon.dump.ExporterJsonRules;
import io.javakeepalived.daemon.dump.ExporterTextRules;
import io.javakeepalived.daemon.dump.JsonDumpWriter;
import io.javakeepalived.daemon.dump.StatsDumpWriter;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Our endpoint publishes, for the keepalived_* families, exactly the series keepalived-exporter
 * would publish from our own dumps of the same state (keepalived.json, or keepalived.data and
 * keepalived.stats): same names, label sets, values.
 */
class ExporterEquivalenceTest {

    /** name{labels sorted} value, for set comparison. */
    static String key(String name, Map<String, String> labels, double value) {
        return name + new java.util.TreeMap<>(labels) + " " + PrometheusText.format(value);
    }

    /** The exporter's view of {@code json} (its JSON path), as keys. */
    static Set<String> exporterView(String json) {
        return ExporterJsonRules.collect(ExporterJsonRules.parse(json)).stream()
                .map(s -> key(s.name(), s.labels(), s.value())).collect(Collectors.toCollection(TreeSet::new));
    }

    /** Our page's keepalived_* series the exporter's JSON path also has (not up, not the script families). */
    static Set<String> ourView(Exposition e) {
        return e.samples.stream().filter(s -> s.name().startsWith("keepalived_") && !s.name().equals("keepalived_up")
                && !s.name().startsWith("keepalived_script_"))
                .map(s -> key(s.name(), s.labels(), s.value())).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void pageEqualsTheExportersReadingOfOurJsonDump() {
        LoopSnapshot s = MetricsPageTest.snapshot();
        Set<String> exporter = exporterView(JsonDumpWriter.render(s.state()));
        Set<String> ours = ourView(Exposition.parse(new Scrape(s, 0).render()));
        assertEquals(exporter, ours);
        assertEquals(2 * 15 + 3 + 1, ours.size()); // counters + GARP delay per instance, 3 VIP states, 1 excluded
    }

    /** The exporter's default path: keepalived.data + keepalived.stats, scripts included. */
    @Test
    void pageEqualsTheExportersReadingOfOurDataAndStatsDumps() {
        LoopSnapshot s = MetricsPageTest.snapshot();
        Set<String> exporter = ExporterTextRules.collect(DataDumpWriter.render(s.state(), ZoneOffset.UTC),
                StatsDumpWriter.render(s.state())).stream().map(x -> key(x.name(), x.labels(), x.value()))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> ours = Exposition.parse(new Scrape(s, 0).render()).samples.stream()
                .filter(x -> x.name().startsWith("keepalived_") && !x.name().equals("keepalived_up"))
                .map(x -> key(x.name(), x.labels(), x.value())).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(exporter, ours);
        assertEquals(2 * 15 + 3 + 1 + 2 * 2, ours.size()); // and two scripts' status and state
    }

    @Test
    void everyFamilyTheExporterDeclaresButItsCheckScriptIsServed() {
        Exposition e = Exposition.parse(new Scrape(MetricsPageTest.snapshot(), 0).render());
        for (String name : List.of("keepalived_up", "keepalived_vrrp_state", "keepalived_vrrp_excluded_state",
                "keepalived_script_status", "keepalived_script_state")) {
            assertEquals("gauge", e.types.get(name), name);
        }
        for (String name : ExporterJsonRules.STATS_METRICS) {
            assertEquals("counter", e.types.get(name), name);
        }
        assertEquals("counter", e.types.get("keepalived_gratuitous_arp_delay_total"));
    }
}
