package io.javakeepalived.notify;

import io.javakeepalived.config.SourceLocation;
import io.javakeepalived.config.model.NotifyScripts;
import io.javakeepalived.config.model.ScriptCommand;
import io.javakeepalived.script.FakeRunner;
import io.javakeepalived.script.FakeTimers;
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
    private final FakeTimers timers = new FakeTimers();
    private final NotifyDispatcher dispatcher = new NotifyDispatcher(runner, log, Duration.ofSeconds(30), timers);

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
    void splitBrainRunsOnlyTheGenericNotifyWithItsOwnWord() {
        dispatcher.setInstanceScripts("VI_1", scripts("/k/"));
        assertTrue(dispatcher.dispatch(new Action.RunNotify("VI_1", NotifyState.SPLIT_BRAIN, 90)));
        drain();
        assertEquals(List.of("(VI_1) notify /k/notify.sh INSTANCE VI_1 SPLIT_BRAIN 90"), runner.lines());
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
        done.get(10, TimeUnit.SECONDS);
        dispatcher.idle().get(10, TimeUnit.SECONDS);
        assertEquals(List.of(
                "WARNING (VI_1) notify_master not run: disabled at load: Unsafe permissions found for script '/k/master.sh'",
                "WARNING (VI_1) notify not run: /k/notify.sh: No such file or directory",
                "WARNING (VI_1) notify /k/notify.sh INSTANCE VI_1 BACKUP 100 exited with status 2 after 40 ms",
                "WARNING (VI_1) notify output: oops | bad"), log.visible());
    }

    @Test
    void anUnknownInstanceRunsNothingButKeepsItsPlace() throws Exception {
        dispatcher.notifyInstance("nope", NotifyState.MASTER, 1).get(10, TimeUnit.SECONDS);
        assertEquals(List.of(), runner.lines());
    }

    @Test
    void aFloodOfLowerPriorityAdvertsWhileAHookRunsQueuesOneRunNotOnePerAdvert() throws Exception {
        dispatcher.setInstanceScripts("VI_1", scripts("/k/"));
        CompletableFuture<Void> first = dispatcher.notifyInstance("VI_1", NotifyState.MASTER_RX_LOWER_PRI, 100);
        CompletableFuture<Void> last = null;
        for (int i = 0; i < 10_000; i++) {
            last = dispatcher.notifyInstance("VI_1", NotifyState.MASTER_RX_LOWER_PRI, 100);
        }
        drain();
        assertTrue(first.isDone() && last.isDone());
        assertEquals(2, runner.lines().size(), "the running one, then one for all that arrived meanwhile");
        assertEquals("(VI_1) notify_master_rx_lower_pri /k/rx.sh", runner.lines().get(1));
    }

    @Test
    void theQueueIsBoundedAndDropsTheOldestWaitingTransitionsNeverTheLatest() throws Exception {
        dispatcher.setInstanceScripts("VI_1", scripts("/k/"));
        dispatcher.notifyInstance("VI_1", NotifyState.MASTER, 100); // runs, and hangs for now
        CompletableFuture<Void> oldest = dispatcher.notifyInstance("VI_1", NotifyState.BACKUP, 100);
        for (int i = 0; i < 50; i++) { // a flapping peer
            dispatcher.notifyInstance("VI_1", i % 2 == 0 ? NotifyState.MASTER : NotifyState.BACKUP, 100);
        }
        CompletableFuture<Void> latest = dispatcher.notifyInstance("VI_1", NotifyState.FAULT, 90);
        assertTrue(oldest.isDone(), "a dropped transition does not keep its caller waiting");
        assertTrue(log.visible().contains("WARNING (VI_1) notify queue full (" + NotifyDispatcher.MAX_WAITING
                + " transitions waiting) - dropping the hooks of the oldest, BACKUP"), log.visible().toString());
        drain();
        assertTrue(latest.isDone());
        assertEquals(2 + 2 * NotifyDispatcher.MAX_WAITING, runner.lines().size(), "the running one + the bound");
        assertEquals(List.of("(VI_1) notify_fault /k/fault.sh", "(VI_1) notify /k/notify.sh INSTANCE VI_1 FAULT 90"),
                runner.lines().subList(runner.lines().size() - 2, runner.lines().size()), "the latest state ran last");
        assertTrue(log.visible().contains("WARNING (VI_1) notify queue: the hooks of " + (52 - NotifyDispatcher.MAX_WAITING)
                + " transitions were dropped while it was full"), log.visible().toString());
    }

    @Test
    void aHookThatOutlivesItsTimeoutAndTheKillGraceIsGivenUpOnAndTheNextHookRuns() throws Exception {
        dispatcher.setInstanceScripts("VI_1", scripts("/k/"));
        CompletableFuture<Void> stuck = dispatcher.notifyInstance("VI_1", NotifyState.BACKUP, 100);
        CompletableFuture<Void> master = dispatcher.notifyInstance("VI_1", NotifyState.MASTER, 100);
        // the runner never reports: the process sits in D state (hung NFS) and ignores SIGKILL
        timers.advance(Duration.ofSeconds(30).plus(NotifyDispatcher.GIVE_UP_GRACE).minusMillis(1));
        assertEquals(1, runner.lines().size());
        timers.advance(Duration.ofMillis(1));
        assertEquals(List.of("(VI_1) notify_backup /k/backup.sh two words",
                "(VI_1) notify /k/notify.sh INSTANCE VI_1 BACKUP 100"), runner.lines());
        assertTrue(log.visible().contains("WARNING (VI_1) notify_backup /k/backup.sh 'two words' is still running 35.000"
                + " s after it was started (30.000 s timeout, then SIGTERM and SIGKILL to its process group: stuck in the"
                + " kernel?) - giving up on it and running the next hook"), log.visible().toString());
        runner.last().exit(0);
        assertTrue(stuck.isDone());
        assertEquals("(VI_1) notify_master /k/master.sh", runner.last().run().label() + " "
                + String.join(" ", runner.last().run().argv()));
        runner.last().exit(0);
        runner.last().exit(0);
        assertTrue(master.isDone());
        runner.started().get(0).exit(0); // it came back after all: logged, and nothing runs twice
        assertEquals(4, runner.lines().size());
        assertTrue(log.visible().get(log.visible().size() - 1).startsWith(
                "INFO (VI_1) notify_backup /k/backup.sh 'two words' exited with status 0 after"), log.visible().toString());
    }

    @Test
    void quotingForLogs() {
        assertEquals("/x.sh arg1 'two words' '' 'it'\\''s'",
                NotifyDispatcher.quoted(List.of("/x.sh", "arg1", "two words", "", "it's")));
    }
}
