package io.javakeepalived.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.javakeepalived.config.model.KeepalivedConfig;

import java.util.List;

import org.junit.jupiter.api.Test;

/** keepalived's checker and quorum alert mails: which changes are mailed, and their words. */
class CheckerMailTest {

    private static final String VS = "[10.0.0.1]:tcp:80";
    private static final String RS2 = "[10.0.0.2]:tcp:80";

    /** Mails are kept apart from the lines in {@link FakeCheckHost#mails}. */
    private final FakeCheckHost host = new FakeCheckHost();
    private final ScriptedServers servers = new ScriptedServers();
    private final CheckEngine engine = new CheckEngine(host, host, host, warmup -> 0);

    /** 10.0.0.2 with two TCP_CHECKs (ports 80 and 81), 10.0.0.3 with one; none retries. */
    private static KeepalivedConfig twoServers(String globals, String virtualServer, String realServer) {
        return CheckConfigs.load("global_defs {\n" + globals + "}\n" + CheckConfigs.virtualServer(virtualServer + """
                    real_server 10.0.0.2 80 {
                """ + realServer + """
                        TCP_CHECK {
                            connect_port 80
                            retry 0
                        }
                        TCP_CHECK {
                            connect_port 81
                            retry 0
                        }
                    }
                    real_server 10.0.0.3 80 {
                        TCP_CHECK { retry 0 }
                    }
                """));
    }

    @Test
    void aRealServerGoingDownAndUpIsMailedByDefaultWithItsCheckersWords() {
        engine.start(twoServers("", "", ""), servers);
        host.advanceTo(1_000);
        assertEquals(List.of(), host.mails, "a first result that agrees with the start is not mailed");
        servers.down("10.0.0.2:80");
        host.advanceTo(11_000);
        servers.up("10.0.0.2:80");
        host.advanceTo(21_000);
        assertEquals(List.of("11000 RS " + RS2 + " of " + VS + " DOWN | => TCP CHECK failed on service <=",
                "21000 RS " + RS2 + " of " + VS + " UP | => TCP CHECK succeed on service <="), host.mails);
    }

    @Test
    void noCheckerEmailsMailsOnlyWhatChangesTheRealServer() {
        engine.start(twoServers("no_checker_emails\n", "", ""), servers);
        host.advanceTo(1_000);
        servers.down("10.0.0.2:80");
        host.advanceTo(11_000);
        servers.down("10.0.0.2:81");
        host.advanceTo(21_000);
        servers.up("10.0.0.2:80");
        host.advanceTo(31_000);
        servers.up("10.0.0.2:81");
        host.advanceTo(41_000);
        assertEquals(List.of("11000 RS " + RS2 + " of " + VS + " DOWN | => TCP CHECK failed on service <=",
                "41000 RS " + RS2 + " of " + VS + " UP | => TCP CHECK succeed on service <="), host.mails,
                "the second checker's failure and the first's recovery leave the real server as it was");
    }

    @Test
    void withoutNoCheckerEmailsEveryCheckerChangeIsMailed() {
        engine.start(twoServers("", "", ""), servers);
        host.advanceTo(1_000);
        servers.down("10.0.0.2:80");
        host.advanceTo(11_000);
        servers.down("10.0.0.2:81");
        host.advanceTo(21_000);
        assertEquals(2, host.mails.size(), host.mails.toString());
        assertEquals("21000 RS " + RS2 + " of " + VS + " DOWN | => TCP CHECK failed on service <=", host.mails.get(1));
    }

    @Test
    void smtpAlertOffOrSmtpAlertCheckerOffMailsNothingForTheRealServer() {
        engine.start(twoServers("", "", "smtp_alert off\n"), servers);
        host.advanceTo(1_000);
        servers.down("10.0.0.2:80");
        host.advanceTo(11_000);
        assertEquals(List.of(), host.mails);
        CheckEngine other = new CheckEngine(host, host, host, warmup -> 0);
        other.start(twoServers("smtp_alert_checker off\n", "", ""), servers);
        host.advanceTo(30_000);
        assertEquals(List.of(), host.mails);
    }

    @Test
    void theQuorumIsMailedWhenTheVirtualServerHasSmtpAlert() {
        engine.start(twoServers("", "smtp_alert\nquorum 2\n", ""), servers);
        host.advanceTo(1_000);
        servers.down("10.0.0.3:80");
        host.advanceTo(11_000);
        servers.up("10.0.0.3:80");
        host.advanceTo(21_000);
        assertEquals(List.of(
                "11000 VS " + VS + " DOWN | => Lost quorum 2+0=2 <= 1 <=",
                "21000 VS " + VS + " UP | => Gained quorum 2+0=2 <= 2 <="), host.mails.stream()
                .filter(m -> m.contains(" VS " + VS + " ")).toList());
    }
}
