package io.javakeepalived.config.bind;

import static io.javakeepalived.testsupport.ConfigFixture.assertClean;
import static io.javakeepalived.testsupport.ConfigFixture.assertReported;
import static io.javakeepalived.testsupport.ConfigFixture.instance;
import static io.javakeepalived.testsupport.ConfigFixture.load0;
import static io.javakeepalived.testsupport.ConfigFixture.model;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.config.ConfigErrorKind;
import io.javakeepalived.config.Diagnostic;
import io.javakeepalived.config.load.LoadResult;
import io.javakeepalived.config.model.ReferenceAddress;
import io.javakeepalived.config.model.TrackedObject;
import io.javakeepalived.testsupport.ConfigFixture;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** vrrp_reference blocks and the instances' track_reference lines, as -t reports them. */
class ReferenceBinderTest {

    private static final String GW = "vrrp_reference gw {\n address 10.0.0.254\n}\n";

    @Test
    void defaultsAreOneSecondRiseTwoFallThreeAndFault() throws Exception {
        LoadResult r = load0(GW + ConfigFixture.instance("VI_1", "track_reference gw"));
        assertClean(r);
        ReferenceAddress gw = model(r).reference("gw").orElseThrow();
        assertEquals(InetAddress.getByName("10.0.0.254"), gw.address());
        assertEquals(Optional.empty(), gw.interfaceName());
        assertEquals(Duration.ofSeconds(1), gw.interval());
        assertEquals(Duration.ofSeconds(1), gw.timeout(), "the timeout defaults to the interval");
        assertEquals(2, gw.rise());
        assertEquals(3, gw.fall());
        assertEquals(0, gw.weight());
        TrackedObject t = instance(r, "VI_1").trackers().references().get(0);
        assertEquals("gw", t.name());
        assertEquals(0, t.weight(), "the reference's own weight");
    }

    @Test
    void everyKeywordAndAWeightOnTheLine() throws Exception {
        LoadResult r = load0("vrrp_reference gw6 {\n address fe80::1\n interface eth0\n interval 0.2\n"
                + " timeout 0.15\n rise 4\n fall 5\n weight -30\n}\n"
                + ConfigFixture.instance("VI_1", "track_reference gw6", "track_reference gw6 weight 7"));
        ReferenceAddress gw = model(r).reference("gw6").orElseThrow();
        assertEquals(InetAddress.getByName("fe80::1"), gw.address());
        assertEquals(Optional.of("eth0"), gw.interfaceName());
        assertEquals(Duration.ofMillis(200), gw.interval());
        assertEquals(Duration.ofMillis(150), gw.timeout());
        assertEquals(List.of(4, 5, -30), List.of(gw.rise(), gw.fall(), gw.weight()));
        List<TrackedObject> refs = instance(r, "VI_1").trackers().references();
        assertEquals(1, refs.size(), "the second line is a duplicate");
        assertEquals(-30, refs.get(0).weight());
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "(VI_1) duplicate track_reference gw6 - ignoring");

        LoadResult w = load0(GW + ConfigFixture.instance("VI_1", "track_reference gw weight -20"));
        assertClean(w);
        assertEquals(-20, instance(w, "VI_1").trackers().references().get(0).weight());
    }

    @Test
    void errorsNameTheLineAndWhatWasExpected() {
        LoadResult r = load0("vrrp_reference none {\n interval 2\n}\n"
                + "vrrp_reference slow {\n address 10.0.0.254\n interval 1\n timeout 2\n}\n"
                + "vrrp_reference bad {\n address 224.0.0.1\n}\n"
                + ConfigFixture.instance("VI_1", "track_reference missing", "track_reference slow weight",
                "track_reference"));
        Diagnostic d = assertReported(r, ConfigErrorKind.GENERAL_ERROR,
                "No address set for vrrp_reference none, expected an 'address' line - removing");
        assertTrue(d.toString().matches(".*keepalived\\.conf:1: .*"), d.toString());
        assertEquals(7, assertReported(r, ConfigErrorKind.GENERAL_ERROR,
                "(slow) reference timeout is longer than its interval - using the interval").location().line(),
                "the timeout line");
        assertEquals(Duration.ofSeconds(1), model(r).reference("slow").orElseThrow().timeout());
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "reference address '224.0.0.1' invalid, expected a unicast");
        assertTrue(model(r).reference("none").isEmpty());
        assertTrue(model(r).reference("bad").isEmpty());
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "(VI_1) track_reference missing not found, ignoring..."
                + " (expected a vrrp_reference declared before this line)");
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "(VI_1) track_reference slow has 'weight', expected"
                + " nothing or 'weight W' - ignoring the line");
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "(VI_1) track_reference without a name");
        assertTrue(instance(r, "VI_1").trackers().references().isEmpty());
    }

    @Test
    void anAddressOwnerDropsAWeightedReferenceAsItDropsWeightedScripts() {
        LoadResult owner = load0(GW + "vrrp_reference gw0 {\n address 10.0.0.253\n}\n"
                + ConfigFixture.instance("VI_1", "priority 255", "track_reference gw weight -20",
                "track_reference gw0"));
        assertReported(owner, ConfigErrorKind.GENERAL_ERROR, "(VI_1) ignoring tracked reference gw with weight -20"
                + " due to address_owner");
        assertEquals(List.of("gw0"), instance(owner, "VI_1").trackers().references().stream()
                .map(TrackedObject::name).toList(), "a weight-0 reference still puts the owner in FAULT");
    }

    private static String member(String name, int vrid, String extra) {
        return "vrrp_instance " + name + " {\n interface eth0\n virtual_router_id " + vrid
                + "\n virtual_ipaddress {\n 10.0.0." + vrid + "/24\n }\n" + extra + "}\n";
    }

    @Test
    void aSyncGroupTracksAReferenceForItsMembersAndAnOwnerClearsItsWeight() {
        String group = "vrrp_sync_group G {\n group {\n  VI_1\n  VI_2\n }\n track_reference gw weight -20\n"
                + " sync_group_tracking_weight\n}\n";
        LoadResult r = load0(GW + member("VI_1", 1, "") + member("VI_2", 2, "") + group);
        assertClean(r);
        assertEquals(List.of(new TrackedObject("gw", -20, false, model(r).syncGroups().get(0).trackers().references()
                .get(0).location())), model(r).syncGroups().get(0).trackers().references());

        LoadResult owner = load0(GW + member("VI_1", 1, " priority 255\n") + member("VI_2", 2, "") + group);
        assertReported(owner, ConfigErrorKind.GENERAL_ERROR, "(G) Cannot have weighted track reference 'gw' with"
                + " member having priority 255 - clearing weight");
        assertEquals(0, model(owner).syncGroups().get(0).trackers().references().get(0).weight());
    }

    @Test
    void aBlockIsRefusedBecauseKeepalivedWouldCloseTheInstanceAtItsBrace() {
        LoadResult r = load0(GW + ConfigFixture.instance("VI_1", "track_reference {\n gw\n }"));
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "(VI_1) track_reference takes one line per reference"
                + " (track_reference NAME [weight W]), not a block: keepalived would end the vrrp_instance at its"
                + " '}' - ignoring");
        assertTrue(instance(r, "VI_1").trackers().references().isEmpty());
    }
}
