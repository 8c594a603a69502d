package io.javakeepalived.sys;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** posix_spawn, waitid(WNOWAIT), waitpid and kill(-pgid) on this host, without changing user. */
class ProcessSpawnerTest {

    private static String stat(long pid) throws IOException {
        return Files.readString(Path.of("/proc/" + pid + "/stat"));
    }

    @Test
    void theChildIsASessionLeaderAndStaysAZombieUntilReaped() throws Exception {
        Path out = Files.createTempFile("spawn", ".out");
        try {
            long pid = ProcessSpawner.spawn("/bin/sh", List.of("sh", "-c", "echo out; echo err >&2; exit 3"),
                    List.of("PATH=/usr/bin:/bin"), out);
            ProcessSpawner.Exit e = ProcessSpawner.awaitExit(pid);
            assertEquals(new ProcessSpawner.Exit(false, 3, false), e);
            String[] f = stat(pid).substring(stat(pid).lastIndexOf(')') + 2).split(" ");
            assertEquals("Z", f[0], "still a zombie after WNOWAIT");
            assertEquals(Long.toString(pid), f[2], "pgid");
            assertEquals(Long.toString(pid), f[3], "sid");
            ProcessSpawner.reap(pid);
            assertFalse(Files.exists(Path.of("/proc/" + pid)));
            assertEquals("out\nerr\n", Files.readString(out));
        } finally {
            Files.deleteIfExists(out);
        }
    }

    @Test
    void aGroupSignalReachesTheWholeGroupAndAnEmptyGroupSaysSo() throws Exception {
        long pid = ProcessSpawner.spawn("/bin/sh", List.of("sh", "-c", "sleep 100 & sleep 100"), List.of(), null);
        Thread.sleep(100);
        assertTrue(ProcessSpawner.signalGroup(pid, 0));
        assertTrue(ProcessSpawner.signalGroup(pid, 9));
        ProcessSpawner.Exit e = ProcessSpawner.awaitExit(pid);
        assertEquals(new ProcessSpawner.Exit(true, 9, false), e);
        ProcessSpawner.reap(pid);
        long end = System.nanoTime() + 10_000_000_000L; // init reaps late on a loaded machine
        while (ProcessSpawner.signalGroup(pid, 0) && System.nanoTime() < end) {
            Thread.sleep(10); // the background sleep is reaped by init
        }
        assertFalse(ProcessSpawner.signalGroup(pid, 0));
    }

    @Test
    void aProgramThatCannotBeExecutedLeavesNothing() {
        IOException e = assertThrows(IOException.class,
                () -> ProcessSpawner.spawn("/nonexistent/x", List.of("x"), List.of(), null));
        assertEquals("posix_spawn /nonexistent/x: No such file or directory", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ProcessSpawner.signalGroup(1, 0));
    }
}
