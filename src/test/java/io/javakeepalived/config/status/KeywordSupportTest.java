package io.javakeepalived.config.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.config.ConfigNode;
import io.javakeepalived.config.SourceLocation;
import io.javakeepalived.config.bind.AcceptedKeywords;
import io.javakeepalived.config.bind.AcceptedKeywords.Block;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * Every keyword the binder accepts has a status: read at run time, or on the not-implemented
 * list that -t and the daemon's log print.
 *
 * <p>This test fails when a keyword is added to a binder's KeywordTable without a status. To
 * classify it, trace what its handler fills in through config.model to a reader at run time
 * (daemon.model.ConfigMapping, the VRRP loop, track, notify, cli) and add it to
 * {@link KeywordSupport}'s static block: {@code acted(Block.X, "keyword")} when the daemon does
 * what keepalived does with it, else {@code notImplemented(Block.X, "what the operator loses",
 * "keyword")}. A keyword only shown in the dumps is not acted on. A new kind of block needs a
 * constant in {@link AcceptedKeywords.Block} and, if a keyword opens it, an entry in its OPENS map.
 */
class KeywordSupportTest {

    @Test
    void everyKeywordOfEveryBlockHasAStatus() {
        List<String> missing = new ArrayList<>();
        for (Block block : Block.values()) {
            for (String keyword : block.keywords()) {
                if (KeywordSupport.of(block, keyword).isEmpty()) {
                    missing.add(block + " " + keyword);
                }
            }
        }
        assertEquals(List.of(), missing, "keywords the binder accepts with no status in KeywordSupport");
    }

    @Test
    void everyClassifiedKeywordIsOneTheBinderAccepts() {
        List<String> stray = new ArrayList<>();
        KeywordSupport.classified().forEach((block, keywords) -> keywords.stream()
                .filter(k -> !block.keywords().contains(k)).forEach(k -> stray.add(block + " " + k)));
        assertEquals(List.of(), stray, "statuses for keywords no binder table holds (typos?)");
    }

    @Test
    void aKeywordTheBinderDoesNotAcceptHasNoStatus() {
        // a status for a keyword no table holds would hide a typo in the registry
        assertTrue(KeywordSupport.of(Block.VRRP_INSTANCE, "priorty").isEmpty());
        assertTrue(KeywordSupport.of(Block.VIRTUAL_SERVER, "no_such_keyword").isEmpty());
    }

    @Test
    void everyTableIsCountedOnce() {
        // 26 tables in config.bind today: a table missing from Block is a keyword set nobody checks
        assertEquals(26, Block.values().length);
        for (Block block : Block.values()) {
            assertFalse(block.keywords().isEmpty(), block.toString());
        }
    }

    @Test
    void theHealthCheckersAreActedOnButBfd() {
        for (String k : List.of("retry", "delay_before_retry", "warmup", "delay_loop", "alpha", "connect_timeout",
                "connect_port", "connect_ip", "bindto", "bind_port", "log_all_failures")) {
            assertTrue(KeywordSupport.of(Block.TCP_CHECK, k).orElseThrow().implemented(), k);
        }
        for (String k : List.of("misc_path", "misc_timeout", "misc_dynamic")) {
            assertTrue(KeywordSupport.of(Block.MISC_CHECK, k).orElseThrow().implemented(), k);
        }
        assertTrue(KeywordSupport.of(Block.FILE_CHECK, "track_file").orElseThrow().implemented());
        for (String k : List.of("quorum", "hysteresis", "quorum_up", "quorum_down", "omega", "real_server",
                "delay_loop", "virtualhost")) {
            assertTrue(KeywordSupport.of(Block.VIRTUAL_SERVER, k).orElseThrow().implemented(), k);
        }
        for (String k : List.of("notify_up", "notify_down", "TCP_CHECK", "MISC_CHECK", "FILE_CHECK", "HTTP_GET",
                "SSL_GET", "SMTP_CHECK", "DNS_CHECK", "UDP_CHECK", "PING_CHECK", "virtualhost")) {
            assertTrue(KeywordSupport.of(Block.REAL_SERVER, k).orElseThrow().implemented(), k);
        }
        assertFalse(KeywordSupport.of(Block.REAL_SERVER, "BFD_CHECK").orElseThrow().implemented());
        for (Block b : List.of(Block.HTTP_GET, Block.URL, Block.SSL, Block.SMTP_CHECK, Block.SMTP_HOST,
                Block.DNS_CHECK, Block.UDP_CHECK, Block.PING_CHECK)) {
            for (String k : b.keywords()) {
                boolean missing = Set.of("bind_if", "fwmark", "fast_recovery", "regex_options").contains(k)
                        && !(b == Block.PING_CHECK && k.equals("bind_if"));
                assertEquals(!missing, KeywordSupport.of(b, k).orElseThrow().implemented(), b + " " + k);
            }
        }
        assertTrue(KeywordSupport.of(Block.ROOT, "SSL").orElseThrow().implemented());
        assertTrue(KeywordSupport.of(Block.GLOBAL_DEFS, "checker_log_all_failures").orElseThrow().implemented());
        assertFalse(KeywordSupport.of(Block.TCP_CHECK, "bind_if").orElseThrow().implemented());
        assertFalse(KeywordSupport.of(Block.TCP_CHECK, "fwmark").orElseThrow().implemented());
        assertFalse(KeywordSupport.of(Block.MISC_CHECK, "log_all_failures").orElseThrow().implemented());
    }

