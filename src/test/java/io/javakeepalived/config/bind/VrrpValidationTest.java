package io.javakeepalived.config.bind;

import static io.javakeepalived.testsupport.ConfigFixture.assertClean;
import static io.javakeepalived.testsupport.ConfigFixture.assertNotReported;
import static io.javakeepalived.testsupport.ConfigFixture.assertReported;
import static io.javakeepalived.testsupport.ConfigFixture.instance;
import static io.javakeepalived.testsupport.ConfigFixture.model;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.config.ConfigErrorKind;
import io.javakeepalived.config.Diagnostic;
import io.javakeepalived.config.load.LoadResult;
import io.javakeepalived.config.model.KeepalivedConfig;
import io.javakeepalived.config.model.VrrpInstance;
import io.javakeepalived.testsupport.ConfigFixture;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/** keepalived's vrrp_complete_init / vrrp_complete_instance checks. */
class VrrpValidationTest {

    private static LoadResult load(String text) {
        return ConfigFixture.load0(text);
    }

    private static String vi(String name, String... extra) {
        return ConfigFixture.instance(name, extra);
    }

    @Test
    void vridIsRequired() {
        LoadResult r = load("vrrp_instance VI_1 {\n interface eth0\n virtual_ipaddress {\n 10.0.0.1\n }\n}\n");
        Diagnostic d = assertReported(r, ConfigErrorKind.GENERAL_ERROR, "(VI_1) the virtual router id must be set");
        assertEquals(1, d.location().line(), "the message points at the instance");
        KeepalivedConfig c = model(r);
        assertFalse(c.vrrpRunnable());
        assertEquals(d, c.vrrpStartFailure().orElseThrow());
        assertEquals(5, r.exitCode());
    }

