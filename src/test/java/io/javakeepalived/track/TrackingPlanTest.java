package io.javakeepalived.track;

import static io.javakeepalived.track.TrackingConfigs.instance;
import static io.javakeepalived.track.TrackingConfigs.load;
import static io.javakeepalived.track.TrackingConfigs.script;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.vrrp.Event;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class TrackingPlanTest {

    private static TrackScriptState state(TrackingPlan p, String script) {
        return p.scripts().stream().filter(s -> s.script().name().equals(script)).findFirst().orElseThrow().state();
    }

    @Test
    void trackScriptLineOverridesTheScriptsWeightAndUnusedScriptsDoNotRun() {
        TrackingPlan p = TrackingPlan.fromConfig(load(
                script("chk", "a.sh", " weight -20\n fall 3\n rise 2\n")
                        + script("unused", "b.sh", "")
                        + instance("VI_1", 1, 100, " track_script {\n  chk\n }\n")
                        + instance("VI_2", 2, 100, " track_script {\n  chk weight 10 reverse\n }\n")));
        assertEquals(List.of("chk"), p.scripts().stream().map(s -> s.script().name()).toList());
        assertEquals(List.of(new TrackScriptState.Tracking("VI_1", -20, false),
                new TrackScriptState.Tracking("VI_2", 10, true)), state(p, "chk").tracking());
        assertTrue(p.awaiting().isEmpty(), "weighted scripts do not hold anyone in INIT");
    }

    @Test
    void weightZeroScriptsHoldTheirInstancesUnlessInitFail() {
        TrackingPlan p = TrackingPlan.fromConfig(load(
                script("up", "a.sh", "") + script("starts_failed", "b.sh", " init_fail\n")
                        + instance("VI_1", 1, 100, " track_script {\n  up\n  starts_failed\n }\n")
                        + instance("VI_2", 2, 100, " track_script {\n  starts_failed\n }\n")));
        assertEquals(Map.of("VI_1", Set.of("script up")), p.awaiting());
        assertEquals(List.of(new TrackScriptState.Delivery("VI_1", new Event.FaultRaised("script starts_failed")),
                new TrackScriptState.Delivery("VI_2", new Event.FaultRaised("script starts_failed"))),
                state(p, "starts_failed").initialEvents());
    }

    @Test
    void syncGroupScriptsApplyToEveryMemberAndAnInstancesOwnLineComesFirst() {
        TrackingPlan p = TrackingPlan.fromConfig(load(
                script("chk", "a.sh", "") + script("grp", "b.sh", "")
                        + "vrrp_sync_group G {\n group {\n  VI_1\n  VI_2\n }\n track_script {\n  grp\n  chk\n }\n}\n"
                        + instance("VI_1", 1, 100, " track_script {\n  chk\n }\n")
                        + instance("VI_2", 2, 100, "")));
        assertEquals(List.of(new TrackScriptState.Tracking("VI_1", 0, false),
                new TrackScriptState.Tracking("VI_2", 0, false)), state(p, "grp").tracking());
        assertEquals(List.of(new TrackScriptState.Tracking("VI_1", 0, false),
                new TrackScriptState.Tracking("VI_2", 0, false)), state(p, "chk").tracking());
        assertEquals(List.of(List.of("VI_1", "VI_2")), p.groups());
        assertEquals(Map.of("VI_1", Set.of("script grp", "script chk"), "VI_2", Set.of("script grp", "script chk")),
                p.awaiting());
    }

    @Test
    void weightedScriptsOfSyncGroupMembersAreDroppedWithoutSyncGroupTrackingWeight() {
        TrackingPlan p = TrackingPlan.fromConfig(load(
                script("chk", "a.sh", " weight -20\n")
                        + "vrrp_sync_group G {\n group {\n  VI_1\n  VI_2\n }\n}\n"
                        + instance("VI_1", 1, 100, " track_script {\n  chk\n }\n")
                        + instance("VI_2", 2, 100, "")));
        assertTrue(p.isEmpty(), "keepalived ignores weighted scripts in sync groups: " + p.scripts());

        TrackingPlan kept = TrackingPlan.fromConfig(load(
                script("chk", "a.sh", " weight -20\n")
                        + "vrrp_sync_group G {\n group {\n  VI_1\n  VI_2\n }\n sync_group_tracking_weight\n}\n"
                        + instance("VI_1", 1, 100, " track_script {\n  chk\n }\n")
                        + instance("VI_2", 2, 100, "")));
        assertEquals(List.of(new TrackScriptState.Tracking("VI_1", -20, false)), state(kept, "chk").tracking());
    }
}
