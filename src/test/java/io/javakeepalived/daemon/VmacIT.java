package io.javakeepalived.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.testsupport.netns.DaemonLab;
import io.javakeepalived.testsupport.netns.DaemonLab.Daemon;
import io.javakeepalived.testsupport.netns.NetnsLab;
import io.javakeepalived.testsupport.netns.NetnsLab.Capture;
import io.javakeepalived.testsupport.netns.NetnsLab.Node;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code use_vmac} as a client on the segment sees it: the master's VIP sits on {@code vrrp.51}
 * with the virtual router MAC 00:00:5e:00:01:33, the client's very first ARP answer for the VIP
 * carries that MAC and its neighbour entry keeps it across failovers (between two
 * javakeepalived nodes, and with Debian's keepalived 2.2.7 on the other side in both directions);
 * SIGTERM removes the VMAC, and one left by a SIGKILL is taken over at the next start.
 */
class VmacIT {
    static final String VMAC = "00:00:5e:00:01:33";
    static final String VIP = "10.213.0.100";

    @TempDir
    Path dir;

    @AutoClose // stops every process it started, by pid
    private DaemonLab dl;
    private NetnsLab lab;
    private Node a;
    private Node b;
    private Node c;

    @BeforeEach
    void setUp() throws Exception {
        dl = DaemonLab.create(dir, "a", "b", "c");
        lab = dl.lab();
        a = dl.node("a");
        b = dl.node("b");
        c = dl.node("c");
    }

    static String config(int priority) {
        return DaemonLab.vrrpInstance("VI_1", 51, priority, "    state BACKUP\n    advert_int 1\n    use_vmac\n",
                VIP + "/24");
    }

    Daemon startKeepalived(Node n, int priority) throws Exception {
        KeepalivedInteropIT.requireKeepalived();
        String name = n.name() + "-ka";
        return dl.start(n, name, config(priority), List.of(KeepalivedInteropIT.KEEPALIVED.toString(),
                "-n", "-l", "-D", "-G", "-P", "-c", dl.file(name + "_chk.pid").toString()));
    }

    /** {@code ip -o link show vrrp.51} in the node: empty if there is none. */
    String vmacLink(Node n) throws IOException {
        NetnsLab.Result r = lab.exec(n.ns(), "ip", "-d", "-o", "link", "show", "vrrp.51");
        return r.exitCode() == 0 ? r.output() : "";
    }

    boolean vipOnVmac(Node n) {
        try {
            return lab.ip(n.ns(), "-o", "addr", "show", "dev", "vrrp.51").output().contains(" " + VIP + "/24 ");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    String sysctl(Node n, String key) throws IOException {
        return lab.exec(n.ns(), "sysctl", "-n", key).output().trim();
    }

    /** The client sends a datagram to the VIP (resolving it if needed) and returns its neighbour entry's MAC. */
    String clientResolves() throws IOException {
        lab.exec(c.ns(), "bash", "-c", "echo x > /dev/udp/" + VIP + "/9").requireSuccess("udp to the VIP");
        String[] mac = new String[1];
        NetnsLab.await("the client's neighbour entry for the VIP", 5_000, () -> {
            try {
                Matcher m = Pattern.compile("lladdr ([0-9a-f:]{17})")
                        .matcher(lab.ip(c.ns(), "neigh", "show", VIP, "dev", "eth0").output());
                if (m.find()) {
                    mac[0] = m.group(1);
                    return true;
                }
                return false;
            } catch (IOException e) {
                return false;
            }
        }, () -> "");
        return mac[0];
    }

    /** The master is up with its VIP on its VMAC; the backup has its VMAC without the VIP. */
    void assertMasterOnVmac(Node master, Node backup) throws IOException {
        DaemonLab.await("VIP on " + master.name() + "'s vrrp.51", 3_000, () -> vipOnVmac(master));
        String link = vmacLink(master);
        assertTrue(link.contains("link/ether " + VMAC + " "), link);
        assertTrue(link.contains("macvlan mode private"), link);
        assertTrue(link.contains("vrrp.51@eth0"), link);
        assertFalse(dl.hasAddress(master, VIP + "/24"), "the VIP is not on eth0");
        assertFalse(vipOnVmac(backup));
    }

    /**
     * Every ARP reply for the VIP the client saw carried the virtual MAC, and there was one; with
     * {@code requestsToo}, every ARP request sent from the VIP ("tell VIP") came from it as well.
     */
    static void assertOnlyVirtualMacAnswered(String arp, boolean requestsToo) {
        int replies = 0;
        for (String l : arp.split("\n")) {
            if (l.contains("Reply " + VIP + " is-at")) {
                replies++;
                assertTrue(l.contains("is-at " + VMAC), "an ARP reply for the VIP from another MAC: " + l + "\n" + arp);
            }
            if (requestsToo && l.contains("tell " + VIP + ",")) {
                assertTrue(l.contains(" " + VMAC + " > "), "an ARP request from the VIP by another MAC: " + l + "\n"
                        + arp);
            }
        }
        assertTrue(replies > 0, "no ARP reply for the VIP\n" + arp);
    }

    /** The client's neighbour entry for the VIP as it is, without sending anything. */
    String clientEntry() throws IOException {
        Matcher m = Pattern.compile("lladdr ([0-9a-f:]{17})").matcher(lab.ip(c.ns(), "neigh", "show", VIP, "dev",
                "eth0").output());
        return m.find() ? m.group(1) : "";
    }

    @Test
    void javaPairClientKeepsTheVirtualMacAcrossFailoverAndSigtermRemovesTheVmac() throws Exception {
        Capture arp = lab.tcpdump(c.ns(), "eth0", "arp");
        Daemon da = dl.start(a, config(100));
        da.awaitLogged("(VI_1) Entering MASTER STATE", 15_000);
        Daemon db = dl.start(b, config(90));
        db.awaitLogged("(VI_1) Entering BACKUP STATE (init)", 15_000);
        assertMasterOnVmac(a, b);
        assertTrue(vmacLink(b).contains("link/ether " + VMAC + " "), vmacLink(b));
        assertTrue(da.logged("(VI_1) created VMAC interface vrrp.51 with MAC " + VMAC + " on eth0"), da.output());
        assertEquals("1", sysctl(a, "net.ipv4.conf.eth0.arp_ignore"));
        assertEquals("1", sysctl(a, "net.ipv4.conf.vrrp/51.arp_ignore"));
        assertEquals("1", sysctl(a, "net.ipv6.conf.vrrp/51.disable_ipv6"));

        assertEquals(VMAC, clientResolves(), "the first ARP answer is the virtual MAC");

        da.terminate();
        assertEquals(0, da.awaitExit(10), da.output());
        db.awaitLogged("(VI_1) Entering MASTER STATE", 5_000);
        assertMasterOnVmac(b, a);
        assertEquals("", vmacLink(a), "SIGTERM removed the VMAC");
        assertEquals("0", sysctl(a, "net.ipv4.conf.eth0.arp_ignore"), "eth0's arp_ignore given back");
        assertEquals("0", sysctl(a, "net.ipv4.conf.eth0.arp_filter"), "eth0's arp_filter given back");
        assertEquals(VMAC, clientResolves(), "the same entry after the failover");
        lab.ip(c.ns(), "neigh", "flush", "dev", "eth0");
        assertEquals(VMAC, clientResolves(), "a new resolution answers the virtual MAC too");

        String text = arp.stopAndDecode();
        assertOnlyVirtualMacAnswered(text, true);
        assertFalse(text.contains("is-at " + a.mac()) || text.contains("is-at " + b.mac()), text);
    }

    @Test
    void aVmacLeftByKill9IsTakenOverAtTheNextStart() throws Exception {
        Daemon d1 = dl.start(a, config(100));
        d1.awaitLogged("(VI_1) Entering MASTER STATE", 15_000);
        DaemonLab.await("VIP on vrrp.51", 5_000, () -> vipOnVmac(a), d1);
        d1.kill9();
        assertTrue(vmacLink(a).contains(VMAC), "the VMAC outlives a SIGKILL");

        Daemon d2 = dl.start(a, "a2", config(100), DaemonLab.jarCommand("-n", "-l", "-D"));
        d2.awaitLogged("(VI_1) Entering MASTER STATE", 15_000);
        assertTrue(d2.logged("(VI_1) taking over VMAC interface vrrp.51 left by a previous run"), d2.output());
        DaemonLab.await("VIP on vrrp.51", 5_000, () -> vipOnVmac(a), d2);
        assertEquals(VMAC, clientResolves());
        d2.terminate();
        assertEquals(0, d2.awaitExit(10), d2.output());
        assertEquals("", vmacLink(a), "SIGTERM removed the VMAC");
    }

    @Test
    void javaMasterKeepalivedBackupWithVmacFailOverKeepingTheVirtualMac() throws Exception {
        KeepalivedInteropIT.requireKeepalived();
        Capture arp = lab.tcpdump(c.ns(), "eth0", "arp");
        Daemon jk = dl.start(a, config(100));
        jk.awaitLogged("(VI_1) Entering MASTER STATE", 15_000);
        Daemon ka = startKeepalived(b, 90);
        ka.awaitLogged("(VI_1) Entering BACKUP STATE (init)", 10_000);
        NetnsLab.sleep(KeepalivedInteropIT.MASTER_DOWN_90_MS + 500); // our adverts hold keepalived on its VMAC
        assertFalse(ka.logged("(VI_1) Entering MASTER STATE"), ka.output());
        assertMasterOnVmac(a, b);
        assertEquals(VMAC, clientResolves());

        jk.terminate();
        ka.awaitLogged("(VI_1) Entering MASTER STATE", 5_000);
        assertMasterOnVmac(b, a);
        NetnsLab.sleep(500); // keepalived's gratuitous ARPs
        // keepalived's own traffic from the VIP would ARP "tell VIP" from its eth0 (no arp_announce): not sent here
        assertEquals(VMAC, clientEntry(), "the client's entry did not move");
        KeepalivedInteropIT.assertNoRejections(ka);
        assertOnlyVirtualMacAnswered(arp.stopAndDecode(), true);
    }

    @Test
    void keepalivedMasterJavaBackupWithVmacFailOverKeepingTheVirtualMac() throws Exception {
        KeepalivedInteropIT.requireKeepalived();
        Daemon ka = startKeepalived(a, 100);
        ka.awaitLogged("(VI_1) Entering MASTER STATE", 15_000);
        Daemon jk = dl.start(b, config(90));
        jk.awaitLogged("(VI_1) Entering BACKUP STATE (init)", 15_000);
        NetnsLab.sleep(KeepalivedInteropIT.MASTER_DOWN_90_MS + 500); // keepalived's adverts reach our VMAC
        assertFalse(jk.logged("(VI_1) Entering MASTER STATE"), jk.output());
        assertMasterOnVmac(a, b);
        Capture first = lab.tcpdump(c.ns(), "eth0", "arp");
        clientResolves();
        // keepalived's answer is the virtual MAC, but its eth0 then asks "who-has client tell VIP" from
        // its own MAC, which the client takes for the VIP: measured with 2.2.7, not ours to fix
        assertOnlyVirtualMacAnswered(first.stopAndDecode(), false);

        Capture arp = lab.tcpdump(c.ns(), "eth0", "arp");
        ka.terminate();
        jk.awaitLogged("(VI_1) Entering MASTER STATE", 5_000);
        assertMasterOnVmac(b, a);
        NetnsLab.sleep(500); // our gratuitous ARPs
        assertEquals(VMAC, clientEntry(), "our gratuitous ARP gave the client the virtual MAC");
        assertEquals(VMAC, clientResolves(), "and talking to the VIP keeps it");
        lab.ip(c.ns(), "neigh", "flush", "dev", "eth0");
        assertEquals(VMAC, clientResolves());
        assertOnlyVirtualMacAnswered(arp.stopAndDecode(), true);
    }

    @Test
    void vmacXmitBaseSendsAdvertsFromTheBaseWhileTheVipKeepsTheVirtualMac() throws Exception {
        String conf = "    use_vmac\n    vmac_xmit_base\n";
        Capture adverts = lab.tcpdump(c.ns(), "eth0", "ip proto 112");
        Daemon da = dl.start(a, config(100).replace("    use_vmac\n", conf));
        da.awaitLogged("(VI_1) Entering MASTER STATE", 15_000);
        Daemon db = dl.start(b, config(90).replace("    use_vmac\n", conf));
        db.awaitLogged("(VI_1) Entering BACKUP STATE (init)", 15_000);
        assertMasterOnVmac(a, b);
        assertEquals(VMAC, clientResolves());
        NetnsLab.sleep(1_500);
        assertFalse(db.logged("(VI_1) Entering MASTER STATE"), "the backup hears the master on its base\n"
                + db.output());
        da.terminate();
        db.awaitLogged("(VI_1) Entering MASTER STATE", 5_000);
        assertMasterOnVmac(b, a);
        assertEquals(VMAC, clientResolves());
        String text = adverts.stopAndDecode();
        assertTrue(text.contains(a.mac() + " > 01:00:5e:00:00:12"), "adverts from a's own MAC\n" + text);
        assertFalse(text.contains(VMAC + " > 01:00:5e:00:00:12"), "none from the VMAC\n" + text);
    }

    @Test
    void anIpv6VmacCarriesTheIpv6VirtualMacAndTheBasesLinkLocal() throws Exception {
        String vmac6 = "00:00:5e:00:02:33";
        String conf = DaemonLab.vrrpInstance("VI_1", 51, 100, "    state BACKUP\n    advert_int 1\n    use_vmac\n",
                "fd13::100/64");
        Daemon da = dl.start(a, conf);
        da.awaitLogged("(VI_1) Entering MASTER STATE", 15_000);
        Daemon db = dl.start(b, conf.replace("priority 100", "priority 90"));
        db.awaitLogged("(VI_1) Entering BACKUP STATE (init)", 15_000);
        NetnsLab.sleep(1_500);
        assertFalse(db.logged("(VI_1) Entering MASTER STATE"), db.output());
        String link = vmacLink(a);
        assertTrue(link.contains("link/ether " + vmac6 + " "), link);
        String addrs = lab.ip(a.ns(), "-6", "-o", "addr", "show", "dev", "vrrp.51").output();
        assertTrue(addrs.contains(" fd13::100/64 "), addrs);
        String baseLl = lab.ip(a.ns(), "-6", "-o", "addr", "show", "dev", "eth0", "scope", "link").output()
                .replaceAll("(?s).*inet6 (fe80::[0-9a-f:]+)/64.*", "$1");
        assertTrue(addrs.contains(" " + baseLl + "/64 "), "the base's link-local " + baseLl + "\n" + addrs);

        lab.exec(c.ns(), "bash", "-c", "echo x > /dev/udp/fd13::100/9").requireSuccess("udp to the VIP");
        DaemonLab.await("the client's entry", 5_000, () -> {
            try {
                return lab.ip(c.ns(), "-6", "neigh", "show", "fd13::100").output().contains("lladdr " + vmac6);
            } catch (IOException e) {
                return false;
            }
        }, da);
        da.terminate();
        db.awaitLogged("(VI_1) Entering MASTER STATE", 5_000);
        NetnsLab.sleep(300);
        assertTrue(lab.ip(c.ns(), "-6", "neigh", "show", "fd13::100").output().contains("lladdr " + vmac6));
        assertEquals("", vmacLink(a));
    }
}
