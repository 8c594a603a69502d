package io.javakeepalived.notify.fifo;

import io.javakeepalived.config.SourceLocation;
import io.javakeepalived.config.model.GlobalDefs;
import io.javakeepalived.config.model.ScriptCommand;
import io.javakeepalived.script.FakeRunner;
import io.javakeepalived.script.ScriptLog;
import io.javakeepalived.testsupport.FakeUsers;
import io.javakeepalived.vrrp.NotifyState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NotifyFifoWriterTest {

    private Path dir;
    private final FakeFifos sys = new FakeFifos();
    private final FakeRunner runner = new FakeRunner();
    private final List<String> log = new ArrayList<>();
    private final ScriptLog sink = (level, line) -> log.add(level + " " + line);
    private final FakeUsers users = new FakeUsers().user("keepalived_script", 990, 991).user("fifo", 1001, 1002)
            .group("readers", 2000);
    private long now = 0;

    @BeforeEach
    void setUp() throws IOException {
        dir = Files.createTempDirectory("jk-fifo");
    }

    @AfterEach
    void tearDown() throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private NotifyFifoWriter writer(GlobalDefs.Fifos fifos) {
        return NotifyFifoWriter.fromConfig(fifos, new NotifyFifoWriter.Context(sys, runner, sink, users,
                Optional.empty(), () -> now));
    }

    private static GlobalDefs.Fifos fifos(Optional<GlobalDefs.NotifyFifo> all, Optional<GlobalDefs.NotifyFifo> vrrp) {
        return new GlobalDefs.Fifos(all, vrrp, Optional.empty(), false);
    }

    private static ScriptCommand script(String... argv) {
        return new ScriptCommand(String.join(" ", argv), List.of(argv), Optional.empty(), Optional.empty(), 0, 0,
                new SourceLocation("t.conf", 3));
    }

    @Test
    void createsGivesToItsUserStartsTheScriptWithThePathThenOpens() {
        String p = dir.resolve("vrrp.fifo").toString();
        try (NotifyFifoWriter w = writer(fifos(Optional.empty(), Optional.of(new GlobalDefs.NotifyFifo(p,
                Optional.of("fifo"), Optional.of("readers"), Optional.of(script("/usr/local/bin/reader", "-v"))))))) {
            assertEquals(List.of("mkfifo " + p + " 600", "chown " + p + " 1001:2000", "open " + p), sys.calls);
            assertEquals(List.of("vrrp_notify_fifo_script /usr/local/bin/reader -v " + p), runner.lines());
            w.instance("VI_1", NotifyState.BACKUP, 100);
            w.group("G1", NotifyState.MASTER);
            w.instancePriority("VI_1", true, 90);
            assertEquals("INSTANCE \"VI_1\" BACKUP 100\nGROUP \"G1\" MASTER 0\nINSTANCE \"VI_1\" MASTER_PRIORITY 90\n",
                    sys.last().data.toString());
            runner.last().exit(0);
            assertTrue(log.contains("INFO vrrp notify fifo script terminated (exited with status 0)"), log::toString);
        }
        assertFalse(Files.exists(Path.of(p)), "we created it, so close removes it");
    }

    @Test
    void anExistingFifoIsUsedAsIsAndLeftInPlace() throws IOException {
        Path p = dir.resolve("existing");
        io.javakeepalived.sys.NativeFifos.system().mkfifo(p.toString(), 0600);
        try (NotifyFifoWriter w = writer(fifos(Optional.of(new GlobalDefs.NotifyFifo(p.toString(), Optional.empty(),
                Optional.empty(), Optional.empty())), Optional.empty()))) {
            assertEquals(List.of("mkfifo " + p + " 600 exists", "open " + p), sys.calls, "no chown");
            w.instance("VI_1", NotifyState.FAULT, 100);
        }
        assertTrue(Files.exists(p));
    }

    @Test
    void anExistingFifoOfAnotherUserOrWritableByOthersIsRefused() throws IOException {
        Path p = dir.resolve("planted");
        io.javakeepalived.sys.NativeFifos.system().mkfifo(p.toString(), 0600);
        GlobalDefs.Fifos planted = fifos(Optional.of(new GlobalDefs.NotifyFifo(p.toString(), Optional.empty(),
                Optional.empty(), Optional.empty())), Optional.empty());
        sys.stat = new io.javakeepalived.sys.FifoSystem.Stat(true, 0600, 1000, 1000);
        try (NotifyFifoWriter w = writer(planted)) {
            w.instance("VI_1", NotifyState.MASTER, 100);
        }
        sys.stat = new io.javakeepalived.sys.FifoSystem.Stat(true, 0622, 0, 0);
        try (NotifyFifoWriter w = writer(planted)) {
            w.instance("VI_1", NotifyState.MASTER, 100);
        }
        assertTrue(sys.channels.stream().allMatch(c -> c.data.length() == 0 && c.closed), "nothing written, closed");
        assertEquals(List.of("WARNING Unable to open notify fifo " + p + " - it is owned by uid 1000, not by uid 0 or the fifo's user 990:"
                        + " refusing it, others could read the state lines or feed the fifo script forged ones",
                "WARNING Unable to open notify fifo " + p + " - it is writable by others (mode 0622): refusing it,"
                        + " others could read the state lines or feed the fifo script forged ones"), log);
        assertTrue(Files.exists(p), "not ours: left in place");
    }

    @Test
    void aFifoWeCreateForItsUserIsThatUsersAndNotOthers() {
        String p = dir.resolve("f").toString();
        sys.stat = new io.javakeepalived.sys.FifoSystem.Stat(true, 0600, 1001, 1002); // after our chown
        try (NotifyFifoWriter w = writer(fifos(Optional.of(new GlobalDefs.NotifyFifo(p, Optional.of("fifo"),
                Optional.empty(), Optional.empty())), Optional.empty()))) {
            w.instance("VI_1", NotifyState.MASTER, 100);
            assertEquals("INSTANCE \"VI_1\" MASTER 100\n", sys.last().data.toString());
        }
    }

    @Test
    void theDefaultOwnerIsKeepalivedScript() {
        String p = dir.resolve("f").toString();
        writer(fifos(Optional.of(new GlobalDefs.NotifyFifo(p, Optional.empty(), Optional.empty(), Optional.empty())),
                Optional.empty())).close();
        assertTrue(sys.calls.contains("chown " + p + " 990:991"), sys.calls::toString);
    }

    @Test
    void bothFifosGetEveryLineUnlessTheyAreTheSame() {
        String a = dir.resolve("all").toString();
        String v = dir.resolve("vrrp").toString();
        try (NotifyFifoWriter w = writer(fifos(Optional.of(new GlobalDefs.NotifyFifo(a, Optional.empty(), Optional.empty(),
                Optional.empty())), Optional.of(new GlobalDefs.NotifyFifo(v, Optional.empty(), Optional.empty(),
                Optional.empty()))))) {
            w.instance("VI_1", NotifyState.MASTER, 150);
            assertEquals(2, sys.channels.size());
            for (FakeFifos.Chan c : sys.channels) {
                assertEquals("INSTANCE \"VI_1\" MASTER 150\n", c.data.toString(), c.path);
            }
        }
        sys.channels.clear();
        try (NotifyFifoWriter w = writer(fifos(Optional.of(new GlobalDefs.NotifyFifo(a, Optional.empty(), Optional.empty(),
                Optional.empty())), Optional.of(new GlobalDefs.NotifyFifo(a, Optional.empty(), Optional.empty(),
                Optional.of(script("/bin/cat"))))))) {
            w.instance("VI_1", NotifyState.MASTER, 150);
            assertEquals(1, sys.channels.size());
            assertTrue(log.contains("INFO notify FIFO " + a + " has been specified for global and vrrp FIFO - ignoring"
                    + " vrrp FIFO"), log::toString);
            assertEquals(List.of(), runner.lines(), "the ignored FIFO's script is not run");
        }
    }

    @Test
    void lvsLinesGoToTheGlobalAndLvsFifosAndVrrpLinesNotToTheLvsOne() {
        String a = dir.resolve("all").toString();
        String l = dir.resolve("lvs").toString();
        try (NotifyFifoWriter w = writer(new GlobalDefs.Fifos(Optional.of(new GlobalDefs.NotifyFifo(a, Optional.empty(),
                Optional.empty(), Optional.empty())), Optional.empty(), Optional.of(new GlobalDefs.NotifyFifo(l,
                Optional.empty(), Optional.empty(), Optional.of(script("/bin/reader")))), false))) {
            assertEquals(List.of("lvs_notify_fifo_script /bin/reader " + l), runner.lines());
            w.instance("VI_1", NotifyState.MASTER, 150);
            w.lvs(FifoLine.virtualServer("[10.0.0.1]:tcp:80", true));
            assertEquals(2, sys.channels.size());
            assertEquals("INSTANCE \"VI_1\" MASTER 150\nVS [10.0.0.1]:tcp:80 UP\n", sys.channels.get(0).data.toString());
            assertEquals("VS [10.0.0.1]:tcp:80 UP\n", sys.channels.get(1).data.toString());
        }
        sys.channels.clear();
        try (NotifyFifoWriter w = writer(new GlobalDefs.Fifos(Optional.of(new GlobalDefs.NotifyFifo(a, Optional.empty(),
                Optional.empty(), Optional.empty())), Optional.empty(), Optional.of(new GlobalDefs.NotifyFifo(a,
                Optional.empty(), Optional.empty(), Optional.empty())), false))) {
            w.lvs(FifoLine.virtualServer("[10.0.0.1]:tcp:80", false));
            assertEquals(List.of("VS [10.0.0.1]:tcp:80 DOWN\n"), sys.channels.stream().map(c -> c.data.toString())
                    .toList());
            assertTrue(log.contains("INFO notify FIFO " + a + " has been specified for global and LVS FIFO - ignoring"
                    + " LVS FIFO"), log::toString);
        }
    }

    @Test
    void aFullFifoDropsLinesCountsThemAndSaysSoAtMostOnceAMinute() {
        sys.capacity = 60;
        String p = dir.resolve("full").toString();
        try (NotifyFifoWriter w = writer(fifos(Optional.empty(), Optional.of(new GlobalDefs.NotifyFifo(p,
                Optional.empty(), Optional.empty(), Optional.empty()))))) {
            w.instance("VI_1", NotifyState.BACKUP, 100);
            w.instance("VI_1", NotifyState.MASTER, 100);
            assertEquals(0, w.dropped());
            w.instance("VI_1", NotifyState.FAULT, 100);
            w.instance("VI_1", NotifyState.BACKUP, 100);
            now += 30_000_000_000L;
            w.instance("VI_1", NotifyState.MASTER, 100);
            assertEquals(3, w.dropped());
            assertEquals(List.of("WARNING vrrp_notify fifo " + p + " is full (no reader?) - 1 line(s) dropped, 1 in all"),
                    log.stream().filter(l -> l.contains("is full")).toList());
            now += 31_000_000_000L;
            w.instance("VI_1", NotifyState.FAULT, 100);
            assertEquals("WARNING vrrp_notify fifo " + p + " is full (no reader?) - 3 line(s) dropped, 4 in all",
                    log.get(log.size() - 1));
            assertEquals("INSTANCE \"VI_1\" BACKUP 100\nINSTANCE \"VI_1\" MASTER 100\n", sys.last().data.toString());
        }
    }

    @Test
    void aFifoRemovedOrReplacedByItsReaderIsOpenedAgain() throws IOException {
        Path p = dir.resolve("again");
        try (NotifyFifoWriter w = writer(fifos(Optional.empty(), Optional.of(new GlobalDefs.NotifyFifo(p.toString(),
                Optional.empty(), Optional.empty(), Optional.empty()))))) {
            w.instance("VI_1", NotifyState.BACKUP, 100);
            Files.delete(p);
            w.instance("VI_1", NotifyState.MASTER, 100);
            assertEquals(2, sys.channels.size());
            assertTrue(sys.channels.get(0).closed);
            assertEquals("INSTANCE \"VI_1\" MASTER 100\n", sys.last().data.toString());
            assertTrue(log.contains("INFO Reopened vrrp_notify fifo " + p + " (created again)"), log::toString);
            assertTrue(Files.exists(p));
            Path other = dir.resolve("other");
            io.javakeepalived.sys.NativeFifos.system().mkfifo(other.toString(), 0600);
            Files.move(other, p, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            w.instance("VI_1", NotifyState.FAULT, 100);
            assertEquals(3, sys.channels.size(), "someone else's new FIFO at the path");
            assertEquals("INSTANCE \"VI_1\" FAULT 100\n", sys.last().data.toString());
        }
        assertTrue(Files.exists(p), "the current FIFO is not ours: left in place");
    }

    @Test
    void somethingThatIsNotAFifoIsNeverWrittenInto() throws IOException {
        Path p = dir.resolve("regular");
        Files.writeString(p, "precious\n");
        try (NotifyFifoWriter w = writer(fifos(Optional.empty(), Optional.of(new GlobalDefs.NotifyFifo(p.toString(),
                Optional.empty(), Optional.empty(), Optional.empty()))))) {
            w.instance("VI_1", NotifyState.BACKUP, 100);
            assertEquals(0, sys.channels.size());
            assertTrue(log.contains("WARNING Unable to open vrrp_notify fifo " + p + " - it is not a FIFO"), log::toString);
        }
        assertEquals("precious\n", Files.readString(p));
    }

    @Test
    void noFifoConfiguredWritesNothing() {
        NotifyFifoWriter w = writer(fifos(Optional.empty(), Optional.empty()));
        assertFalse(w.enabled());
        w.instance("VI_1", NotifyState.MASTER, 100);
        w.close();
    }
}
