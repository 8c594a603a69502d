package io.javakeepalived.track;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.javakeepalived.vrrp.Event;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class StartupGateTest {
    private final List<String> out = new ArrayList<>();
    private final CheckerLoop.Sink sink = (i, e) -> out.add(i + " " + e);

    @Test
    void startsAnInstanceRightAfterTheLastAwaitedScriptsFirstReport() {
        StartupGate g = new StartupGate(Map.of("VI_1", Set.of("script a", "script b")), List.of(), sink);
        assertEquals(Set.of("VI_1"), g.held());
        g.post("VI_1", new Event.WeightChanged("script w", -10));
        g.post("VI_1", new Event.FaultCleared("script a"));
        g.post("VI_1", new Event.FaultCleared("script a"));
        assertEquals(3, out.size(), "events pass, no start yet: " + out);
        g.post("VI_1", new Event.FaultRaised("script b"));
        assertEquals(List.of("VI_1 " + new Event.WeightChanged("script w", -10),
                "VI_1 " + new Event.FaultCleared("script a"), "VI_1 " + new Event.FaultCleared("script a"),
                "VI_1 " + new Event.FaultRaised("script b"), "VI_1 " + new Event.Startup()), out);
        g.post("VI_1", new Event.FaultCleared("script b"));
        assertEquals(6, out.size(), "started once: " + out);
    }

    @Test
    void aSyncGroupStartsWhenItsSlowestMemberMay() {
        StartupGate g = new StartupGate(Map.of("VI_1", Set.of("script a"), "VI_3", Set.of("script c")),
                List.of(List.of("VI_1", "VI_2", "VI_3")), sink);
        assertEquals(Set.of("VI_1", "VI_2", "VI_3"), g.held());
        g.post("VI_1", new Event.FaultCleared("script a"));
        assertEquals(List.of("VI_1 " + new Event.FaultCleared("script a")), out);
        g.post("VI_3", new Event.FaultCleared("script c"));
        assertEquals(List.of("VI_1 " + new Event.FaultCleared("script a"), "VI_3 " + new Event.FaultCleared("script c"),
                "VI_1 " + new Event.Startup(), "VI_2 " + new Event.Startup(), "VI_3 " + new Event.Startup()), out);
    }
}
