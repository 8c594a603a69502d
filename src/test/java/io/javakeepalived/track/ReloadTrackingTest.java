package io.javakeepalived.track;

import static io.javakeepalived.track.TrackingConfigs.instance;
import static io.javakeepalived.track.TrackingConfigs.load;
import static io.javakeepalived.track.TrackingConfigs.script;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.config.model.KeepalivedConfig;
import io.javakeepalived.script.FakeRunner;
import io.javakeepalived.script.FakeTimers;
import io.javakeepalived.script.ScriptLog;
import io.javakeepalived.vrrp.Event;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * The tracking-plan diff of a reload, as the checker loop carries it out: scheduler, ledger and
 * start-up gate wired as the daemon wires them, on a fake clock with a fake runner; what the
 * VRRP loop would receive is recorded.
 */
class ReloadTrackingTest {
    private final FakeTimers timers = new FakeTimers();
    private final FakeRunner runner = new FakeRunner();
    private final List<String> log = new ArrayList<>();
    private final List<String> out = new ArrayList<>();
    private StartupGate gate;
    private TrackerLedger ledger;
    private TrackScriptScheduler scheduler;

    private void start(KeepalivedConfig config) {
        TrackingPlan plan = TrackingPlan.fromConfig(config);
        gate = new StartupGate(plan.awaiting(), plan.groups(), (i, e) -> out.add(i + " " + e));
        ledger = new TrackerLedger(gate);
        scheduler = new TrackScriptScheduler(runner, timers, new TrackScriptScheduler.Listener() {
            @Override
            public void log(ScriptLog.Level level, String line) {
                if (level != ScriptLog.Level.DEBUG) {
                    log.add(line);
                }
            }

            @Override
            public void deliver(String instance, Event event) {
                ledger.post(instance, event);
            }
        });
        for (TrackingPlan.Scheduled s : plan.scripts()) {
            scheduler.add(s.script(), s.state());
        }
        scheduler.start();
    }

    /** Reloads with {@code added} new instances; returns what the VRRP loop must hold. */
    private Set<String> reload(KeepalivedConfig next, Set<String> added) {
        TrackingPlan plan = TrackingPlan.fromConfig(next);
        Set<String> held = ReloadTracking.held(plan, added);
        Set<String> instances = new HashSet<>();
        next.instances().forEach(v -> instances.add(v.name()));
        out.clear();
        log.clear();
        ReloadTracking.apply(plan, held, instances, scheduler, ledger, gate, () -> { });
        return held;
    }

    /** The latest run of the script in {@code file} ends with {@code status}. */
    private void exit(String file, int status) {
        for (int i = runner.started().size() - 1; i >= 0; i--) {
            FakeRunner.Started s = runner.started().get(i);
            if (s.run().argv().get(0).endsWith(file) && !s.result().isDone()) {
                s.exit(status);
                return;
            }
        }
        throw new AssertionError("no run of " + file + " going: " + runner.lines());
    }

    private static String ev(String instance, Event e) {
        return instance + " " + e;
    }

    @Test
    void anUnchangedFailingWeightZeroScriptKeepsItsInstanceInFaultWithoutAFlap() {
        String conf = script("chk", "a.sh", "") + instance("VI_1", 1, 100, " track_script {\n  chk\n }\n");
        start(load(conf));
        exit("a.sh", 1);
        assertEquals(List.of(ev("VI_1", new Event.FaultRaised("script chk")), ev("VI_1", new Event.Startup())), out);

        reload(load(conf), Set.of());
        assertEquals(List.of(ev("VI_1", new Event.FaultRaised("script chk"))), out,
                "the fault is restated, never cleared in between, and a running instance is not started again");
        assertEquals(List.of("VRRP_Script(chk) considered unsuccessful on reload"), log);
        int runs = runner.started().size();
        assertEquals(2, runs, "a script the reload keeps runs again at once");
        exit("a.sh", 1);
        assertEquals(1, out.size(), "still failing: nothing new");
    }

