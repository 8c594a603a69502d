package io.javakeepalived.track;

import io.javakeepalived.script.ScriptResult;
import io.javakeepalived.vrrp.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrackScriptStateTest {
    private static final Duration D = Duration.ofMillis(3);

    /** S = exit 0, F = exit 1, T = timed out, K = killed by signal 9, N = not run. */
    private static ScriptResult result(char c) {
        return switch (c) {
            case 'S' -> new ScriptResult.Exited(1, 0, D, "");
            case 'F' -> new ScriptResult.Exited(1, 1, D, "");
            case '2' -> new ScriptResult.Exited(1, 2, D, "");
            case 'T' -> new ScriptResult.TimedOut(1, 15, D, "");
            case 'K' -> new ScriptResult.Signaled(1, 9, false, D, "");
            case 'N' -> new ScriptResult.NotRun("/x: No such file or directory");
            default -> throw new IllegalArgumentException("" + c);
        };
    }

    /**
     * Runs a sequence; returns per step the counter, OK/KO and the events (W:w, F+ raised, F- cleared)
     * for a single tracking instance.
     */
    private static String run(int rise, int fall, boolean initFail, int weight, boolean reverse, String seq) {
        TrackScriptState s = new TrackScriptState("chk", rise, fall, initFail,
                List.of(new TrackScriptState.Tracking("VI_1", weight, reverse)));
        List<String> steps = new ArrayList<>();
        for (char c : seq.toCharArray()) {
            TrackScriptState.Update u = s.record(result(c));
            StringBuilder ev = new StringBuilder();
            for (TrackScriptState.Delivery d : u.events()) {
                assertEquals("VI_1", d.instance());
                if (d.event() instanceof Event.WeightChanged w) {
                    assertEquals("script chk", w.tracker());
                    ev.append("W").append(w.weight());
                } else if (d.event() instanceof Event.FaultRaised f) {
                    assertEquals("script chk", f.source());
                    ev.append("F+");
                } else if (d.event() instanceof Event.FaultCleared f) {
                    assertEquals("script chk", f.source());
                    ev.append("F-");
                }
            }
            steps.add(s.result() + (s.ok() ? "ok" : "ko") + (ev.length() == 0 ? "" : ":" + ev));
        }
        return String.join(" ", steps);
    }

    @ParameterizedTest(name = "rise {0} fall {1} init_fail {2} weight {3} reverse {4}: {5}")
    @CsvSource(delimiter = '|', value = {
            // rise|fall|init_fail|weight|reverse|results|counter, state and :events after each result
            "1|1|false|0|false|S|1ok:F-",
            "1|1|false|0|false|F|0ko:F+",
            "1|1|false|0|false|SFS|1ok:F- 0ko:F+ 1ok:F-",
            "1|1|false|0|true|SF|1ok:F+ 0ko:F-",
            // one success makes it OK at first, whatever rise is; then rise successes are needed
            "3|1|false|0|false|SFSSS|3ok:F- 0ko:F+ 1ko 2ko 3ok:F-",
            // fall failures from OK; a success in between resets to the top
            "1|3|false|0|false|SFFSFFF|3ok:F- 2ok 1ok 3ok 2ok 1ok 0ko:F+",
            "2|2|false|-20|false|SFFSS|3ok 2ok 0ko:W-20 1ko 3ok:W0",
            // the first failure reports KO at once even with fall 3
            "1|3|false|-20|false|FSF|0ko:W-20 3ok:W0 2ok",
            // init_fail: starts KO, needs rise successes, the first failure reports nothing
            "2|1|true|-20|false|FSS|0ko 1ko 2ok:W0",
            "1|1|true|0|false|FS|0ko 1ok:F-",
            // weights: w>0 adds while OK, w<0 subtracts while KO, reverse negates
            "1|1|false|20|false|SFS|1ok:W20 0ko:W0 1ok:W20",
            "1|1|false|20|false|F|0ko",
            "1|1|false|-20|false|S|1ok",
            "1|1|false|20|true|SF|1ok:W-20 0ko:W0",
            "1|1|false|-20|true|FS|0ko:W20 1ok:W0",
            // timeouts, signals and runs that never started are failures
            "1|1|false|0|false|STSKSN|1ok:F- 0ko:F+ 1ok:F- 0ko:F+ 1ok:F- 0ko:F+",
    })
    void riseFallAndWeights(int rise, int fall, boolean initFail, int weight, boolean reverse, String seq, String expected) {
        assertEquals(expected, run(rise, fall, initFail, weight, reverse, seq));
    }

    @ParameterizedTest(name = "weight {0} reverse {1} ok {2} -> {3}")
    @CsvSource({
            "20,false,true,20", "20,false,false,0", "-20,false,true,0", "-20,false,false,-20",
            "20,true,true,-20", "20,true,false,0", "-20,true,true,0", "-20,true,false,20",
    })
    void contribution(int weight, boolean reverse, boolean ok, int expected) {
        assertEquals(expected, TrackScriptState.contribution(weight, reverse, ok));
    }

    @Test
    void weightZeroFaults() {
        assertTrue(TrackScriptState.faulted(false, false));
        assertFalse(TrackScriptState.faulted(false, true));
        assertTrue(TrackScriptState.faulted(true, true));
        assertFalse(TrackScriptState.faulted(true, false));
    }

    private static List<String> logs(TrackScriptState s, String seq) {
        List<String> out = new ArrayList<>();
        for (char c : seq.toCharArray()) {
            out.addAll(s.record(result(c)).log());
        }
        return out;
    }

    @Test
    void keepalivedsLogLines() {
        TrackScriptState s = new TrackScriptState("chk", 2, 2, false, List.of());
        assertEquals(List.of(
                "VRRP_Script(chk) succeeded",          // first run, exit 0: no "now returning 0"
                "Script `chk` now returning 1",
                "Script `chk` now returning 2",
                "VRRP_Script(chk) failed (exited with status 2)",
                "Script `chk` now returning 0",
                "VRRP_Script(chk) succeeded",
                "VRRP_Script(chk) failed (due to signal 9)",
                "VRRP_Script(chk) succeeded",
                "VRRP_Script(chk) timed_out"), logs(s, "SF2SSKKSSTT"));
    }

    @Test
    void aFirstFailureIsLoggedAndAMissingScriptIsSaidOnce() {
        TrackScriptState s = new TrackScriptState("chk", 1, 1, false, List.of());
        assertEquals(List.of("Script `chk` not run: /x: No such file or directory",
                "VRRP_Script(chk) failed (not run: /x: No such file or directory)"), logs(s, "NN"));
        TrackScriptState quiet = new TrackScriptState("chk", 1, 1, true, List.of());
        assertEquals(List.of("Script `chk` now returning 1"), logs(quiet, "F"));
    }

    @Test
    void initFailStartsTheInstancesInTheFailedState() {
        TrackScriptState s = new TrackScriptState("chk", 1, 1, true, List.of(
                new TrackScriptState.Tracking("VI_1", 0, false),
                new TrackScriptState.Tracking("VI_2", -30, false),
                new TrackScriptState.Tracking("VI_3", 10, false),
                new TrackScriptState.Tracking("VI_4", 0, true)));
        assertEquals(List.of(
                new TrackScriptState.Delivery("VI_1", new Event.FaultRaised("script chk")),
                new TrackScriptState.Delivery("VI_2", new Event.WeightChanged("script chk", -30))),
                s.initialEvents());
        assertFalse(s.awaitingFirstResult());
        assertEquals(List.of(
                new TrackScriptState.Delivery("VI_1", new Event.FaultCleared("script chk")),
                new TrackScriptState.Delivery("VI_2", new Event.WeightChanged("script chk", 0)),
                new TrackScriptState.Delivery("VI_3", new Event.WeightChanged("script chk", 10)),
                new TrackScriptState.Delivery("VI_4", new Event.FaultRaised("script chk"))),
                s.record(result('S')).events());
        TrackScriptState plain = new TrackScriptState("chk", 1, 1, false,
                List.of(new TrackScriptState.Tracking("VI_1", -30, false)));
        assertEquals(List.of(), plain.initialEvents());
        assertTrue(plain.awaitingFirstResult());
    }

    @Test
    void aReloadKeepsTheVerdictOnTheNewRiseAndFall() {
        List<String> log = new ArrayList<>();
        TrackScriptState old = new TrackScriptState("chk", 2, 3, false, List.of());
        old.record(result('S')); // OK, top = 4
        old.record(result('F')); // 3
        var cmd = new io.javakeepalived.config.model.ScriptCommand("/x", List.of("/x"), java.util.Optional.empty(),
                java.util.Optional.empty(), 0, 0, new io.javakeepalived.config.SourceLocation("t", 1));
        var newConfig = new io.javakeepalived.config.model.VrrpScript("chk", cmd, Duration.ofSeconds(1),
                Duration.ofSeconds(1), -10, false, 1, 5, false, new io.javakeepalived.config.SourceLocation("t", 1));
        TrackScriptState s = TrackScriptState.reloaded(old, newConfig,
                List.of(new TrackScriptState.Tracking("VI_1", -10, false), new TrackScriptState.Tracking("VI_2", 0, false)),
                log::add);
        assertEquals(List.of("VRRP_Script(chk) considered successful on reload"), log);
        assertEquals(2, s.result()); // new rise 1 + (3 - old rise 2)
        assertTrue(s.ok());
        assertFalse(s.awaitingFirstResult());
        assertEquals(List.of(new TrackScriptState.Delivery("VI_1", new Event.WeightChanged("script chk", 0)),
                new TrackScriptState.Delivery("VI_2", new Event.FaultCleared("script chk"))), s.initialEvents());
        // the status is carried over (last exit 1), the verdict too: no "succeeded"
        assertEquals(List.of("Script `chk` now returning 0"), s.record(result('S')).log());

        old.record(result('F'));
        old.record(result('F')); // KO, 0
        log.clear();
        TrackScriptState ko = TrackScriptState.reloaded(old, newConfig, List.of(), log::add);
        assertEquals(List.of("VRRP_Script(chk) considered unsuccessful on reload"), log);
        assertEquals(0, ko.result());
        TrackScriptState fresh = TrackScriptState.reloaded(new TrackScriptState("chk", 2, 2, false, List.of()),
                newConfig, List.of(), log::add);
        assertTrue(fresh.awaitingFirstResult());
        assertEquals(0, fresh.result()); // rise 1 - 1
    }
}
