package io.javakeepalived.daemon.dump;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.vrrp.packet.AuthType;
import io.javakeepalived.vrrp.packet.VrrpCounter;
import io.javakeepalived.vrrp.packet.VrrpCounters;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Our dumps read with keepalived-exporter's rules give what keepalived's own dumps give. */
class ExporterCompatibilityTest {

    @Test
    void sampleDataAndStatsAsTheExporterSeesThem() {
        VrrpStateSnapshot s = SampleSnapshot.snapshot();
        Map<String, ExporterRules.Data> data = ExporterRules.parseData(DataDumpWriter.render(s, ZoneOffset.UTC));
        assertEquals(List.of("VI_1"), List.copyOf(data.keySet()));
        ExporterRules.Data d = data.get("VI_1");
        assertEquals(2, d.state);
        assertEquals(2, d.wantState);
        assertEquals("eth0", d.intf);
        assertEquals(5, d.garpDelay);
        assertEquals(77, d.vrid);
        assertEquals(List.of("10.77.0.100/24 dev eth0 scope global set"), d.vips);
        assertEquals(List.of(new ExporterRules.Script("chk_a", "GOOD", "idle"),
                new ExporterRules.Script("chkz_a", "GOOD", "idle")),
                ExporterRules.parseScripts(DataDumpWriter.render(s, ZoneOffset.UTC)));
        Map<String, Integer> st = ExporterRules.parseStats(StatsDumpWriter.render(s)).get("VI_1");
        assertEquals(14, st.size());
        assertEquals(13, st.get("advert_sent"));
        assertEquals(1, st.get("become_master"));
    }

    /**
     * The exporter's own v2.2.7 fixture (test_files/v2.2.7/keepalived.data): a VRRPv3 MASTER with an
     * excluded VIP and a generic notify script. Rebuilt from a snapshot, the instance section must
     * come out line for line.
     */
    @Test
    void exporterFixtureInstanceIsReproduced() {
        String fixture = String.join("\n",
                "------< VRRP Topology >------",
                " VRRP Instance = VI_227_1",
                "   VRRP Version = 3",
                "   State = MASTER",
                "   Flags: none",
                "   Wantstate = MASTER",
                "   Number of config faults = 0",
                "   Number of interface and track script faults = 0",
                "   Number of track scripts init = 0",
                "   Last transition = 1673674892.348360 (Sat Jan 14 06:41:32.348360 2023)",
                "   Read timeout = 1674563074.242128 (Tue Jan 24 13:24:34.242128 2023)",
                "   Master down timer = 1656250 usecs",
                "   Interface = ens3",
                "   Using src_ip = 10.1.0.166",
                "   Multicast address 224.0.0.18",
                "   Gratuitous ARP delay = 5",
                "   Gratuitous ARP repeat = 5",
                "   Gratuitous ARP refresh = 0",
                "   Gratuitous ARP refresh repeat = 1",
                "   Gratuitous ARP lower priority delay = 5",
                "   Gratuitous ARP lower priority repeat = 5",
                "   Down timer adverts = 3",
                "   Send advert after receive lower priority advert = true",
                "   Send advert after receive higher priority advert = false",
                "   Virtual Router ID = 52",
                "   Priority = 50",
                "   Effective priority = 150",
                "   Total priority = 150",
                "   Advert interval = 4000 milli-sec",
                "   Accept = enabled",
                "   Preempt = enabled",
                "   Promote_secondaries = disabled",
                "   Virtual IP (1):",
                "     10.1.0.1/24 dev ens3 scope global set",
                "   Virtual IP Excluded :",
                "     10.10.0.1 dev ens3 scope global set",
                "   fd_in 14, fd_out 15",
                "   Tracked scripts :",
                "     chk_script weight 100",
                "   Using smtp notification = no",
                "   Notify deleted = Fault",
                "   Generic state transition script = '/etc/keepalived/script.sh', uid:gid 0:0",
                "   Notify priority changes = false",
                "");
        InstanceSnapshot v = new InstanceSnapshot(new InstanceSnapshot.Identity("VI_227_1", 3, 52, false, "ens3", null, null),
                new InstanceSnapshot.Status(InstanceState.MASTER, InstanceState.MASTER,
                        InstanceSnapshot.MasterSeen.NONE, InstanceSnapshot.Faults.NONE,
                        Instant.ofEpochSecond(1673674892L, 348_360_000L),
                        Instant.ofEpochSecond(1674563074L, 242_128_000L), 1656250),
                InstanceSnapshot.Transport.multicast("10.1.0.166", 14, 15), InstanceSnapshot.Garp.DEFAULT,
                new InstanceSnapshot.Priority(50, 150, 150, true, false, 0),
                new InstanceSnapshot.Adverts(4_000_000, 3, false, false, false, false, AuthType.NONE, null),
                InstanceSnapshot.Addresses.of(List.of("10.1.0.1/24 dev ens3 scope global set"),
                        List.of("10.10.0.1 dev ens3 scope global set"), false),
                TrackedObjects.NONE.withScripts(
                        List.of(Tracked.script("chk_script", 100, false, "'/etc/keepalived/script.sh'"))),
                InstanceSnapshot.Notify.of(null, null, null, null, NotifyScript.of(0, 0, "/etc/keepalived/script.sh")),
                Map.of());
        StringBuilder o = new StringBuilder("------< VRRP Topology >------\n");
        InstanceSection.write(o, v, ZoneOffset.ofHours(1));
        assertEquals(fixture, o.toString());
        // the exporter's TestV227ParseVRRPData expectations
        ExporterRules.Data d = ExporterRules.parseData(o.toString()).get("VI_227_1");
        assertEquals(2, d.state);
        assertEquals(2, d.wantState);
        assertEquals("ens3", d.intf);
        assertEquals(5, d.garpDelay);
        assertEquals(52, d.vrid);
        assertEquals(List.of("10.1.0.1/24 dev ens3 scope global set"), d.vips);
        assertEquals(List.of("10.10.0.1 dev ens3 scope global set"), d.excludedVips);
    }

