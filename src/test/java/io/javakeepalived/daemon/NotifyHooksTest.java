package io.javakeepalived.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.config.model.NotifyScripts;
import io.javakeepalived.config.model.ScriptCommand;
import io.javakeepalived.script.FakeRunner;
import io.javakeepalived.notify.NotifyDispatcher;
import io.javakeepalived.notify.fifo.NotifyFifoWriter;
import io.javakeepalived.vrrp.Action;
import io.javakeepalived.vrrp.NotifyState;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.slf4j.LoggerFactory;

class NotifyHooksTest {
    private final List<String> fifo = new ArrayList<>();
    private final FakeRunner runner = new FakeRunner();

    private final NotifyFifoWriter recordingFifo = new NotifyFifoWriter() {
        @Override
        public void instance(String name, NotifyState state, int priority) {
            fifo.add("INSTANCE \"" + name + "\" " + state + " " + priority);
        }

        @Override
        public void group(String name, NotifyState state) {
            fifo.add("GROUP \"" + name + "\" " + state + " 0");
        }

        @Override
        public void instancePriority(String name, boolean master, int priority) {
            fifo.add("INSTANCE \"" + name + "\" " + (master ? "MASTER" : "BACKUP") + "_PRIORITY " + priority);
        }
    };

    private static Optional<ScriptCommand> cmd(String line) {
        List<String> argv = List.of(line.split(" "));
        return Optional.of(new ScriptCommand(line, argv, Optional.empty(), Optional.empty(), 0, 0, null));
    }

    @Test
    void aPriorityChangeIsAFifoLineAndRunsNoScript() {
        NotifyDispatcher d = new NotifyDispatcher(runner, (l, s) -> { }, Duration.ofSeconds(5));
        d.setInstanceScripts("VI_1", new NotifyScripts(cmd("/m.sh"), cmd("/b.sh"), Optional.empty(),
                Optional.empty(), Optional.empty(), cmd("/n.sh"), Optional.empty(), false));
        NotifyHooks hooks = new NotifyHooks(d, recordingFifo);
        hooks.dispatch(new Action.RunNotify("VI_1", NotifyState.MASTER_PRIORITY, 130));
        hooks.dispatch(new Action.RunNotify("VI_1", NotifyState.BACKUP_PRIORITY, 90));
        assertEquals(List.of("INSTANCE \"VI_1\" MASTER_PRIORITY 130", "INSTANCE \"VI_1\" BACKUP_PRIORITY 90"), fifo);
        assertEquals(List.of(), runner.lines(), "keepalived runs no notify script for it");
    }

    @Test
    void everyTransitionGoesToTheFifoAndToTheOrderedHooksWithoutWaiting() {
        NotifyDispatcher d = new NotifyDispatcher(runner, (l, s) -> { }, Duration.ofSeconds(5));
        d.setInstanceScripts("VI_1", new NotifyScripts(cmd("/m.sh a notify_master"), cmd("/b.sh a notify_backup"),
                Optional.empty(), Optional.empty(), Optional.empty(), cmd("/n.sh a notify"), Optional.empty(), false));
        d.setGroupScripts("G1", new NotifyScripts(Optional.empty(), Optional.empty(), cmd("/gf.sh"),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false));
        NotifyHooks hooks = new NotifyHooks(d, recordingFifo);

        hooks.dispatch(new Action.RunNotify("VI_1", NotifyState.BACKUP, 150));
        hooks.dispatch(new Action.RunNotify("VI_1", NotifyState.MASTER, 150));
        hooks.dispatch(new Action.RunGroupNotify("G1", NotifyState.FAULT));
        assertEquals(List.of("INSTANCE \"VI_1\" BACKUP 150", "INSTANCE \"VI_1\" MASTER 150", "GROUP \"G1\" FAULT 0"),
                fifo);
        // one hook at a time per instance: only notify_backup has started; the group runs alongside
        assertEquals(List.of("(VI_1) notify_backup /b.sh a notify_backup", "VRRP_Group(G1) notify_fault /gf.sh"),
                runner.lines());
        assertFalse(hooks.drain(Duration.ofMillis(50)), "hooks still running");
        while (!runner.running().isEmpty()) {
            runner.running().forEach(s -> s.exit(0)); // each end lets the instance's next hook start
        }
        assertEquals(List.of("(VI_1) notify_backup /b.sh a notify_backup", "VRRP_Group(G1) notify_fault /gf.sh",
                "(VI_1) notify /n.sh a notify INSTANCE VI_1 BACKUP 150", "(VI_1) notify_master /m.sh a notify_master",
                "(VI_1) notify /n.sh a notify INSTANCE VI_1 MASTER 150"), runner.lines());
        assertTrue(hooks.drain(Duration.ofSeconds(10)));
    }

    @Test
    void theHookTimeoutComesFromASystemPropertyInSeconds() {
        var log = LoggerFactory.getLogger(NotifyHooksTest.class);
        assertEquals(NotifyDispatcher.DEFAULT_TIMEOUT, ScriptServices.notifyTimeout(null, log));
        assertEquals(Duration.ofMillis(2500), ScriptServices.notifyTimeout("2.5", log));
        assertEquals(NotifyDispatcher.DEFAULT_TIMEOUT, ScriptServices.notifyTimeout("soon", log));
        assertEquals(NotifyDispatcher.DEFAULT_TIMEOUT, ScriptServices.notifyTimeout("0", log));
    }

