package io.javakeepalived.config.bind;

import static io.javakeepalived.testsupport.ConfigFixture.assertClean;
import static io.javakeepalived.testsupport.ConfigFixture.assertNotReported;
import static io.javakeepalived.testsupport.ConfigFixture.assertReported;
import static io.javakeepalived.testsupport.ConfigFixture.instance;
import static io.javakeepalived.testsupport.ConfigFixture.model;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.config.ConfigErrorKind;
import io.javakeepalived.config.load.LoadResult;
import io.javakeepalived.config.model.KeepalivedConfig;
import io.javakeepalived.config.model.ScriptCommand;
import io.javakeepalived.config.model.TrackFile;
import io.javakeepalived.config.model.TrackProcess;
import io.javakeepalived.config.model.TrackedObject;
import io.javakeepalived.config.model.VrrpScript;
import io.javakeepalived.testsupport.ConfigFixture;
import io.javakeepalived.testsupport.FakeFileSystem;
import io.javakeepalived.testsupport.FakeUsers;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/** vrrp_script, script security, track_* objects and the trackers that reference them. */
class ScriptsAndTrackersTest {

    private static final String SECURE = "global_defs {\n enable_script_security\n script_user root\n}\n";

    private static FakeFileSystem fs() {
        return FakeFileSystem.typicalHost().file("/etc/keepalived/check.sh", 0, 0, 0755)
                .dir("/home/joe", 1000, 1000, 0755).file("/home/joe/check.sh", 1000, 1000, 0755)
                .dir("/srv/open", 0, 0, 0777).file("/srv/open/check.sh", 0, 0, 0755)
                .dir("/tmp", 0, 0, 01777).file("/tmp/check.sh", 0, 0, 0755)
                .file("/etc/keepalived/world.sh", 0, 0, 0757)
                .file("/etc/keepalived/noexec.sh", 0, 0, 0644)
                .symlink("/usr/local/bin/chk", "/etc/keepalived/check.sh");
    }

    private static LoadResult load(String text) {
        return ConfigFixture.host().files(fs()).load(text);
    }

    private static String script(String name, String cmd, String... extra) {
        StringBuilder sb = new StringBuilder("vrrp_script " + name + " {\n script \"" + cmd + "\"\n");
        for (String e : extra) {
            sb.append(' ').append(e).append('\n');
        }
        return sb.append("}\n").toString();
    }

    private static String tracking(String... names) {
        StringBuilder sb = new StringBuilder("vrrp_instance VI_1 {\n interface eth0\n virtual_router_id 1\n"
                + " virtual_ipaddress {\n 10.0.0.1\n }\n track_script {\n");
        for (String n : names) {
            sb.append(' ').append(n).append('\n');
        }
        return sb.append(" }\n}\n").toString();
    }

    @Test
    void scriptDefaultsAndKeywords() {
        LoadResult r = load(SECURE + script("chk", "/etc/keepalived/check.sh 'a b' c", "interval 2", "timeout 3",
                "weight -20 reverse", "rise 2", "fall 3", "init_fail", "user root") + tracking("chk"));
        assertClean(r);
        VrrpScript s = model(r).script("chk").orElseThrow();
        assertEquals(List.of("/etc/keepalived/check.sh", "a b", "c"), s.script().argv());
        assertEquals("/etc/keepalived/check.sh 'a b' c", s.script().configured());
        assertEquals(Duration.ofSeconds(2), s.interval());
        assertEquals(Duration.ofSeconds(3), s.timeout());
        assertEquals(-20, s.weight());
        assertTrue(s.weightReverse());
        assertEquals(2, s.rise());
        assertEquals(3, s.fall());
        assertTrue(s.initFail());
        assertEquals(0, s.script().uid());
        TrackedObject t = instance(r, "VI_1").trackers().scripts().get(0);
        assertEquals(-20, t.weight(), "a tracker takes the script's weight by default");
        assertTrue(t.reverse());
    }

    @Test
    void scriptDefaultsWhenOmitted() {
        LoadResult r = load(SECURE + script("chk", "/etc/keepalived/check.sh") + tracking("chk weight 10"));
        assertClean(r);
        VrrpScript s = model(r).script("chk").orElseThrow();
        assertEquals(Duration.ofSeconds(1), s.interval());
        assertEquals(Duration.ZERO, s.timeout(), "unset, as keepalived keeps it (a run gets the interval)");
        assertEquals(0, s.weight());
        assertEquals(1, s.rise());
        assertEquals(1, s.fall());
        assertEquals(10, instance(r, "VI_1").trackers().scripts().get(0).weight());
    }