    @Test
    void interfaceIsRequired() {
        LoadResult r = load("vrrp_instance VI_1 {\n virtual_router_id 1\n virtual_ipaddress {\n 10.0.0.1\n }\n}\n");
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "(VI_1) Unknown interface!");
        assertFalse(model(r).vrrpRunnable());
    }

    @Test
    void missingInterfaceIsBadInterfaceAndStopsFurtherChecks() {
        LoadResult r = ConfigFixture.host().interfaces("lo", "eth0").load(vi("VI_1") + "vrrp_instance VI_2 {\n"
                + " interface eth7\n virtual_router_id 51\n virtual_ipaddress {\n 10.0.1.1\n }\n}\n");
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "WARNING - interface eth7 for vrrp_instance VI_2 doesn't"
                + " exist");
        Diagnostic bad = assertReported(r, ConfigErrorKind.BAD_INTERFACE,
                "Non-existent interface specified in configuration");
        assertEquals(9, bad.location().line(), "points at the first missing interface");
        assertNotReported(r, "the virtual router id must be set");
        assertFalse(model(r).vrrpRunnable());
        assertEquals(5, r.exitCode(), "the interface warning (GENERAL_ERROR) is less severe than BAD_INTERFACE");
    }

    @Test
    void staticAddressWithoutDefaultInterfaceCannotRun() {
        LoadResult r = ConfigFixture.host().interfaces("lo", "eth1").load("static_ipaddress {\n 10.9.9.9/32\n}\n");
        assertReported(r, ConfigErrorKind.FATAL, "requires either an interface or the default interface (eth0)");
        assertReported(r, ConfigErrorKind.BAD_INTERFACE, "Non-existent interface");
        assertEquals(4, r.exitCode(), "only 'cannot run' kinds were reported");
        LoadResult withDefault = ConfigFixture.host().interfaces("lo", "eth1").load(
                "global_defs {\n default_interface eth1\n}\nstatic_ipaddress {\n 10.9.9.9/32\n}\n");
        assertClean(withDefault);
        assertEquals("eth1", model(withDefault).staticAddresses().get(0).device().orElseThrow());
    }

    @Test
    void dynamicInterfacesAcceptsMissingInterfaces() {
        LoadResult r = ConfigFixture.host().interfaces("lo", "eth0").load("global_defs {\n dynamic_interfaces\n}\n"
                + "vrrp_instance VI_1 {\n interface eth7\n virtual_router_id 51\n virtual_ipaddress {\n 10.0.1.1\n"
                + " }\n track_interface {\n eth8\n }\n}\n");
        assertClean(r);
        VrrpInstance v = instance(r, "VI_1");
        assertEquals("eth7", v.interfaceName().orElseThrow());
        assertTrue(model(r).vrrpRunnable());
    }

    @Test
    void duplicateVridOnOneInterfaceAndFamily() {
        LoadResult r = load(vi("VI_1") + vi("VI_2"));
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "VI_1 and VI_2 both use VRID 51 with IPv4 on interface eth0");
        assertFalse(model(r).vrrpRunnable());
        assertEquals(5, r.exitCode());
    }

    @Test
    void sameVridOnOtherInterfaceOrFamilyIsFine() {
        LoadResult r = load(vi("VI_1") + vi("VI_2").replace("interface eth0", "interface eth1")
                + "vrrp_instance V6 {\n interface eth0\n virtual_router_id 51\n virtual_ipaddress {\n fe80::1\n }\n}\n");
        assertClean(r);
    }

    @Test
    void nopreemptWithStateMasterIsClearedWithAWarning() {
        LoadResult r = load(vi("VI_1", "state MASTER", "priority 150", "nopreempt"));
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "nopreempt will not work with initial state MASTER");
        assertFalse(instance(r, "VI_1").nopreempt());
        LoadResult backup = load(vi("VI_1", "state BACKUP", "priority 150", "nopreempt"));
        assertClean(backup);
        assertTrue(instance(backup, "VI_1").nopreempt());
    }

    @Test
    void nopreemptIsIncompatibleWithTheOwner() {
        LoadResult r = load(vi("VI_1", "state BACKUP", "priority 255", "nopreempt"));
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "nopreempt is incompatible with priority 255");
    }

    @Test
    void preemptDelayRules() {
        LoadResult m = load(vi("VI_1", "state MASTER", "priority 150", "preempt_delay 5"));
        assertReported(m, ConfigErrorKind.GENERAL_ERROR, "preempt delay will not work with initial state MASTER");
        assertEquals(Duration.ZERO, instance(m, "VI_1").preemptDelay());
        LoadResult n = load(vi("VI_1", "state BACKUP", "nopreempt", "preempt_delay 5"));
        assertReported(n, ConfigErrorKind.GENERAL_ERROR, "preempt_delay is incompatible with nopreempt");
        LoadResult ok = load(vi("VI_1", "state BACKUP", "preempt_delay 2.5"));
        assertClean(ok);
        assertEquals(Duration.ofMillis(2500), instance(ok, "VI_1").preemptDelay());
        LoadResult bad = load(vi("VI_1", "preempt_delay 1001"));
        assertReported(bad, ConfigErrorKind.GENERAL_ERROR, "Preempt_delay not valid");
    }

    @Test
    void strictModeRules() {
        LoadResult r = load("global_defs {\n vrrp_strict\n}\n" + vi("VI_1", "state MASTER", "priority 100",
                "authentication {", "auth_type PASS", "auth_pass secret", "}", "accept", "garp_lower_prio_repeat 2",
                "preempt_delay 3", "down_timer_adverts 4", "lower_prio_no_advert off", "higher_prio_send_advert"));
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "State MASTER must match being address owner");
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "Strict mode does not support authentication");
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "accept mode for VRRP version 2 does not comply with"
                + " RFC3768");
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "Strict mode requires no repeat garps");
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "preempt_delay is incompatible with strict mode");
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "down_timer_adverts is incompatible with strict mode");
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "Strict mode requires no lower priority advert");
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "strict mode requires higher_prio_send_advert");
        VrrpInstance v = instance(r, "VI_1");
        assertTrue(v.strictMode());
        assertEquals(VrrpInstance.InitialState.BACKUP, v.state());
        assertTrue(v.authentication().isEmpty());
        assertFalse(v.accept());
        assertEquals(0, v.garp().lowerPrioRepeat());
        assertEquals(Duration.ZERO, v.garp().lowerPrioDelay());
        assertTrue(v.lowerPrioNoAdvert());
        assertFalse(v.higherPrioSendAdvert());
        assertEquals(3, v.downTimerAdverts());
    }

    @Test
    void strictOwnerKeepsAcceptAndStrictRequiresVips() {
        LoadResult owner = load(vi("VI_1", "strict_mode", "state MASTER", "priority 255"));
        assertClean(owner);
        assertTrue(instance(owner, "VI_1").accept());
        LoadResult none = load("vrrp_instance VI_1 {\n strict_mode on\n interface eth0\n virtual_router_id 5\n}\n");
        assertReported(none, ConfigErrorKind.GENERAL_ERROR, "No VIP specified; at least one is required");
        assertFalse(model(none).vrrpRunnable());
    }

    @Test
    void v2WithoutVipsIsOnlySensible() {
        LoadResult r = load("vrrp_instance VI_1 {\n interface eth0\n virtual_router_id 5\n}\n");
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "No VIP specified; at least one is sensible");
        assertTrue(model(r).vrrpRunnable());
    }

    @Test
    void strictIpv6FirstVipMustBeLinkLocal() {
        LoadResult r = load("global_defs {\n vrrp_strict\n}\nvrrp_instance V {\n interface eth0\n virtual_router_id 1\n"
                + " priority 255\n virtual_ipaddress {\n 2001:db8::1\n }\n}\n");
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "the first IPv6 VIP address must be link local");
        LoadResult lax = load("vrrp_instance V {\n interface eth0\n virtual_router_id 1\n virtual_ipaddress {\n"
                + " 2001:db8::1\n }\n}\n");
        assertClean(lax);
    }

    @Test
    void unknownTrackScriptIsReported() {
        LoadResult r = load(vi("VI_1", "track_script {", "chk_missing", "}"));
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "(VI_1) track script chk_missing not found");
        assertTrue(instance(r, "VI_1").trackers().scripts().isEmpty());
    }

    @Test
    void trackScriptMustBeDeclaredBeforeUse() {
        LoadResult r = load(vi("VI_1", "track_script {", "chk", "}") + "vrrp_script chk {\n script \"/bin/true\"\n}\n");
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "track script chk not found");
    }

    @Test
    void trackedOwnInterfaceIsIgnored() {
        LoadResult r = load(vi("VI_1", "track_interface {", "eth0", "eth1 weight 10", "}"));
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "Ignoring track_interface eth0 since own interface");
        assertEquals(List.of("eth1"), instance(r, "VI_1").trackers().interfaces().stream().map(t -> t.name()).toList());
    }

    @Test
    void ownerIgnoresWeightedTrackers() {
        LoadResult r = load(vi("VI_1", "priority 255", "track_interface {", "eth1 weight 10", "}"));
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "ignoring eth1 tracked interface due to address owner");
        assertTrue(instance(r, "VI_1").trackers().interfaces().isEmpty());
    }

    @Test
    void syncGroupWithoutMembers() {
        LoadResult r = load("vrrp_sync_group G {\n VI_1\n}\n" + vi("VI_1"));
        assertReported(r, ConfigErrorKind.UNKNOWN_KEYWORD, "Unknown keyword 'VI_1'");
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "Sync group G has no virtual router(s)");
        assertTrue(model(r).syncGroups().isEmpty());
    }

    @Test
    void syncGroupMembersAreResolved() {
        LoadResult r = load("vrrp_sync_group G {\n group {\n VI_1\n VI_2\n VI_9\n }\n}\n" + vi("VI_1")
                + vi("VI_2").replace("virtual_router_id 51", "virtual_router_id 52"));
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "Virtual router VI_9 specified in sync group G doesn't"
                + " exist");
        KeepalivedConfig c = model(r);
        assertEquals(List.of("VI_1", "VI_2"), c.syncGroups().get(0).members());
        assertEquals("G", instance(r, "VI_2").syncGroup().orElseThrow());
    }

    @Test
    void syncGroupWithOneMemberIsProbablyWrong() {
        LoadResult r = load("vrrp_sync_group G {\n group {\n VI_1\n }\n}\n" + vi("VI_1"));
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "Sync group G has only 1 virtual router(s)");
    }

    @Test
    void syncGroupMemberWeightsAreZeroedUnlessTrackingWeight() {
        String body = vi("VI_1", "track_interface {", "eth1 weight 5", "}") + vi("VI_2").replace("51", "52");
        LoadResult r = load("vrrp_sync_group G {\n group {\n VI_1\n VI_2\n }\n}\n" + body);
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "ignoring eth1 tracked interface weight due to SYNC group");
        assertEquals(0, instance(r, "VI_1").trackers().interfaces().get(0).weight());
        LoadResult w = load("vrrp_sync_group G {\n group {\n VI_1\n VI_2\n }\n sync_group_tracking_weight\n}\n" + body);
        assertClean(w);
        assertEquals(5, instance(w, "VI_1").trackers().interfaces().get(0).weight());
    }

    @Test
    void memberInTwoSyncGroups() {
        LoadResult r = load("vrrp_sync_group G {\n group {\n VI_1\n VI_2\n }\n}\nvrrp_sync_group H {\n group {\n VI_1\n"
                + " VI_2\n }\n}\n" + vi("VI_1") + vi("VI_2").replace("51", "52"));
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "Virtual router VI_1 cannot exist in more than one sync group");
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "Sync group H, no matching virtual router found");
    }

    @Test
    void duplicateInstanceName() {
        LoadResult r = load(vi("VI_1") + vi("VI_1"));
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "vrrp instance VI_1 already defined");
        assertEquals(1, model(r).instances().size());
    }

    @Test
    void instanceWithoutName() {
        LoadResult r = load("vrrp_instance {\n interface eth0\n}\n");
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "vrrp_instance must have a name");
    }

    @Test
    void smtpAlertFollowsTheGlobalSettings() {
        assertTrue(instance(load("global_defs {\n smtp_alert\n}\n" + vi("VI_1")), "VI_1").smtpAlert());
        assertFalse(instance(load("global_defs {\n smtp_alert\n smtp_alert_vrrp off\n}\n" + vi("VI_1")), "VI_1")
                .smtpAlert());
    }
}
