package io.javakeepalived.notify;

import io.javakeepalived.config.SourceLocation;
import io.javakeepalived.config.model.NotifyScripts;
import io.javakeepalived.config.model.ScriptCommand;
import io.javakeepalived.script.PosixScriptRunner;
import io.javakeepalived.script.ProcScan;
import io.javakeepalived.script.RecordingLog;
import io.javakeepalived.script.ScriptUser;
import io.javakeepalived.sys.SystemProcessControl;
import io.javakeepalived.vrrp.NotifyState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Notify hooks as real scripts run as nobody: order, timeouts, nothing left behind. */
class NotifyDispatcherIT {
    private Path dir;
    private Path journal;
    private final RecordingLog log = new RecordingLog();

    private static ScriptUser user;

    @org.junit.jupiter.api.BeforeAll
    static void user() throws Exception {
        if ("root".equals(System.getProperty("user.name"))) {
            user = ScriptUser.obtain();
        }
    }

    @org.junit.jupiter.api.AfterAll
    static void removeUser() throws Exception {
        if (user != null) {
            user.close();
        }
    }

    @BeforeEach
    void setUp() throws IOException {
        assumeTrue("root".equals(System.getProperty("user.name")), "runs scripts as nobody: needs root");
        dir = Files.createTempDirectory("jk-notify-it");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        journal = dir.resolve("journal");
        Files.createFile(journal);
        Files.setPosixFilePermissions(journal, PosixFilePermissions.fromString("rw-rw-rw-"));
    }

    @AfterEach
    void tearDown() throws IOException {
        if (dir != null) {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private ScriptCommand script(String name, String body) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, "#!/bin/sh\necho \"start " + name + " $*\" >> " + journal + "\n" + body
                + "\necho \"end " + name + "\" >> " + journal + "\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return new ScriptCommand(p.toString(), List.of(p.toString()), Optional.empty(), Optional.empty(), user.uid, user.gid,
                new SourceLocation("t.conf", 1));
    }

    @Test
    void aRapidMasterBackupFaultSequenceRunsInOrderWhenTheFirstHookIsSlow() throws Exception {
        NotifyScripts scripts = new NotifyScripts(Optional.of(script("master.sh", "sleep 1")),
                Optional.of(script("backup.sh", "")), Optional.of(script("fault.sh", "")), Optional.empty(),
                Optional.empty(), Optional.of(script("notify.sh", "")), Optional.empty(), false);
        NotifyDispatcher d = new NotifyDispatcher(PosixScriptRunner.create(new SystemProcessControl()), log, Duration.ofSeconds(10));
        d.setInstanceScripts("VI_1", scripts);
        d.notifyInstance("VI_1", NotifyState.MASTER, 100);
        d.notifyInstance("VI_1", NotifyState.BACKUP, 100);
        d.notifyInstance("VI_1", NotifyState.FAULT, 100);
        d.idle().get(30, TimeUnit.SECONDS);
        assertEquals(List.of(
                "start master.sh ", "end master.sh",
                "start notify.sh INSTANCE VI_1 MASTER 100", "end notify.sh",
                "start backup.sh ", "end backup.sh",
                "start notify.sh INSTANCE VI_1 BACKUP 100", "end notify.sh",
                "start fault.sh ", "end fault.sh",
                "start notify.sh INSTANCE VI_1 FAULT 100", "end notify.sh"), Files.readAllLines(journal));
        assertEquals(6, log.visible().size(), log.lines().toString());
        assertEquals(List.of(), ProcScan.ourZombies());
    }

    @Test
    void aHungHookIsKilledAtItsTimeoutAndTheNextRuns() throws Exception {
        NotifyScripts scripts = new NotifyScripts(Optional.of(script("master.sh", "sleep 1000 & sleep 1000")),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(script("notify.sh", "")), Optional.empty(), false);
        NotifyDispatcher d = new NotifyDispatcher(PosixScriptRunner.create(new SystemProcessControl()), log, Duration.ofMillis(800));
        d.setInstanceScripts("VI_1", scripts);
        d.notifyInstance("VI_1", NotifyState.MASTER, 100).get(30, TimeUnit.SECONDS);
        assertEquals(List.of("start master.sh ", "start notify.sh INSTANCE VI_1 MASTER 100", "end notify.sh"),
                Files.readAllLines(journal));
        String timedOut = log.visible().get(0);
        assertTrue(timedOut.startsWith("WARNING (VI_1) notify_master " + dir.resolve("master.sh") + " timed out after"),
                timedOut);
        assertEquals(List.of(), ProcScan.all().stream()
                .filter(p -> p.state() != 'Z' && cmdline(p.pid()).contains("sleep 1000")).toList());
        assertEquals(List.of(), ProcScan.ourZombies());
    }

    private static String cmdline(long pid) {
        try {
            return Files.readString(Path.of("/proc/" + pid + "/cmdline")).replace('\0', ' ');
        } catch (IOException e) {
            return "";
        }
    }
}
