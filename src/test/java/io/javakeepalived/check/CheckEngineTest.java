package io.javakeepalived.check;

import io.javakeepalived.config.model.KeepalivedConfig;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** keepalived's checker arithmetic, on a hand-driven clock. */
class CheckEngineTest {

    private static final String VS = "[10.0.0.1]:tcp:80";
    private static final String RS = "[10.0.0.2]:tcp:80";

    private final FakeCheckHost host = new FakeCheckHost();
    private final ScriptedServers servers = new ScriptedServers();
    private final CheckEngine engine = new CheckEngine(host, host, host, warmup -> 0);

    private static KeepalivedConfig oneServer(String realServerBody) {
        return CheckConfigs.load(CheckConfigs.virtualServer("""
                    real_server 10.0.0.2 80 {
                        notify_up /etc/k/up.sh
                        notify_down "/etc/k/down.sh rs2"
                """ + realServerBody + """
                    }
                """));
    }

    @Test
    void downAfterExactlyRetryTimesDelayBeforeRetryAndUpAfterOneSuccess() {
        engine.start(oneServer("TCP_CHECK { retry 2\n delay_before_retry 3 }\n"), servers);
        host.advanceTo(1_000);
        assertEquals(List.of("1000 TCP connection to " + RS + " success."), host.matching("TCP"),
                "the first check (1 s after start) passes and says so");
        host.advanceTo(10_500);
        servers.down("10.0.0.2:80");
        host.advanceTo(16_999);
        assertEquals(List.of(), host.matching("failed"), "first failure at 11 s, retries at 14 s: still up");
        host.advanceTo(17_000);
        assertEquals(List.of(
                "17000 TCP_CHECK on service " + RS + " failed after 2 retries.",
                "17000 Removing service " + RS + " from VS " + VS,
                "17000 verdict 10.0.0.2:80 dead 1",
                "17000 script /etc/k/down.sh rs2",
                "17000 Lost quorum 1-0=1 > 0 for VS " + VS,
                "17000 verdict quorum down"), host.matching("17000 "),
                "retry 2 × delay_before_retry 3 s after the first failure");
        servers.up("10.0.0.2:80");
        host.advanceTo(27_000);
        assertEquals(List.of(
                "27000 TCP connection to " + RS + " success.",
                "27000 Adding service " + RS + " to VS " + VS,
                "27000 verdict 10.0.0.2:80 alive 1",
                "27000 script /etc/k/up.sh",
                "27000 Gained quorum 1+0=1 <= 1 for VS " + VS,
                "27000 verdict quorum up"), host.matching("27000 "),
                "down, checks come every delay_loop; one success brings it back");
    }

    @Test
    void theVeryFirstFailureTakesTheServerDownAtOnce() {
        servers.down("10.0.0.2:80");
        engine.start(oneServer("TCP_CHECK { retry 3 }\n"), servers);
        host.advanceTo(1_000);
        assertEquals(List.of("1000 TCP_CHECK on service " + RS + " failed.",
                "1000 Removing service " + RS + " from VS " + VS), host.matching("1000 " ).subList(0, 2));
    }

    @Test
    void alphaStartsDownAndRunsNotifyDownOnTheFirstFailure() {
        servers.down("10.0.0.2:80");
        engine.start(oneServer("alpha\nTCP_CHECK { }\n"), servers);
        assertEquals(List.of("0 verdict 10.0.0.2:80 dead 1"), host.matching("verdict 10."));
        host.advanceTo(1_000);
        assertEquals(List.of("1000 TCP_CHECK on service " + RS + " failed.", "1000 script /etc/k/down.sh rs2"),
                host.seen.subList(host.seen.size() - 2, host.seen.size()));
        assertTrue(host.matching("Removing").isEmpty(), "it was never in the pool");
    }

    @Test
    void aRealServerIsAliveOnlyWhileAllItsCheckersPass() {
        engine.start(oneServer("TCP_CHECK { retry 0 }\nTCP_CHECK { connect_port 81\n retry 0 }\n"), servers);
        host.advanceTo(1_000);
        servers.down("10.0.0.2:80");
        host.advanceTo(11_000);
        assertEquals(1, host.matching("Removing service").size());
        servers.down("10.0.0.2:81");
        host.advanceTo(21_000);
        servers.up("10.0.0.2:80");
        host.advanceTo(31_000);
        assertTrue(host.matching("Adding service").isEmpty(), "the port 81 checker still fails");
        servers.up("10.0.0.2:81");
        host.advanceTo(41_000);
        assertEquals(List.of("41000 Adding service " + RS + " to VS " + VS), host.matching("Adding service"));
        assertEquals(1, host.matching("Removing service").size(), "the second failure changed nothing");
    }

