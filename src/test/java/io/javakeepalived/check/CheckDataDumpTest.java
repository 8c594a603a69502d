package io.javakeepalived.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.javakeepalived.config.model.KeepalivedConfig;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** keepalived_check.data's checker entries for the kinds the daemon now runs. */
class CheckDataDumpTest {

    @Test
    void anHttpGetShowsItsConnectionAsKeepalivedsDumpCheckerDoes() {
        FakeCheckHost host = new FakeCheckHost();
        KeepalivedConfig config = CheckConfigs.load(CheckConfigs.virtualServer("""
                    real_server 10.0.0.2 80 {
                        HTTP_GET {
                            url {
                                path /
                            }
                            connect_timeout 2
                            bindto 10.0.0.9
                        }
                    }
                """));
        CheckEngine engine = new CheckEngine(host, host, host, warmup -> 0);
        engine.start(config, new Probes(run -> null, config, Optional::empty, line -> { }));
        List<String> dump = CheckDataDump.render(engine.dumpEntries()).lines().toList();
        assertEquals(List.of("------< Health checkers >------", " [10.0.0.1]:tcp:80 -> [10.0.0.2]:tcp:80"),
                dump.subList(0, 2));
        assertEquals(List.of("   Connection", "     Dest = [10.0.0.2]:80", "     Bind to = [10.0.0.9]:0",
                "     Timeout = 2.000000", "   Keepalive method = HTTP_GET"), dump.subList(dump.indexOf("   Connection"),
                dump.size()));
        engine.stop();
    }
}
