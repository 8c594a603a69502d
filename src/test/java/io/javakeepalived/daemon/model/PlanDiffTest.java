package io.javakeepalived.daemon.model;

import io.javakeepalived.vrrp.Vip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.config.load.LoadResult;
import io.javakeepalived.testsupport.ConfigFixture;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlanDiffTest {

    static VrrpPlan plan(String text) {
        LoadResult r = ConfigFixture.load0(text);
        VrrpPlan p = ConfigMapping.plan(ConfigFixture.model(r));
        assertTrue(p.problems().isEmpty(), p.problems()::toString);
        return p;
    }

    /** An instance block: name, interface, VRID, priority, then extra lines. */
    static String inst(String name, String ifname, int vrid, int priority, String vips, String... extra) {
        StringBuilder sb = new StringBuilder("vrrp_instance " + name + " {\n    interface " + ifname + "\n"
                + "    virtual_router_id " + vrid + "\n    priority " + priority + "\n"
                + "    virtual_ipaddress {\n" + vips + "    }\n");
        for (String e : extra) {
            sb.append("    ").append(e).append('\n');
        }
        return sb.append("}\n").toString();
    }

    static List<String> names(List<InstancePlan> l) {
        return l.stream().map(InstancePlan::name).toList();
    }

    static List<String> addresses(List<Vip> l) {
        return l.stream().map(v -> v.address().getHostAddress() + "/" + v.prefixLength()).toList();
    }

    static final String VIP_A = "        10.0.0.100/24\n";
    static final String VIP_B = "        10.0.0.101/24\n";

    @Test
    void sameConfigurationIsEmpty() {
        String text = inst("VI_1", "eth0", 51, 100, VIP_A) + inst("VI_2", "eth1", 52, 100, VIP_B);
        PlanDiff d = PlanDiff.between(plan(text), plan(text));
        assertTrue(d.isEmpty());
        assertEquals(2, d.kept().size());
        assertTrue(d.added().isEmpty() && d.removed().isEmpty() && d.replaced().isEmpty());
        assertFalse(d.kept().get(0).changed());
    }

    @Test
    void addedVipAndPriorityKeepTheInstance() {
        PlanDiff d = PlanDiff.between(plan(inst("VI_1", "eth0", 51, 100, VIP_A)),
                plan(inst("VI_1", "eth0", 51, 110, VIP_A + VIP_B)));
        assertEquals(1, d.kept().size());
        PlanDiff.Kept k = d.kept().get(0);
        assertTrue(k.changed());
        assertEquals(110, k.next().settings().priority());
        assertEquals(List.of("10.0.0.101/24"), addresses(k.vips().added()));
        assertEquals(List.of("10.0.0.100/24"), addresses(k.vips().kept()));
        assertTrue(k.vips().removed().isEmpty());
        assertTrue(k.excluded().isEmpty());
        assertFalse(d.isEmpty());
    }

    @Test
    void removedVipAndChangedPrefixAreRemovedAndTheChangedOneAddedAgain() {
        PlanDiff d = PlanDiff.between(plan(inst("VI_1", "eth0", 51, 100, VIP_A + VIP_B)),
                plan(inst("VI_1", "eth0", 51, 100, "        10.0.0.100/25\n")));
        PlanDiff.VipChange v = d.kept().get(0).vips();
        assertEquals(List.of("10.0.0.100/25"), addresses(v.added()));
        assertEquals(List.of("10.0.0.100/24", "10.0.0.101/24"), addresses(v.removed()));
        assertTrue(v.kept().isEmpty());
    }

    @Test
    void excludedVipsAreDiffedApart() {
        PlanDiff d = PlanDiff.between(
                plan(inst("VI_1", "eth0", 51, 100, VIP_A, "virtual_ipaddress_excluded {", "    10.0.0.200/24", "}")),
                plan(inst("VI_1", "eth0", 51, 100, VIP_A, "virtual_ipaddress_excluded {", "    10.0.0.201/24", "}")));
        PlanDiff.Kept k = d.kept().get(0);
        assertTrue(k.vips().isEmpty());
        assertEquals(List.of("10.0.0.201/24"), addresses(k.excluded().added()));
        assertEquals(List.of("10.0.0.200/24"), addresses(k.excluded().removed()));
    }

    @Test
    void identityIsInterfaceVridAndFamilyNotTheOrder() {
        String a = inst("VI_1", "eth0", 51, 100, VIP_A);
        String b = inst("VI_2", "eth0", 52, 100, VIP_B);
        String c = inst("VI_3", "eth1", 51, 100, "        10.0.1.100/24\n");
        PlanDiff d = PlanDiff.between(plan(a + b), plan(b + c + a));
        assertEquals(List.of("VI_2", "VI_1"), d.kept().stream().map(k -> k.next().name()).toList());
        assertEquals(List.of("VI_3"), names(d.added()), "same VRID on another interface is another instance");
        assertTrue(d.removed().isEmpty());
    }

    @Test
    void removedInstanceAndVridMoveAreRemoveAndAdd() {
        PlanDiff d = PlanDiff.between(plan(inst("VI_1", "eth0", 51, 100, VIP_A) + inst("VI_2", "eth0", 52, 100, VIP_B)),
                plan(inst("VI_1", "eth0", 53, 100, VIP_A)));
        assertEquals(List.of("VI_1", "VI_2"), names(d.removed()));
        assertEquals(List.of("VI_1"), names(d.added()));
        assertTrue(d.kept().isEmpty());
        assertTrue(d.replaced().isEmpty(), "a new VRID is a new instance, not a replacement");
    }

    @Test
    void ipv6InstanceWithTheSameVridIsAnotherInstance() {
        PlanDiff d = PlanDiff.between(plan(inst("VI_1", "eth0", 51, 100, VIP_A)),
                plan(inst("VI_1", "eth0", 51, 100, VIP_A) + inst("VI_6", "eth0", 51, 100, "        fd00::100/64\n")));
        assertEquals(1, d.kept().size());
        assertEquals(List.of("VI_6"), names(d.added()));
    }

    @Test
    void renameVersionAndUnicastReplaceTheInstance() {
        VrrpPlan running = plan(inst("VI_1", "eth0", 51, 100, VIP_A));
        PlanDiff renamed = PlanDiff.between(running, plan(inst("VI_X", "eth0", 51, 100, VIP_A)));
        assertEquals(List.of("VI_1"), names(renamed.removed()));
        assertEquals(List.of("VI_X"), names(renamed.added()));
        assertEquals(1, renamed.replaced().size());
        assertTrue(renamed.replaced().get(0).contains("renamed from VI_1"), renamed.replaced().toString());

        PlanDiff v3 = PlanDiff.between(running, plan(inst("VI_1", "eth0", 51, 100, VIP_A, "version 3")));
        assertTrue(v3.replaced().get(0).contains("version changed from 2 to 3"), v3.replaced().toString());

        PlanDiff unicast = PlanDiff.between(running, plan(inst("VI_1", "eth0", 51, 100, VIP_A,
                "unicast_src_ip 10.0.0.1", "unicast_peer {", "    10.0.0.2", "}")));
        assertTrue(unicast.replaced().get(0).contains("now unicast"), unicast.replaced().toString());
        assertTrue(unicast.kept().isEmpty());
    }

    @Test
    void unicastPeersChangeInPlace() {
        PlanDiff d = PlanDiff.between(
                plan(inst("VI_1", "eth0", 51, 100, VIP_A, "unicast_src_ip 10.0.0.1", "unicast_peer {", "    10.0.0.2", "}")),
                plan(inst("VI_1", "eth0", 51, 100, VIP_A, "unicast_src_ip 10.0.0.1", "unicast_peer {", "    10.0.0.3", "}")));
        assertEquals(1, d.kept().size());
        assertTrue(d.kept().get(0).changed());
        assertTrue(d.replaced().isEmpty());
    }

    @Test
    void syncGroupsAddedRemovedAndChanged() {
        String insts = inst("VI_1", "eth0", 51, 100, VIP_A) + inst("VI_2", "eth1", 52, 100, VIP_B)
                + inst("VI_3", "eth1", 53, 100, "        10.0.0.102/24\n");
        String g1 = "vrrp_sync_group G1 {\n    group {\n        VI_1\n        VI_2\n    }\n}\n";
        String g1b = "vrrp_sync_group G1 {\n    group {\n        VI_1\n        VI_3\n    }\n}\n";
        String g2 = "vrrp_sync_group G2 {\n    group {\n        VI_3\n    }\n}\n";
        PlanDiff same = PlanDiff.between(plan(insts + g1), plan(insts + g1));
        assertFalse(same.groupsChange());
        assertTrue(same.isEmpty());

        PlanDiff changed = PlanDiff.between(plan(insts + g1), plan(insts + g1b));
        assertEquals(List.of("G1"), changed.groupsChanged().stream().map(SyncGroupPlan::name).toList());
        assertTrue(changed.groupsAdded().isEmpty() && changed.groupsRemoved().isEmpty());

        PlanDiff swap = PlanDiff.between(plan(insts + g1), plan(insts + g2));
        assertEquals(List.of("G2"), swap.groupsAdded().stream().map(SyncGroupPlan::name).toList());
        assertEquals(List.of("G1"), swap.groupsRemoved().stream().map(SyncGroupPlan::name).toList());
    }

    @Test
    void groupWithARestartedMemberIsRebuilt() {
        String g = "vrrp_sync_group G1 {\n    group {\n        VI_1\n        VI_2\n    }\n}\n";
        PlanDiff d = PlanDiff.between(
                plan(inst("VI_1", "eth0", 51, 100, VIP_A) + inst("VI_2", "eth1", 52, 100, VIP_B) + g),
                plan(inst("VI_1", "eth0", 51, 100, VIP_A) + inst("VI_2", "eth1", 52, 100, VIP_B, "version 3") + g));
        assertEquals(List.of("G1"), d.groupsChanged().stream().map(SyncGroupPlan::name).toList());
    }
}
