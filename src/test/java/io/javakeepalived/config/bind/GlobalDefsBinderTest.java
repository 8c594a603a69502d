package io.javakeepalived.config.bind;

import static io.javakeepalived.testsupport.ConfigFixture.assertClean;
import static io.javakeepalived.testsupport.ConfigFixture.assertReported;
import static io.javakeepalived.testsupport.ConfigFixture.model;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.config.ConfigErrorKind;
import io.javakeepalived.config.load.LoadResult;
import io.javakeepalived.config.model.GlobalDefs;
import io.javakeepalived.config.model.ProcessScheduling;
import io.javakeepalived.config.model.TopLevel;
import io.javakeepalived.testsupport.ConfigFixture;
import io.javakeepalived.testsupport.FakeUsers;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/** global_defs and the top-level keywords. */
class GlobalDefsBinderTest {

    private static LoadResult load(String text) {
        return ConfigFixture.load0(text);
    }

    private static GlobalDefs global(String body) {
        LoadResult r = load("global_defs {\n" + body + "\n}\n");
        return model(r).global();
    }

    @Test
    void defaults() {
        LoadResult r = load("");
        assertClean(r);
        GlobalDefs g = model(r).global();
        assertTrue(g.routerId().isEmpty(), "empty = host name");
        assertEquals(Duration.ofSeconds(30), g.smtpConnectTimeout());
        assertEquals("eth0", g.defaultInterface());
        assertEquals(2, g.vrrp().version());
        assertEquals("224.0.0.18", g.vrrp().mcastGroup4().getHostAddress());
        assertEquals(Duration.ofSeconds(5), g.vrrp().garpMasterDelay());
        assertEquals(5, g.vrrp().garpMasterRepeat());
        assertEquals(Duration.ZERO, g.vrrp().garpMasterRefresh());
        assertEquals(1, g.vrrp().garpMasterRefreshRepeat());
        assertEquals(Duration.ZERO, g.vrrp().garpInterval());
        assertEquals(3, g.vrrp().downTimerAdverts());
        assertFalse(g.vrrp().strict());
        assertFalse(g.enableScriptSecurity());
        assertEquals(0, g.maxAutoPriority());
        assertEquals(10, g.startupScriptTimeout());
        assertEquals(GlobalDefs.FlushOnStop.NONE, g.lvs().flushOnStop());
        assertEquals(TopLevel.DEFAULT, model(r).topLevel());
    }

    @Test
    void mailSettings() {
        GlobalDefs g = global(" notification_email {\n a@b\n c@d e@f\n }\n notification_email_from k@x\n"
                + " smtp_server 192.168.200.1 2525\n smtp_helo_name me\n smtp_connect_timeout 12\n router_id R1\n"
                + " smtp_alert\n smtp_alert_checker off");
        assertEquals(List.of("a@b", "c@d", "e@f"), g.notificationEmails());
        assertEquals("k@x", g.notificationEmailFrom().orElseThrow());
        assertEquals(new GlobalDefs.SmtpServer("192.168.200.1", 2525), g.smtpServer().orElseThrow());
        assertEquals("me", g.smtpHeloName().orElseThrow());
        assertEquals(Duration.ofSeconds(12), g.smtpConnectTimeout());
        assertEquals("R1", g.routerId().orElseThrow());
        assertTrue(g.smtpAlert().orElseThrow());
        assertFalse(g.smtpAlertChecker().orElseThrow());
        assertTrue(g.smtpAlertVrrp().isEmpty());
    }

    @Test
    void smtpServerMayBeAName() {
        assertEquals("mail.example.com", global(" smtp_server mail.example.com").smtpServer().orElseThrow().host());
        LoadResult bad = load("global_defs {\n smtp_server 1.2.3.4 99999\n}\n");
        assertReported(bad, ConfigErrorKind.GENERAL_ERROR, "Invalid smtp server");
    }

