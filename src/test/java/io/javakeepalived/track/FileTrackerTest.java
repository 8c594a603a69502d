package io.javakeepalived.track;

import io.javakeepalived.script.ScriptLog;
import io.javakeepalived.vrrp.Event;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FileTrackerTest {

    private Path dir;
    private Path file;
    private final List<String> log = new ArrayList<>();
    private final ScriptLog sink = (level, line) -> log.add(level + " " + line);
    private long wall = 1_000_000;

    @BeforeEach
    void setUp() throws IOException {
        dir = Files.createTempDirectory("jk-trackfile");
        file = dir.resolve("prio");
    }

    @AfterEach
    void tearDown() throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private FileTracker tracker(TrackScriptState.Tracking... t) {
        return new FileTracker("tf", file, List.of(t), Duration.ofMillis(500), sink, () -> wall);
    }

    /** Writes the file as an operator would, with an mtime well in the past of the tracker's clock. */
    private void write(String content) throws IOException {
        Files.writeString(file, content);
        Files.setLastModifiedTime(file, FileTime.fromMillis(wall - 10_000 + content.hashCode() % 1000));
        wall += 1000;
    }

    private static TrackScriptState.Delivery d(String vi, Event e) {
        return new TrackScriptState.Delivery(vi, e);
    }

    @Test
    void weightedValueMovesThePriorityAndAHugeNegativeOneIsFault() throws IOException {
        write("0\n");
        FileTracker t = tracker(new TrackScriptState.Tracking("VI_1", -10, false),
                new TrackScriptState.Tracking("VI_2", 10, true));
        assertEquals(List.of(), t.initialEvents());
        assertEquals("file tf", t.name());
        write("3\n");
        assertEquals(List.of(d("VI_1", new Event.WeightChanged("file tf", -30)),
                d("VI_2", new Event.WeightChanged("file tf", -30))), t.poll(1));
        assertEquals(List.of(), t.poll(2), "unchanged file, no events");
        write("30\n");
        assertEquals(List.of(d("VI_1", new Event.WeightChanged("file tf", 0)), d("VI_1", new Event.FaultRaised("file tf")),
                d("VI_2", new Event.WeightChanged("file tf", 0)), d("VI_2", new Event.FaultRaised("file tf"))),
                t.poll(3), "-300 clamps to -254: FAULT, the contribution withdrawn");
        write("-1\n");
        assertEquals(List.of(d("VI_1", new Event.WeightChanged("file tf", 10)), d("VI_1", new Event.FaultCleared("file tf")),
                d("VI_2", new Event.WeightChanged("file tf", 10)), d("VI_2", new Event.FaultCleared("file tf"))),
                t.poll(4));
        assertTrue(log.contains("INFO Track file tf (" + file + ") now -1 (was 30)"), log::toString);
        assertTrue(log.contains("DEBUG (VI_1): tracked file tf now FAULT state"), log::toString);
    }

    @Test
    void weightZeroFaultsOnNonZeroAndAMissingFileIsZero() throws IOException {
        write("1\n");
        FileTracker t = tracker(new TrackScriptState.Tracking("VI_1", 0, false),
                new TrackScriptState.Tracking("VI_2", 0, true));
        assertEquals(List.of(d("VI_1", new Event.FaultRaised("file tf"))), t.initialEvents());
        assertTrue(log.contains("INFO (VI_1): entering FAULT state (tracked file tf has status -254)"), log::toString);
        Files.delete(file);
        assertEquals(List.of(d("VI_1", new Event.FaultCleared("file tf")), d("VI_2", new Event.FaultRaised("file tf"))),
                t.poll(1), "deleted: 0");
        write("junk\n");
        assertEquals(List.of(), t.poll(2), "no digits: still 0");
        write("2\n");
        assertEquals(List.of(d("VI_1", new Event.FaultRaised("file tf")), d("VI_2", new Event.FaultCleared("file tf"))),
                t.poll(3));
    }

    @Test
    void missingFileAtStartIsZeroAndADirectoryToo() throws IOException {
        FileTracker t = tracker(new TrackScriptState.Tracking("VI_1", 0, true));
        assertEquals(List.of(d("VI_1", new Event.FaultRaised("file tf"))), t.initialEvents());
        write("4");
        assertEquals(List.of(d("VI_1", new Event.FaultCleared("file tf"))), t.poll(1));
        Files.delete(file);
        Files.createDirectory(file);
        assertEquals(List.of(d("VI_1", new Event.FaultRaised("file tf"))), t.poll(2));
    }

    @Test
    void aRefusedNumberKeepsThePreviousValueAndIsLoggedOnce() throws IOException {
        write("5");
        FileTracker t = tracker(new TrackScriptState.Tracking("VI_1", 2, false));
        assertEquals(List.of(d("VI_1", new Event.WeightChanged("file tf", 10))), t.initialEvents());
        write("4294967296");
        assertEquals(List.of(), t.poll(1));
        assertEquals(List.of(), t.poll(2));
        assertEquals(1, log.stream().filter(l -> l.equals("INFO Invalid number 4294967296 read from " + file
                + " - ignoring")).count(), log::toString);
        assertEquals(5, t.value());
    }

    @Test
    void aJustTruncatedEmptyFileIsLookedAtAgainRatherThanReadAsZero() throws IOException {
        write("0");
        FileTracker t = tracker(new TrackScriptState.Tracking("VI_1", 0, false));
        assertEquals(List.of(), t.initialEvents());
        write("3");
        assertEquals(List.of(d("VI_1", new Event.FaultRaised("file tf"))), t.poll(1));
        Files.writeString(file, "");
        Files.setLastModifiedTime(file, FileTime.fromMillis(wall - 50));
        assertEquals(List.of(), t.poll(2), "empty for 50 ms: a writer at work");
        wall += 1000;
        assertEquals(List.of(d("VI_1", new Event.FaultCleared("file tf"))), t.poll(3), "still empty later: 0");
    }

    @Test
    void aRewriteWithTheSameSizeAndTimestampRightAfterAReadIsNotMissed() throws IOException {
        write("1");
        FileTracker t = tracker(new TrackScriptState.Tracking("VI_1", 10, false));
        t.initialEvents();
        FileTime same = FileTime.fromMillis(wall);
        Files.writeString(file, "2");
        Files.setLastModifiedTime(file, same);
        assertEquals(List.of(d("VI_1", new Event.WeightChanged("file tf", 20))), t.poll(1));
        Files.writeString(file, "3");
        Files.setLastModifiedTime(file, same);
        assertEquals(List.of(d("VI_1", new Event.WeightChanged("file tf", 30))), t.poll(2),
                "read again: the last read was within the timestamp's settling time");
    }

    @Test
    void afterAReloadTheStartStatesEveryWeightAndFault() throws IOException {
        write("0");
        FileTracker t = tracker(new TrackScriptState.Tracking("VI_1", 5, false),
                new TrackScriptState.Tracking("VI_2", 0, false)).restating();
        assertEquals(List.of(d("VI_1", new Event.WeightChanged("file tf", 0)), d("VI_1", new Event.FaultCleared("file tf")),
                d("VI_2", new Event.FaultCleared("file tf"))), t.initialEvents());
    }
}
