package io.javakeepalived.script;

import io.javakeepalived.config.SourceLocation;
import io.javakeepalived.config.model.ScriptCommand;
import io.javakeepalived.testsupport.FakeFileSystem;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * keepalived's {@code </path} track scripts (the shell opens the file as the script's user) run
 * without a shell: the open as that user decides, nothing is spawned.
 */
class OpenCheckTest {
    private final FakeTimers timers = new FakeTimers();
    private final FakeProcessControl procs = new FakeProcessControl();
    private final PosixScriptRunner runner = new PosixScriptRunner(new PosixScriptRunner.Options(
            PosixScriptRunner.DEFAULT_ENVIRONMENT, 2048, Optional.of(Path.of("/usr/bin/setpriv")),
            PosixScriptRunner.DEFAULT_KILL_GRACE), procs, timers, FakeFileSystem.typicalHost());

    private static ScriptCommand command(String configured, int uid) {
        return new ScriptCommand(configured, List.of(configured.split(" ")), Optional.empty(), Optional.empty(),
                uid, uid + 1, new SourceLocation("t.conf", 1));
    }

    private ScriptResult run(String configured, int uid) throws Exception {
        CompletableFuture<ScriptResult> f = runner.run(new ScriptRun("VRRP_Script(chk)", command(configured, uid),
                Duration.ofSeconds(5)));
        return f.get(20, TimeUnit.SECONDS); // a fork and exec on a loaded machine
    }

    @Test
    void aReadableFileIsASuccessAndIsOpenedAsTheScriptsUser() throws Exception {
        ScriptResult r = run("</run/app.pid", 65534);
        assertTrue(r.succeeded(), r.describe());
        assertEquals(List.of("open /run/app.pid as 65534:65535"), procs.calls(), "opened as the user, nothing spawned");
    }

    @Test
    void aFileThatCannotBeOpenedIsAFailureWithTheShellsStatusAndMessage() throws Exception {
        procs.unopenable.put("/run/app.pid", "No such file or directory");
        procs.unopenable.put("/etc/shadow", "Permission denied");
        ScriptResult.Exited missing = assertInstanceOf(ScriptResult.Exited.class, run("</run/app.pid", 0));
        assertEquals(1, missing.status());
        assertEquals("/run/app.pid: No such file or directory", missing.output());
        ScriptResult.Exited denied = assertInstanceOf(ScriptResult.Exited.class, run("</etc/shadow", 65534));
        assertEquals("/etc/shadow: Permission denied", denied.output());
    }

    @Test
    void blanksBetweenTheRedirectionAndThePathAreAllowedAsInKeepalived() throws Exception {
        ScriptCommand c = new ScriptCommand("< \t/run/app.pid", List.of("< \t/run/app.pid"), Optional.empty(),
                Optional.empty(), 0, 0, new SourceLocation("t.conf", 1));
        assertEquals(Optional.of("/run/app.pid"), c.openTestPath());
        assertTrue(runner.run(new ScriptRun("x", c, Duration.ofSeconds(5))).get(5, TimeUnit.SECONDS).succeeded());
    }

    @Test
    void moreShellThanALoneRedirectionIsRefusedWithAReason() throws Exception {
        ScriptResult.NotRun n = assertInstanceOf(ScriptResult.NotRun.class, run("</run/app.pid && /bin/x", 0));
        assertTrue(n.reason().contains("runs no shell"), n.reason());
        assertEquals(List.of(), procs.calls());
    }

    @Test
    void devTcpConnectsAsBashDoes() throws Exception {
        try (ServerSocket listening = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertTrue(run("</dev/tcp/127.0.0.1/" + listening.getLocalPort(), 0).succeeded());
        }
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        ScriptResult.Exited refused = assertInstanceOf(ScriptResult.Exited.class,
                run("</dev/tcp/127.0.0.1/" + closed, 0));
        assertEquals(1, refused.status());
        assertTrue(refused.output().startsWith("/dev/tcp/127.0.0.1/" + closed + ": Connection refused"),
                refused.output());
        assertEquals(List.of(), procs.calls(), "no file is opened for /dev/tcp");
    }

    @Test
    void theReadinessCheckAndTheSecurityCheckLeaveItAlone() {
        ScriptCommand c = command("</run/app.pid", 0);
        assertEquals(Optional.empty(), new ScriptReadiness(FakeFileSystem.typicalHost()).whyNotRunnable(c, true));
        assertFalse(new SecureScriptRunner(runner, FakeFileSystem.typicalHost(), List.of()).check(c).isPresent());
    }
}
