package io.javakeepalived.daemon.sched;

import static io.javakeepalived.testsupport.ConfigFixture.model;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.javakeepalived.config.model.GlobalDefs;
import io.javakeepalived.testsupport.CapturedLogger;
import io.javakeepalived.testsupport.ConfigFixture;

import java.util.List;

import org.junit.jupiter.api.Test;

/** keepalived's per-process settings, as the two loop threads and the process get them. */
class ProcessTuningTest {
    private final CapturedLogger log = new CapturedLogger("sched");

    private static GlobalDefs global(String body) {
        return model(ConfigFixture.load0("global_defs {\n" + body + "\n}\n")).global();
    }

    @Test
    void eachLoopThreadGetsItsOwnSettingsAndTheProcessTheLargestRealtimeLimit() {
        RecordingScheduler kernel = new RecordingScheduler();
        ProcessTuning t = new ProcessTuning(global(" vrrp_rt_priority 20\n vrrp_rlimit_rttime 50000\n"
                + " vrrp_cpu_affinity 1\n vrrp_no_swap\n checker_rt_priority 5\n checker_rlimit_rttime 20000\n"
                + " checker_no_swap\n checker_priority 10"), kernel, log.logger());
        t.vrrpLoop().turnsStart();
        t.checkerLoop().run();
        assertEquals(List.of("name vrrp", "rr 4242 20", "rttime 25000/50000", "mlockall", "affinity 4242 [1]",
                "name checker", "rr 4242 5"), kernel.calls, "the checker's 20 ms would kill the VRRP loop at 20 ms,"
                + " and the memory is locked once; nice is for a thread that is not real-time");
        assertEquals(List.of(), log.messages());
    }

    @Test
    void aNiceValueWithoutRealtime() {
        RecordingScheduler kernel = new RecordingScheduler();
        new ProcessTuning(global(" vrrp_priority -10"), kernel, log.logger()).vrrpLoop().turnsStart();
        assertEquals(List.of("name vrrp", "nice 4242 -10"), kernel.calls);
    }

    @Test
    void refusalsAreLoggedInKeepalivedsWordsAndTheRestStillApplies() {
        RecordingScheduler kernel = new RecordingScheduler("rr", "mlockall", "affinity");
        new ProcessTuning(global(" vrrp_rt_priority 20\n vrrp_no_swap\n vrrp_cpu_affinity 0"), kernel, log.logger())
                .vrrpLoop().turnsStart();
        assertEquals(List.of("child process: cannot raise priority",
                "Unable to lock process in memory - Operation not permitted",
                "unable to set cpu affinity to vrrp process (Operation not permitted)"), log.messages());
        RecordingScheduler noNice = new RecordingScheduler("nice", "rttime");
        CapturedLogger other = new CapturedLogger("sched2");
        new ProcessTuning(global(" vrrp_priority -3\n checker_rt_priority 1"), noNice, other.logger()).vrrpLoop()
                .turnsStart();
        assertEquals(List.of("Unable to set process priority to -3 - Operation not permitted"), other.messages());
    }

    @Test
    void aRealtimeLoopThatOverrunsTheSoftLimitIsNamed() {
        RecordingScheduler kernel = new RecordingScheduler();
        new ProcessTuning(global(" vrrp_rt_priority 20"), kernel, log.logger()).vrrpLoop().turnsStart();
        kernel.overuse.run();
        assertEquals(List.of("VRRP process has used too much CPU time, vrrp_rlimit_rttime may need to be increased"),
                log.messages());
    }

    @Test
    void lateWakeUpsStepTheVrrpLoopUpToMaxAutoPriority() {
        RecordingScheduler kernel = new RecordingScheduler();
        ProcessTuning t = new ProcessTuning(global(" max_auto_priority 2\n min_auto_priority_delay 100000"),
                kernel, log.logger());
        var loop = t.vrrpLoop();
        loop.turnsStart();
        loop.woke(1_000_000_000L, 1_100_000_000L); // exactly the delay: on time
        loop.woke(1_000_000_000L, 1_250_000_000L);
        loop.woke(1_000_000_000L, 3_000_000_000L);
        loop.woke(1_000_000_000L, 3_000_000_000L);
        assertEquals(List.of("name vrrp", "rr 4242 1", "rttime 500000/1000000", "rr 4242 2"), kernel.calls);
        assertEquals(List.of("A thread timer expired 0.250000 seconds ago", "Set realtime priority 1",
                "A thread timer expired 2.000000 seconds ago", "Set realtime priority 2",
                "A thread timer expired 2.000000 seconds ago"), log.messages());
    }

    @Test
    void lateCheckerTimersStepTheCheckerLoopUpOnItsOwn() {
        RecordingScheduler kernel = new RecordingScheduler();
        ProcessTuning t = new ProcessTuning(global(" max_auto_priority 3\n min_auto_priority_delay 500000"),
                kernel, log.logger());
        t.checkerLoop().run(); // the VRRP loop's thread is not started: a step meant for it would do nothing
        t.checkerTimerFired(0, 400_000_000L);
        t.checkerTimerFired(0, 1_200_000_000L);
        assertEquals(List.of("name checker", "rr 4242 1", "rttime 500000/1000000"), kernel.calls);
        assertEquals(List.of("A thread timer expired 1.200000 seconds ago", "Set realtime priority 1"),
                log.messages());
    }

    @Test
    void withoutMaxAutoPriorityALateWakeUpIsOnlyLoggedAndTheNoticeSaysSo() {
        RecordingScheduler kernel = new RecordingScheduler();
        ProcessTuning t = new ProcessTuning(global(""), kernel, log.logger());
        t.announce();
        t.vrrpLoop().turnsStart();
        t.vrrpLoop().woke(0, 1_500_000_000L);
        assertEquals(List.of("name vrrp"), kernel.calls);
        assertEquals(List.of("NOTICE: setting config option max_auto_priority should result in better keepalived"
                + " performance", "A thread timer expired 1.500000 seconds ago"), log.messages());
        CapturedLogger quiet = new CapturedLogger("quiet");
        new ProcessTuning(global(" max_auto_priority -1"), kernel, quiet.logger()).announce();
        assertEquals(List.of(), quiet.messages());
    }
}