    @Test
    void smtpConnectTimeoutZeroBecomesOne() {
        LoadResult r = load("global_defs {\n smtp_connect_timeout 0\n}\n");
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "must be greater than 0 - using 1");
        assertEquals(Duration.ofSeconds(1), model(r).global().smtpConnectTimeout());
    }

    @Test
    void garpIntervalZeroIsRejectedLike227() {
        LoadResult r = load("global_defs {\n vrrp_garp_interval 0\n vrrp_gna_interval 0.001\n}\n");
        assertReported(r, ConfigErrorKind.INVALID_NUMBER, "number '0' outside range [0.000001, 4294.967295]");
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "vrrp_garp_interval '0' is invalid");
        assertEquals(Duration.ZERO, model(r).global().vrrp().garpInterval());
        assertEquals(Duration.ofMillis(1), model(r).global().vrrp().gnaInterval());
        assertEquals(5, r.exitCode());
    }

    @Test
    void vrrpGlobals() {
        GlobalDefs g = global(" vrrp_version 3\n vrrp_mcast_group4 224.0.0.20\n vrrp_mcast_group6 ff02::13\n"
                + " vrrp_garp_master_delay 2\n vrrp_garp_master_repeat 3\n vrrp_garp_master_refresh 30\n"
                + " vrrp_garp_master_refresh_repeat 2\n vrrp_garp_lower_prio_delay 4\n vrrp_garp_lower_prio_repeat 1\n"
                + " vrrp_down_timer_adverts 4\n vrrp_strict\n vrrp_skip_check_adv_addr\n vrrp_check_unicast_src\n"
                + " vrrp_lower_prio_no_advert\n vrrp_higher_prio_send_advert true\n vrrp_startup_delay 5.5\n"
                + " vrrp_garp_extra_if all 10\n log_unknown_vrids\n vmac_prefix vm");
        GlobalDefs.VrrpGlobals v = g.vrrp();
        assertEquals(3, v.version());
        assertEquals("224.0.0.20", v.mcastGroup4().getHostAddress());
        assertEquals(Duration.ofSeconds(2), v.garpMasterDelay());
        assertEquals(3, v.garpMasterRepeat());
        assertEquals(Duration.ofSeconds(30), v.garpMasterRefresh());
        assertEquals(2, v.garpMasterRefreshRepeat());
        assertEquals(Duration.ofSeconds(4), v.garpLowerPrioDelay());
        assertEquals(1, v.garpLowerPrioRepeat());
        assertEquals(4, v.downTimerAdverts());
        assertTrue(v.strict() && v.skipCheckAdvAddr() && v.checkUnicastSrc() && v.lowerPrioNoAdvert()
                && v.higherPrioSendAdvert() && v.logUnknownVrids() && v.garpExtraIfAll());
        assertEquals(Duration.ofMillis(5500), v.startupDelay());
        assertEquals(10, v.garpExtraIfInterval());
        assertEquals("vm", v.vmacPrefix().orElseThrow());
    }

    @Test
    void mcastGroupChecks() {
        assertReported(load("global_defs {\n vrrp_mcast_group4 10.0.0.1\n}\n"), ConfigErrorKind.GENERAL_ERROR,
                "is not multicast");
        assertReported(load("global_defs {\n vrrp_mcast_group4 ff02::12\n}\n"), ConfigErrorKind.GENERAL_ERROR,
                "is not IPv4");
        assertReported(load("global_defs {\n vrrp_mcast_group6 ff05::12\n}\n"), ConfigErrorKind.WARNING,
                "should be link-local multicast");
    }

    @Test
    void minGarpOnlyOverridesDefaults() {
        GlobalDefs g = global(" vrrp_garp_master_repeat 3\n vrrp_min_garp");
        assertTrue(g.vrrp().minGarp());
        assertEquals(3, g.vrrp().garpMasterRepeat(), "an explicit value is kept");
        assertEquals(Duration.ZERO, g.vrrp().garpMasterDelay());
        assertEquals(0, g.vrrp().garpMasterRefreshRepeat());
    }

    @Test
    void versionOutOfRange() {
        LoadResult r = load("global_defs {\n vrrp_version 4\n}\n");
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "vrrp_version must be either 2 or 3");
        assertEquals(2, model(r).global().vrrp().version());
    }

    @Test
    void maxAutoPriority() {
        assertEquals(99, global(" max_auto_priority").maxAutoPriority());
        assertEquals(-1, global(" max_auto_priority -1").maxAutoPriority());
        assertReported(load("global_defs {\n max_auto_priority 100\n}\n"), ConfigErrorKind.GENERAL_ERROR,
                "must be in [0, 99]");
    }

    @Test
    void scriptUserMustExist() {
        LoadResult r = load("global_defs {\n script_user nobody\n}\n");
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "Error setting global script uid/gid");
        LoadResult ok = ConfigFixture.host().users(new FakeUsers().user("ka", 900, 900).group("kag", 901))
                .load("global_defs {\n script_user ka kag\n enable_script_security\n}\n");
        assertClean(ok);
        GlobalDefs g = model(ok).global();
        assertEquals(new GlobalDefs.ScriptUser("ka", java.util.Optional.of("kag")), g.scriptUser().orElseThrow());
        assertTrue(g.enableScriptSecurity());
    }

    @Test
    void lvsSettings() {
        GlobalDefs g = global(" lvs_timeouts tcp 7200 tcpfin 120 udp 300\n lvs_flush\n lvs_flush_on_stop VS\n"
                + " lvs_sync_daemon eth1 VI_1 id 10 port 8849 ttl 2 group 224.0.0.82");
        assertEquals(7200, g.lvs().tcpTimeout().getAsInt());
        assertEquals(120, g.lvs().tcpFinTimeout().getAsInt());
        assertEquals(300, g.lvs().udpTimeout().getAsInt());
        assertTrue(g.lvs().flush());
        assertEquals(GlobalDefs.FlushOnStop.VS, g.lvs().flushOnStop());
        GlobalDefs.LvsSyncDaemon s = g.lvs().syncDaemon().orElseThrow();
        assertEquals("eth1", s.interfaceName());
        assertEquals("VI_1", s.instance().orElseThrow());
        assertEquals(10, s.syncId().getAsInt());
        assertEquals(8849, s.port().getAsInt());
        assertEquals("224.0.0.82", s.group().orElseThrow().getHostAddress());
        assertReported(load("global_defs {\n lvs_timeouts tcp\n}\n"), ConfigErrorKind.GENERAL_ERROR,
                "requires at least one option");
    }

    @Test
    void schedulingKeywordsGoToTheirLoopThreads() {
        GlobalDefs g = global(" vrrp_priority -5\n vrrp_rt_priority 120\n vrrp_rlimit_rttime 1\n vrrp_no_swap\n"
                + " vrrp_cpu_affinity 1 0 1\n checker_priority 7\n checker_cpu_affinity 0\n"
                + " bfd_rt_priority 3");
        assertEquals(new ProcessScheduling(-5, 99, 2, true, List.of(0, 1)), g.vrrpScheduling());
        assertEquals(new ProcessScheduling(7, 0, ProcessScheduling.DEFAULT_REALTIME_LIMIT, false, List.of(0)),
                g.checkerScheduling());
        assertEquals(ProcessScheduling.DEFAULT, global("").vrrpScheduling());
    }

    @Test
    void aBadCpuDropsTheWholeAffinitySet() {
        LoadResult r = load("global_defs {\n vrrp_cpu_affinity 0 x\n}\n");
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "Invalid cpu_id:x specified for vrrp process");
        assertEquals(List.of(), model(r).global().vrrpScheduling().cpus());
        assertReported(load("global_defs {\n checker_cpu_affinity\n}\n"), ConfigErrorKind.GENERAL_ERROR,
                "No checker cpu_id set specified");
    }

    @Test
    void acceptedAndIgnoredKeywordsAreRecorded() {
        LoadResult r = load("global_defs {\n enable_snmp_vrrp\n vrrp_no_swap\n vrrp_priority -5\n"
                + " checker_rt_priority 120\n vrrp_rlimit_rtime 5000\n}\n");
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "greater than maximum 99 - setting to maximum");
        GlobalDefs g = model(r).global();
        assertEquals(List.of(), g.otherSettings().get("enable_snmp_vrrp"));
        assertEquals(List.of("-5"), g.otherSettings().get("vrrp_priority"));
        assertEquals(List.of("99"), g.otherSettings().get("checker_rt_priority"));
        assertTrue(g.otherSettings().containsKey("vrrp_rlimit_rtime"));
    }

    @Test
    void vrrpIptablesIsNotSupported() {
        LoadResult r = load("global_defs {\n vrrp_iptables\n}\n");
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "iptables not supported, using nftables instead");
        assertEquals("keepalived", model(r).global().vrrp().nftablesTable().orElseThrow());
        assertReported(load("global_defs {\n vrrp_ipsets k\n}\n"), ConfigErrorKind.UNKNOWN_KEYWORD, "vrrp_ipsets");
    }

    @Test
    void deprecatedGarpExtraIfAlias() {
        LoadResult r = load("global_defs {\n vrrp_vmac_garp_intvl 5\n}\n");
        assertReported(r, ConfigErrorKind.DEPRECATED, "please use \"vrrp_garp_extra_if\"");
        assertEquals(5, model(r).global().vrrp().garpExtraIfInterval());
    }

    @Test
    void notifyFifos() {
        LoadResult r = ConfigFixture.host().users(new FakeUsers().user("keepalived_script", 900, 900))
                .load("global_defs {\n notify_fifo /run/k.fifo\n vrrp_notify_fifo /run/v.fifo root\n}\n");
        assertClean(r);
        GlobalDefs.Fifos f = model(r).global().fifos();
        assertEquals("/run/k.fifo", f.all().orElseThrow().path());
        assertEquals("root", f.vrrp().orElseThrow().user().orElseThrow());
        assertReported(load("global_defs {\n notify_fifo\n}\n"), ConfigErrorKind.GENERAL_ERROR,
                "No notify_fifo name specified");
    }

    @Test
    void topLevelKeywords() {
        LoadResult r = load("use_pid_dir\ninstance i1\nchild_wait_time 9\nnet_namespace_ipvs\nlinkbeat_use_polling\n"
                + "instance i2\n");
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "Duplicate instance definition i2");
        TopLevel t = model(r).topLevel();
        assertTrue(t.usePidDir());
        assertEquals("i1", t.instanceName().orElseThrow());
        assertEquals(9, t.childWaitTime().getAsInt());
        assertEquals("", t.netNamespaceIpvs().orElseThrow());
        assertTrue(t.linkbeatUsePolling());
    }
}
