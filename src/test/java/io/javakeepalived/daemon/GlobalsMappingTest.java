package io.javakeepalived.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.daemon.dump.DataDumpWriter;
import io.javakeepalived.daemon.dump.GlobalDefinitions;
import io.javakeepalived.testsupport.ConfigFixture;
import org.junit.jupiter.api.Test;

class GlobalsMappingTest {

    private static final String INSTANCE = "vrrp_instance VI_1 {\n"
            + "    interface eth0\n"
            + "    virtual_router_id 51\n"
            + "    priority 100\n"
            + "    virtual_ipaddress {\n"
            + "        10.0.0.100/24\n"
            + "    }\n"
            + "}\n";

    @Test
    void carriesWhatTheConfigurationSays() {
        GlobalDefinitions g = GlobalsMapping.of(ConfigFixture.model(ConfigFixture.load0("global_defs {\n"
                + "    router_id node_a\n"
                + "    vrrp_skip_check_adv_addr\n"
                + "    log_unknown_vrids\n"
                + "    vrrp_garp_master_delay 3\n"
                + "    vrrp_garp_lower_prio_repeat 2\n"
                + "}\n" + INSTANCE)));
        assertEquals("node_a", g.routerId());
        assertTrue(g.skipCheckAdvAddr());
        assertTrue(g.logUnknownVrids());
        assertEquals(3, g.garpDelaySeconds());
        assertEquals(GlobalDefinitions.UNSET, g.garpLowerPrioDelaySeconds());
        assertEquals(2, g.garpLowerPrioRepeat());
        assertEquals(3, g.resolvedForVrrp().garpLowerPrioDelaySeconds());
        assertTrue(DataDumpWriter.renderParent(g).contains("node_a"));
    }

    @Test
    void withoutGlobalDefsItIsKeepalivedsDefaults() {
        GlobalDefinitions g = GlobalsMapping.of(ConfigFixture.model(ConfigFixture.load0(INSTANCE)));
        assertNull(g.routerId());
        assertEquals(GlobalDefinitions.defaults().resolvedForVrrp(), g.resolvedForVrrp());
    }
}
