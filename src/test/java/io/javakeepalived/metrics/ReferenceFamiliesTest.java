package io.javakeepalived.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.daemon.LoopSnapshot;
import io.javakeepalived.daemon.dump.ConfiguredGlobals;
import io.javakeepalived.daemon.dump.ReferenceSnapshot;
import io.javakeepalived.daemon.dump.TrackingInstance;
import io.javakeepalived.daemon.dump.VrrpStateSnapshot;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The reference trackers on the page: standing, last round trip, requests and misses. */
class ReferenceFamiliesTest {

    private static ReferenceSnapshot reference(String name, String intf, String status, long rttMicros, long requests,
                                               long misses) {
        return new ReferenceSnapshot(name, "10.0.0.254", intf, new ReferenceSnapshot.Settings("1", "1", 0, 2, 3), 0,
                status, rttMicros, requests, misses, List.of(TrackingInstance.of("VI_1", 0)));
    }

    private static Exposition page(ReferenceSnapshot... references) {
        LoopSnapshot s = new LoopSnapshot(VrrpStateSnapshot.of(ConfiguredGlobals.defaults(), List.of(), List.of())
                .withReferences(List.of(references)), List.of());
        return Exposition.parse(new Scrape(s, 0).render());
    }

    @Test
    void reachableUnreachableAndUndecided() {
        Exposition e = page(reference("gw", "eth0", "REACHABLE", 1_500, 10, 1),
                reference("gw", "eth1", "UNREACHABLE", -1, 4, 4), reference("dns", null, "INIT", -1, 0, 0));
        assertEquals(1, e.one("javakeepalived_reference_reachable", "name", "gw", "intf", "eth0").value());
        assertEquals(0, e.one("javakeepalived_reference_reachable", "name", "gw", "intf", "eth1").value());
        assertEquals(2, e.family("javakeepalived_reference_reachable").size(), "nothing before the first outcome");
        assertEquals(0.0015, e.one("javakeepalived_reference_round_trip_seconds", "name", "gw", "intf", "eth0").value());
        assertEquals(1, e.family("javakeepalived_reference_round_trip_seconds").size());
        assertEquals(10, e.one("javakeepalived_reference_echo_requests_total", "intf", "eth0").value());
        assertEquals(4, e.one("javakeepalived_reference_echo_misses_total", "intf", "eth1").value());
        assertEquals(0, e.one("javakeepalived_reference_echo_requests_total", "name", "dns", "intf", "").value());
        assertEquals("counter", e.types.get("javakeepalived_reference_echo_misses_total"));
    }

    @Test
    void noReferencesNoFamilies() {
        assertTrue(page().family("javakeepalived_reference_echo_requests_total").isEmpty());
    }
}
