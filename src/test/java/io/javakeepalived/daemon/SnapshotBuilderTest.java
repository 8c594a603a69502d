package io.javakeepalived.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.config.SourceLocation;
import io.javakeepalived.config.model.ReferenceAddress;
import io.javakeepalived.config.model.ScriptCommand;
import io.javakeepalived.config.model.VrrpScript;
import io.javakeepalived.daemon.dump.ConfiguredGlobals;
import io.javakeepalived.daemon.dump.DataDumpWriter;
import io.javakeepalived.daemon.dump.ExporterJsonRules;
import io.javakeepalived.daemon.dump.InstanceSnapshot;
import io.javakeepalived.daemon.dump.InstanceState;
import io.javakeepalived.daemon.dump.JsonDumpWriter;
import io.javakeepalived.daemon.dump.StatsDumpWriter;
import io.javakeepalived.daemon.dump.VrrpStateSnapshot;
import io.javakeepalived.daemon.model.ConfigMapping;
import io.javakeepalived.daemon.model.InstancePlan;
import io.javakeepalived.daemon.model.VrrpPlan;
import io.javakeepalived.testsupport.ConfigFixture;
import io.javakeepalived.testsupport.SharedFiles;
import io.javakeepalived.track.ReferenceView;
import io.javakeepalived.track.TrackScriptState;
import io.javakeepalived.track.TrackScriptView;
import io.javakeepalived.vrrp.Event;
import io.javakeepalived.vrrp.TimerKind;
import io.javakeepalived.vrrp.Vip;
import io.javakeepalived.vrrp.VrrpInstance;
import io.javakeepalived.vrrp.packet.AuthType;
import io.javakeepalived.vrrp.packet.VrrpCounter;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class SnapshotBuilderTest {

    private static final String CONFIG = "vrrp_instance VI_1 {\n"
            + "    state BACKUP\n"
            + "    interface eth0\n"
            + "    virtual_router_id 77\n"
            + "    priority 150\n"
            + "    advert_int 1\n"
            + "    preempt_delay 2\n"
            + "    authentication {\n"
            + "        auth_type PASS\n"
            + "        auth_pass secret77\n"
            + "    }\n"
            + "    virtual_ipaddress {\n"
            + "        10.77.0.100/24\n"
            + "    }\n"
            + "}\n";

    private static InstancePlan plan() throws Exception {
        InstancePlan p = ConfigMapping.plan(ConfigFixture.model(ConfigFixture.load0(CONFIG))).instances().get(0);
        return p.withPrimaryAddress(InetAddress.getByName("10.77.0.1"));
    }

    /** The plan's instance after its Startup event at time 0: BACKUP, master-down timer armed. */
    private static VrrpInstance started(InstancePlan p) {
        VrrpInstance v = new VrrpInstance(p.settings());
        v.handle(new Event.Startup(), 0);
        return v;
    }

    @Test
    void backupAtStartShowsConfigurationAndTimers() throws Exception {
        InstancePlan p = plan();
        VrrpInstance v = started(p);
        Instant wall = Instant.ofEpochSecond(1_795_400_000L);
        InstanceSnapshot s = SnapshotBuilder.instance(new SnapshotBuilder.Source(p, v, wall, false), 0, wall);

        assertEquals("VI_1", s.identity().name());
        assertEquals(InstanceState.BACKUP, s.status().state());
        assertEquals(wall, s.status().lastTransition());
        assertEquals(77, s.identity().vrid());
        assertEquals(2, s.identity().version());
        assertEquals("eth0", s.identity().interfaceName());
        assertEquals("10.77.0.1", s.transport().sourceIp());
        assertFalse(s.transport().sourceIpFromConfig());
        assertEquals("224.0.0.18", s.transport().multicastAddress());
        assertEquals(150, s.priority().base());
        assertEquals(150, s.priority().effective());
        assertEquals(1_000_000, s.adverts().intervalMicros());
        assertEquals(1_000_000, s.status().master().advertIntervalMicros());
        assertEquals(v.masterDownInterval() / 1000, s.status().masterDownTimerMicros());
        assertEquals(2_000_000, s.priority().preemptDelayMicros());
        assertFalse(s.priority().nopreempt());
        assertEquals(AuthType.SIMPLE_PASSWORD, s.adverts().authType());
        assertEquals("secret77", s.adverts().authPassword());
        assertEquals(List.of("10.77.0.100/24 dev eth0 scope global"), s.addresses().vips());
        assertFalse(s.addresses().vipSet());
        assertEquals(5, s.garp().delaySeconds());
        assertEquals(5, s.garp().repeat());
        // the master-down timer is armed: the deadline is shown as a wall time
        long deadline = v.timerDeadline(TimerKind.MASTER_DOWN).orElseThrow();
        assertEquals(wall.plusNanos(deadline), s.status().readTimeout());
    }

    @Test
    void masterCountsAndSetVips() throws Exception {
        InstancePlan p = plan();
        VrrpInstance v = started(p);
        long t = v.timerDeadline(TimerKind.MASTER_DOWN).orElseThrow();
        v.handle(new Event.TimerFired(TimerKind.MASTER_DOWN), t);
        Instant wall = Instant.ofEpochSecond(1_795_400_010L);
        VrrpStateSnapshot snap = SnapshotBuilder.build(ConfiguredGlobals.defaults(),
                List.of(new SnapshotBuilder.Source(p, v, wall, true)), t, wall);
        InstanceSnapshot s = snap.instances().get(0);
        assertEquals(InstanceState.MASTER, s.status().state());
        assertEquals(List.of("10.77.0.100/24 dev eth0 scope global set"), s.addresses().vips());
        assertTrue(s.addresses().vipSet());
        assertEquals(1, s.counter(VrrpCounter.BECOME_MASTER));
        assertTrue(s.counter(VrrpCounter.ADVERT_SENT) >= 1);
        assertTrue(StatsDumpWriter.render(snap).contains("  Became master: 1\n"));
        String json = JsonDumpWriter.render(snap);
        assertTrue(json.contains("\"iname\":\"VI_1\""), json);
        assertTrue(json.contains("\"state\":2"), json);
        assertNull(s.status().master().router());
        assertEquals(-1, s.transport().fdIn());
        InstanceSnapshot withSocket = SnapshotBuilder.instance(new SnapshotBuilder.Source(p, v, wall, true, 13), t, wall);
        assertEquals(13, withSocket.transport().fdIn());
        assertEquals(13, withSocket.transport().fdOut());
    }

    private static TrackScriptView view(String name, String arg, int weight, int rise, int fall, int result,
            boolean running, TrackScriptView.Phase phase) {
        ScriptCommand cmd = new ScriptCommand("/tmp/rk/bin/chk.sh " + arg, List.of("/tmp/rk/bin/chk.sh", arg),
                Optional.empty(), Optional.empty(), 0, 0, new SourceLocation("t.conf", 1));
        VrrpScript script = new VrrpScript(name, cmd, Duration.ofSeconds(1), null, weight, false, rise, fall, false,
                new SourceLocation("t.conf", 1));
        return new TrackScriptView(script, result, result >= rise, running, phase,
                List.of(new TrackScriptState.Tracking("VI_1", weight, false)));
    }

    /** The text from {@code header} up to the next section (or the end). */
    private static String section(String text, String header) {
        int from = text.indexOf(header);
        assertTrue(from >= 0, text);
        int to = text.indexOf("------<", from + header.length());
        return text.substring(from, to < 0 ? text.length() : to);
    }

    @Test
    void publishedScriptsShowAsKeepalivedDumpsThem() throws Exception {
        InstancePlan p = plan();
        VrrpInstance v = started(p);
        Instant wall = Instant.ofEpochSecond(1_795_400_000L);
        List<TrackScriptView> published = List.of(
                view("chk_a", "a", -60, 2, 2, 3, false, TrackScriptView.Phase.DONE),
                view("chkz_a", "za", 0, 1, 1, 1, false, TrackScriptView.Phase.DONE));
        VrrpStateSnapshot snap = SnapshotBuilder.build(ConfiguredGlobals.defaults(),
                List.of(new SnapshotBuilder.Source(p, v, wall, false)), published, 0, wall);
        String data = DataDumpWriter.render(snap);

        String sample = Files.readString(SharedFiles.resolve("reference/keepalived-runs/keepalived.data.sample"),
                StandardCharsets.UTF_8);
        assertEquals(section(sample, "------< VRRP Scripts >------"), section(data, "------< VRRP Scripts >------"));
        assertTrue(data.contains("   Tracked scripts :\n     chk_a weight -60\n     chkz_a weight 0\n"), data);
        assertTrue(JsonDumpWriter.render(snap).contains(
                "\"track_script\":[\"'\\/tmp\\/rk\\/bin\\/chk.sh' 'a'\",\"'\\/tmp\\/rk\\/bin\\/chk.sh' 'za'\"]"),
                JsonDumpWriter.render(snap));
    }

    @Test
    void publishedReferencesShowAsTrackedLinesASectionAndInTheJson() throws Exception {
        InstancePlan p = plan();
        VrrpInstance v = started(p);
        Instant wall = Instant.ofEpochSecond(1_795_400_000L);
        ReferenceAddress gw = new ReferenceAddress("gw", InetAddress.getByName("10.77.0.254"), Optional.empty(),
                Duration.ofMillis(500), Duration.ofMillis(200), 2, 3, 0, new SourceLocation("t.conf", 1));
        ReferenceView view = new ReferenceView(gw, Optional.of("eth0"), ReferenceView.Standing.REACHABLE, 4,
                OptionalLong.of(1_234_567), 9, 2, List.of(new TrackScriptState.Tracking("VI_1", -5, false)));
        VrrpStateSnapshot snap = SnapshotBuilder.build(ConfiguredGlobals.defaults(),
                List.of(new SnapshotBuilder.Source(p, v, wall, false)), List.of(), List.of(view), 0, wall);
        String data = DataDumpWriter.render(snap);
        assertTrue(data.contains("   Tracked references :\n     gw weight -5\n"), data);
        assertEquals("""
                ------< VRRP References >------
                 VRRP Reference = gw
                   Address = 10.77.0.254
                   Interface = eth0
                   Interval = 0.5 sec
                   Timeout = 0.2 sec
                   Weight = 0
                   Rise = 2
                   Fall = 3
                   Result = 4
                   Status = REACHABLE
                   Last round trip = 1234 us
                   Echo requests = 9, missed = 2
                   Tracking instances :
                     VI_1, weight -5
                """, section(data, "------< VRRP References >------"));
        assertTrue(JsonDumpWriter.render(snap).contains("\"track_reference\":[\"gw\"]"), JsonDumpWriter.render(snap));
    }

    @Test
    void aScriptInItsFirstRunIsInitAndRunning() throws Exception {
        InstancePlan p = plan();
        VrrpInstance v = new VrrpInstance(p.settings());
        Instant wall = Instant.ofEpochSecond(1_795_400_000L);
        String data = DataDumpWriter.render(SnapshotBuilder.build(ConfiguredGlobals.defaults(),
                List.of(new SnapshotBuilder.Source(p, v, wall, false)),
                List.of(view("chk_a", "a", -60, 2, 2, 1, true, TrackScriptView.Phase.INIT)), 0, wall));
        String scripts = section(data, "------< VRRP Scripts >------");
        assertTrue(scripts.contains("   Result = 1\n"), scripts);
        assertTrue(scripts.contains("   Init state = INIT\n"), scripts);
        assertTrue(scripts.contains("   Status = BAD\n"), scripts);
        assertTrue(scripts.contains("   State = running\n"), scripts);
    }

    @Test
    void vipTextFollowsKeepalived() throws Exception {
        Vip v = new Vip(InetAddress.getByName("10.0.0.5"), 24, "eth1", Optional.of(InetAddress.getByName("10.0.0.255")),
                253, Optional.of("eth1:vip"), true);
        assertEquals("10.0.0.5/24 brd 10.0.0.255 dev eth1 scope link label eth1:vip noprefixroute set",
                SnapshotBuilder.vipText(v, true));
        // keepalived's format_ipaddress names an IPv6 address's preferred lifetime
        assertEquals("fd00::1/128 dev eth0 scope global preferred_lft forever",
                SnapshotBuilder.vipText(Vip.of(InetAddress.getByName("fd00::1"), "eth0"), false));
        assertEquals("fd00::1/128 dev eth0 scope global deprecated set", SnapshotBuilder.vipText(new Vip(
                InetAddress.getByName("fd00::1"), 128, "eth0", Optional.empty(), 0, Optional.empty(), false, 0), true));
        assertEquals("17", SnapshotBuilder.scopeName(17));
        // no_track goes before the lifetime and "set", as in format_ipaddress
        assertEquals("fd00::1/128 dev eth0 scope global no_track preferred_lft forever set",
                SnapshotBuilder.vipText(Vip.of(InetAddress.getByName("fd00::1"), "eth0"), true, true));
    }

    @Test
    void staticAndNoTrackAddressesShowAsKeepalivedDumpsThem() throws Exception {
        VrrpPlan all = ConfigMapping.plan(ConfigFixture.model(ConfigFixture.load0(
                "static_ipaddress {\n    10.9.0.1/32 dev eth1\n    10.9.0.2/24 dev eth1 no_track\n}\n"
                + CONFIG.replace("10.77.0.100/24\n", "10.77.0.100/24\n        10.77.0.101/24 no_track\n"))));
        assertEquals(List.of("10.9.0.1/32 dev eth1 scope global set", "10.9.0.2/24 dev eth1 scope global no_track set"),
                SnapshotBuilder.staticAddresses(all.statics()));
        InstancePlan p = all.instances().get(0).withPrimaryAddress(InetAddress.getByName("10.77.0.1"));
        Instant wall = Instant.ofEpochSecond(1_795_400_000L);
        assertEquals(List.of("10.77.0.100/24 dev eth0 scope global", "10.77.0.101/24 dev eth0 scope global no_track"),
                SnapshotBuilder.instance(new SnapshotBuilder.Source(p, started(p), wall, false), 0, wall)
                        .addresses().vips());
    }

    @Test
    void splitBrainStartMovesFromTheLoopClockToTheWallClock() throws Exception {
        io.javakeepalived.vrrp.SplitBrain sb = new io.javakeepalived.vrrp.SplitBrain(3, 10_000_000_000L,
                InetAddress.getByName("10.77.0.2"), 90, 100);
        Instant wallNow = Instant.parse("2026-12-07T00:00:10Z");
        assertEquals(new InstanceSnapshot.SplitBrainSeen(3, Instant.parse("2026-12-07T00:00:07.500Z"), "10.77.0.2",
                90, 100), SnapshotBuilder.splitBrain(sb, 12_500_000_000L, wallNow));
        assertEquals(InstanceSnapshot.SplitBrainSeen.NONE,
                SnapshotBuilder.splitBrain(io.javakeepalived.vrrp.SplitBrain.NONE, 12_500_000_000L, wallNow));
    }

    @Test
    void heartbeatPathsShowAsALineEachInTheDataFileAndAsAListTheExporterSkips() throws Exception {
        InstancePlan p = ConfigMapping.plan(ConfigFixture.model(ConfigFixture.load0(CONFIG.replace("    advert_int 1\n",
                "    advert_int 1\n    heartbeat_path eth1 10.0.1.2 10.0.1.3\n")))).instances().get(0)
                .withPrimaryAddress(InetAddress.getByName("10.77.0.1"));
        VrrpInstance v = started(p);
        Instant wall = Instant.ofEpochSecond(1_795_400_000L);
        VrrpStateSnapshot snap = SnapshotBuilder.build(ConfiguredGlobals.defaults(),
                List.of(new SnapshotBuilder.Source(p, v, wall, false, 13)), 0, wall);

        assertTrue(DataDumpWriter.render(snap).contains("   fd_in 13, fd_out 13\n"
                + "   Heartbeat path = eth1 peers 10.0.1.2 10.0.1.3\n"), DataDumpWriter.render(snap));
        String json = JsonDumpWriter.render(snap);
        assertTrue(json.contains("\"heartbeat_paths\":[\"eth1 peers 10.0.1.2 10.0.1.3\"]"), json);
        assertEquals("VI_1", ExporterJsonRules.parse(json).get(0).iname());
        // without a heartbeat path neither dump has a trace of one
        VrrpStateSnapshot plain = SnapshotBuilder.build(ConfiguredGlobals.defaults(),
                List.of(new SnapshotBuilder.Source(plan(), started(plan()), wall, false, 13)), 0, wall);
        assertFalse(DataDumpWriter.render(plain).contains("Heartbeat path"));
        assertFalse(JsonDumpWriter.render(plain).contains("heartbeat_paths"));
    }

    @Test
    void notifyScriptsAndTrackedInterfacesShowAsKeepalivedDumpsThem() throws Exception {
        String config = "vrrp_sync_group G1 {\n    group {\n        VI_1\n    }\n"
                + "    track_interface {\n        eth1\n    }\n}\n"
                + CONFIG.replace("    advert_int 1\n", "    advert_int 1\n"
                + "    notify_master \"/bin/sh master\"\n    notify_backup \"/bin/sh backup\"\n"
                + "    notify \"/bin/sh any\"\n    smtp_alert\n");
        InstancePlan p = ConfigMapping.plan(ConfigFixture.model(ConfigFixture.load0(config))).instances().get(0)
                .withPrimaryAddress(InetAddress.getByName("10.77.0.1"));
        Instant wall = Instant.ofEpochSecond(1_795_400_000L);
        VrrpStateSnapshot snap = SnapshotBuilder.build(ConfiguredGlobals.defaults(),
                List.of(new SnapshotBuilder.Source(p, started(p), wall, false, 13)), 0, wall);

        String data = DataDumpWriter.render(snap);
        assertTrue(data.contains("""
                   fd_in 13, fd_out 13
                   Tracked interfaces :
                     eth1 weight 0
                   Using smtp notification = yes
                   Notify deleted = Fault
                   Backup state transition script = '/bin/sh' 'backup', uid:gid 0:0
                   Master state transition script = '/bin/sh' 'master', uid:gid 0:0
                   Generic state transition script = '/bin/sh' 'any', uid:gid 0:0
                   Notify priority changes = false
                """), data);
        String json = JsonDumpWriter.render(snap);
        assertTrue(json.contains("\"script_master\":\"'\\/bin\\/sh' 'master'\""), json);
        assertTrue(json.contains("\"track_ifp\":[\"eth1\"]"), json);
    }
}
