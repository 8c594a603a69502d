package io.javakeepalived.daemon.dump;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.testsupport.ConfigFixture;
import org.junit.jupiter.api.Test;

/** The {@code Global definitions} section as the configuration model gives it. */
class GlobalsSectionTest {

    private static final String INSTANCE = "vrrp_instance VI_1 {\n"
            + "    interface eth0\n"
            + "    virtual_router_id 51\n"
            + "    priority 100\n"
            + "    virtual_ipaddress {\n"
            + "        10.0.0.100/24\n"
            + "    }\n"
            + "}\n";

    private static ConfiguredGlobals globals(String text) {
        return ConfiguredGlobals.of(ConfigFixture.model(ConfigFixture.load0(text)));
    }

    private static String vrrpSection(ConfiguredGlobals g) {
        StringBuilder o = new StringBuilder();
        GlobalsSection.write(o, g, true);
        return o.toString();
    }

    @Test
    void showsWhatTheConfigurationSays() {
        ConfiguredGlobals g = globals("global_defs {\n"
                + "    router_id node_a\n"
                + "    vrrp_skip_check_adv_addr\n"
                + "    log_unknown_vrids\n"
                + "    vrrp_garp_master_delay 3\n"
                + "    vrrp_garp_lower_prio_repeat 2\n"
                + "}\n" + INSTANCE);
        String parent = DataDumpWriter.renderParent(g);
        assertTrue(parent.contains("\n Router ID = node_a\n"), parent);
        assertTrue(parent.contains("\n VRRP skip check advert addresses = true\n"), parent);
        assertTrue(parent.contains("\n log_unknown_vrids\n"), parent);
        assertTrue(parent.contains("\n Gratuitous ARP delay = 3\n"), parent);
        // the parent shows a lower-priority value that follows the master one as keepalived's unset
        assertTrue(parent.contains("\n Gratuitous ARP lower priority delay = 4294967295\n"), parent);
        assertTrue(parent.contains("\n Gratuitous ARP lower priority repeat = 2\n"), parent);
        // the VRRP process shows it resolved
        assertTrue(vrrpSection(g).contains("\n Gratuitous ARP lower priority delay = 3\n"));
    }

    @Test
    void theUmaskLineIsTheConfiguredMaskElseKeepalivedsDefault() {
        assertTrue(vrrpSection(globals(INSTANCE)).contains("\n umask = 0177\n"));
        assertTrue(vrrpSection(globals("global_defs {\n    umask IWGRP|IRWXO\n}\n" + INSTANCE))
                .contains("\n umask = 0027\n"));
    }

    @Test
    void withoutGlobalDefsItIsKeepalivedsDefaults() {
        ConfiguredGlobals g = globals(INSTANCE);
        assertFalse(DataDumpWriter.renderParent(g).contains("Router ID"));
        assertEquals(vrrpSection(ConfiguredGlobals.defaults()), vrrpSection(g));
    }

    @Test
    void processSchedulingLinesShowTheConfiguredValues() {
        ConfiguredGlobals g = globals("global_defs {\n"
                + "    vrrp_priority -10\n"
                + "    vrrp_rt_priority 150\n"
                + "    vrrp_rlimit_rttime 50000\n"
                + "    vrrp_no_swap\n"
                + "    vrrp_cpu_affinity 1 0\n"
                + "    checker_priority 5\n"
                + "    bfd_rt_priority 20\n"
                + "    bfd_no_swap\n"
                + "}\n" + INSTANCE);
        assertTrue(vrrpSection(g).contains("""
                 VRRP process priority = -10
                 VRRP don't swap = true
                 VRRP realtime priority = 99
                 VRRP CPU Affinity = 0 1\s
                 VRRP realtime limit = 50000
                 Checker process priority = 5
                 Checker don't swap = false
                 Checker realtime priority = 0
                 Checker realtime limit = 10000
                 BFD process priority = 0
                 BFD don't swap = true
                 BFD realtime priority = 20
                 BFD realtime limit = 10000
                 SNMP vrrp disabled
                """), vrrpSection(g));
    }
}