    @Test
    void scriptValueFallbacks() {
        LoadResult r = load(SECURE + script("chk", "/etc/keepalived/check.sh", "interval 0", "timeout 0",
                "weight 300", "rise 0", "fall x"));
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "vrrp script interval must be greater than 0, setting to 1");
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "vrrp script timeout must be greater than 0, setting to 1");
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "weight 300 must be in [-253, 253]");
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "rise value '0' invalid, defaulting to 1");
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "fall value 'x' invalid, defaulting to 1");
        VrrpScript s = model(r).script("chk").orElseThrow();
        assertEquals(0, s.weight());
        assertEquals(Duration.ofSeconds(1), s.interval());
    }

    @Test
    void scriptWithoutCommandIsRemoved() {
        LoadResult r = load("vrrp_script chk {\n interval 2\n}\n" + tracking("chk"));
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "No script set for vrrp_script chk");
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "track script chk not found");
        assertTrue(model(r).scripts().isEmpty());
    }

    @Test
    void scriptUserThatDoesNotExistRemovesTheScript() {
        LoadResult r = load(script("chk", "/etc/keepalived/check.sh", "user nobody") + tracking("chk"));
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "Unable to set uid/gid for script");
        assertTrue(model(r).scripts().isEmpty());
    }

    @Test
    void scriptsAsRootWithoutScriptSecurityAreAViolation() {
        LoadResult r = load(script("chk", "/etc/keepalived/check.sh") + tracking("chk"));
        assertReported(r, ConfigErrorKind.SECURITY_ERROR, "SECURITY VIOLATION - scripts are being executed but"
                + " script_security not enabled.");
        assertEquals(6, r.exitCode());
        assertEquals(1, model(r).scripts().size(), "without script security the script still runs");
    }

    @Test
    void bareNamesAreFoundByPath() {
        LoadResult r = load(SECURE + script("chk", "killall -0 sshd") + tracking("chk"));
        assertClean(r);
        assertEquals("/usr/bin/killall", model(r).script("chk").orElseThrow().script().program());
        LoadResult missing = load(SECURE + script("chk", "nosuchtool -x") + tracking("chk"));
        assertReported(missing, ConfigErrorKind.GENERAL_ERROR, "Disabling track script chk since not"
                + " found/accessible");
        assertTrue(model(missing).scripts().isEmpty());
        assertTrue(instance(missing, "VI_1").trackers().scripts().isEmpty());
    }

    @Test
    void openTestsAreNotScripts() {
        LoadResult r = load(script("chk", "</dev/tcp/127.0.0.1/80") + tracking("chk"));
        assertClean(r);
    }

    @Test
    void missingScriptFileIsDisabled() {
        LoadResult r = load(script("chk", "/etc/keepalived/absent.sh") + tracking("chk"));
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "Disabling track script chk since not found/accessible");
        assertEquals(5, r.exitCode(), "nothing that exists runs as root: no security violation");
    }

    @Test
    void withScriptSecurityInsecurePathsAreRefused() {
        for (String path : List.of("/home/joe/check.sh", "/srv/open/check.sh", "/etc/keepalived/world.sh")) {
            LoadResult r = load(SECURE + script("chk", path) + tracking("chk"));
            assertReported(r, ConfigErrorKind.GENERAL_ERROR, "Disabling track script chk due to insecure");
            assertTrue(model(r).scripts().isEmpty(), path);
            assertEquals(5, r.exitCode(), path);
        }
        LoadResult sticky = load(SECURE + script("chk", "/tmp/check.sh") + tracking("chk"));
        assertClean(sticky);
    }

    @Test
    void withoutScriptSecurityInsecureScriptsAreReportedAsInsecure() {
        LoadResult r = load(script("chk", "/home/joe/check.sh") + tracking("chk"));
        assertReported(r, ConfigErrorKind.SECURITY_ERROR, "There are insecure scripts.");
        assertEquals(6, r.exitCode());
    }

    @Test
    void nonRootScriptUserNeedsNoPathChecks() {
        LoadResult r = ConfigFixture.host().files(fs()).users(new FakeUsers().user("keepalived_script", 900, 900))
                .load("global_defs {\n enable_script_security\n}\n" + script("chk", "/home/joe/check.sh")
                        + tracking("chk"));
        assertClean(r);
        ScriptCommand s = model(r).script("chk").orElseThrow().script();
        assertEquals(900, s.uid());
    }

    @Test
    void scriptSecurityWithoutKeepalivedScriptUserDropsScripts() {
        LoadResult r = load("global_defs {\n enable_script_security\n}\n" + script("chk", "/etc/keepalived/check.sh")
                + tracking("chk"));
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "Unable to set default user keepalived_script");
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "Unable to set default user for vrrp script chk");
        assertTrue(model(r).scripts().isEmpty());
    }

    @Test
    void notExecutableScriptIsDroppedSilently() {
        LoadResult r = load(SECURE + script("chk", "/etc/keepalived/noexec.sh") + tracking("chk"));
        assertEquals(0, r.exitCode());
        assertTrue(model(r).scripts().isEmpty());
    }

    @Test
    void symlinkedScriptIsResolved() {
        LoadResult r = load(SECURE + script("chk", "/usr/local/bin/chk") + tracking("chk"));
        assertClean(r);
        assertEquals("/etc/keepalived/check.sh", model(r).script("chk").orElseThrow().script().program(),
                "/etc/keepalived/chk is not the same file, so the real path is used");
        FakeFileSystem same = fs().symlink("/etc/keepalived/chk", "check.sh");
        LoadResult r2 = ConfigFixture.host().files(same).load(SECURE + script("chk", "/usr/local/bin/chk")
                + tracking("chk"));
        assertClean(r2);
        assertEquals("/etc/keepalived/chk", model(r2).script("chk").orElseThrow().script().program(),
                "keepalived keeps the configured file name in the resolved directory when that is the same file");
    }

    @Test
    void notifyScriptsAreCheckedButMissingOnesAreSilent() {
        LoadResult r = load(ConfigFixture.instance("VI_1", "notify_master /usr/local/bin/missing.sh",
                "notify_backup /etc/keepalived/check.sh"));
        assertReported(r, ConfigErrorKind.SECURITY_ERROR, "SECURITY VIOLATION");
        assertTrue(instance(r, "VI_1").notifyScripts().master().isEmpty());
        assertEquals("/etc/keepalived/check.sh", instance(r, "VI_1").notifyScripts().backup().orElseThrow().program());
    }

    @Test
    void notifyLineUserAndGroup() {
        LoadResult r = ConfigFixture.host().files(fs()).users(new FakeUsers().user("ka", 901, 901).group("kg", 902))
                .load(SECURE + ConfigFixture.instance("VI_1", "notify \"/etc/keepalived/check.sh x\" ka kg"));
        assertClean(r);
        ScriptCommand s = instance(r, "VI_1").notifyScripts().generic().orElseThrow();
        assertEquals("ka", s.user().orElseThrow());
        assertEquals(901, s.uid());
        assertEquals(902, s.gid());
        assertEquals(List.of("/etc/keepalived/check.sh", "x"), s.argv());
    }

    @Test
    void startupScriptWithoutSecurity() {
        LoadResult r = load("global_defs {\n startup_script /etc/keepalived/check.sh\n}\n");
        assertReported(r, ConfigErrorKind.SECURITY_ERROR, "start/shutdown scripts");
        assertEquals(10, model(r).global().startupScriptTimeout());
    }

    @Test
    void trackFileAndDeprecatedAlias() {
        LoadResult r = load("track_file tf {\n file /run/tf\n weight -3 reverse\n init_file 5 overwrite\n}\n"
                + "vrrp_track_file old {\n file /run/old\n}\n" + ConfigFixture.instance("VI_1", "track_file {", "tf",
                "old weight 2 noreverse", "missing", "}"));
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "(VI_1) track file missing not found");
        assertEquals(5, r.exitCode());
        KeepalivedConfig c = model(r);
        TrackFile tf = c.trackFiles().get(0);
        assertEquals("/run/tf", tf.path());
        assertEquals(-3, tf.weight());
        assertTrue(tf.weightReverse());
        assertEquals(new TrackFile.Init(5, true), tf.init().orElseThrow());
        assertEquals(1, c.trackFiles().get(1).weight());
        List<TrackedObject> t = instance(r, "VI_1").trackers().files();
        assertEquals(-3, t.get(0).weight());
        assertEquals(2, t.get(1).weight());
        assertNotReported(r, "vrrp_track_file");
    }

    @Test
    void trackFileWithoutFileIsIgnored() {
        LoadResult r = load("track_file tf {\n weight 2\n}\n");
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "No file set for track_file tf");
        assertTrue(model(r).trackFiles().isEmpty());
    }

    @Test
    void trackProcess() {
        LoadResult r = load("vrrp_track_process haproxy {\n process haproxy -f /etc/h.cfg\n weight 10\n quorum 2\n"
                + " quorum_max 4\n delay 1.5\n}\n" + ConfigFixture.instance("VI_1", "track_process {", "haproxy", "}"));
        assertClean(r);
        TrackProcess p = model(r).trackProcesses().get(0);
        assertEquals("haproxy", p.process());
        assertEquals(List.of("-f", "/etc/h.cfg"), p.parameters());
        assertEquals(TrackProcess.ParamMatch.EXACT, p.paramMatch());
        assertTrue(p.fullCommand());
        assertEquals(2, p.quorum());
        assertEquals(4, p.quorumMax().orElseThrow());
        assertEquals(Duration.ofMillis(1500), p.terminateDelay().orElseThrow());
        assertEquals(Duration.ofMillis(1500), p.forkDelay().orElseThrow());
        assertEquals(10, instance(r, "VI_1").trackers().processes().get(0).weight());
        LoadResult noProc = load("vrrp_track_process p {\n weight 1\n}\n");
        assertReported(noProc, ConfigErrorKind.GENERAL_ERROR, "process name not specified");
    }

    @Test
    void trackInterfaceWeights() {
        LoadResult r = load(ConfigFixture.instance("VI_1", "track_interface {", "eth1 weight 254", "eth1",
                "eth9 weight 2", "lo weight", "}"));
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "cannot be +/-254. Setting to +/-253");
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "duplicate track_interface eth1");
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "tracked interface eth9 doesn't exist");
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "weight without value specified for track_interface lo");
        assertEquals(253, instance(r, "VI_1").trackers().interfaces().get(0).weight());
    }

    @Test
    void bfdInstanceAndTracking() {
        LoadResult r = load("bfd_instance b1 {\n neighbor_ip 10.0.0.9\n min_rx 50\n multiplier 3\n weight 5\n}\n"
                + ConfigFixture.instance("VI_1", "track_bfd {", "b1", "b2", "}"));
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "track bfd b2 not found");
        assertEquals(50, model(r).bfdInstances().get(0).minRx());
        assertEquals(5, instance(r, "VI_1").trackers().bfds().get(0).weight());
        assertReported(load("bfd_instance b {\n min_rx 5\n}\n"), ConfigErrorKind.GENERAL_ERROR, "has no neighbor_ip");
    }

    @Test
    void staticTrackGroupAndGarpGroup() {
        LoadResult r = load("track_group tg {\n group {\n VI_1\n }\n}\nstatic_ipaddress {\n 10.5.5.5/24 dev eth1"
                + " track_group tg\n 10.5.5.6/24 dev eth1 track_group nope\n}\ngarp_group {\n garp_interval 0.01\n"
                + " interfaces {\n eth0\n eth1\n }\n}\ngarp_group {\n interface eth0\n}\n");
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "track_group nope not found");
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "garp_group already specified for eth0");
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "garp group does not have any delay set");
        KeepalivedConfig c = model(r);
        assertEquals("tg", c.staticAddresses().get(0).trackGroup().orElseThrow());
        assertEquals(List.of("eth0", "eth1"), c.garpGroups().get(0).interfaces());
        assertEquals(Duration.ofMillis(10), c.garpGroups().get(0).garpInterval().orElseThrow());
        assertEquals(1, c.garpGroups().size());
        assertTrue(c.trackGroups().isEmpty(), "its only member VI_1 does not exist (keepalived only logs that)");
        assertEquals(5, r.exitCode());
    }

    @Test
    void perInterfaceBlocksNeedExistingInterfaces() {
        LoadResult r = load("linkbeat_interfaces {\n eth0 MII\n eth5\n}\ninterface_up_down_delays {\n eth1 0.5 1\n}\n");
        assertReported(r, ConfigErrorKind.FATAL, "unknown interface eth5 specified for linkbeat interface");
        KeepalivedConfig c = model(r);
        assertEquals("MII", c.linkbeatInterfaces().get(0).linkbeatMethod().orElseThrow());
        assertEquals(Duration.ofMillis(500), c.interfaceDelays().get(0).downDelay().orElseThrow());
        assertEquals(Duration.ofSeconds(1), c.interfaceDelays().get(0).upDelay().orElseThrow());
        assertEquals(4, r.exitCode());
    }
}