    @Test
    void quorumIsLostAndRegainedWithHysteresis() {
        KeepalivedConfig config = CheckConfigs.load("""
                virtual_server 10.0.0.1 80 {
                    protocol TCP
                    delay_loop 10
                    quorum 2
                    hysteresis 1
                    quorum_up /etc/k/a.sh
                    quorum_down /etc/k/b.sh
                    real_server 10.0.0.2 80 { TCP_CHECK { retry 0 } }
                    real_server 10.0.0.3 80 { TCP_CHECK { retry 0 } }
                    real_server 10.0.0.4 80 { TCP_CHECK { retry 0 } }
                }
                """);
        engine.start(config, servers);
        assertEquals(List.of("0 verdict quorum up"), quorumLines());
        servers.down("10.0.0.2:80");
        servers.down("10.0.0.3:80");
        host.advanceTo(1_000);
        assertEquals(1, quorumLines().size(), "live weight 1 is not below quorum - hysteresis = 1");
        servers.down("10.0.0.4:80");
        host.advanceTo(11_000);
        assertEquals(List.of("11000 Lost quorum 2-1=1 > 0 for VS " + VS, "11000 verdict quorum down",
                "11000 script /etc/k/b.sh"), quorumLines().subList(1, 4));
        servers.up("10.0.0.2:80");
        servers.up("10.0.0.3:80");
        host.advanceTo(21_000);
        assertEquals(4, quorumLines().size(), "2 live is below quorum + hysteresis = 3");
        servers.up("10.0.0.4:80");
        host.advanceTo(31_000);
        assertEquals(List.of("31000 Gained quorum 2+1=3 <= 3 for VS " + VS, "31000 verdict quorum up",
                "31000 script /etc/k/a.sh"), quorumLines().subList(4, 7));
    }

    private List<String> quorumLines() {
        return host.seen.stream().filter(l -> l.contains("quorum") || l.contains("/etc/k/")).toList();
    }

    @Test
    void miscDynamicSetsTheWeightAndAFailureForgetsIt() {
        engine.start(oneServer("weight 3\nMISC_CHECK { misc_path /etc/k/a.sh\n misc_dynamic }\n"), servers);
        servers.weight("/etc/k/a.sh", 7);
        host.advanceTo(1_000);
        assertEquals(List.of("1000 Misc check for [" + RS + " VS " + VS + "] by [/etc/k/a.sh] succeeded."),
                host.matching("Misc check"));
        assertEquals(List.of("1000 Changing weight from 3 to 7 for active service " + RS + " of VS " + VS,
                "1000 verdict 10.0.0.2:80 alive 7"), host.seen.subList(host.seen.size() - 3, host.seen.size() - 1));
        servers.down("/etc/k/a.sh");
        host.advanceTo(11_000);
        assertEquals("11000 Misc check for [" + RS + " VS " + VS
                + "] by [/etc/k/a.sh] failed with retry disabled (connection refused).", host.matching("Misc check").get(1));
        servers.weight("/etc/k/a.sh", 3);
        host.advanceTo(21_000);
        assertEquals("21000 verdict 10.0.0.2:80 alive 3", host.matching("verdict 10.").get(host.matching("verdict 10.").size() - 1),
                "back with the configured weight");
    }

    @Test
    void aReloadKeepsAServerThatStaysWhereItWas() {
        engine.start(oneServer("TCP_CHECK { retry 0 }\n"), servers);
        servers.down("10.0.0.2:80");
        host.advanceTo(1_000);
        engine.replace(oneServer("TCP_CHECK { retry 0 }\n"), servers);
        host.advanceTo(11_000);
        assertEquals(1, host.matching("Removing service").size());
        assertEquals(1, host.matching("failed").size(), "still down: nothing new said");
        assertEquals(1, engine.checkerCount());
        assertEquals(1, host.matching("Activating healthchecker").size(), "a kept checker is not activated again");
    }
}
