package io.javakeepalived.daemon.model;

import io.javakeepalived.vrrp.Vip;
import static io.javakeepalived.testsupport.ConfigFixture.instance;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.config.load.LoadResult;
import io.javakeepalived.testsupport.ConfigFixture;
import io.javakeepalived.vrrp.InstanceSettings;
import io.javakeepalived.vrrp.VrrpState;
import io.javakeepalived.vrrp.WireSettings;
import io.javakeepalived.vrrp.packet.AuthType;
import io.javakeepalived.vrrp.packet.ReceivePolicy.OldUnicastChecksum;
import io.javakeepalived.vrrp.packet.UnicastPeer;

import java.net.InetAddress;
import java.net.StandardProtocolFamily;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConfigMappingTest {

    static InetAddress ip(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (Exception e) {
            throw new IllegalArgumentException(s, e);
        }
    }

    static VrrpPlan plan(String text) {
        LoadResult r = ConfigFixture.load0(text);
        return ConfigMapping.plan(ConfigFixture.model(r));
    }

    static InstancePlan only(String text) {
        VrrpPlan p = plan(text);
        assertEquals(1, p.instances().size(), () -> "problems: " + p.problems());
        return p.instances().get(0);
    }

    @Test
    void minimalInstanceGetsKeepalivedDefaults() {
        InstancePlan p = only(instance("VI_1"));
        InstanceSettings s = p.settings();
        assertEquals("VI_1", s.name());
        assertEquals(51, s.vrid());
        assertEquals(2, s.version());
        assertEquals(StandardProtocolFamily.INET, s.family());
        assertEquals(100, s.priority());
        assertEquals(100, s.advertIntervalCs());
        assertEquals(VrrpState.BACKUP, s.initialState());
        assertFalse(s.nopreempt());
        assertEquals(Duration.ZERO, s.preemptDelay());
        assertEquals(3, s.downTimerAdverts());
        assertFalse(s.lowerPrioNoAdvert());
        assertFalse(s.higherPrioSendAdvert());
        assertEquals(Duration.ofSeconds(5), s.garpMasterDelay());
        assertEquals(5, s.garpMasterRepeat());
        assertEquals(Duration.ZERO, s.garpMasterRefresh());
        assertEquals(Duration.ofSeconds(5), s.garpLowerPrioDelay());
        assertEquals(5, s.garpLowerPrioRepeat());
        assertEquals(null, s.primaryAddress());
        assertEquals(List.of(new Vip(ip("10.0.0.100"), 24, "eth0", Optional.empty(), 0, Optional.empty(), false)),
                s.vips());
        assertEquals(List.of(ip("10.0.0.100")), s.advertAddresses());
        WireSettings w = s.wire();
        assertEquals("eth0", w.interfaceName());
        assertEquals(AuthType.NONE, w.authType());
        assertFalse(w.unicast());
        assertEquals(ip("224.0.0.18"), w.multicastGroup4());
        assertEquals(OldUnicastChecksum.DETECT, w.oldUnicastChecksum());
        assertFalse(w.checkUnicastSrc());
        assertFalse(w.skipCheckAdvAddr());
        assertEquals(Optional.empty(), p.source().configured());
        assertEquals(List.of(), p.addresses().excludedVips());
        assertFalse(p.configFault());
        assertEquals(Duration.ZERO, p.announcing().garpInterval());
        assertTrue(plan(instance("VI_1")).problems().isEmpty());
    }

    @Test
    void priorityStateAndPreemption() {
        InstanceSettings owner = only(instance("VI_1", "state MASTER", "priority 255")).settings();
        assertEquals(255, owner.priority());
        assertEquals(VrrpState.MASTER, owner.initialState());

        InstanceSettings backup = only(instance("VI_1", "state BACKUP", "priority 150", "nopreempt")).settings();
        assertEquals(150, backup.priority());
        assertEquals(VrrpState.BACKUP, backup.initialState());
        assertTrue(backup.nopreempt());

        InstanceSettings delayed = only(instance("VI_1", "priority 90", "preempt_delay 4")).settings();
        assertEquals(Duration.ofSeconds(4), delayed.preemptDelay());
        assertFalse(delayed.nopreempt());
    }

    @Test
    void advertIntervalInCentiseconds() {
        assertEquals(200, only(instance("VI_1", "advert_int 2")).settings().advertIntervalCs());
        InstanceSettings v3 = only(instance("VI_1", "version 3", "advert_int 0.05")).settings();
        assertEquals(3, v3.version());
        assertEquals(5, v3.advertIntervalCs());
    }

    @Test
    void garpTakesGlobalDefaultsUnlessTheInstanceSaysOtherwise() {
        String text = """
                global_defs {
                    vrrp_garp_master_delay 10
                    vrrp_garp_master_repeat 3
                    vrrp_garp_lower_prio_repeat 2
                    vrrp_garp_interval 0.001
                    vrrp_gna_interval 0.002
                }
                """ + instance("VI_1", "garp_master_refresh 30", "garp_master_refresh_repeat 2");
        InstancePlan p = only(text);
        InstanceSettings s = p.settings();
        assertEquals(Duration.ofSeconds(10), s.garpMasterDelay());
        assertEquals(3, s.garpMasterRepeat());
        assertEquals(Duration.ofSeconds(30), s.garpMasterRefresh());
        assertEquals(2, s.garpMasterRefreshRepeat());
        assertEquals(2, s.garpLowerPrioRepeat());
        assertEquals(Duration.ofMillis(1), p.announcing().garpInterval());
        assertEquals(Duration.ofMillis(2), p.announcing().gnaInterval());

        InstanceSettings own = only("global_defs {\n vrrp_garp_master_repeat 3\n}\n"
                + instance("VI_1", "garp_master_repeat 7", "garp_master_delay 0")).settings();
        assertEquals(7, own.garpMasterRepeat());
        assertEquals(Duration.ZERO, own.garpMasterDelay());
    }

    @Test
    void aGarpGroupForTheInstancesInterfaceReplacesTheGlobalPacing() {
        String global = "global_defs {\n vrrp_garp_interval 0.001\n vrrp_gna_interval 0.002\n}\n";
        InstancePlan grouped = only(global + "garp_group {\n garp_interval 0.05\n interface eth0\n}\n"
                + instance("VI_1"));
        assertEquals(Duration.ofMillis(50), grouped.announcing().garpInterval());
        assertEquals(Duration.ZERO, grouped.announcing().gnaInterval(),
                "keepalived: the group has no gna_interval, so none");
        InstancePlan other = only(global + "garp_group {\n gna_interval 0.05\n interface eth9\n}\n"
                + instance("VI_1"));
        assertEquals(Duration.ofMillis(1), other.announcing().garpInterval());
        assertEquals(Duration.ofMillis(2), other.announcing().gnaInterval());
    }

    @Test
    void minGarpDefaults() {
        InstanceSettings s = only("global_defs {\n vrrp_min_garp\n}\n" + instance("VI_1")).settings();
        assertEquals(1, s.garpMasterRepeat());
        assertEquals(Duration.ZERO, s.garpMasterDelay());
        assertTrue(s.minGarp());
    }

    @Test
    void advertTuning() {
        InstanceSettings s = only(instance("VI_1", "down_timer_adverts 5", "lower_prio_no_advert",
                "higher_prio_send_advert")).settings();
        assertEquals(5, s.downTimerAdverts());
        assertTrue(s.lowerPrioNoAdvert());
        assertTrue(s.higherPrioSendAdvert());

        InstanceSettings g = only("global_defs {\n vrrp_lower_prio_no_advert\n vrrp_higher_prio_send_advert\n}\n"
                + instance("VI_1")).settings();
        assertTrue(g.lowerPrioNoAdvert());
        assertTrue(g.higherPrioSendAdvert());
    }

    @Test
    void vrrpStrictReachesTheInstanceSoItSendsOnlyWhatTheRfcSends() {
        assertFalse(only(instance("VI_1")).settings().strict());
        InstanceSettings s = only("global_defs {\n vrrp_strict\n}\n" + instance("VI_1")).settings();
        assertTrue(s.strict());
        assertTrue(s.lowerPrioNoAdvert());
        assertEquals(0, s.garpLowerPrioRepeat());
    }

    @Test
    void passwordAuthentication() {
        WireSettings w = only(instance("VI_1", "authentication {", "auth_type PASS", "auth_pass secret77", "}"))
                .settings().wire();
        assertEquals(AuthType.SIMPLE_PASSWORD, w.authType());
        assertEquals("secret77", w.password());
    }

    @Test
    void ahAuthenticationIsKeyedWithTheFirstEightBytes() {
        InstancePlan p = only(instance("VI_1", "authentication {", "auth_type AH", "auth_pass longpassword12", "}"));
        WireSettings w = p.settings().wire();
        assertEquals(AuthType.IP_AH, w.authType());
        assertEquals("longpass", w.password());
        assertEquals("", p.settings().advert().password(), "the key never goes on the wire");
        assertTrue(p.withPrimaryAddress(ip("10.0.0.1")).settings().advertTemplates().get(0).authHeader());
    }

    @Test
    void unicastPeersSourceAndTtl() {
        InstancePlan p = only(instance("VI_1", "unicast_src_ip 10.0.0.1", "unicast_ttl 10", "unicast_peer {",
                "10.0.0.2", "10.0.0.3 min_ttl 10 max_ttl 250", "}"));
        WireSettings w = p.settings().wire();
        assertTrue(w.unicast());
        assertEquals(10, w.unicastTtl());
        assertEquals(List.of(UnicastPeer.of(ip("10.0.0.2")), UnicastPeer.of(ip("10.0.0.3"), 10, 250)),
                w.unicastPeers());
        assertTrue(w.checkUnicastSrc(), "a TTL range turns the source check on, as in keepalived");
        assertEquals(Optional.of(ip("10.0.0.1")), p.source().configured());
        assertEquals(ip("10.0.0.1"), p.withPrimaryAddress(ip("10.0.0.1")).settings().primaryAddress());
    }

    @Test
    void receiveChecks() {
        WireSettings w = only(instance("VI_1", "skip_check_adv_addr", "unicast_peer {", "10.0.0.2", "}",
                "check_unicast_src")).settings().wire();
        assertTrue(w.skipCheckAdvAddr());
        assertTrue(w.checkUnicastSrc());
        WireSettings m = only(instance("VI_1", "mcast_src_ip 10.0.0.1")).settings().wire();
        assertFalse(m.unicast());
        assertFalse(m.checkUnicastSrc());
    }

    @Test
    void vipLinesCarryWhatRtnetlinkNeeds() {
        InstancePlan p = only("""
                vrrp_instance VI_1 {
                    interface eth0
                    virtual_router_id 51
                    virtual_ipaddress {
                        10.0.0.100/24
                        10.0.1.5/24 brd 10.0.1.255 dev eth1 scope link label eth1:vip
                        10.0.2.7
                    }
                    virtual_ipaddress_excluded {
                        10.9.0.1/16
                    }
                }
                """);
        assertEquals(List.of(
                new Vip(ip("10.0.0.100"), 24, "eth0", Optional.empty(), 0, Optional.empty(), false),
                new Vip(ip("10.0.1.5"), 24, "eth1", Optional.of(ip("10.0.1.255")), 253, Optional.of("eth1:vip"), false),
                new Vip(ip("10.0.2.7"), 32, "eth0", Optional.empty(), 0, Optional.empty(), false)), p.vips());
        assertEquals(List.of(new Vip(ip("10.9.0.1"), 16, "eth0", Optional.empty(), 0, Optional.empty(), false)),
                p.addresses().excludedVips());
        assertEquals(4, p.allAddresses().size());
        assertEquals(List.of(ip("10.0.0.100"), ip("10.0.1.5"), ip("10.0.2.7")), p.settings().advertAddresses());
        assertEquals("10.0.1.5/24 dev eth1", p.vips().get(1).toString());
    }

    @Test
    void anIpv6Slash128IsDeprecatedUnlessItsLineSaysOtherwise() {
        InstancePlan p = only("""
                vrrp_instance VI_6 {
                    interface eth0
                    virtual_router_id 7
                    virtual_ipaddress {
                        fd00::100/128
                        fd00::101/64
                        fd00::102/128 preferred_lft forever
                        fd00::103/64 preferred_lft 30
                    }
                }
                """);
        assertEquals(List.of(0L, Vip.FOREVER, Vip.FOREVER, 30L),
                p.vips().stream().map(Vip::preferredLifetime).toList(), "keepalived's implicit 0 for a /128");
    }

    @Test
    void ipv6InstanceIsVersion3() {
        InstancePlan p = only("""
                vrrp_instance VI_6 {
                    interface eth0
                    virtual_router_id 7
                    virtual_ipaddress {
                        fd00::100/64
                    }
                }
                """);
        assertEquals(StandardProtocolFamily.INET6, p.settings().family());
        assertEquals(3, p.settings().version());
        assertEquals(ip("ff02::12"), p.settings().wire().multicastGroup6());
        assertTrue(p.vips().get(0).isIpv6());
        assertEquals(64, p.vips().get(0).prefixLength());
    }

    @Test
    void scopesByNameAndNumber() {
        assertEquals(0, Scopes.parse("global"));
        assertEquals(200, Scopes.parse("site"));
        assertEquals(253, Scopes.parse("link"));
        assertEquals(254, Scopes.parse("host"));
        assertEquals(255, Scopes.parse("nowhere"));
        assertEquals(42, Scopes.parse("42"));
        assertEquals(0x10, Scopes.parse("0x10"));
    }

    @Test
    void useVmacPutsTheSocketAndTheVipsOnTheVmacAndTakesTheSourceFromTheBase() {
        InstancePlan p = only(instance("VI_1", "use_vmac"));
        VmacPlan v = p.kernel().vmac().orElseThrow();
        assertEquals(new VmacPlan("vrrp.51", "eth0", "00:00:5e:00:01:33", false, false), v);
        assertEquals("vrrp.51", p.interfaceName());
        assertEquals("eth0", p.sourceInterface());
        assertEquals("vrrp.51", p.vips().get(0).device());
        assertTrue(plan(instance("VI_1", "use_vmac")).problems().isEmpty());

        InstancePlan base = only(instance("VI_1", "use_vmac vmac9 02:11:22:33:44", "vmac_xmit_base"));
        assertEquals(new VmacPlan("vmac9", "eth0", "02:11:22:33:44:33", true, false),
                base.kernel().vmac().orElseThrow());
        assertEquals("eth0", base.interfaceName(), "vmac_xmit_base: adverts on the base interface");
        assertEquals("vmac9", base.vips().get(0).device());

        InstancePlan plain = only(instance("VI_1"));
        assertEquals(Optional.empty(), plain.kernel().vmac());
        assertEquals("eth0", plain.sourceInterface());
    }

    @Test
    void anIpv6VmacHasTheIpv6VirtualRouterMac() {
        assertEquals("00:00:5e:00:02:0a", VmacPlan.mac(10, true, Optional.empty()));
        assertEquals("00:00:5e:00:01:ff", VmacPlan.mac(255, false, Optional.empty()));
    }

    @Test
    void syncGroupsAndInstancesLeftOut() {
        VrrpPlan p = plan("""
                vrrp_sync_group G1 {
                    group {
                        VI_1
                        VI_2
                    }
                }
                """ + instance("VI_1") + """
                vrrp_instance VI_2 {
                    virtual_router_id 52
                    virtual_ipaddress {
                        10.0.0.101/24
                    }
                }
                """);
        assertEquals(List.of("VI_1"), p.instances().stream().map(InstancePlan::name).toList());
        assertTrue(p.problems().stream().anyMatch(l -> l.contains("(VI_2) has no interface")),
                p.problems()::toString);
        assertEquals(List.of(new SyncGroupPlan("G1", List.of("VI_1"))), p.syncGroups());
        assertEquals(Optional.of("G1"), p.instances().get(0).syncGroup());
    }

    @Test
    void primaryAddressConfiguredFirstThenInterfaceSkippingVips() {
        Map<String, List<InetAddress>> host = Map.of(
                "eth0", List.of(ip("10.0.0.100"), ip("fd13::1"), ip("fe80::1"), ip("10.0.0.1"), ip("10.0.0.2")),
                "eth1", List.of(ip("fd13::2")));
        PrimaryAddress.HostAddresses h = ifname -> host.getOrDefault(ifname, List.of());

        InstancePlan v4 = only(instance("VI_1"));
        assertEquals(Optional.of(ip("10.0.0.1")), PrimaryAddress.resolve(v4, h, Set.of(ip("10.0.0.100"))));
        assertEquals(Optional.of(ip("10.0.0.100")), PrimaryAddress.resolve(v4, h, Set.of()));

        InstancePlan configured = only(instance("VI_1", "mcast_src_ip 10.0.0.2"));
        assertEquals(Optional.of(ip("10.0.0.2")), PrimaryAddress.resolve(configured, h, Set.of()));

        InstancePlan v6 = only("vrrp_instance VI_6 {\n interface eth0\n virtual_router_id 7\n"
                + " virtual_ipaddress {\n fd00::100/64\n }\n}\n");
        assertEquals(Optional.of(ip("fe80::1")), PrimaryAddress.resolve(v6, h, Set.of()));

        InstancePlan onEth1 = only("vrrp_instance VI_6 {\n interface eth1\n virtual_router_id 7\n"
                + " virtual_ipaddress {\n fd00::100/64\n }\n}\n");
        assertEquals(Optional.empty(), PrimaryAddress.resolve(onEth1, h, Set.of()), "no link-local address");
    }
}
