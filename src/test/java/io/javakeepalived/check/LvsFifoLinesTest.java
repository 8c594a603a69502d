package io.javakeepalived.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.javakeepalived.config.model.KeepalivedConfig;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a notify FIFO reader gets from the checkers (keepalived's notify_fifo_rs / notify_fifo_vs):
 * a line each time a real server goes down or up and each time the virtual server's quorum moves,
 * with or without notify scripts; with omega, the down lines at stop.
 */
class LvsFifoLinesTest {
    private final FakeCheckHost host = new FakeCheckHost();
    private final ScriptedServers servers = new ScriptedServers();
    private final CheckEngine engine = new CheckEngine(host, host, host, warmup -> 0);

    private static KeepalivedConfig config(String extra) {
        return CheckConfigs.load("""
                virtual_server 10.0.0.1 80 {
                    protocol TCP
                    lb_algo rr
                    delay_loop 10
                """ + extra + """
                    real_server 10.0.0.2 8080 {
                        TCP_CHECK { retry 0 }
                    }
                }
                """);
    }

    @Test
    void aServerDownAndUpGivesItsLinesAndTheQuorums() {
        engine.start(config(""), servers);
        host.advanceTo(1_000);
        assertEquals(List.of(), host.fifo, "a server that starts alive and stays so: no line");
        servers.down("10.0.0.2:8080");
        host.advanceTo(11_000);
        assertEquals(List.of("RS [10.0.0.2]:tcp:8080 [10.0.0.1]:tcp:80 DOWN\n", "VS [10.0.0.1]:tcp:80 DOWN\n"),
                host.fifo);
        host.fifo.clear();
        servers.up("10.0.0.2:8080");
        host.advanceTo(21_000);
        assertEquals(List.of("RS [10.0.0.2]:tcp:8080 [10.0.0.1]:tcp:80 UP\n", "VS [10.0.0.1]:tcp:80 UP\n"), host.fifo);
    }

    @Test
    void withOmegaTheStopSaysWhatGoesDown() {
        engine.start(config("omega\n"), servers);
        host.advanceTo(1_000);
        engine.stop();
        assertEquals(List.of("RS [10.0.0.2]:tcp:8080 [10.0.0.1]:tcp:80 DOWN\n", "VS [10.0.0.1]:tcp:80 DOWN\n"),
                host.fifo);
    }
}