    @Test
    void anAddedWeightedScriptTakesEffectAtItsFirstFailure() {
        String vi = " track_script {\n  old\n }\n";
        start(load(script("old", "a.sh", " weight 10\n") + instance("VI_1", 1, 100, vi)));
        exit("a.sh", 0);
        assertEquals(List.of(ev("VI_1", new Event.WeightChanged("script old", 10))), out);

        reload(load(script("old", "a.sh", " weight 10\n") + script("new", "b.sh", " weight -20\n")
                + instance("VI_1", 1, 100, " track_script {\n  old\n  new\n }\n")), Set.of());
        assertEquals(List.of(ev("VI_1", new Event.WeightChanged("script old", 10))), out,
                "the kept script restates its weight, the new one says nothing before its first result");
        exit("b.sh", 1);
        assertEquals(ev("VI_1", new Event.WeightChanged("script new", -20)), out.get(out.size() - 1));
    }

    @Test
    void aRemovedScriptStopsAndItsWeightAndFaultAreWithdrawn() {
        start(load(script("w", "a.sh", " weight -20\n") + script("z", "b.sh", "")
                + instance("VI_1", 1, 100, " track_script {\n  w\n  z\n }\n")));
        exit("a.sh", 1);
        exit("b.sh", 1);
        assertTrue(out.contains(ev("VI_1", new Event.WeightChanged("script w", -20))), out.toString());
        assertTrue(out.contains(ev("VI_1", new Event.FaultRaised("script z"))), out.toString());
        timers.advance(Duration.ofMillis(1100)); // second runs of both are going

        reload(load(instance("VI_1", 1, 100, "")), Set.of());
        assertEquals(Set.of(ev("VI_1", new Event.WeightChanged("script w", 0)),
                ev("VI_1", new Event.FaultCleared("script z"))), Set.copyOf(out));
        int runs = runner.started().size();
        exit("a.sh", 1);
        exit("b.sh", 1);
        timers.advance(Duration.ofSeconds(5));
        assertEquals(2, out.size(), "results of runs still going are dropped: " + out);
        assertEquals(runs, runner.started().size(), "a removed script runs no more");
    }

    @Test
    void aWeightTurnedIntoAFaultTrackingIsWithdrawnAsAWeight() {
        start(load(script("chk", "a.sh", " weight -20\n") + instance("VI_1", 1, 100, " track_script {\n  chk\n }\n")));
        exit("a.sh", 1);
        reload(load(script("chk", "a.sh", " weight 0\n")
                + instance("VI_1", 1, 100, " track_script {\n  chk\n }\n")), Set.of());
        assertEquals(List.of(ev("VI_1", new Event.FaultRaised("script chk")),
                ev("VI_1", new Event.WeightChanged("script chk", 0))), out);
    }

    @Test
    void aChangedWeightIsRestatedWithTheNewValue() {
        start(load(script("chk", "a.sh", " weight -20\n") + instance("VI_1", 1, 100, " track_script {\n  chk\n }\n")));
        exit("a.sh", 1);
        reload(load(script("chk", "a.sh", " weight -30\n")
                + instance("VI_1", 1, 100, " track_script {\n  chk\n }\n")), Set.of());
        assertEquals(List.of(ev("VI_1", new Event.WeightChanged("script chk", -30))), out);
    }

    @Test
    void anAddedInstanceWaitsForItsNewWeightZeroScriptsFirstReport() {
        start(load(instance("VI_1", 1, 100, "")));
        Set<String> held = reload(load(script("chk", "a.sh", "") + instance("VI_1", 1, 100, "")
                + instance("VI_2", 2, 100, " track_script {\n  chk\n }\n")), Set.of("VI_2"));
        assertEquals(Set.of("VI_2"), held);
        assertEquals(List.of(), out, "no start before the script has reported");
        exit("a.sh", 1);
        assertEquals(List.of(ev("VI_2", new Event.FaultRaised("script chk")), ev("VI_2", new Event.Startup())), out);
    }

