package io.javakeepalived.notify.fifo;

import io.javakeepalived.config.SourceLocation;
import io.javakeepalived.config.host.UserDirectory;
import io.javakeepalived.config.model.GlobalDefs;
import io.javakeepalived.config.model.ScriptCommand;
import io.javakeepalived.script.PosixScriptRunner;
import io.javakeepalived.script.ScriptLog;
import io.javakeepalived.sys.NativeFifos;
import io.javakeepalived.sys.SystemProcessControl;
import io.javakeepalived.testsupport.netns.NetnsLab;
import io.javakeepalived.vrrp.NotifyState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A real FIFO (mkfifo, chown, open through libc) with real readers: a thread, and a fifo script. */
class NotifyFifoIT {

    private Path dir;
    private PosixScriptRunner runner;
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private final ScriptLog sink = (level, line) -> log.add(level + " " + line);

    @BeforeEach
    void setUp() throws IOException {
        NetnsLab.requireRoot();
        dir = Files.createTempDirectory("jk-fifo-it");
        runner = PosixScriptRunner.create(new SystemProcessControl());
    }

    @AfterEach
    void tearDown() throws Exception {
        if (runner != null) {
            runner.terminateAll().get(10, TimeUnit.SECONDS);
        }
        if (dir != null) {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private NotifyFifoWriter writer(GlobalDefs.NotifyFifo fifo) {
        return NotifyFifoWriter.fromConfig(new GlobalDefs.Fifos(Optional.empty(), Optional.of(fifo), Optional.empty(),
                false), new NotifyFifoWriter.Context(NativeFifos.system(), runner, sink, UserDirectory.system(),
                Optional.empty(), System::nanoTime));
    }

    @Test
    void aFifoWeMakeIsOnlyOursAndAPlantedOneIsRefused() throws Exception {
        Path made = dir.resolve("made.fifo");
        try (NotifyFifoWriter w = writer(new GlobalDefs.NotifyFifo(made.toString(), Optional.of("root"),
                Optional.of("root"), Optional.empty()))) {
            assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(made, java.nio.file.LinkOption.NOFOLLOW_LINKS)));
        }
        Path planted = dir.resolve("planted.fifo");
        assertTrue(NativeFifos.system().mkfifo(planted.toString(), 0600));
        Files.setAttribute(planted, "unix:uid", 65534); // a local user's, readable and writable by them
        log.clear();
        try (NotifyFifoWriter w = writer(new GlobalDefs.NotifyFifo(planted.toString(), Optional.of("root"),
                Optional.of("root"), Optional.empty()))) {
            w.instance("VI_1", NotifyState.MASTER, 100);
        }
        assertEquals(List.of("WARNING Unable to open vrrp_notify fifo " + planted + " - it is owned by uid 65534,"
                + " not by uid 0: refusing it, others could read the state lines or feed the fifo script forged ones"),
                log);
    }

    @Test
    void aReaderGetsTheLinesInOrderIncludingThoseWrittenBeforeItCameAndEndOfFileAtClose() throws Exception {
        Path p = dir.resolve("vrrp.fifo");
        NotifyFifoWriter w = writer(new GlobalDefs.NotifyFifo(p.toString(), Optional.of("nobody"), Optional.empty(),
                Optional.empty()));
        try {
            assertTrue(Files.readAttributes(p, java.nio.file.attribute.BasicFileAttributes.class).isOther(), "a FIFO");
            assertEquals(65534, Files.getAttribute(p, "unix:uid"), "given to its user");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(p))); // keepalived: 0644 under umask 0177
            w.instance("VI_1", NotifyState.BACKUP, 100);
            w.group("G1", NotifyState.BACKUP);
            CompletableFuture<List<String>> read = CompletableFuture.supplyAsync(() -> {
                List<String> lines = new ArrayList<>();
                try (BufferedReader r = Files.newBufferedReader(p, StandardCharsets.US_ASCII)) {
                    for (String l = r.readLine(); l != null; l = r.readLine()) {
                        lines.add(l);
                    }
                } catch (IOException e) {
                    lines.add("ERROR " + e);
                }
                return lines;
            });
            Thread.sleep(200);
            w.instance("VI_1", NotifyState.MASTER, 150);
            w.group("G1", NotifyState.MASTER);
            Thread.sleep(200);
            w.close();
            assertEquals(List.of("INSTANCE \"VI_1\" BACKUP 100", "GROUP \"G1\" BACKUP 0", "INSTANCE \"VI_1\" MASTER 150",
                    "GROUP \"G1\" MASTER 0"), read.get(10, TimeUnit.SECONDS), "end of file once the writer closed");
            assertFalse(Files.exists(p), "the FIFO we created is removed at close");
            assertEquals(0, w.dropped());
        } finally {
            w.close();
        }
    }

    @Test
    void withoutAReaderAFullFifoDropsLinesAndNeverBlocks() throws Exception {
        Path p = dir.resolve("full.fifo");
        try (NotifyFifoWriter w = writer(new GlobalDefs.NotifyFifo(p.toString(), Optional.empty(), Optional.empty(),
                Optional.empty()))) {
            long t0 = System.nanoTime();
            for (int i = 0; i < 5000; i++) {
                w.instance("VI_" + i, NotifyState.MASTER, 100);
            }
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(ms < 10_000, "5000 writes took " + ms + " ms");
            assertTrue(w.dropped() > 1000, "a 64 KiB pipe holds some 2500 of these lines; dropped " + w.dropped());
            assertEquals(1, log.stream().filter(l -> l.contains("is full (no reader?)")).count(), log::toString);
            try (BufferedReader r = Files.newBufferedReader(p, StandardCharsets.US_ASCII)) {
                assertEquals("INSTANCE \"VI_0\" MASTER 100", r.readLine(), "the oldest lines were kept");
                assertEquals("INSTANCE \"VI_1\" MASTER 100", r.readLine());
            }
        }
    }

    @Test
    void theFifoScriptIsStartedWithThePathAndReadsEveryLine() throws Exception {
        Path p = dir.resolve("script.fifo");
        Path out = dir.resolve("out.txt");
        ScriptCommand reader = new ScriptCommand("sh -c ...", List.of("/bin/sh", "-c", "exec cat \"$0\" > " + out),
                Optional.empty(), Optional.empty(), 0, 0, new SourceLocation("t.conf", 1));
        NotifyFifoWriter w = writer(new GlobalDefs.NotifyFifo(p.toString(), Optional.empty(), Optional.empty(),
                Optional.of(reader)));
        try {
            w.instance("VI_1", NotifyState.BACKUP, 100);
            w.instance("VI_1", NotifyState.MASTER, 100);
            w.instance("VI_1", NotifyState.STOP, 100);
            String want = "INSTANCE \"VI_1\" BACKUP 100\nINSTANCE \"VI_1\" MASTER 100\nINSTANCE \"VI_1\" STOP 100\n";
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline && !(Files.exists(out) && Files.readString(out).equals(want))) {
                Thread.sleep(50);
            }
            assertEquals(want, Files.readString(out));
            assertNull(log.stream().filter(l -> l.contains("terminated")).findFirst().orElse(null));
            w.close();
            deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline && !log.contains("INFO vrrp notify fifo script terminated (exited with"
                    + " status 0)")) {
                Thread.sleep(50);
            }
            assertTrue(log.contains("INFO vrrp notify fifo script terminated (exited with status 0)"),
                    "the script read end of file at close: " + log);
        } finally {
            w.close();
        }
    }
}
