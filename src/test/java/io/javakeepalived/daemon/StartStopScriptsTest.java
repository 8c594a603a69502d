package io.javakeepalived.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.javakeepalived.config.model.GlobalDefs;
import io.javakeepalived.script.FakeRunner;
import io.javakeepalived.script.ScriptResult;
import io.javakeepalived.testsupport.ConfigFixture;
import io.javakeepalived.testsupport.FakeFileSystem;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class StartStopScriptsTest {

    private final FakeRunner runner = new FakeRunner();
    private final Logger logger = (Logger) LoggerFactory.getLogger("StartStopScriptsTest." + System.nanoTime());
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

    StartStopScriptsTest() {
        logger.setAdditive(false);
        lines.start();
        logger.addAppender(lines);
    }

    private static GlobalDefs globals(String body) {
        FakeFileSystem files = FakeFileSystem.typicalHost().file("/bin/true", 0, 0, 0755)
                .file("/bin/false", 0, 0, 0755).file("/bin/x", 0, 0, 0755);
        return ConfigFixture.model(ConfigFixture.host().files(files).load("global_defs {\n" + body + "}\n")).global();
    }

    private StartStopScripts scripts(String body) {
        return new StartStopScripts(globals(body), runner, Duration.ofSeconds(2), logger);
    }

    private List<String> log() {
        return lines.list.stream().map(e -> e.getLevel() + " " + e.getFormattedMessage()).toList();
    }

    @Test
    void eachScriptRunsWithItsArgumentsAndItsTimeoutDefaulting10Seconds() {
        StartStopScripts s = scripts("    startup_script \"/bin/sh -c 'echo up'\"\n"
                + "    shutdown_script /bin/true\n    shutdown_script_timeout 3\n");
        CompletableFuture<Void> up = CompletableFuture.runAsync(s::runStartup);
        awaitStarted(1);
        assertEquals(List.of("/bin/sh", "-c", "echo up"), runner.last().run().argv());
        assertEquals(Duration.ofSeconds(10), runner.last().run().timeout(), "keepalived's default");
        runner.last().exit(0);
        up.join();

        CompletableFuture<Void> down = CompletableFuture.runAsync(s::runShutdown);
        awaitStarted(2);
        assertEquals(List.of("/bin/true"), runner.last().run().argv());
        assertEquals(Duration.ofSeconds(3), runner.last().run().timeout());
        runner.last().exit(0);
        down.join();
    }

    @Test
    void theCallReturnsOnlyOnceTheScriptHasEnded() throws Exception {
        StartStopScripts s = scripts("    startup_script /bin/true\n");
        CompletableFuture<Void> up = CompletableFuture.runAsync(s::runStartup);
        awaitStarted(1);
        Thread.sleep(100);
        assertFalse(up.isDone(), "VRRP must not start while the startup script runs");
        runner.last().exit(0);
        up.get(5, TimeUnit.SECONDS);
    }

    @Test
    void nothingRunsWithoutAScript() {
        StartStopScripts s = scripts("    router_id x\n");
        s.runStartup();
        s.runShutdown();
        assertTrue(runner.started().isEmpty());
    }

    @Test
    void aFailureStatusATimeoutAndARefusalAreLoggedAndNothingElseHappens() {
        StartStopScripts s = scripts("    startup_script /bin/false\n    shutdown_script /bin/x\n");
        CompletableFuture<Void> up = CompletableFuture.runAsync(s::runStartup);
        awaitStarted(1);
        runner.last().exit(3);
        up.join();
        CompletableFuture<Void> down = CompletableFuture.runAsync(s::runShutdown);
        awaitStarted(2);
        runner.last().result().complete(new ScriptResult.TimedOut(7, 9, Duration.ofSeconds(12), ""));
        down.join();
        CompletableFuture<Void> again = CompletableFuture.runAsync(s::runShutdown);
        awaitStarted(3);
        runner.last().result().complete(new ScriptResult.NotRun("not executable"));
        again.join();
        List<String> log = log();
        assertTrue(log.contains("INFO startup script failed, status 3"), log::toString);
        assertTrue(log.stream().anyMatch(l -> l.startsWith("WARN shutdown script timed out - timed out after 12.000 s")),
                log::toString);
        assertTrue(log.contains("WARN Call of shutdown script /bin/x failed: not executable"), log::toString);
    }

    private void awaitStarted(int n) {
        long end = System.nanoTime() + 10_000_000_000L;
        while (runner.started().size() < n) {
            assertTrue(System.nanoTime() < end, "script " + n + " was not started");
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000); // a spin would starve the starter on 2 loaded cores
        }
    }
}