    @Test
    void anAddedInstanceStartsAtOnceInTheStateOfAScriptThatHasReported() {
        String chk = script("chk", "a.sh", "");
        start(load(chk + instance("VI_1", 1, 100, " track_script {\n  chk\n }\n")));
        exit("a.sh", 1);
        out.clear();
        reload(load(chk + instance("VI_1", 1, 100, " track_script {\n  chk\n }\n")
                + instance("VI_2", 2, 100, " track_script {\n  chk\n }\n")), Set.of("VI_2"));
        assertEquals(List.of(ev("VI_1", new Event.FaultRaised("script chk")),
                ev("VI_2", new Event.FaultRaised("script chk")), ev("VI_2", new Event.Startup())), out);
    }

    @Test
    void addedMembersOfASyncGroupStartTogether() {
        start(load(instance("VI_1", 1, 100, "")));
        Set<String> held = reload(load(script("chk", "a.sh", "") + instance("VI_1", 1, 100, "")
                + instance("VI_2", 2, 100, " track_script {\n  chk\n }\n") + instance("VI_3", 3, 100, "")
                + "vrrp_sync_group G {\n group {\n  VI_2\n  VI_3\n }\n}\n"), Set.of("VI_2", "VI_3"));
        assertEquals(Set.of("VI_2", "VI_3"), held);
        assertEquals(List.of(), out);
        exit("a.sh", 0);
        assertEquals(List.of(ev("VI_2", new Event.FaultCleared("script chk")), ev("VI_2", new Event.Startup()),
                ev("VI_3", new Event.Startup())), out);
    }

    @Test
    void anAddedInstanceTrackingOnlyWeightedScriptsIsNotHeld() {
        start(load(instance("VI_1", 1, 100, "")));
        Set<String> held = reload(load(script("chk", "a.sh", " weight -5\n") + instance("VI_1", 1, 100, "")
                + instance("VI_2", 2, 100, " track_script {\n  chk\n }\n")), Set.of("VI_2"));
        assertEquals(Set.of(), held);
        assertEquals(List.of(), out);
    }

    @Test
    void aRunStillGoingAtTheReloadReportsToTheNewState() {
        String conf = script("chk", "a.sh", " weight -20\n") + instance("VI_1", 1, 100, " track_script {\n  chk\n }\n");
        start(load(conf));
        exit("a.sh", 0);
        timers.advance(Duration.ofMillis(1000)); // the second run is going
        int runs = runner.started().size();
        reload(load(conf), Set.of());
        assertEquals(List.of("VRRP_Script(chk) considered successful on reload"), log);
        assertEquals(runs, runner.started().size(), "no second run alongside the one going");
        exit("a.sh", 1);
        assertEquals(ev("VI_1", new Event.WeightChanged("script chk", -20)), out.get(out.size() - 1));
    }

    @Test
    void polledTrackersThatRestateKeepTheirWeightAndOnesThatAreGoneAreWithdrawn() {
        start(load(instance("VI_1", 1, 100, "")));
        ledger.post("VI_1", new Event.WeightChanged("file kept", -10)); // as polled trackers post
        ledger.post("VI_1", new Event.FaultRaised("process gone"));
        TrackingPlan plan = TrackingPlan.fromConfig(load(instance("VI_1", 1, 100, "")));
        out.clear();
        ReloadTracking.apply(plan, Set.of(), Set.of("VI_1"), scheduler, ledger, gate,
                () -> ledger.post("VI_1", new Event.WeightChanged("file kept", -10)));
        assertEquals(List.of(ev("VI_1", new Event.WeightChanged("file kept", -10)),
                ev("VI_1", new Event.FaultCleared("process gone"))), out);
    }
}
