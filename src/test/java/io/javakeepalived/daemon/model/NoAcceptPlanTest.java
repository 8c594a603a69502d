package io.javakeepalived.daemon.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.javakeepalived.net.VipDropRules;

import java.util.Set;

import org.junit.jupiter.api.Test;

/** Which instances keepalived's nftables table guards, and how the table is named and built. */
class NoAcceptPlanTest {

    private static String vi(String name, int vrid, String... lines) {
        return "vrrp_instance " + name + " {\n interface eth0\n virtual_router_id " + vrid + "\n "
                + String.join("\n ", lines) + "\n virtual_ipaddress {\n 10.0.0." + vrid + "/24\n }\n}\n";
    }

    @Test
    void noAcceptAndStrictModeAreGuardedButNotTheOwnerNorAcceptMode() {
        VrrpPlan p = ConfigMappingTest.plan(vi("NA", 1, "no_accept", "priority 100")
                + vi("STRICT", 2, "strict_mode", "priority 100")
                + vi("OWNER", 3, "no_accept", "priority 255", "state MASTER")
                + vi("ACCEPT", 4, "priority 100"));
        assertEquals(4, p.instances().size(), () -> "problems: " + p.problems());
        assertEquals(Set.of("NA", "STRICT"), p.noAccept().instances());
        assertEquals(new VipDropRules("keepalived", -1, false), p.noAccept().rules());
    }

    @Test
    void globalDefsNameTheTableAndSetPriorityAndCounters() {
        VrrpPlan p = ConfigMappingTest.plan("global_defs {\n nftables kad\n nftables_priority -150\n"
                + " nftables_counters\n}\n" + vi("NA", 1, "no_accept"));
        assertEquals(new VipDropRules("kad", -150, true), p.noAccept().rules());
    }

    @Test
    void aPriorityBeforeNftablesIsResetAsKeepalivedDoes() {
        VrrpPlan p = ConfigMappingTest.plan("global_defs {\n nftables_priority 5\n nftables\n}\n"
                + vi("NA", 1, "no_accept"));
        assertEquals(-1, p.noAccept().rules().priority());
    }

    @Test
    void vrrpIptablesMeansKeepalivedsNftablesTable() {
        VrrpPlan p = ConfigMappingTest.plan("global_defs {\n vrrp_iptables\n}\n" + vi("NA", 1, "no_accept"));
        assertEquals("keepalived", p.noAccept().rules().table());
    }

    @Test
    void withoutNoAcceptNoTableIsInstalled() {
        assertFalse(ConfigMappingTest.plan("global_defs {\n nftables\n}\n" + vi("A", 1, "accept")).noAccept().inUse());
    }
}