    private static io.javakeepalived.config.model.KeepalivedConfig config(String text) throws Exception {
        java.nio.file.Path f = java.nio.file.Files.createTempFile("hooks-", ".conf");
        try {
            java.nio.file.Files.writeString(f, text);
            var fs = io.javakeepalived.testsupport.FakeFileSystem.typicalHost().dir("/etc/k", 0, 0, 0755)
                    .file("/etc/k/a.sh", 0, 0, 0755).file("/etc/k/b.sh", 0, 0, 0755).file("/etc/k/c.sh", 0, 0, 0755);
            var r = io.javakeepalived.config.load.ConfigLoader.load(f, new io.javakeepalived.config.load.LoadOptions("node",
                    io.javakeepalived.config.host.InterfaceDirectory.of("lo", "eth0"), fs,
                    new io.javakeepalived.testsupport.FakeUsers(), ns -> true,
                    io.javakeepalived.config.syntax.ReaderOptions.defaults().withNotes(x -> { })));
            return r.config().orElseThrow(() -> new AssertionError(r.diagnostics().all().toString()));
        } finally {
            java.nio.file.Files.deleteIfExists(f);
        }
    }

    private static String instance(String name, int vrid, String extra) {
        return "vrrp_instance " + name + " {\n interface eth0\n virtual_router_id " + vrid
                + "\n priority 100\n virtual_ipaddress {\n  10.0.0." + vrid + "/24\n }\n" + extra + "}\n";
    }

    @Test
    void aReloadReplacesTheHooksButWhatWasQueuedRunsInOrderWithItsOwnScripts() throws Exception {
        var before = config(instance("VI_1", 1, " notify_master /etc/k/a.sh\n")
                + instance("VI_2", 2, " notify_master /etc/k/b.sh\n"));
        var after = config(instance("VI_1", 1, " notify_master /etc/k/c.sh\n")
                + instance("VI_3", 3, " notify_master /etc/k/b.sh\n"));
        NotifyDispatcher d = new NotifyDispatcher(runner, (l, s) -> { }, Duration.ofSeconds(5));
        NotifyHooks hooks = new NotifyHooks(d, recordingFifo).register(before);
        hooks.dispatch(new Action.RunNotify("VI_1", NotifyState.MASTER, 100));
        hooks.dispatch(new Action.RunNotify("VI_1", NotifyState.MASTER, 100)); // queued behind the first

        hooks.reload(before, after);
        hooks.dispatch(new Action.RunNotify("VI_1", NotifyState.MASTER, 100));
        hooks.dispatch(new Action.RunNotify("VI_2", NotifyState.MASTER, 100));
        hooks.dispatch(new Action.RunNotify("VI_3", NotifyState.MASTER, 100));
        while (!runner.running().isEmpty()) {
            runner.running().forEach(s -> s.exit(0));
        }
        assertEquals(List.of("(VI_1) notify_master /etc/k/a.sh", "(VI_3) notify_master /etc/k/b.sh",
                "(VI_1) notify_master /etc/k/a.sh", "(VI_1) notify_master /etc/k/c.sh"), runner.lines(),
                "VI_2 is gone, VI_3 is new, VI_1 runs its new script after those queued before the reload");
    }

    @Test
    void aDeletedInstanceRunsNotifyDeletedAndTheGenericNotifyAndWritesDeletedToTheFifo() {
        NotifyDispatcher d = new NotifyDispatcher(runner, (l, s) -> { }, Duration.ofSeconds(5));
        d.setInstanceScripts("VI_1", new NotifyScripts(cmd("/m.sh"), Optional.empty(), cmd("/f.sh"), Optional.empty(),
                cmd("/d.sh gone"), cmd("/n.sh"), Optional.empty(), true));
        NotifyHooks hooks = new NotifyHooks(d, recordingFifo);
        hooks.dispatch(new Action.RunNotify("VI_1", NotifyState.DELETED, 100));
        while (!runner.running().isEmpty()) {
            runner.running().forEach(s -> s.exit(0));
        }
        assertEquals(List.of("INSTANCE \"VI_1\" DELETED 100"), fifo);
        assertEquals(List.of("(VI_1) notify_deleted /d.sh gone", "(VI_1) notify /n.sh INSTANCE VI_1 DELETED 100"),
                runner.lines());
    }

    @Test
    void fifoWriteVrrpStatesOnReloadRestatesEveryKeptInstanceWithoutRunningScripts() {
        NotifyDispatcher d = new NotifyDispatcher(runner, (l, s) -> { }, Duration.ofSeconds(5));
        d.setInstanceScripts("VI_1", new NotifyScripts(cmd("/m.sh"), cmd("/b.sh"), cmd("/f.sh"), Optional.empty(),
                Optional.empty(), cmd("/n.sh"), Optional.empty(), false));
        NotifyHooks hooks = new NotifyHooks(d, recordingFifo);
        var kept = new java.util.LinkedHashMap<String, Standing>();
        kept.put("VI_1", new Standing(io.javakeepalived.vrrp.VrrpState.MASTER, 120));
        kept.put("VI_2", new Standing(io.javakeepalived.vrrp.VrrpState.FAULT, 0));
        kept.put("VI_3", new Standing(io.javakeepalived.vrrp.VrrpState.INIT, 100));
        hooks.restate(kept);
        assertEquals(List.of("INSTANCE \"VI_1\" MASTER 120", "INSTANCE \"VI_2\" FAULT 0"), fifo,
                "an instance still waiting in INIT has no state to restate");
        assertEquals(List.of(), runner.lines());
    }
}