    /** The same fixture's VRRP Scripts section, rebuilt line for line, and what the exporter reads from it. */
    @Test
    void exporterFixtureScriptIsReproduced() {
        String fixture = String.join("\n",
                "------< VRRP Scripts >------",
                " VRRP Script = check_script",
                "   Command = '/etc/keepalived/script.sh'",
                "   Interval = 2 sec",
                "   Timeout = 0 sec",
                "   Weight = 100",
                "   Rise = 1",
                "   Fall = 1",
                "   Result = 1",
                "   Insecure = no",
                "   Init state = unknown",
                "   Status = GOOD",
                "   Script uid:gid = 0:0",
                "   VRRP instances :",
                "   Tracking instances :",
                "     VI_227_1, weight 100",
                "   State = idle",
                "");
        ScriptSnapshot sc = new ScriptSnapshot("check_script", NotifyScript.of(0, 0, "/etc/keepalived/script.sh"),
                new ScriptSnapshot.Settings(2, 0, 100, false, 1, 1), 1, false, ScriptInitState.DONE,
                List.of(TrackingInstance.of("VI_227_1", 100)), ScriptRunState.IDLE);
        StringBuilder o = new StringBuilder("------< VRRP Scripts >------\n");
        DataDumpWriter.script(o, sc);
        assertEquals(fixture, o.toString());
        assertEquals(List.of(new ExporterRules.Script("check_script", "GOOD", "idle")),
                ExporterRules.parseScripts(o.toString()));
    }

