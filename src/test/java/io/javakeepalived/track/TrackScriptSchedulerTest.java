package io.javakeepalived.track;

import io.javakeepalived.config.SourceLocation;
import io.javakeepalived.config.model.ScriptCommand;
import io.javakeepalived.config.model.VrrpScript;
import io.javakeepalived.script.FakeRunner;
import io.javakeepalived.script.FakeTimers;
import io.javakeepalived.script.ScriptLog;
import io.javakeepalived.script.ScriptResult;
import io.javakeepalived.vrrp.Event;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** The schedule on a fake clock with a fake runner. */
class TrackScriptSchedulerTest {
    private final FakeTimers timers = new FakeTimers();
    private final FakeRunner runner = new FakeRunner();
    private final List<String> log = new ArrayList<>();
    private final List<String> events = new ArrayList<>();
    private final TrackScriptScheduler scheduler = new TrackScriptScheduler(runner, timers,
            new TrackScriptScheduler.Listener() {
                @Override
                public void log(ScriptLog.Level level, String line) {
                    if (level != ScriptLog.Level.DEBUG) {
                        log.add(line);
                    }
                }

                @Override
                public void deliver(String instance, Event event) {
                    events.add(instance + " " + event);
                }
            });

    private static VrrpScript script(String name, int intervalS, int timeoutMs, int weight, int rise, int fall) {
        ScriptCommand cmd = new ScriptCommand("/bin/chk " + name, List.of("/bin/chk", name), Optional.empty(),
                Optional.empty(), 0, 0, new SourceLocation("t.conf", 1));
        return new VrrpScript(name, cmd, Duration.ofSeconds(intervalS), Duration.ofMillis(timeoutMs), weight, false,
                rise, fall, false, new SourceLocation("t.conf", 1));
    }

    private void add(VrrpScript s, int weight) {
        scheduler.add(s, TrackScriptState.of(s, List.of(new TrackScriptState.Tracking("VI_1", weight, false))));
    }

    private static void exit(FakeRunner.Started s, int status) {
        s.result().complete(new ScriptResult.Exited(1, status, Duration.ofMillis(1), ""));
    }

    @Test
    void runsAtStartThenOnAnAbsoluteGridWithItsTimeout() {
        add(script("chk", 2, 1500, -20, 1, 1), -20);
        scheduler.start();
        assertEquals(1, runner.started().size());
        assertEquals(Duration.ofMillis(1500), runner.last().run().timeout());
        assertEquals("VRRP_Script(chk)", runner.last().run().label());
        assertEquals(List.of("/bin/chk", "chk"), runner.last().run().argv());
        timers.advance(Duration.ofMillis(700));
        exit(runner.last(), 0); // a slow run does not move the grid
        assertEquals(List.of(1300L), timers.pendingMillis());
        timers.advance(Duration.ofMillis(1300));
        assertEquals(2, runner.started().size());
        timers.advance(Duration.ofMillis(1900));
        exit(runner.last(), 1);
        timers.advance(Duration.ofMillis(100));
        assertEquals(3, runner.started().size());
        assertEquals(List.of("VRRP_Script(chk) succeeded", "Script `chk` now returning 1",
                "VRRP_Script(chk) failed (exited with status 1)"), log);
        assertEquals(List.of("VI_1 WeightChanged[tracker=script chk, weight=-20]"), events);
    }

    @Test
    void anUnsetTimeoutGivesARunTheInterval() {
        add(script("chk", 3, 0, 0, 1, 1), 0);
        scheduler.start();
        assertEquals(Duration.ofSeconds(3), runner.last().run().timeout());
    }

    @Test
    void publishesAViewWhenARunStartsOrEndsAndTheSameOneWhileNothingChanges() {
        add(script("chk", 1, 2500, -20, 2, 2), -20);
        TrackScriptView added = scheduler.published().get(0);
        assertEquals("chk", added.name());
        assertEquals(1, added.result()); // rise - 1: one success is enough
        assertEquals(false, added.running());
        assertEquals(TrackScriptView.Phase.INIT, added.phase());
        assertEquals(List.of(new TrackScriptState.Tracking("VI_1", -20, false)), added.tracking());

        scheduler.start();
        List<TrackScriptView> running = scheduler.published();
        assertEquals(true, running.get(0).running());
        timers.advance(Duration.ofSeconds(1)); // slot skipped: nothing changed, nothing published
        assertSame(running, scheduler.published());

        exit(runner.last(), 0);
        TrackScriptView done = scheduler.published().get(0);
        assertEquals(false, done.running());
        assertEquals(TrackScriptView.Phase.DONE, done.phase());
        assertEquals(3, done.result());
        assertEquals(true, done.ok());

        timers.advance(Duration.ofSeconds(1));
        assertEquals(true, scheduler.published().get(0).running());
        exit(runner.last(), 1);
        assertEquals(2, scheduler.published().get(0).result()); // fall 2: one failure counts down only
        assertEquals(true, scheduler.published().get(0).ok());
    }

