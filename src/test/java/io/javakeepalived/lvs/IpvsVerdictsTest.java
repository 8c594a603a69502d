package io.javakeepalived.lvs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.javakeepalived.config.model.KeepalivedConfig;
import io.javakeepalived.config.model.VirtualServer;
import io.javakeepalived.testsupport.CapturedLogger;
import io.javakeepalived.testsupport.fakenet.FakeIpvsTable;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The checkers' verdicts reach the table on the executor, in order, and only once there is a director. */
class IpvsVerdictsTest {
    private final FakeIpvsTable table = new FakeIpvsTable();
    private final Queue<Runnable> queued = new ArrayDeque<>();
    private final AtomicReference<IpvsDirector> director = new AtomicReference<>();
    private final IpvsVerdicts verdicts = new IpvsVerdicts(director::get, queued::add);

    private static final KeepalivedConfig CONFIG = IpvsDirectorTest.config(IpvsDirectorTest.vs("10.0.0.1 80",
            "lb_algo rr", "protocol TCP", "quorum 2", "sorry_server 10.0.2.1 80", "real_server 10.0.1.1 80 { }",
            "real_server 10.0.1.2 80 { }"));

    private void runQueued() {
        for (Runnable r; (r = queued.poll()) != null; ) {
            r.run();
        }
    }

    @Test
    void nothingHappensOnTheCallersThreadAndOrderIsKept() {
        IpvsDirector d = new IpvsDirector(table, new CapturedLogger("v").logger());
        director.set(d);
        d.start(CONFIG);
        table.clearCommands();
        VirtualServer vs = CONFIG.virtualServers().get(0);
        verdicts.realServer(vs, vs.realServers().get(0), false, 1);
        verdicts.quorum(vs, false);
        verdicts.realServer(vs, vs.realServers().get(0), true, 1);
        verdicts.quorum(vs, true);
        assertEquals(List.of(), table.commands(), "the checker thread does not wait for the kernel");
        runQueued();
        // quorum 2: one server down loses it (the sorry server takes over), back up regains it
        assertEquals(List.of("10.0.0.1:tcp:80 rr", "  -> 10.0.1.1:80 Masq 1", "  -> 10.0.1.2:80 Masq 1"),
                table.listing());
        assertEquals(List.of("delete dest 10.0.0.1:tcp:80 -> 10.0.1.1:80",
                "delete dest 10.0.0.1:tcp:80 -> 10.0.1.2:80", "add dest 10.0.0.1:tcp:80 -> 10.0.2.1:80 w1",
                "delete dest 10.0.0.1:tcp:80 -> 10.0.2.1:80", "add dest 10.0.0.1:tcp:80 -> 10.0.1.1:80 w1",
                "add dest 10.0.0.1:tcp:80 -> 10.0.1.2:80 w1"), table.commands());
    }

    @Test
    void aVerdictBeforeThereIsADirectorChangesNothing() {
        VirtualServer vs = CONFIG.virtualServers().get(0);
        verdicts.realServer(vs, vs.realServers().get(0), false, 1);
        runQueued();
        assertEquals(List.of(), table.commands());
    }
}
