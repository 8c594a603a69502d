package io.javakeepalived.notify;

import io.javakeepalived.config.SourceLocation;
import io.javakeepalived.config.model.NotifyScripts;
import io.javakeepalived.config.model.ScriptCommand;
import io.javakeepalived.script.FakeRunner;
import io.javakeepalived.script.RecordingLog;
import io.javakeepalived.script.ScriptResult;
import io.javakeepalived.vrrp.Action;
import io.javakeepalived.vrrp.InstanceSettings;
import io.javakeepalived.vrrp.NotifyState;
import io.javakeepalived.vrrp.VrrpInstance;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NotifyDispatcherTest {
    private final FakeRunner runner = new FakeRunner();
    private final RecordingLog log = new RecordingLog();
    private final NotifyDispatcher dispatcher = new NotifyDispatcher(runner, log, Duration.ofSeconds(30));

    private static ScriptCommand cmd(String... argv) {
        return new ScriptCommand(String.join(" ", argv), List.of(argv), Optional.empty(), Optional.empty(), 0, 0,
                new SourceLocation("t.conf", 1));
    }

    private static NotifyScripts scripts(String prefix) {
        return new NotifyScripts(Optional.of(cmd(prefix + "master.sh")), Optional.of(cmd(prefix + "backup.sh", "two words")),
                Optional.of(cmd(prefix + "fault.sh")), Optional.of(cmd(prefix + "stop.sh")), Optional.empty(),
                Optional.of(cmd(prefix + "notify.sh")), Optional.of(cmd(prefix + "rx.sh")), false);
    }

    /** Ends whatever is running for the instance, one at a time, until nothing is left. */
    private void drain() {
        while (!runner.running().isEmpty()) {
            assertEquals(1, runner.running().size(), "two hooks at once: " + runner.running());
            runner.running().get(0).exit(0);
        }
    }

    @Test
    void hooksOfOneInstanceRunOneAtATimeInTransitionOrderEvenWhenTheFirstIsSlow() throws Exception {
        dispatcher.setInstanceScripts("VI_1", scripts("/k/"));
        CompletableFuture<Void> m = dispatcher.notifyInstance("VI_1", NotifyState.MASTER, 100);
        CompletableFuture<Void> b = dispatcher.notifyInstance("VI_1", NotifyState.BACKUP, 100);
        CompletableFuture<Void> f = dispatcher.notifyInstance("VI_1", NotifyState.FAULT, 90);
        assertEquals(List.of("(VI_1) notify_master /k/master.sh"), runner.lines(), "only the first has started");
        assertFalse(m.isDone());
        drain();
        assertTrue(m.isDone() && b.isDone() && f.isDone());
        assertEquals(List.of(
                "(VI_1) notify_master /k/master.sh",
                "(VI_1) notify /k/notify.sh INSTANCE VI_1 MASTER 100",
                "(VI_1) notify_backup /k/backup.sh two words",
                "(VI_1) notify /k/notify.sh INSTANCE VI_1 BACKUP 100",
                "(VI_1) notify_fault /k/fault.sh",
                "(VI_1) notify /k/notify.sh INSTANCE VI_1 FAULT 90"), runner.lines());
        assertEquals(List.of("INFO (VI_1) notify_master /k/master.sh exited with status 0 after 5 ms"),
                log.visible().subList(0, 1));
        assertEquals(6, log.visible().size());
    }

    @Test
    void instancesRunInParallelAndAHungHookHoldsOnlyItsOwnInstance() {
        dispatcher.setInstanceScripts("VI_1", scripts("/a/"));
        dispatcher.setInstanceScripts("VI_2", scripts("/b/"));
        dispatcher.notifyInstance("VI_1", NotifyState.MASTER, 100);
        dispatcher.notifyInstance("VI_1", NotifyState.BACKUP, 100);
        dispatcher.notifyInstance("VI_2", NotifyState.BACKUP, 50);
        assertEquals(List.of("(VI_1) notify_master /a/master.sh", "(VI_2) notify_backup /b/backup.sh two words"),
                runner.lines());
        runner.started().get(1).exit(0); // VI_2 goes on while VI_1's first hook hangs
        assertEquals("(VI_2) notify /b/notify.sh INSTANCE VI_2 BACKUP 50", runner.lines().get(2));
        // the hung one reaches its timeout: the runner reports it, the next hook runs
        runner.started().get(0).result().complete(new ScriptResult.TimedOut(7, 9, Duration.ofSeconds(30), ""));
        assertEquals("(VI_1) notify /a/notify.sh INSTANCE VI_1 MASTER 100", runner.lines().get(3));
        assertTrue(log.visible().contains("WARNING (VI_1) notify_master /a/master.sh timed out after 30.000 s"
                + " (process group sent SIGTERM, then SIGKILL)"), log.visible().toString());
        assertEquals(Duration.ofSeconds(30), runner.started().get(0).run().timeout());
    }

    @Test
    void groupsGetGroupArgumentsAndPriorityZero() {
        dispatcher.setGroupScripts("G1", scripts("/g/"));
        assertTrue(dispatcher.dispatch(new Action.RunGroupNotify("G1", NotifyState.BACKUP)));
        drain();
        assertEquals(List.of("VRRP_Group(G1) notify_backup /g/backup.sh two words",
                "VRRP_Group(G1) notify /g/notify.sh GROUP G1 BACKUP 0"), runner.lines());
    }

    @Test
    void masterRxLowerPriRunsOnlyItsOwnScriptAndStopRunsStop() {
        dispatcher.setInstanceScripts("VI_1", scripts("/k/"));
        assertTrue(dispatcher.dispatch(new Action.RunNotify("VI_1", NotifyState.MASTER_RX_LOWER_PRI, 100)));
        assertTrue(dispatcher.dispatch(new Action.RunNotify("VI_1", NotifyState.STOP, 100)));
        assertFalse(dispatcher.dispatch(new Action.SendAdvert(new VrrpInstance(InstanceSettings.builder("VI_1", 1).build()), 100)));
        drain();
        assertEquals(List.of("(VI_1) notify_master_rx_lower_pri /k/rx.sh", "(VI_1) notify_stop /k/stop.sh",
                "(VI_1) notify /k/notify.sh INSTANCE VI_1 STOP 100"), runner.lines());
    }

    @Test
    void onlyConfiguredHooksRunAndEveryHookThatDidNotRunSaysWhy() throws Exception {
        NotifyScripts onlyGeneric = new NotifyScripts(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of(cmd("/k/notify.sh")), Optional.empty(), false);
        dispatcher.setInstanceScripts("VI_1", onlyGeneric,
                Map.of("notify_master", "disabled at load: Unsafe permissions found for script '/k/master.sh'"));
        CompletableFuture<Void> done = dispatcher.notifyInstance("VI_1", NotifyState.MASTER, 100);
        runner.last().result().complete(new ScriptResult.NotRun("/k/notify.sh: No such file or directory"));
        dispatcher.notifyInstance("VI_1", NotifyState.BACKUP, 100);
        runner.last().result().complete(new ScriptResult.Exited(9, 2, Duration.ofMillis(40), "oops\nbad"));
        done.get(1, TimeUnit.SECONDS);
        dispatcher.idle().get(1, TimeUnit.SECONDS);
        assertEquals(List.of(
                "WARNING (VI_1) notify_master not run: disabled at load: Unsafe permissions found for script '/k/master.sh'",
                "WARNING (VI_1) notify not run: /k/notify.sh: No such file or directory",
                "WARNING (VI_1) notify /k/notify.sh INSTANCE VI_1 BACKUP 100 exited with status 2 after 40 ms",
                "WARNING (VI_1) notify output: oops | bad"), log.visible());
    }

    @Test
    void anUnknownInstanceRunsNothingButKeepsItsPlace() throws Exception {
        dispatcher.notifyInstance("nope", NotifyState.MASTER, 1).get(1, TimeUnit.SECONDS);
        assertEquals(List.of(), runner.lines());
    }

    @Test
    void quotingForLogs() {
        assertEquals("/x.sh arg1 'two words' '' 'it'\\''s'",
                NotifyDispatcher.quoted(List.of("/x.sh", "arg1", "two words", "", "it's")));
    }
}
