package io.javakeepalived.track;

import io.javakeepalived.config.SourceLocation;
import io.javakeepalived.config.model.ScriptCommand;
import io.javakeepalived.config.model.VrrpScript;
import io.javakeepalived.script.PosixScriptRunner;
import io.javakeepalived.script.ScriptLog;
import io.javakeepalived.script.Timers;
import io.javakeepalived.sys.SystemProcessControl;
import io.javakeepalived.vrrp.Event;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A real check command (no shell: /usr/bin/test with its arguments) through the real runner and clock. */
class TrackScriptSchedulerIT {

    @Test
    void aCheckThatStartsFailingAndThenSucceedsMovesThePriority() throws Exception {
        Path dir = Files.createTempDirectory("jk-track-it");
        Path flag = dir.resolve("healthy");
        LinkedBlockingQueue<String> out = new LinkedBlockingQueue<>();
        TrackScriptScheduler s = new TrackScriptScheduler(PosixScriptRunner.create(new SystemProcessControl()), Timers.system(),
                new TrackScriptScheduler.Listener() {
                    @Override
                    public void log(ScriptLog.Level level, String line) {
                        if (level != ScriptLog.Level.DEBUG) {
                            out.add(line);
                        }
                    }

                    @Override
                    public void deliver(String instance, Event event) {
                        out.add(instance + " " + event);
                    }
                });
        ScriptCommand cmd = new ScriptCommand("test -e " + flag, List.of("test", "-e", flag.toString()),
                Optional.empty(), Optional.empty(), 0, 0, new SourceLocation("t.conf", 1));
        VrrpScript chk = new VrrpScript("chk", cmd, Duration.ofMillis(300), Duration.ofMillis(300), -20, false, 1, 1,
                false, new SourceLocation("t.conf", 1));
        s.add(chk, TrackScriptState.of(chk, List.of(new TrackScriptState.Tracking("VI_1", -20, false))));
        try {
            s.start();
            assertEquals("Script `chk` now returning 1", out.poll(5, TimeUnit.SECONDS));
            assertEquals("VRRP_Script(chk) failed (exited with status 1)", out.poll(5, TimeUnit.SECONDS));
            assertEquals("VI_1 WeightChanged[tracker=script chk, weight=-20]", out.poll(5, TimeUnit.SECONDS));
            Files.createFile(flag);
            assertEquals("Script `chk` now returning 0", out.poll(5, TimeUnit.SECONDS));
            assertEquals("VRRP_Script(chk) succeeded", out.poll(5, TimeUnit.SECONDS));
            assertEquals("VI_1 WeightChanged[tracker=script chk, weight=0]", out.poll(5, TimeUnit.SECONDS));
            assertTrue(s.state("chk").orElseThrow().ok());
        } finally {
            s.stop();
            Files.deleteIfExists(flag);
            Files.deleteIfExists(dir);
        }
    }
}
