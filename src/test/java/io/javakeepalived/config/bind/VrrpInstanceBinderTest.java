package io.javakeepalived.config.bind;

import static io.javakeepalived.testsupport.ConfigFixture.assertClean;
import static io.javakeepalived.testsupport.ConfigFixture.assertReported;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.config.ConfigErrorKind;
import io.javakeepalived.config.load.LoadResult;
import io.javakeepalived.config.model.AddressFamily;
import io.javakeepalived.config.model.IpAddressSpec;
import io.javakeepalived.config.model.VrrpInstance;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/** vrrp_instance keywords: defaults, ranges, keepalived's fallbacks. */
class VrrpInstanceBinderTest {

    @Test
    void defaultsOfAMinimalInstance() {
        LoadResult r = load0(instance("VI_1"));
        assertClean(r);
        VrrpInstance v = instance(r, "VI_1");
        assertEquals(VrrpInstance.InitialState.BACKUP, v.state());
        assertEquals(100, v.priority());
        assertEquals(2, v.version());
        assertEquals(AddressFamily.IPV4, v.family());
        assertEquals(Duration.ofSeconds(1), v.advertInterval());
        assertEquals("eth0", v.interfaceName().orElseThrow());
        assertEquals(51, v.vrid());
        assertTrue(v.accept());
        assertFalse(v.nopreempt());
        assertEquals(Duration.ZERO, v.preemptDelay());
        assertEquals(255, v.unicastTtl());
        assertEquals("224.0.0.18", v.mcastDestination().orElseThrow().getHostAddress());
        assertEquals(3, v.downTimerAdverts());
        assertEquals(Duration.ofSeconds(5), v.garp().masterDelay());
        assertEquals(5, v.garp().masterRepeat());
        assertEquals(1, v.garp().masterRefreshRepeat());
        assertEquals(Duration.ofSeconds(5), v.garp().lowerPrioDelay());
        assertEquals(5, v.garp().lowerPrioRepeat());
        assertFalse(v.smtpAlert());
        assertTrue(v.authentication().isEmpty());
        assertEquals("eth0", v.virtualAddresses().get(0).device().orElseThrow(), "VIPs go on the instance's interface");
    }

    @Test
    void stateMasterWithoutPriorityIsTheAddressOwner() {
        VrrpInstance v = instance(load0(instance("VI_1", "state MASTER")), "VI_1");
        assertEquals(255, v.priority());
        assertEquals(VrrpInstance.InitialState.MASTER, v.state());
        assertTrue(v.isAddressOwner());
    }

    @Test
    void stateBackupWithoutPriorityIs100AndPriority255WithoutStateIsMaster() {
        assertEquals(100, instance(load0(instance("VI_1", "state BACKUP")), "VI_1").priority());
        VrrpInstance owner = instance(load0(instance("VI_1", "priority 255")), "VI_1");
        assertEquals(VrrpInstance.InitialState.MASTER, owner.state());
    }

