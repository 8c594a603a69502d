package io.javakeepalived.script;

import io.javakeepalived.config.SourceLocation;
import io.javakeepalived.config.model.NotifyScripts;
import io.javakeepalived.config.model.ScriptCommand;
import io.javakeepalived.config.model.VrrpInstance;
import io.javakeepalived.sys.ProcessControl;
import io.javakeepalived.testsupport.ConfigFixture;
import io.javakeepalived.testsupport.FakeFileSystem;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The runner's plan, timeout and reaping logic against fake processes and a fake clock. */
class PosixScriptRunnerTest {
    private final FakeTimers timers = new FakeTimers();
    private final FakeProcessControl procs = new FakeProcessControl();
    private final FakeFileSystem fs = FakeFileSystem.typicalHost()
            .file("/etc/keepalived/x.sh", 0, 0, 0755)
            .file("/etc/keepalived/private.sh", 0, 0, 0700)
            .file("/usr/bin/true", 0, 0, 0755);
    private static final String SETPRIV = "/usr/bin/setpriv";
    private final PosixScriptRunner runner = new PosixScriptRunner(new PosixScriptRunner.Options(
            PosixScriptRunner.DEFAULT_ENVIRONMENT, 0, Optional.of(java.nio.file.Path.of(SETPRIV)),
            PosixScriptRunner.DEFAULT_KILL_GRACE), procs, timers, fs);

    private static ScriptCommand command(List<String> argv, int uid) {
        return new ScriptCommand(String.join(" ", argv), argv, Optional.empty(), Optional.empty(), uid, uid,
                new SourceLocation("t.conf", 1));
    }

    private static ScriptResult get(CompletableFuture<ScriptResult> f) throws Exception {
        return f.get(20, TimeUnit.SECONDS); // a fork and exec on a loaded machine
    }

    @Test
    void theConfiguredStringIsSplitLikeKeepalivedAndPassedThroughExactly() throws Exception {
        var r = ConfigFixture.host().files(fs).load(
                ConfigFixture.instance("VI_1", "priority 100", "notify_master \"/etc/keepalived/x.sh arg1 'two words'\""));
        VrrpInstance vi = ConfigFixture.instance(r, "VI_1");
        NotifyScripts n = vi.notifyScripts();
        ScriptCommand master = n.master().orElseThrow();
        assertEquals(List.of("/etc/keepalived/x.sh", "arg1", "two words"), master.argv());

        ScriptCommand asNobody = new ScriptCommand(master.configured(), master.argv(), master.user(), master.group(),
                65534, 65534, master.location());
        CompletableFuture<ScriptResult> f = runner.run(new ScriptRun("(VI_1) notify", asNobody,
                List.of("INSTANCE", "VI_1", "MASTER", "100"), Duration.ofSeconds(5)));
        FakeProcessControl.Spawned s = procs.nextSpawn();
        String setpriv = SETPRIV;
        assertEquals(setpriv, s.path());
        assertEquals(List.of(setpriv, "--reuid=65534", "--regid=65534", "--clear-groups", "--pdeathsig=TERM", "--",
                "/etc/keepalived/x.sh", "arg1", "two words", "INSTANCE", "VI_1", "MASTER", "100"), s.argv());
        assertEquals(List.of("PATH=/usr/sbin:/usr/bin:/sbin:/bin"), s.env());
        procs.exit(s.pid(), new ProcessControl.Exit(false, 0, false));
        assertTrue(get(f).succeeded());
    }

    @Test
    void aNormalExitCancelsTheTimeoutAndSendsNoSignal() throws Exception {
        CompletableFuture<ScriptResult> f = runner.run(new ScriptRun("a", command(List.of("true"), 0),
                Duration.ofSeconds(3)));
        FakeProcessControl.Spawned s = procs.nextSpawn();
        assertEquals("/usr/bin/true", s.argv().get(6), "bare name found in the scripts' PATH");
        timers.awaitPending(1);
        timers.advance(Duration.ofMillis(2500));
        procs.exit(s.pid(), new ProcessControl.Exit(false, 4, false));
        ScriptResult.Exited e = assertInstanceOf(ScriptResult.Exited.class, get(f));
        assertEquals(4, e.status());
        assertEquals(Duration.ofMillis(2500), e.elapsed());
        timers.advance(Duration.ofSeconds(10));
        assertEquals(List.of("spawn " + s.pid(), "reap " + s.pid()), procs.calls());
        assertEquals(0, runner.runningCount());
    }

