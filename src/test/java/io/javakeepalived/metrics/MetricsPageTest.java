package io.javakeepalived.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.daemon.LoopSnapshot;
import io.javakeepalived.daemon.dump.ConfiguredGlobals;
import io.javakeepalived.daemon.dump.DataDumpWriter;
import io.javakeepalived.daemon.dump.InstanceSnapshot;
import io.javakeepalived.daemon.dump.JsonDumpWriter;
import io.javakeepalived.daemon.dump.InstanceState;
import io.javakeepalived.daemon.dump.NotifyScript;
import io.javakeepalived.daemon.dump.ScriptInitState;
import io.javakeepalived.daemon.dump.ScriptRunState;
import io.javakeepalived.daemon.dump.ScriptSnapshot;
import io.javakeepalived.daemon.dump.TrackedObjects;
import io.javakeepalived.daemon.dump.VrrpStateSnapshot;
import io.javakeepalived.vrrp.VrrpState;
import io.javakeepalived.vrrp.VridDemultiplexer.SocketKey;
import io.javakeepalived.vrrp.packet.IpFamily;
import io.javakeepalived.vrrp.packet.RejectReason;
import io.javakeepalived.vrrp.packet.VrrpCounter;
import io.javakeepalived.vrrp.packet.VrrpCounters;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class MetricsPageTest {

    /** Every family name and label set mehdy/keepalived-exporter (collector.go, 5aedbfb) declares, but its check script. */
    static final List<String> EXPORTER_COUNTERS = List.of("keepalived_advertisements_received_total",
            "keepalived_advertisements_sent_total", "keepalived_become_master_total", "keepalived_release_master_total",
            "keepalived_packet_length_errors_total", "keepalived_advertisements_interval_errors_total",
            "keepalived_ip_ttl_errors_total", "keepalived_invalid_type_received_total",
            "keepalived_address_list_errors_total", "keepalived_authentication_invalid_total",
            "keepalived_authentication_mismatch_total", "keepalived_authentication_failure_total",
            "keepalived_priority_zero_received_total", "keepalived_priority_zero_sent_total",
            "keepalived_gratuitous_arp_delay_total");

    static InstanceSnapshot master() {
        VrrpCounters c = new VrrpCounters();
        for (int i = 0; i < 13; i++) {
            c.advertSent(150);
        }
        c.advertSent(0);
        c.becameMaster();
        c.recordRejected(RejectReason.AUTH_FAILURE);
        c.recordRejected(RejectReason.CHECKSUM);
        c.recordRejected(RejectReason.UNICAST_SOURCE);
        return new InstanceSnapshot(InstanceSnapshot.Identity.of("VI_1", 77, "eth0"),
                InstanceSnapshot.Status.of(InstanceState.MASTER), InstanceSnapshot.Transport.multicast(null, -1, -1),
                InstanceSnapshot.Garp.DEFAULT, new InstanceSnapshot.Priority(150, 140, 100, false, false, 0),
                InstanceSnapshot.Adverts.DEFAULT,
                InstanceSnapshot.Addresses.of(
                        List.of("10.77.0.100/24 dev eth0 scope global set", "10.77.1.1 dev eth1 scope global set"),
                        List.of("10.10.0.1 dev eth0 scope global set"), false),
                TrackedObjects.NONE, InstanceSnapshot.Notify.NONE, c.snapshot());
    }

    static InstanceSnapshot backup() {
        return backup("VI_\"2\"", List.of());
    }

    /** A BACKUP on eth1, VRID 9, priority 100, owning {@code vips}, having counted nothing. */
    static InstanceSnapshot backup(String name, List<String> vips) {
        return new InstanceSnapshot(InstanceSnapshot.Identity.of(name, 9, "eth1"),
                InstanceSnapshot.Status.of(InstanceState.BACKUP), InstanceSnapshot.Transport.multicast(null, -1, -1),
                InstanceSnapshot.Garp.DEFAULT, InstanceSnapshot.Priority.of(100), InstanceSnapshot.Adverts.DEFAULT,
                InstanceSnapshot.Addresses.of(vips, List.of(), false), TrackedObjects.NONE,
                InstanceSnapshot.Notify.NONE, new VrrpCounters().snapshot());
    }

    static LoopSnapshot snapshot() {
        ScriptSnapshot good = new ScriptSnapshot("chk_good", NotifyScript.of(0, 0, "/bin/true"),
                ScriptSnapshot.Settings.DEFAULT, 1, false, ScriptInitState.INIT, List.of(), ScriptRunState.IDLE);
        ScriptSnapshot bad = new ScriptSnapshot("chk_bad", NotifyScript.of(0, 0, "/bin/false"),
                new ScriptSnapshot.Settings(1, 0, 0, false, 3, 1), 1, false, ScriptInitState.INIT, List.of(),
                ScriptRunState.RUNNING);
        VrrpStateSnapshot s = VrrpStateSnapshot.of(ConfiguredGlobals.defaults(),
                List.of(master(), backup()), List.of(good, bad));
        VrrpCounters drops = new VrrpCounters();
        drops.increment(VrrpCounter.UNKNOWN_VRID);
        drops.increment(VrrpCounter.UNKNOWN_VRID);
        drops.increment(VrrpCounter.VERS_ERR);
        return new LoopSnapshot(s, List.of(new LoopSnapshot.Transitions("VI_1", VrrpState.INIT, VrrpState.BACKUP, 1),
                new LoopSnapshot.Transitions("VI_1", VrrpState.BACKUP, VrrpState.MASTER, 2),
                new LoopSnapshot.Transitions("VI_\"2\"", VrrpState.INIT, VrrpState.BACKUP, 1)),
                List.of(new LoopSnapshot.SocketDrops(new SocketKey(IpFamily.IPV4, "eth0", false), drops.snapshot()),
                        new LoopSnapshot.SocketDrops(new SocketKey(IpFamily.IPV6, "eth1", true), Map.of())));
    }

    @Test
    void oneBackupInstanceExactly() {
        LoopSnapshot one = new LoopSnapshot(VrrpStateSnapshot.of(ConfiguredGlobals.defaults(),
                List.of(backup("VI_9", List.of())), List.of()), List.of());
        StringBuilder expected = new StringBuilder("""
                # HELP keepalived_up Status
                # TYPE keepalived_up gauge
                keepalived_up 1
                """);
        String[] helps = {"Advertisements received", "Advertisements sent", "Became master", "Released master",
            "Packet length errors", "Advertisement interval errors", "TTL errors", "Invalid type errors",
            "Address list errors", "Authentication invalid", "Authentication mismatch", "Authentication failure",
            "Priority zero received", "Priority zero sent", "Gratuitous ARP delay"};
        for (int i = 0; i < helps.length; i++) {
            String n = EXPORTER_COUNTERS.get(i);
            expected.append("# HELP ").append(n).append(' ').append(helps[i]).append("\n# TYPE ").append(n)
                    .append(" counter\n").append(n).append("{iname=\"VI_9\",intf=\"eth1\",vrid=\"9\"} ")
                    .append(i == helps.length - 1 ? "5" : "0").append('\n');
        }
        expected.append("""
                # HELP keepalived_vrrp_state State of vrrp
                # TYPE keepalived_vrrp_state gauge
                keepalived_vrrp_state{iname="VI_9",intf="eth1",vrid="9",ip_address=""} 1
                # HELP javakeepalived_vrrp_adverts_rejected_total Packets for the instance that were not accepted, for any reason
                # TYPE javakeepalived_vrrp_adverts_rejected_total counter
                javakeepalived_vrrp_adverts_rejected_total{iname="VI_9",intf="eth1",vrid="9"} 0
                # HELP javakeepalived_vrrp_packet_errors_total Received packets with an error, by reason (keepalived's counter name)
                # TYPE javakeepalived_vrrp_packet_errors_total counter
                """);
        for (String r : List.of("packet_len_err", "advert_interval_err", "ip_ttl_err", "invalid_type_rcvd",
                "addr_list_err", "invalid_authtype", "authtype_mismatch", "auth_failure", "chk_err", "vers_err")) {
            expected.append("javakeepalived_vrrp_packet_errors_total{iname=\"VI_9\",intf=\"eth1\",vrid=\"9\",reason=\"")
                    .append(r).append("\"} 0\n");
        }
        expected.append("""
                # HELP javakeepalived_vrrp_effective_priority Priority after tracking weights (the one sent in adverts)
                # TYPE javakeepalived_vrrp_effective_priority gauge
                javakeepalived_vrrp_effective_priority{iname="VI_9",intf="eth1",vrid="9"} 100
                # HELP javakeepalived_vrrp_split_brain_total Split-brain episodes: another MASTER of the VRID heard while MASTER
                # TYPE javakeepalived_vrrp_split_brain_total counter
                javakeepalived_vrrp_split_brain_total{iname="VI_9",intf="eth1",vrid="9"} 0
                # HELP javakeepalived_vrrp_loop_lag_seconds Time the VRRP loop took to answer the scrape (the time waited if it did not)
                # TYPE javakeepalived_vrrp_loop_lag_seconds gauge
                javakeepalived_vrrp_loop_lag_seconds 0.0015
                """);
        assertEquals(expected.toString(), new Scrape(one, 1_500_000).render());
    }

    @Test
    void valuesAndLabelsAsTheExporterWouldPublishThem() {
        Exposition e = Exposition.parse(new Scrape(snapshot(), 2_000_000).render());
        assertEquals(1, e.one("keepalived_up").value());
        assertEquals(14, e.one("keepalived_advertisements_sent_total", "iname", "VI_1").value());
        assertEquals(1, e.one("keepalived_priority_zero_sent_total", "iname", "VI_1").value());
        assertEquals(1, e.one("keepalived_become_master_total", "iname", "VI_1", "intf", "eth0", "vrid", "77").value());
        assertEquals(1, e.one("keepalived_authentication_failure_total", "iname", "VI_1").value());
        // UNICAST_SOURCE is counted as received (keepalived does), the other two not
        assertEquals(1, e.one("keepalived_advertisements_received_total", "iname", "VI_1").value());
        assertEquals(5, e.one("keepalived_gratuitous_arp_delay_total", "iname", "VI_1").value());
        for (String n : EXPORTER_COUNTERS) {
            assertEquals("counter", e.types.get(n), n);
            assertEquals(2, e.family(n).size(), n);
            assertEquals(Set.of("iname", "intf", "vrid"), e.family(n).get(0).labels().keySet(), n);
        }
        // one state sample per VIP: the VIP's own device, its address as the dump writes it
        assertEquals(2, e.one("keepalived_vrrp_state", "ip_address", "10.77.0.100/24").value());
        assertEquals("eth0", e.one("keepalived_vrrp_state", "ip_address", "10.77.0.100/24").label("intf"));
        assertEquals("eth1", e.one("keepalived_vrrp_state", "ip_address", "10.77.1.1").label("intf"));
        assertEquals(1, e.one("keepalived_vrrp_state", "iname", "VI_\"2\"", "ip_address", "").value());
        assertEquals(3, e.family("keepalived_vrrp_state").size());
        assertEquals(2, e.one("keepalived_vrrp_excluded_state", "ip_address", "10.10.0.1").value());
        assertEquals(1, e.one("keepalived_script_status", "name", "chk_good").value());
        assertEquals(0, e.one("keepalived_script_status", "name", "chk_bad").value());
        assertEquals(0, e.one("keepalived_script_state", "name", "chk_good").value());
        assertEquals(1, e.one("keepalived_script_state", "name", "chk_bad").value());

        assertEquals(2, e.one("javakeepalived_vrrp_transitions_total", "iname", "VI_1", "from", "BACKUP", "to", "MASTER")
                .value());
        assertEquals(3, e.family("javakeepalived_vrrp_transitions_total").size());
        assertEquals(3, e.one("javakeepalived_vrrp_adverts_rejected_total", "iname", "VI_1").value());
        assertEquals(1, e.one("javakeepalived_vrrp_packet_errors_total", "iname", "VI_1", "reason", "chk_err").value());
        assertEquals(1, e.one("javakeepalived_vrrp_packet_errors_total", "iname", "VI_1", "reason", "auth_failure")
                .value());
        assertEquals(140, e.one("javakeepalived_vrrp_effective_priority", "iname", "VI_1").value());
        assertEquals(0.002, e.one("javakeepalived_vrrp_loop_lag_seconds").value());

        assertEquals(2, e.one("javakeepalived_vrrp_socket_dropped_total", "intf", "eth0", "family", "inet", "cast",
                "multicast", "reason", "unknown_vrid").value());
        assertEquals(0, e.one("javakeepalived_vrrp_socket_dropped_total", "intf", "eth0", "reason", "runt").value());
        assertEquals(1, e.one("javakeepalived_vrrp_socket_dropped_total", "intf", "eth0", "reason", "vers_err").value());
        assertEquals(2, e.family("javakeepalived_vrrp_socket_dropped_total").stream()
                .filter(x -> x.label("intf").equals("eth1") && x.label("family").equals("inet6")
                        && x.label("cast").equals("unicast")).count(), "runt and unknown_vrid, even at 0");
    }

    @Test
    void splitBrainSeenShowsCountSinceAndPeerInTheMetricsAndBothDumps() {
        InstanceSnapshot seen = withSplitBrain(backup("VI_S", List.of()), new InstanceSnapshot.SplitBrainSeen(2,
                Instant.parse("2026-12-07T01:02:03.250Z"), "10.77.0.2", 90, 100));
        LoopSnapshot s = new LoopSnapshot(VrrpStateSnapshot.of(ConfiguredGlobals.defaults(),
                List.of(seen, backup("VI_N", List.of())), List.of()), List.of());
        Exposition e = Exposition.parse(new Scrape(s, 0).render());
        assertEquals(2, e.one("javakeepalived_vrrp_split_brain_total", "iname", "VI_S").value());
        assertEquals(0, e.one("javakeepalived_vrrp_split_brain_total", "iname", "VI_N").value());
        assertEquals(1, e.family("javakeepalived_vrrp_split_brain_last_timestamp_seconds").size(), "only VI_S");
        assertEquals(Instant.parse("2026-12-07T01:02:03.250Z").toEpochMilli() / 1e3,
                e.one("javakeepalived_vrrp_split_brain_last_timestamp_seconds", "peer", "10.77.0.2").value());

        String data = DataDumpWriter.render(s.state(), ZoneOffset.UTC);
        assertTrue(data.contains("   Split brain episodes = 2\n"), data);
        assertTrue(data.contains("   Split brain last = 1796605323.250000 (Mon Dec  7 01:02:03.250000 2026) with"
                + " 10.77.0.2 priority 90, ours 100\n"), data);
        assertEquals(1, data.split("Split brain episodes", -1).length - 1, "VI_N shows nothing");
        String json = JsonDumpWriter.render(s.state());
        assertTrue(json.contains(",\"split_brain_episodes\":2,\"split_brain_since\":1796605323.250000,"
                + "\"split_brain_peer\":\"10.77.0.2\",\"split_brain_peer_priority\":90,\"split_brain_priority\":100}"),
                json);
        assertEquals(1, json.split("split_brain_episodes", -1).length - 1, "VI_N shows nothing");
    }

    static InstanceSnapshot withSplitBrain(InstanceSnapshot v, InstanceSnapshot.SplitBrainSeen sb) {
        InstanceSnapshot.Status st = v.status();
        return new InstanceSnapshot(v.identity(), new InstanceSnapshot.Status(st.state(), st.wantState(), st.master(),
                st.faults(), st.lastTransition(), st.readTimeout(), st.masterDownTimerMicros(), sb), v.transport(),
                v.garp(), v.priority(), v.adverts(), v.addresses(), v.tracked(), v.notifications(), v.counters());
    }

    @Test
    void noDaemonAnswerIsUpZeroAndNothingElseAboutInstances() {
        Exposition e = Exposition.parse(new Scrape(null, 2_000_000_000L).render());
        assertEquals(0, e.one("keepalived_up").value());
        assertEquals(2.0, e.one("javakeepalived_vrrp_loop_lag_seconds").value());
        assertEquals(new TreeSet<>(List.of("keepalived_up", "javakeepalived_vrrp_loop_lag_seconds")),
                new TreeSet<>(e.types.keySet()));
    }

    @Test
    void noInstancesNoScriptsNoEmptyFamilies() {
        LoopSnapshot empty = new LoopSnapshot(VrrpStateSnapshot.of(ConfiguredGlobals.defaults(),
                List.of(), List.of()), List.of());
        String text = new Scrape(empty, 0).render();
        Exposition e = Exposition.parse(text);
        assertEquals(new TreeSet<>(List.of("keepalived_up", "javakeepalived_vrrp_loop_lag_seconds")),
                new TreeSet<>(e.types.keySet()), text);
        assertFalse(text.contains("keepalived_vrrp_state"));
    }

    @Test
    void unparseableVipsAreSkippedLikeTheExporterDoes() {
        InstanceSnapshot odd = backup("VI_X", List.of("10.0.0.1 dev"));
        LoopSnapshot s = new LoopSnapshot(VrrpStateSnapshot.of(ConfiguredGlobals.defaults(),
                List.of(odd), List.of()), List.of());
        Exposition e = Exposition.parse(new Scrape(s, 0).render());
        assertTrue(e.family("keepalived_vrrp_state").isEmpty());
        assertEquals(0, e.one("keepalived_advertisements_sent_total", "iname", "VI_X").value());
    }

    @Test
    void escapingOfLabelValuesAndHelp() {
        PrometheusText t = new PrometheusText(64);
        t.family("x", PrometheusText.Type.GAUGE, "a\\b\nc \"q\"").sample(1, "l", "a\\b\"c\nd");
        assertEquals("# HELP x a\\\\b\\nc \"q\"\n# TYPE x gauge\nx{l=\"a\\\\b\\\"c\\nd\"} 1\n", t.toString());
        assertEquals("a\\b\"c\nd", Exposition.parse(t.toString()).one("x").label("l"));
        assertEquals("NaN", PrometheusText.format(Double.NaN));
        assertEquals("+Inf", PrometheusText.format(Double.POSITIVE_INFINITY));
        assertEquals("1.0E-9", PrometheusText.format(1e-9));
        assertEquals(1e-9, Exposition.parse("# TYPE y gauge\ny 1.0E-9\n").one("y").value());
    }
}