    @Test
    void theSameKeywordIsJudgedByItsBlock() {
        assertTrue(KeywordSupport.of(Block.VRRP_INSTANCE, "priority").orElseThrow().implemented());
        assertTrue(KeywordSupport.of(Block.REAL_SERVER, "weight").orElseThrow().implemented());
        assertFalse(KeywordSupport.of(Block.REAL_SERVER, "snmp_name").orElseThrow().implemented());
        assertTrue(KeywordSupport.of(Block.VRRP_SCRIPT, "weight").orElseThrow().implemented());
        assertFalse(KeywordSupport.of(Block.VRRP_INSTANCE, "track_bfd").orElseThrow().implemented());
    }

    @Test
    void theReferenceAddressKeywordsAreActedOn() {
        assertTrue(KeywordSupport.of(Block.ROOT, "vrrp_reference").orElseThrow().implemented());
        assertTrue(KeywordSupport.of(Block.VRRP_INSTANCE, "track_reference").orElseThrow().implemented());
        assertTrue(KeywordSupport.of(Block.VRRP_SYNC_GROUP, "track_reference").orElseThrow().implemented());
        assertTrue(KeywordSupport.of(Block.VRRP_INSTANCE, "heartbeat_path").orElseThrow().implemented());
        for (String k : List.of("address", "interface", "interval", "timeout", "rise", "fall", "weight")) {
            assertTrue(KeywordSupport.of(Block.VRRP_REFERENCE, k).orElseThrow().implemented(), k);
        }
    }

    @Test
    void theMailKeywordsAreActedOnTheCheckersOnesToo() {
        for (String k : List.of("router_id", "notification_email", "notification_email_from", "smtp_server",
                "smtp_helo_name", "smtp_connect_timeout", "smtp_alert", "smtp_alert_vrrp", "no_email_faults")) {
            assertTrue(KeywordSupport.of(Block.GLOBAL_DEFS, k).orElseThrow().implemented(), k);
        }
        assertTrue(KeywordSupport.of(Block.VRRP_INSTANCE, "smtp_alert").orElseThrow().implemented());
        assertTrue(KeywordSupport.of(Block.VRRP_SYNC_GROUP, "smtp_alert").orElseThrow().implemented());
        for (String k : List.of("smtp_alert_checker", "no_checker_emails")) {
            assertTrue(KeywordSupport.of(Block.GLOBAL_DEFS, k).orElseThrow().implemented(), k);
        }
        assertTrue(KeywordSupport.of(Block.VIRTUAL_SERVER, "smtp_alert").orElseThrow().implemented());
        assertTrue(KeywordSupport.of(Block.REAL_SERVER, "smtp_alert").orElseThrow().implemented());
    }

    @Test
    void routesRulesAndStaticsAreActedOn() {
        for (String k : List.of("virtual_routes", "virtual_rules")) {
            assertTrue(KeywordSupport.of(Block.VRRP_INSTANCE, k).orElseThrow().implemented(), k);
        }
        for (String k : List.of("static_ipaddress", "static_routes", "static_rules")) {
            assertTrue(KeywordSupport.of(Block.ROOT, k).orElseThrow().implemented(), k);
        }
    }

    @Test
    void whatTheIssueNamesIsNotImplemented() {
        for (String k : List.of("use_vmac_addr", "use_ipvlan", "garp_extra_if", "vmac_garp_intvl",
                "kernel_rx_buf_size", "linkbeat_use_polling")) {
            assertFalse(KeywordSupport.of(Block.VRRP_INSTANCE, k).orElseThrow().implemented(), k);
        }
        for (String k : List.of("track_group", "use_pid_dir", "instance", "linkbeat_use_polling", "bfd_instance")) {
            assertFalse(KeywordSupport.of(Block.ROOT, k).orElseThrow().implemented(), k);
        }
        for (String k : List.of("nftables_ifindex", "data_use_instance", "reload_time_file",
                "random_seed", "vrrp_rx_bufs_policy", "enable_snmp_vrrp",
                "enable_dbus")) {
            assertFalse(KeywordSupport.of(Block.GLOBAL_DEFS, k).orElseThrow().implemented(), k);
        }
    }