    @Test
    void atTheTimeoutTheGroupGetsTermAndAScriptThatDiesOfItEndsTheRun() throws Exception {
        CompletableFuture<ScriptResult> f = runner.run(new ScriptRun("a", command(List.of("true"), 0),
                Duration.ofSeconds(3)));
        long pid = procs.nextSpawn().pid();
        timers.awaitPending(1);
        assertEquals(List.of(3000L), timers.pendingMillis());
        timers.advance(Duration.ofMillis(2999));
        assertFalse(f.isDone());
        timers.advance(Duration.ofMillis(1));
        ScriptResult.TimedOut t = assertInstanceOf(ScriptResult.TimedOut.class, get(f));
        assertEquals(15, t.lastSignal());
        timers.advance(Duration.ofSeconds(30));
        assertEquals(List.of("spawn " + pid, "kill -15 -" + pid, "reap " + pid), procs.calls());
        assertEquals("timed out after 3.000 s (process group sent SIGTERM)", t.describe());
    }

    @Test
    void childrenLeftInTheGroupGetTheKillTwoSecondsLaterBeforeTheLeaderIsReaped() throws Exception {
        procs.groupHasLiveMembers = true;
        CompletableFuture<ScriptResult> f = runner.run(new ScriptRun("a", command(List.of("true"), 0),
                Duration.ofSeconds(1)));
        long pid = procs.nextSpawn().pid();
        timers.awaitPending(1);
        timers.advance(Duration.ofSeconds(1));
        Thread.sleep(50);
        assertFalse(f.isDone(), "waits for the SIGKILL step");
        assertEquals(List.of("spawn " + pid, "kill -15 -" + pid), procs.calls());
        timers.advance(Duration.ofMillis(1999));
        assertFalse(f.isDone());
        timers.advance(Duration.ofMillis(1));
        ScriptResult.TimedOut t = assertInstanceOf(ScriptResult.TimedOut.class, get(f));
        assertEquals(9, t.lastSignal());
        assertEquals(List.of("spawn " + pid, "kill -15 -" + pid, "kill -9 -" + pid, "reap " + pid), procs.calls());
    }

    @Test
    void aLeaderIgnoringTermIsKilledAndKillIsRepeatedWhileItLingers() throws Exception {
        procs.onSignal = sig -> null; // survives everything for now
        CompletableFuture<ScriptResult> f = runner.run(new ScriptRun("a", command(List.of("true"), 0),
                Duration.ofSeconds(1)));
        long pid = procs.nextSpawn().pid();
        timers.awaitPending(1);
        timers.advance(Duration.ofSeconds(3));
        timers.advance(Duration.ofSeconds(10));
        assertFalse(f.isDone());
        assertEquals(List.of("spawn " + pid, "kill -15 -" + pid, "kill -9 -" + pid, "kill -9 -" + pid), procs.calls());
        procs.exit(pid, new ProcessControl.Exit(true, 9, false));
        ScriptResult.TimedOut t = assertInstanceOf(ScriptResult.TimedOut.class, get(f));
        assertEquals(9, t.lastSignal());
        timers.advance(Duration.ofSeconds(60));
        assertEquals(5, procs.calls().size(), procs.calls().toString());
    }

    @Test
    void reasonsForNotRunning() throws Exception {
        assertEquals("not run: /etc/keepalived/nope.sh: No such file or directory",
                get(runner.run(new ScriptRun("a", command(List.of("/etc/keepalived/nope.sh"), 0), Duration.ofSeconds(1))))
                        .describe());
        assertEquals("not run: /etc/keepalived/private.sh is not executable by uid 65534 gid 65534 (mode 700, owner 0:0)",
                get(runner.run(new ScriptRun("a", command(List.of("/etc/keepalived/private.sh"), 65534),
                        Duration.ofSeconds(1)))).describe());
        assertEquals("not run: /etc/keepalived is not a regular file",
                get(runner.run(new ScriptRun("a", command(List.of("/etc/keepalived"), 0), Duration.ofSeconds(1))))
                        .describe());
        PosixScriptRunner noSetpriv = new PosixScriptRunner(new PosixScriptRunner.Options(
                PosixScriptRunner.DEFAULT_ENVIRONMENT, 0, Optional.empty(), Duration.ofSeconds(2)),
                procs, timers, fs);
        assertEquals("not run: cannot run as uid 65534 gid 65534: setpriv (util-linux) not found",
                get(noSetpriv.run(new ScriptRun("a", command(List.of("/etc/keepalived/x.sh"), 65534),
                        Duration.ofSeconds(1)))).describe());
        assertTrue(procs.spawned.isEmpty());
    }

    @Test
    void terminateAllEndsEveryRunningScript() throws Exception {
        CompletableFuture<ScriptResult> a = runner.run(new ScriptRun("a", command(List.of("true"), 0), Duration.ofHours(1)));
        CompletableFuture<ScriptResult> b = runner.run(new ScriptRun("b", command(List.of("true"), 0), Duration.ofHours(1)));
        procs.nextSpawn();
        procs.nextSpawn();
        timers.awaitPending(2);
        runner.terminateAll().get(20, TimeUnit.SECONDS);
        assertInstanceOf(ScriptResult.TimedOut.class, get(a));
        assertInstanceOf(ScriptResult.TimedOut.class, get(b));
    }
}
