package io.javakeepalived.daemon;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.daemon.model.VmacPlan;
import io.javakeepalived.net.InterfaceSysctls.Family;
import io.javakeepalived.net.LinkInfo;
import io.javakeepalived.testsupport.fakenet.FakeRtnetlink;
import io.javakeepalived.testsupport.fakenet.FakeSysctls;

import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.slf4j.helpers.NOPLogger;

class VmacLinksTest {
    private static final int UP = LinkInfo.IFF_UP | LinkInfo.IFF_RUNNING | LinkInfo.IFF_LOWER_UP;
    private static final LinkInfo ETH0 = new LinkInfo(2, "eth0", UP, LinkInfo.OPER_UP, true,
            HexFormat.of().parseHex("020000000001"), 1500, "veth", 0, 0);
    private static final VmacPlan V51 = new VmacPlan("vrrp.51", "eth0", "00:00:5e:00:01:33", false, false);

    private final FakeRtnetlink kernel = new FakeRtnetlink(List.of(ETH0));
    private final FakeSysctls sysctls = new FakeSysctls();
    private final VmacLinks vmacs = new VmacLinks(kernel, sysctls, NOPLogger.NOP_LOGGER);

    private Optional<LinkInfo> link(String name) {
        return kernel.links().stream().filter(l -> l.name().equals(name)).findFirst();
    }

    private int ipv4(String ifname, String key) {
        return sysctls.value(Family.IPV4, ifname, key);
    }

    @Test
    void aVmacIsAnUpPrivateMacvlanWithTheVirtualMacAndKeepalivedsSettings() {
        sysctls.preset(Family.IPV4, "eth0", "rp_filter", 0).preset(Family.IPV4, "all", "rp_filter", 1);
        assertTrue(vmacs.bringUp("VI_1", V51));
        LinkInfo l = link("vrrp.51").orElseThrow();
        assertEquals("macvlan", l.kind());
        assertEquals(ETH0.index(), l.linkIndex());
        assertArrayEquals(HexFormat.of().parseHex("00005e000133"), l.mac());
        assertTrue(l.isUsable());
        assertEquals(1, ipv4("vrrp.51", "arp_ignore"));
        assertEquals(1, ipv4("vrrp.51", "accept_local"));
        assertEquals(0, ipv4("vrrp.51", "rp_filter"));
        assertEquals(1, sysctls.value(Family.IPV6, "vrrp.51", "disable_ipv6"));
        assertEquals(1, ipv4("eth0", "arp_ignore"));
        assertEquals(1, ipv4("eth0", "arp_filter"));
        assertEquals(2, ipv4("eth0", "arp_announce"));
        assertEquals(0, ipv4("all", "rp_filter"), "all.rp_filter cleared ...");
        assertEquals(1, ipv4("eth0", "rp_filter"), "... after eth0 was raised to it");

        vmacs.removeAll();
        assertEquals(Optional.empty(), link("vrrp.51"));
        assertEquals(0, ipv4("eth0", "arp_ignore"));
        assertEquals(0, ipv4("eth0", "arp_filter"));
        assertEquals(0, ipv4("eth0", "arp_announce"));
        assertEquals(1, ipv4("all", "rp_filter"));
        assertEquals(0, ipv4("eth0", "rp_filter"));
    }

    @Test
    void theSameVmacLeftByAKilledPredecessorIsTakenOver() throws Exception {
        LinkInfo old = kernel.createMacvlan("vrrp.51", ETH0.index(), V51.macBytes(), 1);
        assertTrue(vmacs.bringUp("VI_1", V51));
        assertEquals(old.index(), link("vrrp.51").orElseThrow().index(), "not made again");
        assertTrue(link("vrrp.51").orElseThrow().isUsable());
    }

    @Test
    void aLeftoverWithAnotherMacIsMadeAgainAndANonMacvlanIsNeverTouched() throws Exception {
        kernel.createMacvlan("vrrp.51", ETH0.index(), HexFormat.of().parseHex("00005e000134"), 1);
        assertTrue(vmacs.bringUp("VI_1", V51));
        assertArrayEquals(V51.macBytes(), link("vrrp.51").orElseThrow().mac());

        FakeRtnetlink other = new FakeRtnetlink(List.of(ETH0, new LinkInfo(3, "vrrp.51", UP, LinkInfo.OPER_UP, true,
                HexFormat.of().parseHex("020000000003"), 1500, "veth", 0, 0)));
        VmacLinks mine = new VmacLinks(other, sysctls, NOPLogger.NOP_LOGGER);
        assertFalse(mine.bringUp("VI_1", V51));
        assertFalse(mine.isUp("vrrp.51"));
        assertEquals("veth", other.links().get(1).kind());
        mine.removeAll();
        assertEquals(2, other.links().size());
    }

    @Test
    void aVmacSharedAcrossAReloadGoesWithItsLastUser() {
        assertTrue(vmacs.bringUp("VI_1", V51));
        assertTrue(vmacs.bringUp("VI_renamed", V51));
        vmacs.remove(V51);
        assertTrue(link("vrrp.51").isPresent());
        vmacs.remove(V51);
        assertEquals(Optional.empty(), link("vrrp.51"));
    }
}