    @Test
    void unknownStateIsReportedAndBecomesBackup() {
        LoadResult r = load0(instance("VI_1", "state PRIMARY", "priority 200"));
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "unknown state 'PRIMARY'");
        assertEquals(VrrpInstance.InitialState.BACKUP, instance(r, "VI_1").state());
        assertEquals(5, r.exitCode());
    }

    @Test
    void invalidPriorityFallsBackTo100() {
        for (String bad : List.of("0", "256", "abc", "-5")) {
            LoadResult r = load0(instance("VI_1", "priority " + bad));
            assertReported(r, ConfigErrorKind.GENERAL_ERROR, "Priority '" + bad + "' not valid");
            assertTrue(r.diagnostics().all().stream().anyMatch(d -> d.kind() == ConfigErrorKind.INVALID_NUMBER),
                    "the number itself is reported as INVALID_NUMBER");
            assertEquals(100, instance(r, "VI_1").priority(), bad);
            assertEquals(5, r.exitCode());
        }
    }

    @Test
    void priorityBoundariesAreAccepted() {
        assertEquals(1, instance(load0(instance("VI_1", "priority 1")), "VI_1").priority());
        assertEquals(254, instance(load0(instance("VI_1", "priority 254", "state BACKUP")), "VI_1").priority());
    }

    @Test
    void invalidVridIsReportedAndTheInstanceHasNone() {
        LoadResult r = load0("vrrp_instance VI_1 {\n interface eth0\n virtual_router_id 256\n"
                + " virtual_ipaddress {\n 10.0.0.1\n }\n}\n");
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "VRID '256' not valid - must be between 1 & 255");
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "the virtual router id must be set");
        assertFalse(io.javakeepalived.testsupport.ConfigFixture.model(r).vrrpRunnable());
        assertEquals(5, r.exitCode());
    }

    @Test
    void advertIntV2IsRoundedToWholeSeconds() {
        LoadResult r = load0(instance("VI_1", "advert_int 1.4"));
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "must be an integer. rounding");
        assertEquals(Duration.ofSeconds(1), instance(r, "VI_1").advertInterval());
        VrrpInstance small = instance(load0(instance("VI_1", "advert_int 0.05")), "VI_1");
        assertEquals(Duration.ofSeconds(1), small.advertInterval(), "below 1 s rounds up to 1 s");
        assertEquals(Duration.ofSeconds(3), instance(load0(instance("VI_1", "advert_int 2.5")), "VI_1")
                .advertInterval());
    }

    @Test
    void advertIntV3IsKeptInCentiseconds() {
        LoadResult r = load0(instance("VI_1", "version 3", "advert_int 0.05"));
        assertClean(r);
        VrrpInstance v = instance(r, "VI_1");
        assertEquals(Duration.ofMillis(50), v.advertInterval());
        assertEquals(5, v.advertIntervalCentis());
        LoadResult odd = load0(instance("VI_1", "version 3", "advert_int 0.123"));
        assertReported(odd, ConfigErrorKind.GENERAL_ERROR, "must be in units of 10ms - rounding");
        assertEquals(Duration.ofMillis(120), instance(odd, "VI_1").advertInterval());
        LoadResult big = load0(instance("VI_1", "version 3", "advert_int 41"));
        assertReported(big, ConfigErrorKind.GENERAL_ERROR, "is out of range");
        assertEquals(Duration.ofMillis(40950), instance(big, "VI_1").advertInterval());
    }

    @Test
    void advertIntOutOfRangeIsIgnored() {
        LoadResult r = load0(instance("VI_1", "advert_int 0"));
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "Advert interval (0) not valid");
        assertEquals(Duration.ofSeconds(1), instance(r, "VI_1").advertInterval());
        LoadResult r2 = load0(instance("VI_1", "advert_int 300"));
        assertReported(r2, ConfigErrorKind.INVALID_NUMBER, "outside range");
    }

    @Test
    void authPassIsTruncatedToEightCharacters() {
        LoadResult r = load0(instance("VI_1", "authentication {", "auth_type PASS", "auth_pass 123456789abc", "}"));
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "Truncating auth_pass to 8 characters");
        VrrpInstance.Authentication a = instance(r, "VI_1").authentication().orElseThrow();
        assertEquals(VrrpInstance.AuthType.PASS, a.type());
        assertEquals("12345678", a.password());
        assertFalse(a.toString().contains("1234"), "the password is not printed");
    }

    @Test
    void authenticationIsDroppedForVersion3() {
        LoadResult r = load0(instance("VI_1", "version 3", "authentication {", "auth_type PASS", "auth_pass x", "}"));
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "VRRP version 3 does not support authentication");
        assertTrue(instance(r, "VI_1").authentication().isEmpty());
    }

    @Test
    void authenticationWithoutPasswordIsDropped() {
        LoadResult r = load0(instance("VI_1", "authentication {", "auth_type AH", "}"));
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "Authentication specified but no password given");
        assertTrue(instance(r, "VI_1").authentication().isEmpty());
    }

    @Test
    void unknownAuthTypeIsReported() {
        LoadResult r = load0(instance("VI_1", "authentication {", "auth_type MD5", "auth_pass x", "}"));
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "unknown authentication type 'MD5'");
    }

    @Test
    void ahWithStateMasterStartsAsBackup() {
        LoadResult r = load0(instance("VI_1", "state MASTER", "priority 100", "authentication {", "auth_type AH",
                "auth_pass 1111", "}"));
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "Initial state master is incompatible with AH");
        assertEquals(VrrpInstance.InitialState.BACKUP, instance(r, "VI_1").state());
    }

    @Test
    void ipv6InstanceIsVersion3WithIpv6Group() {
        LoadResult r = load0("vrrp_instance V6 {\n interface eth0\n virtual_router_id 7\n"
                + " virtual_ipaddress {\n fe80::1\n 2001:db8::1/64\n }\n}\n");
        assertClean(r);
        VrrpInstance v = instance(r, "V6");
        assertEquals(AddressFamily.IPV6, v.family());
        assertEquals(3, v.version());
        assertEquals("ff02:0:0:0:0:0:0:12", v.mcastDestination().orElseThrow().getHostAddress());
        IpAddressSpec first = v.virtualAddresses().get(0);
        assertEquals(128, first.prefixLength());
        assertEquals(0L, first.preferredLifetime().getAsLong(), "IPv6 /128 VIPs are deprecated (preferred_lft 0)");
        assertEquals(0xFFFFFFFFL, v.virtualAddresses().get(1).preferredLifetime().getAsLong());
    }

    @Test
    void nativeIpv6ThenVersion2IsAConflict() {
        LoadResult r = load0(instance("VI_1", "native_ipv6", "version 2"));
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "Cannot specify native_ipv6 with IPv4 addresses");
        LoadResult r2 = load0("vrrp_instance V {\n native_ipv6\n version 2\n interface eth0\n virtual_router_id 1\n"
                + " virtual_ipaddress {\n fe80::1\n }\n}\n");
        assertReported(r2, ConfigErrorKind.GENERAL_ERROR, "vrrp_version 2 conflicts");
        assertEquals(3, instance(r2, "V").version());
    }

    @Test
    void vipOfTheOtherFamilyIsRejected() {
        LoadResult r = load0("vrrp_instance V {\n interface eth0\n virtual_router_id 1\n"
                + " virtual_ipaddress {\n 10.0.0.1\n fe80::1\n }\n}\n");
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "address family must match VRRP instance");
        assertEquals(1, instance(r, "V").virtualAddresses().size());
    }

    @Test
    void vipOptionsAreBound() {
        LoadResult r = load0(instance("VI_1", "virtual_ipaddress_excluded {",
                "10.1.0.1/24 brd + dev eth1 scope link label eth1:1 no_track -nodad",
                "10.2.0.1/30 brd -", "2001:db8::5/64 dev eth1", "}"));
        assertClean(r);
        List<IpAddressSpec> ex = instance(r, "VI_1").excludedAddresses();
        IpAddressSpec a = ex.get(0);
        assertEquals("eth1", a.device().orElseThrow());
        assertEquals("10.1.0.255", a.broadcast().orElseThrow().getHostAddress());
        assertEquals("link", a.scope().orElseThrow());
        assertEquals("eth1:1", a.label().orElseThrow());
        assertTrue(a.noTrack());
        assertTrue(a.noDad());
        assertEquals("10.2.0.0", ex.get(1).broadcast().orElseThrow().getHostAddress());
        assertEquals("eth0", ex.get(1).device().orElseThrow());
    }

    @Test
    void badVipLinesAreSkippedWithAReason() {
        LoadResult r = load0(instance("VI_1", "virtual_ipaddress_excluded {", "10.0.0./24", "10.0.0.2 dev eth9",
                "10.0.0.3 colour blue", "10.0.0.4 label", "}"), "lo", "eth0");
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "VRRP parsed invalid IP 10.0.0./24");
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "interface eth9 for ip address 10.0.0.2 doesn't exist");
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "Unknown configuration entry 'colour'");
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "No label parameter specified for 10.0.0.4");
        assertReported(r, ConfigErrorKind.BAD_INTERFACE, "Non-existent interface");
        assertEquals(5, r.exitCode(), "BAD_INTERFACE plus general errors: keepalived keeps the least severe");
    }

    /** Found by the long config fuzz: the ':' in the prefix made an IPv4 VIP a /128 and the plan threw. */
    @Test
    void aColonInThePrefixOfAnIpv4VipSkipsTheLineAsKeepalivedDoes() {
        LoadResult r = load0(instance("VI_1", "virtual_ipaddress {", "10.0.0.9/:32", "10.0.0.8/24", "}"),
                "lo", "eth0");
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "VRRP parsed invalid IP 10.0.0.9/:32");
        VrrpInstance v = r.config().orElseThrow().instances().get(0);
        assertEquals(List.of("10.0.0.100", "10.0.0.8"),
                v.virtualAddresses().stream().map(a -> a.address().getHostAddress()).toList());
        assertEquals(2, io.javakeepalived.daemon.model.ConfigMapping.plan(r.config().orElseThrow()).instances()
                .get(0).vips().size(), "the daemon's plan is made, with the good VIPs");
    }

    private static LoadResult load0(String text, String... ifs) {
        return io.javakeepalived.testsupport.ConfigFixture.host().interfaces(ifs).load(text);
    }

    private static LoadResult load0(String text) {
        return io.javakeepalived.testsupport.ConfigFixture.load0(text);
    }

    private static VrrpInstance instance(LoadResult r, String name) {
        return io.javakeepalived.testsupport.ConfigFixture.instance(r, name);
    }

    private static String instance(String name, String... extra) {
        return io.javakeepalived.testsupport.ConfigFixture.instance(name, extra);
    }

    @Test
    void unicastPeersAndTtlRange() {
        LoadResult r = load0(instance("VI_1", "unicast_src_ip 10.0.0.1", "unicast_peer {",
                "10.0.0.2 min_ttl 250 max_ttl 255", "10.0.0.3", "}"));
        assertClean(r);
        VrrpInstance v = instance(r, "VI_1");
        assertTrue(v.unicast());
        assertTrue(v.checkUnicastSource(), "min/max_ttl enable the source check");
        assertEquals(2, v.unicastPeers().size());
        assertEquals(250, v.unicastPeers().get(0).minTtl());
        assertEquals(0, v.unicastPeers().get(1).minTtl());
        assertEquals(255, v.unicastPeers().get(1).maxTtl());
        assertTrue(v.mcastDestination().isEmpty());
        assertEquals("10.0.0.1", v.sourceAddress().orElseThrow().getHostAddress());
    }

    @Test
    void unicastKeywordWithoutPeersIsDeprecated() {
        LoadResult r = load0(instance("VI_1", "unicast_src_ip 10.0.0.1"));
        assertReported(r, ConfigErrorKind.DEPRECATED, "without any unicast peers");
        assertFalse(instance(r, "VI_1").unicast());
        LoadResult fault = load0(instance("VI_1", "unicast_fault_no_peer"));
        assertEquals(0, fault.exitCode());
        assertTrue(instance(fault, "VI_1").configFault());
    }

    @Test
    void unicastTtlWithoutPeersIsReset() {
        LoadResult r = load0(instance("VI_1", "unicast_ttl 10"));
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "Cannot use unicast_ttl without unicast peers");
    }

    @Test
    void malformedPeerIsSkipped() {
        LoadResult r = load0(instance("VI_1", "unicast_peer {", "10.0.0.256", "fe80::2", "}"));
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "malformed unicast peer address [10.0.0.256]");
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "MUST be of the same family");
    }

    @Test
    void booleanKeywordsTakeAnOptionalValue() {
        VrrpInstance v = instance(load0(instance("VI_1", "smtp_alert", "lower_prio_no_advert yes",
                "higher_prio_send_advert on", "skip_check_adv_addr")), "VI_1");
        assertTrue(v.smtpAlert());
        assertTrue(v.lowerPrioNoAdvert());
        assertTrue(v.higherPrioSendAdvert());
        assertTrue(v.skipCheckAdvAddr());
        LoadResult bad = load0(instance("VI_1", "smtp_alert maybe"));
        assertReported(bad, ConfigErrorKind.GENERAL_ERROR, "invalid smtp_alert maybe");
    }

    @Test
    void garpKeywords() {
        LoadResult r = load0(instance("VI_1", "garp_master_delay 10", "garp_master_repeat 0",
                "garp_master_refresh 60", "garp_master_refresh_repeat 2", "garp_lower_prio_delay 3",
                "garp_lower_prio_repeat 1", "down_timer_adverts 5"));
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "garp_master_repeat must be greater than 0, setting to 1");
        VrrpInstance v = instance(r, "VI_1");
        assertEquals(Duration.ofSeconds(10), v.garp().masterDelay());
        assertEquals(1, v.garp().masterRepeat());
        assertEquals(Duration.ofSeconds(60), v.garp().masterRefresh());
        assertEquals(2, v.garp().masterRefreshRepeat());
        assertEquals(Duration.ofSeconds(3), v.garp().lowerPrioDelay());
        assertEquals(1, v.garp().lowerPrioRepeat());
        assertEquals(5, v.downTimerAdverts());
    }

    @Test
    void instanceTakesGlobalDefaultsReadBeforeIt() {
        LoadResult r = load0("global_defs {\n vrrp_garp_master_delay 7\n vrrp_garp_master_repeat 2\n"
                + " vrrp_version 3\n vrrp_mcast_group4 224.0.0.20\n vrrp_skip_check_adv_addr\n}\n" + instance("VI_1"));
        assertClean(r);
        VrrpInstance v = instance(r, "VI_1");
        assertEquals(Duration.ofSeconds(7), v.garp().masterDelay());
        assertEquals(2, v.garp().masterRepeat());
        assertEquals(Duration.ofSeconds(7), v.garp().lowerPrioDelay(), "lower_prio_delay defaults to master delay");
        assertEquals(3, v.version());
        assertEquals("224.0.0.20", v.mcastDestination().orElseThrow().getHostAddress());
        assertTrue(v.skipCheckAdvAddr());
    }

    @Test
    void useVmacNameAndMac() {
        VrrpInstance v = instance(load0(instance("VI_1", "use_vmac")), "VI_1");
        assertEquals("vrrp.51", v.vmac().orElseThrow().interfaceName());
        assertEquals("vrrp.51", v.virtualAddresses().get(0).device().orElseThrow(), "VIPs move to the VMAC");
        VrrpInstance named = instance(load0(instance("VI_1", "use_vmac vrrp4.1 02:11:22:33:44")), "VI_1");
        assertEquals("vrrp4.1", named.vmac().orElseThrow().interfaceName());
        assertEquals("02:11:22:33:44", named.vmac().orElseThrow().mac().orElseThrow());
        LoadResult bad = load0(instance("VI_1", "use_vmac 00:00:5e:00:01:05"));
        assertReported(bad, ConfigErrorKind.GENERAL_ERROR, "not allowed to be an RFC5798 address");
        LoadResult multi = load0(instance("VI_1", "use_vmac 01:00:00:00:00:01"));
        assertReported(multi, ConfigErrorKind.GENERAL_ERROR, "is multicast");
    }

    @Test
    void vmacOnNonEthernetInterfaceFaults() {
        io.javakeepalived.config.host.InterfaceInfo tun = new io.javakeepalived.config.host.InterfaceInfo("tun0",
                65534, 0x1001, 1500);
        LoadResult r = io.javakeepalived.testsupport.ConfigFixture.host()
                .interfaces(io.javakeepalived.config.host.InterfaceDirectory.of(tun))
                .load("vrrp_instance V {\n interface tun0\n virtual_router_id 1\n use_vmac\n"
                        + " virtual_ipaddress {\n 10.0.0.1\n }\n}\n");
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "vmacs are only supported on Ethernet type interfaces");
        assertTrue(instance(r, "V").configFault());
    }

    @Test
    void interfaceWithoutMulticastNeedsUnicast() {
        io.javakeepalived.config.host.InterfaceInfo p2p = new io.javakeepalived.config.host.InterfaceInfo("wg0",
                65534, 0x91, 1420);
        LoadResult r = io.javakeepalived.testsupport.ConfigFixture.host()
                .interfaces(io.javakeepalived.config.host.InterfaceDirectory.of(p2p))
                .load("vrrp_instance V {\n interface wg0\n virtual_router_id 1\n virtual_ipaddress {\n 10.0.0.1\n"
                        + " }\n}\n");
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "does not support multicast");
        assertTrue(instance(r, "V").configFault());
    }

    @Test
    void loopbackInterfaceIsRefused() {
        LoadResult r = load0("vrrp_instance V {\n interface lo\n virtual_router_id 1\n virtual_ipaddress {\n"
                + " 10.0.0.1\n }\n}\n");
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "cannot use a loopback interface (lo)");
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "Unknown interface!");
        assertFalse(io.javakeepalived.testsupport.ConfigFixture.model(r).vrrpRunnable());
    }

    @Test
    void tooManyVipsMoveToExcluded() {
        StringBuilder vips = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            vips.append("10.1.").append(i / 250).append('.').append(i % 250 + 1).append('\n');
        }
        LoadResult r = load0("vrrp_instance V {\n interface eth0\n virtual_router_id 1\n virtual_ipaddress {\n"
                + vips + "}\n}\n");
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "exceeds maximum/space available in packet (max 255");
        VrrpInstance v = instance(r, "V");
        assertEquals(255, v.virtualAddresses().size());
        assertEquals(45, v.excludedAddresses().size());
    }

    @Test
    void notifyScriptsAreSplitLikeKeepalived() {
        LoadResult r = load0(instance("VI_1", "notify_master \"/usr/local/bin/x.sh 'a b' c\"",
                "notify /usr/local/bin/n.sh", "notify_stop /usr/local/bin/s.sh root root"));
        VrrpInstance v = instance(r, "VI_1");
        // the scripts do not exist on the fake host: keepalived drops them silently under -t
        assertEquals(0, r.exitCode());
        assertTrue(v.notifyScripts().master().isEmpty());
    }

    @Test
    void notifyScriptAlreadySpecified() {
        io.javakeepalived.testsupport.FakeFileSystem fs = io.javakeepalived.testsupport.FakeFileSystem.typicalHost()
                .file("/etc/keepalived/n.sh", 0, 0, 0700);
        LoadResult r = io.javakeepalived.testsupport.ConfigFixture.host().files(fs).load(
                "global_defs {\n enable_script_security\n script_user root\n}\n"
                        + instance("VI_1", "notify_master \"/etc/keepalived/n.sh 'a b' c\"",
                        "notify_master /etc/keepalived/n.sh"));
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "notify_master script already specified");
        var s = instance(r, "VI_1").notifyScripts().master().orElseThrow();
        assertEquals("/etc/keepalived/n.sh 'a b' c", s.configured());
        assertEquals(List.of("/etc/keepalived/n.sh", "a b", "c"), s.argv());
    }
}
