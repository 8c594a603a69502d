package io.javakeepalived.net;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.testsupport.netns.NetnsLab;
import io.javakeepalived.testsupport.netns.NetnsLab.Capture;
import io.javakeepalived.testsupport.netns.NetnsLab.Node;
import java.net.InetAddress;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Gratuitous ARP and unsolicited NA from a node, as a client on the same segment sees them. */
class AnnouncerIT {
    @AutoClose // stops every process it started, by pid; deletes the namespaces
    private NetnsLab lab;
    private Node a;
    private Node b;
    private Node client;

    @BeforeEach
    void setUp() throws Exception {
        lab = NetnsLab.create("a", "b", "client");
        a = lab.node("a");
        b = lab.node("b");
        client = lab.node("client");
        // learn new neighbours from gratuitous ARP (Linux ignores them by default)
        lab.exec(client.ns(), "sysctl", "-q", "-w", "net.ipv4.conf.eth0.arp_accept=1").requireSuccess("arp_accept");
    }

    @Test
    void gratuitousArpIsKeepalivedsFrameAndMovesTheClientsNeighbourEntry() throws Exception {
        InetAddress vip = InetAddress.getByName("10.213.0.100");
        Capture cap = lab.tcpdump(client.ns(), "eth0", "arp");
        try (GratuitousArpSender fromA = lab.call(a, () -> GratuitousArpSender.open("eth0", NetnsLab.macBytes(a.mac())));
             GratuitousArpSender fromB = lab.call(b, () -> GratuitousArpSender.open("eth0", NetnsLab.macBytes(b.mac())))) {
            fromA.announce(vip);
            awaitNeighbour("-4", "10.213.0.100", a.mac());
            NetnsLab.sleep(1100);  // neighbour locktime (1 s): a newer claim within it is ignored
            fromB.announce(vip);   // failover: B takes the VIP
            awaitNeighbour("-4", "10.213.0.100", b.mac());
            assertThrows(IllegalArgumentException.class, () -> fromA.announce(InetAddress.getByName("fd13::100")));
        }
        String text = cap.stopAndDecode();
        assertTrue(text.contains(a.mac() + " > ff:ff:ff:ff:ff:ff, ethertype ARP (0x0806), length 42: Ethernet (len 6), IPv4 (len 4), "
                + "Request who-has 10.213.0.100 (ff:ff:ff:ff:ff:ff) tell 10.213.0.100, length 28"), text);
        assertTrue(text.contains(b.mac() + " > ff:ff:ff:ff:ff:ff, ethertype ARP (0x0806), length 42"), text);
    }

    @Test
    void unsolicitedNeighbourAdvertHasOverrideFlagHopLimit255AndTargetLinkAddress() throws Exception {
        InetAddress vip = InetAddress.getByName("fd13::100");
        Capture cap = lab.tcpdump(client.ns(), "eth0", "icmp6");
        try (NeighbourAdvertSender na = lab.call(a, () -> NeighbourAdvertSender.open("eth0", NetnsLab.macBytes(a.mac()), false))) {
            // The client still believes B holds the VIP (B was master before)
            lab.ip(client.ns(), "-6", "neigh", "replace", "fd13::100", "lladdr", b.mac(), "dev", "eth0", "nud", "stale");
            // The VIP is not even configured on A: the frame is built whole, as keepalived does.
            na.announce(vip);
            awaitNeighbour("-6", "fd13::100", a.mac());  // the Override flag replaced B's MAC
            na.setRouter(true);
            na.announce(vip);
        }
        String text = cap.stopAndDecode();
        assertTrue(text.contains(a.mac() + " > 33:33:00:00:00:01, ethertype IPv6 (0x86dd), length 86: (hlim 255, next-header ICMPv6 (58) payload length: 32) "
                + "fd13::100 > ff02::1: [icmp6 sum ok] ICMP6, neighbor advertisement, length 32, tgt is fd13::100, Flags [override]"), text);
        assertTrue(text.contains("Flags [router, override]"), text);
        assertTrue(text.contains("destination link-address option (2), length 8 (1): " + a.mac()), text);
    }

    private void awaitNeighbour(String family, String ip, String mac) throws Exception {
        long deadline = System.currentTimeMillis() + 5000;
        String out = "";
        while (System.currentTimeMillis() < deadline) {
            out = lab.ip(client.ns(), family, "neigh", "show", ip, "dev", "eth0").output();
            if (out.contains("lladdr " + mac)) {
                return;
            }
            NetnsLab.sleep(50);
        }
        throw new AssertionError("client's neighbour entry for " + ip + " is not " + mac + ": '" + out.trim() + "'");
    }
}
