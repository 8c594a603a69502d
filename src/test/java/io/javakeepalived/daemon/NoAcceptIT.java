package io.javakeepalived.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.testsupport.netns.DaemonLab;
import io.javakeepalived.testsupport.netns.DaemonLab.Daemon;
import io.javakeepalived.testsupport.netns.NetnsLab.Node;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * no_accept as an operator sees it, the shipped jar in namespaces: the master's node carries
 * keepalived's nftables table ({@code nft list ruleset}); a client's TCP and ICMP to a no_accept
 * VIP get no answer while an accept-mode VIP on the same node answers; SIGTERM removes the table;
 * the table a killed daemon left is replaced at the next start.
 */
class NoAcceptIT {
    private static final String DROPPED = "10.213.0.100";
    private static final String ANSWERED = "10.213.0.101";

    @TempDir
    Path dir;

    @AutoClose // stops every process it started, by pid
    private DaemonLab dl;
    private Node a;
    private Node c;

    @BeforeEach
    void setUp() throws Exception {
        dl = DaemonLab.create(dir, "a", "c");
        a = dl.node("a");
        c = dl.node("c");
    }

    private static String config() {
        return DaemonLab.vrrpInstance("VI_1", 51, 100, "    state BACKUP\n    advert_int 1\n    no_accept\n",
                DROPPED + "/24")
                + DaemonLab.vrrpInstance("VI_2", 52, 100, "    state BACKUP\n    advert_int 1\n    accept\n",
                ANSWERED + "/24");
    }

    @Test
    void aNoAcceptMastersVipIsSilentTheAcceptOneAnswersAndSigtermRemovesTheTable() throws Exception {
        Daemon da = dl.start(a, config());
        da.awaitLogged("nftables table ip keepalived installed for no_accept of [VI_1]", 15_000);
        da.awaitLogged("(VI_1) Entering MASTER STATE", 15_000);
        da.awaitLogged("(VI_2) Entering MASTER STATE", 15_000);
        DaemonLab.await("VIPs on A", 5_000,
                () -> dl.hasAddress(a, DROPPED + "/24") && dl.hasAddress(a, ANSWERED + "/24"), da);

        String ruleset = ruleset(a);
        assertTrue(ruleset.contains("table ip keepalived {"), ruleset);
        assertTrue(ruleset.contains("ip daddr @vips drop"), ruleset);
        assertTrue(ruleset.contains("ip saddr @vips drop"), ruleset);
        assertTrue(ruleset.contains("type filter hook input priority filter - 1; policy accept;"), ruleset);
        assertTrue(ruleset.contains("elements = { " + DROPPED + " }"), ruleset);

        assertFalse(tcpAnswers(DROPPED), "TCP to the no_accept VIP is dropped");
        assertFalse(pings(DROPPED), "ICMP to the no_accept VIP is dropped");
        assertTrue(tcpAnswers(ANSWERED), "TCP to the accept VIP is answered");
        assertTrue(pings(ANSWERED), "ICMP to the accept VIP is answered");

        da.terminate();
        assertEquals(0, da.awaitExit(10));
        assertFalse(ruleset(a).contains("keepalived"), ruleset(a));
        assertTrue(da.logged("nftables table ip keepalived deleted"), da.output());
    }

    @Test
    void theTableAKilledDaemonLeftIsReplacedAtStart() throws Exception {
        Daemon first = dl.start(a, config());
        first.awaitLogged("(VI_1) Entering MASTER STATE", 15_000);
        // the state line is logged before the VIP (and its drop-set element) goes in
        DaemonLab.await("VIP in the first daemon's drop set", 5_000,
                () -> ruleset(a).contains("elements = { " + DROPPED + " }"), first);
        first.kill9();
        assertTrue(ruleset(a).contains("elements = { " + DROPPED + " }"), "the killed daemon's table stays");
        dl.lab().ip(a.ns(), "addr", "flush", "dev", "eth0", "to", DROPPED + "/32");

        Daemon second = dl.start(a, config());
        second.awaitLogged("Deleting old ip keepalived table", 15_000);
        String fresh = ruleset(a);
        // a backup's VIP is not in the set: the leftover element went with the old table
        assertTrue(fresh.contains("table ip keepalived {") && !fresh.contains(DROPPED), fresh);
        assertEquals(1, fresh.split("table ip keepalived", -1).length - 1, fresh);
        second.awaitLogged("(VI_1) Entering MASTER STATE", 15_000);
        DaemonLab.await("VIP in the drop set", 5_000, () -> ruleset(a).contains("elements = { " + DROPPED + " }"),
                second);
        assertFalse(tcpAnswers(DROPPED));
    }

    private String ruleset(Node n) {
        try {
            return dl.lab().exec(n.ns(), "nft", "list", "ruleset").requireSuccess("nft list ruleset").output();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether a TCP SYN from the client to a closed port of {@code vip} is answered (with a reset). */
    private boolean tcpAnswers(String vip) throws IOException {
        return dl.lab().call(c, () -> {
            for (int i = 0; i < 3; i++) {
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress(vip, 9), 300);
                    return true;
                } catch (ConnectException refused) {
                    return true;
                } catch (SocketTimeoutException silent) {
                    // try again: the first SYN may wait for ARP
                }
            }
            return false;
        });
    }

    /** Whether an ICMP echo from the client is answered (the JVM sends ICMP when it runs as root). */
    private boolean pings(String vip) throws IOException {
        return dl.lab().call(c, () -> InetAddress.getByName(vip).isReachable(1_000));
    }
}