    /** Every branch the writer has, through the exporter's rules: nothing it cannot read. */
    @Test
    void busyConfigurationStillParses() {
        VrrpCounters c = new VrrpCounters();
        c.increment(VrrpCounter.AUTH_FAILURE);
        c.increment(VrrpCounter.IP_TTL_ERR);
        c.increment(VrrpCounter.IP_TTL_ERR);
        c.increment(VrrpCounter.CHK_ERR);
        InstanceSnapshot a = SampleSnapshot.instance();
        InstanceSnapshot backup = new InstanceSnapshot(new InstanceSnapshot.Identity("VI_B", 3, 77, false, "eth0", null, "G1"),
                new InstanceSnapshot.Status(InstanceState.BACKUP, InstanceState.BACKUP,
                        new InstanceSnapshot.MasterSeen("10.0.0.9", 200, 1_000_000), InstanceSnapshot.Faults.NONE,
                        a.status().lastTransition(), null, a.status().masterDownTimerMicros()),
                new InstanceSnapshot.Transport("10.77.0.1", true, "224.0.0.18", 0,
                        new InstanceSnapshot.Unicast(true, true, false, false, 64, true,
                                List.of(PeerInfo.of("10.0.0.9"), new PeerInfo("10.0.0.10", 10, 255)), "no"),
                        false, -1, 14, 0),
                a.garp(), new InstanceSnapshot.Priority(150, 150, 150, true, true, 4_000_000),
                new InstanceSnapshot.Adverts(1_000_000, 3, false, false, false, false, AuthType.NONE, "secret77"),
                new InstanceSnapshot.Addresses(
                        List.of("10.0.0.100/24 dev eth0 scope global", "fe80::1/64 dev eth0 scope link"), List.of(),
                        List.of("192.168.0.0/24 via 10.0.0.1 dev eth0"), List.of(), true, false),
                new TrackedObjects(List.of(Tracked.of("eth1", -20)), List.of(), List.of(Tracked.of("f1", 5)),
                        List.of(), List.of()),
                a.notifications(), c.snapshot());
        InstanceSnapshot fault = new InstanceSnapshot(new InstanceSnapshot.Identity("VI_F", 2, 9, true, "eth1", null, null),
                InstanceSnapshot.Status.of(InstanceState.FAULT),
                new InstanceSnapshot.Transport(null, false, "ff02::12", 3, InstanceSnapshot.Unicast.NONE, false, -1, -1, 0),
                InstanceSnapshot.Garp.DEFAULT, InstanceSnapshot.Priority.of(100),
                new InstanceSnapshot.Adverts(1_000_000, 3, false, false, false, false, AuthType.IP_AH, null),
                InstanceSnapshot.Addresses.NONE, TrackedObjects.NONE, InstanceSnapshot.Notify.NONE, Map.of());
        SyncGroupSnapshot g = new SyncGroupSnapshot("G1", InstanceState.BACKUP, 0, 0, List.of("VI_B", "VI_1"), false,
                false, Optional.of(true), TrackedObjects.NONE,
                new SyncGroupSnapshot.Notify(null, NotifyScript.of(0, 0, "/bin/x", "y"), null, null, null));
        ScriptSnapshot bad = new ScriptSnapshot("chk_bad", NotifyScript.of(0, 0, "/bin/false"),
                new ScriptSnapshot.Settings(1, 0, 0, false, 3, 1), 1, false, ScriptInitState.INIT, List.of(),
                ScriptRunState.RUNNING);
        VrrpStateSnapshot s = new VrrpStateSnapshot(ConfiguredGlobals.defaults(),
                List.of("192.168.9.9/32 dev lo scope host"), List.of(), List.of(),
                List.of(SampleSnapshot.instance(), backup, fault), List.of(), List.of(g), List.of(bad), List.of());
        String text = DataDumpWriter.render(s, ZoneOffset.UTC);
        Map<String, ExporterRules.Data> data = ExporterRules.parseData(text);
        assertEquals(List.of("VI_1", "VI_B", "VI_F"), List.copyOf(data.keySet()));
        assertEquals(1, data.get("VI_B").state);
        assertEquals(List.of("10.0.0.100/24 dev eth0 scope global", "fe80::1/64 dev eth0 scope link"),
                data.get("VI_B").vips);
        assertEquals(3, data.get("VI_F").state);
        assertEquals("eth1", data.get("VI_F").intf);
        assertEquals(9, data.get("VI_F").vrid);
        assertEquals(List.of(new ExporterRules.Script("chk_bad", "BAD", "running")), ExporterRules.parseScripts(text));
        assertTrue(text.contains("   Master router = 10.0.0.9\n   Master priority = 200\n   Master advert int = 1.00 sec\n"));
        assertTrue(text.contains("   Flags:\n     Using unicast\n"));
        assertTrue(text.contains("   Read timeout = DISABLED\n"));
        assertTrue(text.contains("   Preempt = disabled\n   Preempt delay = 4 secs\n"));
        assertTrue(text.contains("   Unicast TTL = 64\n   Check unicast src : yes\n   Unicast Peer :\n"
                + "     10.0.0.9 min_ttl 0 max_ttl 255\n     10.0.0.10 min_ttl 10 max_ttl 255\n"
                + "   Unicast checksum compatibility = no\n   No sockets allocated\n"));
        assertTrue(text.contains("   Using Native IPv6\n"));
        assertTrue(text.contains("   Multicast address ff02::12, ifindex 3\n"));
        assertTrue(text.contains("   Authentication type = IPSEC_AH\n   No sockets allocated\n"));
        assertTrue(text.contains(" VRRP Sync Group = G1, BACKUP\n   Num member fault 0, num member init 0\n"
                + "   VRRP member instances :\n     VI_B\n     VI_1\n   Using smtp notification = no\n"
                + "   Notify priority changes = yes\n   Master state transition script = '/bin/x' 'y', uid:gid 0:0\n"));
        assertTrue(text.contains("------< Static Addresses >------\n     192.168.9.9/32 dev lo scope host\n"));
        assertTrue(text.contains("   Tracked files :\n     f1, weight 5\n"));

        Map<String, Map<String, Integer>> st = ExporterRules.parseStats(StatsDumpWriter.render(s));
        assertEquals(List.of("VI_1", "VI_B", "VI_F"), List.copyOf(st.keySet()));
        Map<String, Integer> expected = new java.util.LinkedHashMap<>();
        for (VrrpCounter k : JsonDumpWriter.JSON_STATS) {
            expected.put(k.key(), 0);
        }
        expected.put("auth_failure", 1);
        expected.put("ip_ttl_err", 2);
        assertEquals(new java.util.TreeMap<>(expected), new java.util.TreeMap<>(st.get("VI_B")));
        EnumMap<VrrpCounter, Long> none = new EnumMap<>(VrrpCounter.class);
        InstanceSnapshot noCounters = new InstanceSnapshot(fault.identity(), fault.status(), fault.transport(),
                fault.garp(), fault.priority(), fault.adverts(), fault.addresses(), fault.tracked(),
                fault.notifications(), none);
        assertEquals(0, noCounters.counter(VrrpCounter.ADVERT_SENT));
    }
}