    @Test
    void aSlotIsSkippedWhileTheRunIsStillGoing() {
        add(script("chk", 1, 2500, 0, 1, 1), 0);
        scheduler.start();
        timers.advance(Duration.ofSeconds(1));
        timers.advance(Duration.ofSeconds(1));
        timers.advance(Duration.ofSeconds(1));
        assertEquals(1, runner.started().size());
        assertEquals(List.of(
                "Track script chk is already running, expect idle - skipping run",
                "Track script chk is already running, expect idle - skipping run",
                "Track script chk is being timed out, expect idle - skipping run"), log);
        runner.last().result().complete(new ScriptResult.TimedOut(1, 15, Duration.ofMillis(2500), ""));
        timers.advance(Duration.ofSeconds(1));
        assertEquals(2, runner.started().size());
        assertEquals("VRRP_Script(chk) timed_out", log.get(3));
        assertEquals(List.of("VI_1 FaultRaised[source=script chk]"), events);
    }

    @Test
    void scriptsKeepTheirOwnGridAndALateTimerSkipsThePassedSlots() {
        TrackScriptScheduler quick = new TrackScriptScheduler(run -> CompletableFuture.completedFuture(
                new ScriptResult.Exited(1, 0, Duration.ZERO, "")).thenApply(r -> {
                    runner.run(run); // record it
                    return r;
                }), timers, new TrackScriptScheduler.Listener() {
                    @Override
                    public void log(ScriptLog.Level level, String line) {
                        log.add(line);
                    }

                    @Override
                    public void deliver(String instance, Event event) {
                    }
                });
        VrrpScript a = script("a", 1, 1000, 0, 1, 1);
        VrrpScript b = script("b", 3, 1000, 0, 1, 1);
        quick.add(a, TrackScriptState.of(a, List.of()));
        quick.add(b, TrackScriptState.of(b, List.of()));
        quick.start();
        timers.advance(Duration.ofSeconds(3));
        // a at 0, 1, 2, 3 and b at 0, 3 (b's slot at 3 was armed first)
        assertEquals(List.of("VRRP_Script(a)", "VRRP_Script(b)", "VRRP_Script(a)", "VRRP_Script(a)",
                "VRRP_Script(b)", "VRRP_Script(a)"), labels());
        assertEquals(List.of(1000L, 3000L), timers.pendingMillis());
        // the machine stalls, every timer fires 1.5 s late: a's slot 4 runs at 5.5, the next one armed is
        // slot 6 (5 has passed), run at 7.5 right after b's slot 6; no run is made up for
        timers.lag(Duration.ofMillis(1500));
        timers.advance(Duration.ofMillis(4500));
        assertEquals(List.of("VRRP_Script(a)", "VRRP_Script(b)", "VRRP_Script(a)"), labels().subList(6, labels().size()));
        assertEquals(List.of(), log.stream().filter(l -> l.contains("skipping")).toList());
    }

    private List<String> labels() {
        return runner.started().stream().map(s -> s.run().label()).toList();
    }

    @Test
    void initFailEventsComeFirstAndStopEndsTheSchedule() {
        ScriptCommand cmd = new ScriptCommand("/bin/chk", List.of("/bin/chk"), Optional.empty(), Optional.empty(), 0, 0,
                new SourceLocation("t.conf", 1));
        VrrpScript s = new VrrpScript("chk", cmd, Duration.ofSeconds(1), Duration.ofSeconds(1), 0, false, 1, 1, true,
                new SourceLocation("t.conf", 1));
        scheduler.add(s, TrackScriptState.of(s, List.of(new TrackScriptState.Tracking("VI_1", 0, false))));
        scheduler.start();
        assertEquals(List.of("VI_1 FaultRaised[source=script chk]"), events);
        scheduler.stop();
        exit(runner.last(), 0);
        timers.advance(Duration.ofSeconds(5));
        assertEquals(1, runner.started().size());
        assertEquals(1, events.size());
        assertEquals(List.of(), timers.pendingMillis());
    }
}