    @Test
    void theIpvsTableIsActedOn() {
        for (String k : List.of("virtual_server", "virtual_server_group")) {
            assertTrue(KeywordSupport.of(Block.ROOT, k).orElseThrow().implemented(), k);
        }
        for (String k : List.of("lvs_flush", "lvs_flush_on_stop", "lvs_timeouts", "lvs_sync_daemon", "lvs_notify_fifo",
                "lvs_notify_fifo_script")) {
            assertTrue(KeywordSupport.of(Block.GLOBAL_DEFS, k).orElseThrow().implemented(), k);
        }
        assertTrue(KeywordSupport.of(Block.VRRP_INSTANCE, "lvs_sync_daemon_interface").orElseThrow().implemented());
        for (String k : List.of("nftables_ipvs")) {
            assertFalse(KeywordSupport.of(Block.GLOBAL_DEFS, k).orElseThrow().implemented(), k);
        }
        for (String k : List.of("lb_algo", "lb_kind", "persistence_timeout", "persistence_granularity", "ops",
                "sorry_server", "sorry_server_inhibit", "inhibit_on_failure", "quorum", "hysteresis")) {
            assertTrue(KeywordSupport.of(Block.VIRTUAL_SERVER, k).orElseThrow().implemented(), k);
        }
        for (String k : List.of("uthreshold", "lthreshold", "lvs_method", "weight")) {
            assertTrue(KeywordSupport.of(Block.REAL_SERVER, k).orElseThrow().implemented(), k);
        }
        assertTrue(KeywordSupport.of(Block.VIRTUAL_SERVER, "ha_suspend").orElseThrow().implemented());
    }

    @Test
    void noAcceptThroughNftablesIsImplemented() {
        for (String k : List.of("no_accept", "strict_mode")) {
            assertTrue(KeywordSupport.of(Block.VRRP_INSTANCE, k).orElseThrow().implemented(), k);
        }
        for (String k : List.of("vrrp_iptables", "nftables", "nftables_priority", "nftables_counters",
                "vrrp_strict")) {
            assertTrue(KeywordSupport.of(Block.GLOBAL_DEFS, k).orElseThrow().implemented(), k);
        }
    }

    @Test
    void vmacIsImplementedButNotForVipsOnOtherInterfaces() {
        assertTrue(KeywordSupport.of(Block.VRRP_INSTANCE, "use_vmac").orElseThrow().implemented());
        assertTrue(KeywordSupport.of(Block.VRRP_INSTANCE, "vmac_xmit_base").orElseThrow().implemented());
        assertTrue(KeywordSupport.of(Block.GLOBAL_DEFS, "vmac_prefix").orElseThrow().implemented());
        assertFalse(KeywordSupport.of(Block.GLOBAL_DEFS, "vmac_addr_prefix").orElseThrow().implemented());
        assertFalse(KeywordSupport.of(Block.VRRP_INSTANCE, "use_vmac_addr").orElseThrow().implemented());
    }

    @Test
    void addressAndLinkWatchingIsImplemented() {
        assertTrue(KeywordSupport.of(Block.VRRP_INSTANCE, "track_src_ip").orElseThrow().implemented());
        assertTrue(KeywordSupport.of(Block.ROOT, "interface_up_down_delays").orElseThrow().implemented());
        assertTrue(KeywordSupport.of(Block.GLOBAL_DEFS, "dynamic_interfaces").orElseThrow().implemented());
    }

    @Test
    void whatThisBranchMadeWorkIsActedOn() {
        for (String k : List.of("startup_script", "shutdown_script", "startup_script_timeout",
                "shutdown_script_timeout", "vrrp_notify_priority_changes")) {
            assertTrue(KeywordSupport.of(Block.GLOBAL_DEFS, k).orElseThrow().implemented(), k);
        }
        assertTrue(KeywordSupport.of(Block.VRRP_INSTANCE, "notify_priority_changes").orElseThrow().implemented());
        assertTrue(KeywordSupport.of(Block.VRRP_INSTANCE, "promote_secondaries").orElseThrow().implemented());
        assertTrue(KeywordSupport.of(Block.VRRP_SYNC_GROUP, "notify_priority_changes").orElseThrow().implemented());
    }

    @Test
    void theSchedulingCuresAreActedOnAndProcessNamesAreNot() {
        for (String k : List.of("vrrp_priority", "vrrp_rt_priority", "vrrp_rlimit_rttime", "vrrp_rlimit_rtime",
                "vrrp_no_swap", "vrrp_cpu_affinity", "checker_priority", "checker_rt_priority",
                "checker_rlimit_rttime", "checker_rlimit_rtime", "checker_no_swap", "checker_cpu_affinity",
                "max_auto_priority", "min_auto_priority_delay")) {
            assertTrue(KeywordSupport.of(Block.GLOBAL_DEFS, k).orElseThrow().implemented(), k);
        }
        for (String k : List.of("process_name", "vrrp_process_name", "checker_process_name", "bfd_priority",
                "bfd_rt_priority", "bfd_no_swap", "bfd_cpu_affinity")) {
            assertFalse(KeywordSupport.of(Block.GLOBAL_DEFS, k).orElseThrow().implemented(), k);
        }
    }

    @Test
    void authTypeIsActedOnWithEitherValue() {
        SourceLocation at = new SourceLocation("k.conf", 1);
        assertTrue(KeywordSupport.of(Block.AUTHENTICATION, ConfigNode.line(at, List.of("auth_type", "PASS")))
                .orElseThrow().implemented());
        assertTrue(KeywordSupport.of(Block.AUTHENTICATION, ConfigNode.line(at, List.of("auth_type", "AH")))
                .orElseThrow().implemented());
    }
}
