package io.javakeepalived.mail;

import static io.javakeepalived.testsupport.netns.DaemonLab.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.testsupport.netns.DaemonLab;
import io.javakeepalived.testsupport.netns.DaemonLab.Daemon;
import io.javakeepalived.testsupport.netns.NetnsLab;
import io.javakeepalived.testsupport.netns.NetnsLab.Background;
import io.javakeepalived.testsupport.netns.NetnsLab.Node;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mail alerts from the shipped jar to a real SMTP server in its own namespace: Python's stdlib
 * {@code smtpd} (Debian 12's python3, which scripts/test.sh installs), a complete RFC 5321 server
 * that takes what any MTA would take, so the test sees the envelope and the message exactly as a
 * relay would. Nodes: "a" (priority 100), "b" (90) and "mail" (the server, port 25).
 */
class MailAlertIT {
    /** Master_Down_Interval of the priority-90 backup at advert_int 1: 3 s + (256 - 90) / 256 s. */
    private static final long MASTER_DOWN_90_MS = 3648;
    private static final String VIP = "10.213.0.100/24";

    @TempDir
    Path dir;

    @AutoClose // stops every process it started, by pid
    private DaemonLab dl;

    private Path inbox;

    private static String config(String routerId, int priority, String server, int timeoutSeconds) {
        return "global_defs {\n    router_id " + routerId + "\n"
                + "    notification_email {\n        ops@example.com\n        oncall@example.com\n    }\n"
                + "    notification_email_from keepalived@" + routerId + ".example.com\n"
                + "    smtp_server " + server + " 25\n    smtp_connect_timeout " + timeoutSeconds + "\n}\n"
                + DaemonLab.vrrpInstance("VI_1", 51, priority, "    state BACKUP\n    advert_int 1\n    smtp_alert\n",
                        VIP);
    }

    /** The SMTP server in the "mail" node, ready to accept. */
    private Background startServer() throws Exception {
        Path sink = Path.of(MailAlertIT.class.getResource("/mail/smtp_sink.py").toURI());
        Node mail = dl.node("mail");
        Background server = dl.lab().start(mail.ns(), "python3", "-u", sink.toString(), mail.ipv4(), "25",
                inbox.toString());
        NetnsLab.await("smtpd listening", 10_000, () -> server.output().contains("listening"), server);
        return server;
    }

    /** The messages the server accepted, each {@code FROM x\nTO a,b\n<message>}. */
    private List<String> received() {
        try {
            if (!Files.exists(inbox)) {
                return List.of();
            }
            List<String> out = new ArrayList<>();
            for (String m : Files.readString(inbox).split("\n=====\n")) {
                if (!m.isBlank()) {
                    out.add(m);
                }
            }
            return out;
        } catch (IOException e) {
            return List.of();
        }
    }

    private List<String> withSubject(String subject) {
        return received().stream().filter(m -> m.contains("\nSubject: " + subject + "\n")).toList();
    }

    private List<String> subjects(String prefix) {
        return received().stream().flatMap(m -> m.lines().filter(l -> l.startsWith("Subject: " + prefix)).limit(1))
                .map(l -> l.substring("Subject: ".length())).toList();
    }

    @Test
    void aFailoverMailsEachNodesTransitionsToEveryRecipientInKeepalivedsWords() throws Exception {
        dl = DaemonLab.create(dir, "a", "b", "mail");
        inbox = dir.resolve("inbox");
        startServer();
        String server = dl.node("mail").ipv4();
        Daemon a = dl.start(dl.node("a"), config("lb1", 100, server, 5));
        a.awaitLogged("(VI_1) Entering MASTER STATE", 20_000);
        Daemon b = dl.start(dl.node("b"), config("lb2", 90, server, 5)); // b starts under a master: no race
        b.awaitLogged("(VI_1) Entering BACKUP STATE (init)", 20_000);
        await("lb1's MASTER mail", 10_000,
                () -> withSubject("[lb1] VRRP Instance VI_1 - Entering MASTER state").size() == 1, a);

        String master = withSubject("[lb1] VRRP Instance VI_1 - Entering MASTER state").get(0);
        assertTrue(master.startsWith("FROM keepalived@lb1.example.com\nTO ops@example.com,oncall@example.com\n"),
                master);
        assertTrue(master.contains("\nFrom: keepalived@lb1.example.com\n"), master);
        assertTrue(master.contains("\nX-Mailer: Keepalived\n"), master);
        assertTrue(master.contains("\nTo: ops@example.com, oncall@example.com\n"), master);
        assertTrue(master.matches("(?s).*\nDate: \\w{3}, \\d{2} \\w{3} \\d{4} \\d{2}:\\d{2}:\\d{2} [+-]\\d{4}\n.*"),
                master);
        assertTrue(master.contains("\n\n=> VRRP Instance is now owning VRRP VIPs <=\n"), master);
        assertTrue(a.logged("Remote SMTP server [" + server + "]:25 connected."), a.output());
        assertTrue(a.logged("SMTP alert successfully sent."), a.output());
        await("lb2's BACKUP mail", 10_000,
                () -> withSubject("[lb2] VRRP Instance VI_1 - Entering BACKUP state").size() == 1, b);
        assertTrue(withSubject("[lb2] VRRP Instance VI_1 - Entering BACKUP state").get(0)
                .contains("\n\n=> VRRP Instance is no longer owning VRRP VIPs <=\n"));

        a.kill9();
        dl.lab().linkDown(dl.node("a"));
        b.awaitLogged("(VI_1) Entering MASTER STATE", MASTER_DOWN_90_MS + 3_000);
        await("lb2's MASTER mail", 10_000,
                () -> withSubject("[lb2] VRRP Instance VI_1 - Entering MASTER state").size() == 1, b);
        assertTrue(withSubject("[lb2] VRRP Instance VI_1 - Entering MASTER state").get(0)
                .startsWith("FROM keepalived@lb2.example.com\nTO ops@example.com,oncall@example.com\n"));

        b.terminate();
        assertEquals(0, b.awaitExit(20));
        await("lb2's Stopping mail, sent before the exit", 5_000,
                () -> withSubject("[lb2] VRRP Instance VI_1 - Stopping").size() == 1, b);
        // one sender thread per node: each node's mails arrive in the order of its transitions
        assertEquals(List.of("[lb1] VRRP Instance VI_1 - Entering BACKUP state",
                "[lb1] VRRP Instance VI_1 - Entering MASTER state"), subjects("[lb1]"));
        assertEquals(List.of("[lb2] VRRP Instance VI_1 - Entering BACKUP state",
                "[lb2] VRRP Instance VI_1 - Entering MASTER state", "[lb2] VRRP Instance VI_1 - Stopping"),
                subjects("[lb2]"), b.output());
    }

    @Test
    void aMailServerThatIsDownDelaysNoFailoverAndGetsTheMailOnceItIsBack() throws Exception {
        dl = DaemonLab.create(dir, "a", "b", "mail");
        inbox = dir.resolve("inbox");
        Node mail = dl.node("mail");
        // the server's host drops every SYN to port 25: each connect waits out smtp_connect_timeout
        dl.nft(mail, "table inet mailtest {\n chain in {\n  type filter hook input priority 0; policy accept;\n"
                + "  tcp dport 25 drop\n }\n}\n");
        String server = mail.ipv4();
        Daemon a = dl.start(dl.node("a"), config("lb1", 100, server, 5));
        a.awaitLogged("(VI_1) Entering MASTER STATE", 20_000);
        Daemon b = dl.start(dl.node("b"), config("lb2", 90, server, 5)); // b starts under a master: no race
        b.awaitLogged("(VI_1) Entering BACKUP STATE (init)", 20_000);

        long killed = System.nanoTime();
        a.kill9();
        dl.lab().linkDown(dl.node("a"));
        b.awaitLogged("(VI_1) Entering MASTER STATE", MASTER_DOWN_90_MS + 3_000);
        long takeoverMs = (System.nanoTime() - killed) / 1_000_000;
        // on time: the master-down interval and some slack, but no 5 s connect timeout in it
        assertTrue(takeoverMs < MASTER_DOWN_90_MS + 1_500, "took over after " + takeoverMs + " ms\n" + b.output());
        await("VIP on b", 5_000, () -> dl.hasAddress(dl.node("b"), VIP), b);

        String subject = "[lb2] VRRP Instance VI_1 - Entering MASTER state";
        await("the failed attempt logged with its retry", 10_000,
                () -> b.linesContaining("SMTP alert \"" + subject + "\" not sent - attempt 1 of 8, next in 2 s")
                        .size() == 1, b);
        assertTrue(b.logged("Timeout opening connection to remote SMTP server [" + server + "]:25."), b.output());
        assertEquals(List.of(), received());

        // the server comes back well inside the 5-minute window
        dl.nft(mail, "delete table inet mailtest\n");
        startServer();
        await("the MASTER mail, retried", 60_000, () -> withSubject(subject).size() == 1, b);
        assertTrue(withSubject(subject).get(0)
                .startsWith("FROM keepalived@lb2.example.com\nTO ops@example.com,oncall@example.com\n"));
        await("the BACKUP mail, retried too", 60_000,
                () -> withSubject("[lb2] VRRP Instance VI_1 - Entering BACKUP state").size() == 1, b);
        assertTrue(b.output().lines().noneMatch(l -> l.contains("giving up")), b.output());
    }
}
