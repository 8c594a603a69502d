package io.javakeepalived.track;

import io.javakeepalived.config.SourceLocation;
import io.javakeepalived.config.model.TrackProcess;
import io.javakeepalived.script.ScriptLog;
import io.javakeepalived.vrrp.Event;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProcessTrackerTest {

    private static final long S = 1_000_000_000L;
    private final List<String> log = new ArrayList<>();
    private final ScriptLog sink = (level, line) -> log.add(level + " " + line);

    private static TrackProcess process(String name, String process, List<String> params, int quorum,
                                        Optional<Duration> terminate, Optional<Duration> fork) {
        return new TrackProcess(name, process, params,
                params.isEmpty() ? TrackProcess.ParamMatch.NONE : TrackProcess.ParamMatch.EXACT, 0, false, quorum,
                Optional.empty(), terminate, fork, !params.isEmpty(), new SourceLocation("t.conf", 1));
    }

    private static TrackScriptState.Delivery d(String vi, Event e) {
        return new TrackScriptState.Delivery(vi, e);
    }

    @Test
    void quorumOfWorkersWithWeightsAndFaults() {
        try (FakeProc proc = new FakeProc()) {
            proc.add(10, "nginx", 'S', "nginx: master").add(11, "nginx", 'S', "nginx: worker");
            TrackProcess nginx = process("chk_nginx", "nginx", List.of(), 2, Optional.empty(), Optional.empty());
            TrackProcess db = process("chk_db", "mysqld", List.of("--port", "3306"), 1, Optional.of(Duration.ofSeconds(2)),
                    Optional.empty());
            ProcessTracker t = new ProcessTracker(List.of(
                    new ProcessTracker.Spec(nginx, List.of(new TrackScriptState.Tracking("VI_1", -20, false),
                            new TrackScriptState.Tracking("VI_2", 0, false))),
                    new ProcessTracker.Spec(db, List.of(new TrackScriptState.Tracking("VI_1", 0, false)))),
                    new ProcScanner(proc.root), Duration.ofSeconds(1), sink);
            assertEquals(List.of(d("VI_1", new Event.FaultRaised("process chk_db"))), t.initialEvents(),
                    "nginx has its 2, mysqld is missing");
            assertTrue(log.contains("INFO (VI_1) entering FAULT state (tracked process chk_db quorum not achieved)"),
                    log::toString);

            proc.add(20, "mysqld", 'S', "mysqld", "--port", "3306");
            proc.add(21, "mysqld", 'S', "mysqld", "--port", "3307");
            assertEquals(List.of(d("VI_1", new Event.FaultCleared("process chk_db"))), t.poll(1 * S));
            assertEquals(Optional.of(1), t.count("chk_db"), "the one on 3307 does not count");

            proc.remove(11);
            assertEquals(List.of(d("VI_1", new Event.WeightChanged("process chk_nginx", -20)),
                    d("VI_2", new Event.FaultRaised("process chk_nginx"))), t.poll(2 * S));
            assertTrue(log.contains("INFO Quorum lost for tracked process chk_nginx"), log::toString);

            proc.remove(20);
            assertEquals(List.of(), t.poll(3 * S), "terminate_delay 2 s");
            assertEquals(List.of(), t.poll(4 * S));
            proc.add(11, "nginx", 'Z');
            assertEquals(List.of(d("VI_1", new Event.FaultRaised("process chk_db"))), t.poll(5 * S),
                    "the delay has passed; a zombie nginx does not count");
            proc.remove(11).add(12, "nginx", 'R', "nginx: worker");
            assertEquals(List.of(d("VI_1", new Event.WeightChanged("process chk_nginx", 0)),
                    d("VI_2", new Event.FaultCleared("process chk_nginx"))), t.poll(6 * S));
            assertTrue(log.contains("INFO Quorum gained for tracked process chk_nginx"), log::toString);
        }
    }

    @Test
    void aNameLongerThanTheKernelKeepsIsReported() {
        try (FakeProc proc = new FakeProc()) {
            TrackProcess p = process("long", "a-very-long-process-name", List.of(), 1, Optional.empty(), Optional.empty());
            new ProcessTracker(List.of(new ProcessTracker.Spec(p, List.of())), new ProcScanner(proc.root),
                    Duration.ofSeconds(1), sink);
            assertTrue(log.stream().anyMatch(l -> l.startsWith("WARNING Track process long: process name")), log::toString);
        }
    }

    @Test
    void afterAReloadTheStartStatesEveryWeightAndFault() {
        try (FakeProc proc = new FakeProc()) {
            proc.add(10, "nginx", 'S', "nginx");
            TrackProcess nginx = process("web", "nginx", List.of(), 1, Optional.empty(), Optional.empty());
            ProcessTracker t = new ProcessTracker(List.of(new ProcessTracker.Spec(nginx, List.of(
                    new TrackScriptState.Tracking("VI_1", -20, false), new TrackScriptState.Tracking("VI_2", 0, false)))),
                    new ProcScanner(proc.root), Duration.ofSeconds(1), sink).restating();
            assertEquals(List.of(d("VI_1", new Event.WeightChanged("process web", 0)),
                    d("VI_2", new Event.FaultCleared("process web"))), t.initialEvents());
        }
    }

    @Test
    void whenProcCannotBeListedTheQuorumIsKept() {
        FakeProc proc = new FakeProc();
        proc.add(10, "nginx", 'S', "nginx");
        TrackProcess nginx = process("web", "nginx", List.of(), 1, Optional.empty(), Optional.empty());
        ProcessTracker t = new ProcessTracker(List.of(new ProcessTracker.Spec(nginx, List.of(
                new TrackScriptState.Tracking("VI_1", 0, false)))), new ProcScanner(proc.root), Duration.ofSeconds(1), sink);
        assertEquals(List.of(), t.initialEvents());
        proc.close();
        assertEquals(List.of(), t.poll(S));
        assertEquals(List.of(), t.poll(2 * S));
        assertEquals(1, log.stream().filter(l -> l.contains("Unable to list processes")).count(), log::toString);
    }
}
