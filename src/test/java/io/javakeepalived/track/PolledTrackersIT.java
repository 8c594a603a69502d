package io.javakeepalived.track;

import io.javakeepalived.config.SourceLocation;
import io.javakeepalived.config.model.KeepalivedConfig;
import io.javakeepalived.config.model.TrackProcess;
import io.javakeepalived.script.ScriptLog;
import io.javakeepalived.testsupport.ConfigFixture;
import io.javakeepalived.testsupport.netns.NetnsLab;
import io.javakeepalived.vrrp.Event;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The polled trackers against the real system: a track file rewritten by a shell as an operator
 * would, and real processes started and ended by pid.
 */
class PolledTrackersIT {

    private Path dir;
    private final List<Process> started = new ArrayList<>();
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private final ScriptLog sink = (level, line) -> log.add(level + " " + line);

    @BeforeEach
    void setUp() throws IOException {
        NetnsLab.requireRoot();
        dir = Files.createTempDirectory("jk-polled-it");
    }

    @AfterEach
    void tearDown() throws Exception {
        for (Process p : started) {
            p.destroyForcibly();
            p.waitFor(5, TimeUnit.SECONDS);
        }
        if (dir != null) {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static void sh(String command) throws Exception {
        Process p = new ProcessBuilder("/bin/sh", "-c", command).inheritIO().start();
        assertTrue(p.waitFor(10, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), command);
    }

    /** Polls on a 100 ms grid until something changes (at most 5 s). */
    private static List<TrackScriptState.Delivery> next(PolledTracker t) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            List<TrackScriptState.Delivery> d = t.poll(System.nanoTime());
            if (!d.isEmpty()) {
                return d;
            }
            Thread.sleep(100);
        }
        return List.of();
    }

    private static TrackScriptState.Delivery d(String vi, Event e) {
        return new TrackScriptState.Delivery(vi, e);
    }

    @Test
    void aTrackFileRewrittenByAnOperatorMovesWeightsAndFaults() throws Exception {
        Path f = dir.resolve("prio");
        KeepalivedConfig c = ConfigFixture.model(ConfigFixture.load0("track_file tf {\n file " + f
                + "\n weight -10\n init_file 0\n}\n" + ConfigFixture.instance("VI_1", "track_file {", " tf", "}")));
        List<PolledTracker> trackers = PolledTrackers.fromConfig(c, sink, false);
        assertEquals("0\n", Files.readString(f), "init_file");
        PolledTracker t = trackers.get(0);
        assertEquals(List.of(), t.initialEvents());
        sh("echo 2 > " + f);
        assertEquals(List.of(d("VI_1", new Event.WeightChanged("file tf", -20))), next(t));
        sh("echo 30 > " + f);
        assertEquals(List.of(d("VI_1", new Event.WeightChanged("file tf", 0)), d("VI_1", new Event.FaultRaised("file tf"))),
                next(t), "-300 is FAULT");
        sh("rm " + f);
        assertEquals(List.of(d("VI_1", new Event.FaultCleared("file tf"))), next(t), "a removed file counts 0");
        sh("printf -- '-3' > " + f + ".new && mv " + f + ".new " + f);
        assertEquals(List.of(d("VI_1", new Event.WeightChanged("file tf", 30))), next(t), "renamed into place");
    }

    @Test
    void realProcessesGainAndLoseTheQuorumWithTheTerminateDelay() throws Exception {
        // sleep adds up its arguments: a unique, valid extra duration marks our processes
        String tag = "0.000" + Math.abs(UUID.randomUUID().getLeastSignificantBits());
        Path alias = dir.resolve("jkslp" + (System.nanoTime() % 100000));
        Files.createSymbolicLink(alias, Path.of("/bin/sleep"));
        String comm = alias.getFileName().toString();
        TrackProcess byArgs = new TrackProcess("chk_sleep", "sleep", List.of("1000", tag), TrackProcess.ParamMatch.EXACT,
                0, false, 2, Optional.empty(), Optional.of(Duration.ofMillis(1500)), Optional.empty(), true,
                new SourceLocation("t.conf", 1));
        TrackProcess byComm = new TrackProcess("chk_comm", comm, List.of(), TrackProcess.ParamMatch.NONE, -20, false, 1,
                Optional.empty(), Optional.empty(), Optional.empty(), false, new SourceLocation("t.conf", 2));
        ProcessTracker t = new ProcessTracker(List.of(
                new ProcessTracker.Spec(byArgs, List.of(new TrackScriptState.Tracking("VI_1", 0, false))),
                new ProcessTracker.Spec(byComm, List.of(new TrackScriptState.Tracking("VI_2", -20, false)))),
                ProcScanner.system(), ProcessTracker.DEFAULT_INTERVAL, sink);
        assertEquals(List.of(d("VI_1", new Event.FaultRaised("process chk_sleep")),
                d("VI_2", new Event.WeightChanged("process chk_comm", -20))), t.initialEvents());

        started.add(new ProcessBuilder("sleep", "1000", tag).start());
        started.add(new ProcessBuilder("sleep", "1000", tag + "1").start());
        Thread.sleep(300);
        assertEquals(List.of(), t.poll(System.nanoTime()), "one of two (the other's argument differs)");
        started.add(new ProcessBuilder("sleep", "1000", tag).start());
        started.add(new ProcessBuilder(alias.toString(), "1000").start());
        Thread.sleep(500); // start() may return before the child has exec'd (jspawnhelper)
        assertEquals(List.of(d("VI_1", new Event.FaultCleared("process chk_sleep")),
                d("VI_2", new Event.WeightChanged("process chk_comm", 0))), next(t));
        assertEquals(Optional.of(2), t.count("chk_sleep"));

        Process first = started.get(0);
        first.destroy();
        assertTrue(first.waitFor(5, TimeUnit.SECONDS));
        long gone = System.nanoTime();
        assertEquals(List.of(), t.poll(System.nanoTime()), "terminate_delay: not yet");
        List<TrackScriptState.Delivery> lost = next(t);
        long waited = (System.nanoTime() - gone) / 1_000_000;
        assertEquals(List.of(d("VI_1", new Event.FaultRaised("process chk_sleep"))), lost);
        assertTrue(waited >= 1400, "lost after the 1.5 s delay, " + waited + " ms");
        assertTrue(log.contains("INFO Quorum lost for tracked process chk_sleep"), log::toString);

        long total = 0;
        for (int i = 0; i < 20; i++) {
            t.poll(System.nanoTime());
            total += t.lastScanNanos();
        }
        System.out.printf("track_process scan: %d processes, %.2f ms per scan (stat + cmdline)%n", t.lastScanSize(),
                total / 20 / 1e6);
    }
}
