package io.javakeepalived.track;

import static io.javakeepalived.track.TrackingConfigs.instance;
import static io.javakeepalived.track.TrackingConfigs.load;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.track.TrackScriptState.Delivery;
import io.javakeepalived.vrrp.Event;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class InterfaceTrackingTest {

    @Test
    void unweightedIsFaultWeightedMovesThePriority() {
        InterfaceTracking t = InterfaceTracking.fromConfig(load(
                instance("VI_1", 1, 100, " track_interface {\n  eth1\n  eth2 weight -30\n }\n")
                        + instance("VI_2", 2, 100, " track_interface {\n  eth2 weight 20 reverse\n }\n")));
        assertEquals(Set.of("eth1", "eth2"), t.interfaces());
        assertEquals(List.of(new Delivery("VI_1", new Event.InterfaceDown("eth1"))), t.linkState("eth1", false));
        assertEquals(List.of(new Delivery("VI_1", new Event.InterfaceUp("eth1"))), t.linkState("eth1", true));
        assertEquals(List.of(new Delivery("VI_1", new Event.WeightChanged("interface eth2", -30)),
                new Delivery("VI_2", new Event.WeightChanged("interface eth2", 0))), t.linkState("eth2", false));
        assertEquals(List.of(new Delivery("VI_1", new Event.WeightChanged("interface eth2", 0)),
                new Delivery("VI_2", new Event.WeightChanged("interface eth2", -20))), t.linkState("eth2", true));
        assertEquals(List.of(), t.linkState("eth0", false), "own interfaces are the loop's business");
    }

    @Test
    void interfacesOfVipsOnOtherDevicesAreTrackedUnlessNoTrack() {
        InterfaceTracking t = InterfaceTracking.fromConfig(load(
                "vrrp_instance VI_1 {\n interface eth0\n virtual_router_id 1\n priority 100\n"
                        + " virtual_ipaddress {\n  10.0.0.1/24\n  10.0.1.1/24 dev eth1\n  10.0.2.1/24 dev eth2 no_track\n }\n"
                        + " virtual_ipaddress_excluded {\n  10.0.3.1/24 dev eth0\n }\n}\n"));
        assertEquals(Set.of("eth1"), t.interfaces());
        assertEquals(List.of(new Delivery("VI_1", new Event.InterfaceDown("eth1"))), t.linkState("eth1", false));
    }

    @Test
    void dontTrackPrimaryAndSyncGroupInterfaces() {
        InterfaceTracking t = InterfaceTracking.fromConfig(load(
                "vrrp_sync_group G {\n group {\n  VI_1\n  VI_2\n }\n track_interface {\n  eth1\n }\n}\n"
                        + instance("VI_1", 1, 100, " dont_track_primary\n")
                        + instance("VI_2", 2, 100, "")));
        assertFalse(t.tracksOwnInterface("VI_1"));
        assertTrue(t.tracksOwnInterface("VI_2"));
        assertEquals(List.of(new Delivery("VI_1", new Event.InterfaceDown("eth1")),
                new Delivery("VI_2", new Event.InterfaceDown("eth1"))), t.linkState("eth1", false));
    }

    @Test
    void aReloadTakesBackWhatTheNewTrackingNoLongerSays() {
        InterfaceTracking before = InterfaceTracking.fromConfig(load(
                instance("VI_1", 1, 100, " track_interface {\n  eth1\n  eth2 weight -30\n }\n")
                        + instance("VI_2", 2, 100, " track_interface {\n  eth2 weight 20\n }\n")));
        InterfaceTracking after = InterfaceTracking.fromConfig(load(
                instance("VI_1", 1, 100, " track_interface {\n  eth2\n }\n")
                        + instance("VI_2", 2, 100, " track_interface {\n  eth2 weight 10\n }\n")));
        assertEquals(Set.of(new Delivery("VI_1", new Event.InterfaceUp("eth1")),
                new Delivery("VI_1", new Event.WeightChanged("interface eth2", 0))), Set.copyOf(before.withdrawnBy(after)),
                "VI_2 still tracks eth2 with a weight: restated, not withdrawn");
        assertEquals(List.of(), after.withdrawnBy(after));
    }
}
