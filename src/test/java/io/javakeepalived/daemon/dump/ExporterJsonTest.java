package io.javakeepalived.daemon.dump;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.javakeepalived.vrrp.packet.VrrpCounter;
import io.javakeepalived.vrrp.packet.VrrpCounters;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** keepalived.json as keepalived-exporter's JSON path ({@code --ka.json}) reads it. */
class ExporterJsonTest {

    @Test
    void keepalivedsOwnSampleAsTheExporterSeesIt() throws Exception {
        List<ExporterJsonRules.Vrrp> v = ExporterJsonRules.parse(DumpWritersTest.sample("keepalived.json.sample"));
        assertEquals(1, v.size());
        ExporterJsonRules.Vrrp d = v.get(0);
        assertEquals("VI_1", d.iname());
        assertEquals(2, d.num("state"));
        assertEquals(2, d.num("wantstate"));
        assertEquals("eth0", d.data().get("ifp_ifname"));
        assertEquals(5, d.num("garp_delay"));
        assertEquals(77, d.num("vrid"));
        assertEquals(List.of("10.77.0.100/24 dev eth0 scope global set"), d.list("vips"));
        assertEquals(13L, d.stats().get("advert_sent"));
        assertEquals(14, d.stats().size());
    }

    /** Our writer on the same state gives the exporter exactly the series keepalived's file gives it. */
    @Test
    void ourDumpOfTheSampleStatePublishesTheSameSeries() throws Exception {
        List<ExporterJsonRules.Series> theirs = ExporterJsonRules.collect(
                ExporterJsonRules.parse(DumpWritersTest.sample("keepalived.json.sample")));
        List<ExporterJsonRules.Series> ours = ExporterJsonRules.collect(
                ExporterJsonRules.parse(JsonDumpWriter.render(SampleSnapshot.snapshot())));
        assertEquals(theirs, ours);
        assertEquals(16, ours.size()); // 14 counters, the GARP delay, one VIP state
    }

    /** Every optional branch of the writer still decodes into Go's types; values land where the exporter looks. */
    @Test
    void busyInstancesDecodeWithoutATypeError() {
        VrrpCounters c = new VrrpCounters();
        c.increment(VrrpCounter.IP_TTL_ERR);
        c.increment(VrrpCounter.CHK_ERR);
        InstanceSnapshot.Notify n = SampleSnapshot.instance().notifications();
        InstanceSnapshot backup = SampleSnapshot.backupV3("VI_B",
                InstanceSnapshot.Notify.of(null, n.master(), n.fault(), n.stop(), null), c.snapshot());
        InstanceSnapshot fault = new InstanceSnapshot(
                new InstanceSnapshot.Identity("VI_F", 2, 9, true, "eth1", "vrrp.9", null),
                InstanceSnapshot.Status.of(InstanceState.FAULT), InstanceSnapshot.Transport.multicast(null, -1, -1),
                InstanceSnapshot.Garp.DEFAULT, InstanceSnapshot.Priority.of(100), InstanceSnapshot.Adverts.DEFAULT,
                InstanceSnapshot.Addresses.of(List.of("fd00::1/64 dev eth1 scope global"), List.of(), false),
                TrackedObjects.NONE, InstanceSnapshot.Notify.NONE, Map.of());
        List<ExporterJsonRules.Vrrp> v = ExporterJsonRules.parse(
                JsonDumpWriter.render(List.of(SampleSnapshot.instance(), backup, fault)));
        assertEquals(List.of("VI_1", "VI_B", "VI_F"), v.stream().map(ExporterJsonRules.Vrrp::iname).toList());
        assertEquals(1, v.get(1).num("state"));
        assertEquals(1L, v.get(1).stats().get("ip_ttl_err"));
        assertEquals(List.of("10.1.1.1 dev eth1 scope global"), v.get(1).list("evips"));
        List<ExporterJsonRules.Series> series = ExporterJsonRules.collect(v);
        // no ifp_ifname: the exporter labels with an empty interface
        assertEquals(Map.of("iname", "VI_B", "intf", "", "vrid", "77", "ip_address", ""),
                series.stream().filter(s -> s.name().equals("keepalived_vrrp_state") && s.labels().get("iname").equals("VI_B"))
                        .findFirst().orElseThrow().labels());
        assertEquals(3, series.stream().filter(s -> s.name().equals("keepalived_vrrp_state")
                && s.labels().get("iname").equals("VI_F") && s.labels().get("ip_address").equals("fd00::1/64")).findFirst()
                .orElseThrow().value());
    }

    /** The rules are as strict as Go: a fraction or a string where the exporter wants an int fails. */
    @Test
    void goTypeRulesBite() {
        assertThrows(IllegalArgumentException.class, () -> ExporterJsonRules.parse("[{\"data\":{\"garp_delay\":0.5}}]"));
        assertThrows(IllegalArgumentException.class, () -> ExporterJsonRules.parse("[{\"data\":{\"vrid\":\"7\"}}]"));
        assertThrows(IllegalArgumentException.class, () -> ExporterJsonRules.parse("[{\"stats\":{\"advert_sent\":1.5}}]"));
        assertThrows(IllegalArgumentException.class, () -> ExporterJsonRules.parse("[{\"data\":{\"vips\":[1]}}]"));
        assertThrows(IllegalArgumentException.class, () -> ExporterJsonRules.parse("{}"));
        assertEquals(0, ExporterJsonRules.parse("[{\"data\":{\"unknown\":0.5}}]").get(0).num("vrid"));
    }
}
