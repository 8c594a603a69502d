package io.javakeepalived.config.bind;

import static io.javakeepalived.testsupport.ConfigFixture.assertReported;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.config.ConfigErrorKind;
import io.javakeepalived.config.Diagnostic;
import io.javakeepalived.config.load.LoadResult;
import io.javakeepalived.testsupport.ConfigFixture;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Missing parameters (fatal, exit 2), unknown keywords, misplaced blocks. */
class FatalAndUnknownTest {

    private static LoadResult load(String text) {
        return ConfigFixture.load0(text);
    }

    @Test
    void missingPriorityIsFatalWithFileLineAndExpectation() {
        LoadResult r = load("vrrp_instance VI_1 {\n    interface eth0\n    priority\n}\n");
        assertTrue(r.fatal());
        assertEquals(2, r.exitCode());
        assertTrue(r.config().isEmpty());
        Diagnostic d = r.diagnostics().all().get(r.diagnostics().all().size() - 1);
        assertEquals(ConfigErrorKind.MISSING_PARAMETER, d.kind());
        assertEquals(3, d.location().line());
        assertTrue(d.toString().matches(".*keepalived\\.conf:3: keyword 'priority' is missing its parameter, expected"
                + " an integer 1-255"), d.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"state", "interface", "virtual_router_id", "advert_int", "version", "unicast_ttl",
        "mcast_src_ip", "unicast_src_ip", "preempt_delay", "debug", "notify_master", "notify", "garp_master_delay",
        "garp_master_repeat", "down_timer_adverts", "lvs_sync_daemon_interface"})
    void instanceKeywordsWhoseParameterKeepalivedReadsUnconditionally(String keyword) {
        LoadResult r = load("vrrp_instance VI_1 {\n interface eth0\n " + keyword + "\n}\n");
        assertEquals(2, r.exitCode(), keyword);
        assertTrue(r.diagnostics().all().get(r.diagnostics().all().size() - 1).message()
                .startsWith("keyword '" + keyword + "' is missing"), keyword);
    }

    @ParameterizedTest
    @ValueSource(strings = {"smtp_connect_timeout", "vrrp_mcast_group4", "vrrp_garp_interval", "vrrp_version",
        "vrrp_garp_master_delay", "process_name", "umask", "random_seed", "smtp_server"})
    void globalKeywordsWhoseParameterIsRequired(String keyword) {
        assertEquals(2, load("global_defs {\n " + keyword + "\n}\n").exitCode(), keyword);
    }

    @ParameterizedTest
    @ValueSource(strings = {"router_id", "notification_email_from", "script_user", "default_interface",
        "lvs_sync_daemon", "notify_fifo", "max_auto_priority", "smtp_alert", "dynamic_interfaces"})
    void globalKeywordsThatOnlyComplain(String keyword) {
        assertFalse(load("global_defs {\n " + keyword + "\n}\n").fatal(), keyword);
    }

    @Test
    void blockKeywordsWithoutNameAreFatalWhereKeepalivedReadsTheName() {
        for (String block : List.of("vrrp_script", "track_file", "vrrp_track_file", "vrrp_track_process",
                "virtual_server", "virtual_server_group", "bfd_instance")) {
            LoadResult r = load(block + " {\n}\n");
            assertEquals(2, r.exitCode(), block);
        }
        for (String block : List.of("vrrp_instance", "vrrp_sync_group", "track_group")) {
            LoadResult r = load(block + " {\n}\n");
            assertEquals(5, r.exitCode(), block + " only complains");
        }
    }

    @Test
    void fatalStopsAtOnce() {
        LoadResult r = load("global_defs {\n vrrp_version\n}\nbogus_keyword\n");
        assertTrue(r.fatal());
        assertTrue(r.diagnostics().all().stream().noneMatch(d -> d.kind() == ConfigErrorKind.UNKNOWN_KEYWORD));
    }

    @Test
    void unknownKeywordIsReportedAndSkippedWithItsBlock() {
        LoadResult r = load("global_defs {\n router_id a\n use_pid_dir\n}\nvrrp_foo x {\n priority\n}\n"
                + ConfigFixture.instance("VI_1", "colour blue"));
        Diagnostic pid = assertReported(r, ConfigErrorKind.UNKNOWN_KEYWORD, "Unknown keyword 'use_pid_dir'");
        assertEquals(3, pid.location().line());
        assertReported(r, ConfigErrorKind.UNKNOWN_KEYWORD, "Unknown keyword 'vrrp_foo'");
        assertReported(r, ConfigErrorKind.UNKNOWN_KEYWORD, "Unknown keyword 'colour'");
        assertFalse(r.fatal(), "the unknown block's content (a bare 'priority') is skipped, not read");
        assertEquals(5, r.exitCode());
        assertEquals(1, ConfigFixture.model(r).instances().size());
    }

    @Test
    void topLevelOnlyKeywordsInsideABlockAreUnknown() {
        LoadResult r = load("global_defs {\n net_namespace x\n}\n");
        assertReported(r, ConfigErrorKind.UNKNOWN_KEYWORD, "Unknown keyword 'net_namespace'");
    }

    @Test
    void blockWhereNoneIsExpectedAndMissingBlock() {
        LoadResult r = load(ConfigFixture.instance("VI_1", "priority 100 {", "}", "track_script", "authentication"));
        assertReported(r, ConfigErrorKind.UNEXPECTED_BLOCK_START, "Unexpected '{' after 'priority'");
        assertReported(r, ConfigErrorKind.MISSING_BLOCK_START, "Missing '{' after 'track_script'");
        assertEquals(100, ConfigFixture.instance(r, "VI_1").priority());
        assertEquals(5, r.exitCode());
    }

    @Test
    void itemLineWithABlockIsNotAnItem() {
        LoadResult r = load(ConfigFixture.instance("VI_1", "virtual_ipaddress_excluded {", "10.1.1.1 {", "x", "}",
                "}"));
        assertReported(r, ConfigErrorKind.UNEXPECTED_BLOCK_START, "in virtual_ipaddress_excluded");
    }

    @Test
    void routeOptionWithoutValueIsFatal() {
        LoadResult r = load(ConfigFixture.instance("VI_1", "virtual_routes {", "10.2.0.0/16 via", "}"));
        assertEquals(2, r.exitCode());
        assertTrue(r.diagnostics().all().get(r.diagnostics().all().size() - 1).message().contains("'via'"));
    }
}
