package io.javakeepalived.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.testsupport.netns.DaemonLab;
import io.javakeepalived.testsupport.netns.DaemonLab.Daemon;
import io.javakeepalived.testsupport.netns.NetnsLab;
import io.javakeepalived.testsupport.netns.NetnsLab.Node;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keywords keepalived.conf accepts that used to be accepted and ignored, now acted on: the shipped
 * jar in a lab namespace, and what an operator sees (files the scripts wrote, the FIFO's lines,
 * {@code ip addr}, /proc/sys, the VIPs after SIGTERM).
 */
class KeywordsActedOnIT {
    @TempDir
    Path dir;

    private DaemonLab lab;
    private Node a;

    @BeforeEach
    void setUp() throws Exception {
        // scripts run as nobody must reach their files: the temp dir is root's, mode 0700
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        lab = DaemonLab.create(dir, "a");
        a = lab.node("a");
    }

    @AfterEach
    void tearDown() {
        if (lab != null) {
            lab.close();
        }
    }

    /** An executable script (root's, mode 0755) in the temp dir. */
    private Path script(String name, String body) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return p;
    }

    /** A file anyone may append to. */
    private Path sharedFile(String name) throws Exception {
        Path p = Files.createFile(dir.resolve(name));
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-rw-rw-"));
        return p;
    }

    private static List<String> lines(Path p) {
        try {
            return Files.readAllLines(p);
        } catch (Exception e) {
            return List.of();
        }
    }

    private String vipCount(String vip) {
        return "$(ip -o addr show dev eth0 | grep -c ' " + vip + "/')";
    }

    @Test
    void startupScriptRunsFirstAndShutdownScriptLastEachAsTheUserItsLineNames() throws Exception {
        Path events = sharedFile("events");
        Path up = script("up.sh", "echo \"startup $(id -un) vips=" + vipCount("10.213.0.100") + "\" >> " + events
                + "\nsleep 1");
        Path down = script("down.sh", "echo \"shutdown $(id -un) vips=" + vipCount("10.213.0.100") + "\" >> "
                + events);
        Path notify = script("notify.sh", "echo \"notify $3\" >> " + events);
        String conf = "global_defs {\n    script_user root\n    enable_script_security\n"
                + "    startup_script \"" + up + "\" nobody\n"
                + "    shutdown_script \"" + down + "\" nobody\n    shutdown_script_timeout 5\n}\n"
                + DaemonLab.vrrpInstance("VI_1", 51, 100, "    state MASTER\n    advert_int 1\n"
                + "    notify " + notify + "\n", "10.213.0.100/24");
        Daemon d = lab.start(a, conf);
        DaemonLab.await("MASTER with its VIP", 15_000, () -> lab.hasAddress(a, "10.213.0.100/24"), d);
        d.terminate();
        assertEquals(0, d.awaitExit(30));
        assertEquals(List.of("startup nobody vips=0", "notify BACKUP", "notify MASTER", "notify STOP",
                "shutdown nobody vips=0"), lines(events), d.output());
        assertTrue(d.logged("Running startup script " + up), d.output());
        assertTrue(d.logged("Running shutdown script " + down), d.output());
    }

    @Test
    void aTrackedScriptMovingThePriorityWritesPriorityLinesToTheNotifyFifo() throws Exception {
        Path ok = Files.createFile(dir.resolve("ok"));
        Path chk = script("chk.sh", "[ -e " + ok + " ]");
        Path lines = sharedFile("fifo-lines");
        Path reader = script("reader.sh", "exec cat \"$1\" >> " + lines);
        String conf = "global_defs {\n    script_user root\n    enable_script_security\n"
                + "    vrrp_notify_fifo " + dir.resolve("vrrp.fifo") + "\n    vrrp_notify_fifo_script " + reader + "\n"
                + "    vrrp_notify_priority_changes\n}\n"
                + "vrrp_script chk {\n    script \"" + chk + "\"\n    interval 1\n    weight -20\n    fall 1\n"
                + "    rise 1\n}\n"
                + DaemonLab.vrrpInstance("VI_1", 52, 100, "    state MASTER\n    advert_int 1\n"
                + "    track_script {\n        chk\n    }\n", "10.213.0.100/24");
        Daemon d = lab.start(a, conf);
        DaemonLab.await("MASTER", 15_000, () -> lines(lines).contains("INSTANCE \"VI_1\" MASTER 100"), d);
        Files.delete(ok);
        DaemonLab.await("priority 80 on the FIFO", 10_000,
                () -> lines(lines).contains("INSTANCE \"VI_1\" MASTER_PRIORITY 80"), d);
        Files.createFile(ok);
        DaemonLab.await("priority 100 on the FIFO", 10_000,
                () -> lines(lines).contains("INSTANCE \"VI_1\" MASTER_PRIORITY 100"), d);
        d.terminate();
        assertEquals(0, d.awaitExit(30));
        assertEquals(List.of("INSTANCE \"VI_1\" BACKUP 100", "INSTANCE \"VI_1\" MASTER 100",
                "INSTANCE \"VI_1\" MASTER_PRIORITY 80", "INSTANCE \"VI_1\" MASTER_PRIORITY 100"),
                lines(lines).subList(0, 4), d.output());
    }

    @Test
    void anIpv6Slash128VipIsDeprecatedSoTheHostNeverSourcesFromIt() throws Exception {
        String conf = "vrrp_instance VI_6 {\n    state MASTER\n    interface eth0\n    virtual_router_id 61\n"
                + "    priority 255\n    advert_int 1\n    virtual_ipaddress {\n        fd13::100/128\n"
                + "        fd13::101/64\n        fd13::102/128 preferred_lft 300\n    }\n}\n";
        Daemon d = lab.start(a, conf);
        DaemonLab.await("the VIPs", 15_000, () -> ipv6Addresses().contains("fd13::102/128"), d);
        String out = ipv6Addresses();
        // ip prints an address on one line and its lifetimes on the next
        assertTrue(entry(out, "fd13::100/128").contains(" deprecated"), out);
        assertTrue(entry(out, "fd13::100/128").contains("valid_lft forever preferred_lft 0sec"), out);
        assertTrue(entry(out, "fd13::101/64").contains("valid_lft forever preferred_lft forever"), out);
        assertTrue(entry(out, "fd13::102/128").matches("(?s).*valid_lft forever preferred_lft (300|2\\d\\d)sec.*"),
                out);
        d.terminate();
        assertEquals(0, d.awaitExit(30));
    }

    /** The Umask line of /proc/PID/status: the mask the daemon and its children create files under. */
    private static String umaskOf(Daemon d) throws Exception {
        return Files.readAllLines(Path.of("/proc/" + d.pid() + "/status")).stream()
                .filter(l -> l.startsWith("Umask:")).findFirst().orElseThrow().split("\\s+")[1];
    }

    @Test
    void theUmaskIsKeepalivedsOrTheConfigurationsAndMinusUWins() throws Exception {
        Path made = dir.resolve("made-by-notify");
        Path notify = script("make.sh", "[ \"$3\" = MASTER ] && touch " + made);
        String plain = DaemonLab.vrrpInstance("VI_1", 54, 100, "    state MASTER\n    advert_int 1\n"
                + "    notify " + notify + "\n", "10.213.0.100/24");

        Daemon byDefault = lab.start(a, "default", plain, DaemonLab.jarCommand("-n", "-l", "-D"));
        DaemonLab.await("the notify script's file", 15_000, () -> Files.exists(made), byDefault);
        assertEquals("0177", umaskOf(byDefault), "keepalived's umask\n" + byDefault.output());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(made)),
                "a script inherits the daemon's umask, as under keepalived");
        byDefault.terminate();
        assertEquals(0, byDefault.awaitExit(30));
        Files.delete(made);

        String configured = "global_defs {\n    umask IWGRP|IRWXO\n}\n" + plain;
        Daemon fromConfig = lab.start(a, "configured", configured, DaemonLab.jarCommand("-n", "-l", "-D"));
        DaemonLab.await("the notify script's file", 15_000, () -> Files.exists(made), fromConfig);
        assertEquals("0027", umaskOf(fromConfig), fromConfig.output());
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(made)));
        assertTrue(!fromConfig.output().contains("umask"), "acted on, not reported\n" + fromConfig.output());
        fromConfig.terminate();
        assertEquals(0, fromConfig.awaitExit(30));

        Daemon minusU = lab.start(a, "minus-u", configured, DaemonLab.jarCommand("-n", "-l", "-D", "-u", "022"));
        minusU.awaitLogged("(VI_1) Entering MASTER STATE", 15_000);
        assertEquals("0022", umaskOf(minusU), minusU.output());
        assertTrue(minusU.logged("umask command line option specified, ignoring config option"), minusU.output());
        minusU.terminate();
        assertEquals(0, minusU.awaitExit(30));
    }

    @Test
    void withMinusVTheVipsOutliveSigtermAndWithMinusXTheyGo() throws Exception {
        String conf = DaemonLab.vrrpInstance("VI_1", 53, 100, "    state MASTER\n    advert_int 1\n",
                "10.213.0.100/24");
        Daemon kept = lab.start(a, "kept", conf, DaemonLab.jarCommand("-n", "-l", "-D", "-V"));
        DaemonLab.await("MASTER with its VIP", 15_000, () -> lab.hasAddress(a, "10.213.0.100/24"), kept);
        kept.terminate();
        assertEquals(0, kept.awaitExit(30));
        assertTrue(lab.hasAddress(a, "10.213.0.100/24"), "-V leaves the VIP up\n" + kept.output());
        assertTrue(!kept.output().contains("sent 0 priority"), kept.output());
        assertTrue(!kept.output().contains("not implemented"), kept.output());

        // the next run removes what its predecessor left, takes over and, with -X, releases at stop
        Daemon released = lab.start(a, "released", conf, DaemonLab.jarCommand("-n", "-l", "-D", "-X"));
        released.awaitLogged("(VI_1) Entering MASTER STATE", 15_000);
        DaemonLab.await("its VIP", 5_000, () -> lab.hasAddress(a, "10.213.0.100/24"), released);
        released.terminate();
        assertEquals(0, released.awaitExit(30));
        assertTrue(!lab.hasAddress(a, "10.213.0.100/24"), "-X releases the VIP\n" + released.output());
        assertTrue(released.logged("(VI_1) sent 0 priority"), released.output());
        assertTrue(!released.output().contains("not implemented"), released.output());
    }

    @Test
    void promoteSecondariesIsSetSoTheVipOutlivesThePrimaryAddressAndIsPutBackAtStop() throws Exception {
        String file = "/proc/sys/net/ipv4/conf/eth0/promote_secondaries";
        lab.lab().exec(a.ns(), "sh", "-c", "echo 0 > " + file).requireSuccess("reset " + file);
        // a configured source: an instance whose source is the interface's own address goes to
        // FAULT when that address is deleted, as keepalived's does (AddressWatchIT)
        String conf = DaemonLab.vrrpInstance("VI_1", 54, 100, "    state MASTER\n    advert_int 1\n"
                + "    mcast_src_ip 10.213.0.1\n    promote_secondaries\n", "10.213.0.100/24");
        Daemon d = lab.start(a, conf);
        DaemonLab.await("MASTER with its VIP", 15_000, () -> lab.hasAddress(a, "10.213.0.100/24"), d);
        assertEquals("1", sysctl(file), d.output());
        // what it is for: the node's own address goes, the VIP of its subnet is promoted, not deleted with it
        lab.lab().ip(a.ns(), "addr", "del", "10.213.0.1/24", "dev", "eth0");
        NetnsLab.sleep(1_000);
        assertTrue(lab.hasAddress(a, "10.213.0.100/24"), d.output());
        assertFalse(d.logged("(VI_1) Entering FAULT STATE"), d.output());
        d.terminate();
        assertEquals(0, d.awaitExit(30));
        assertEquals("0", sysctl(file), "put back as it was\n" + d.output());
    }

    private String sysctl(String file) throws Exception {
        return lab.lab().exec(a.ns(), "cat", file).requireSuccess("cat " + file).output().trim();
    }

    /** The line of {@code cidr} in {@code ip addr show} output and the lifetime line after it. */
    private static String entry(String ipAddrShow, String cidr) {
        List<String> l = ipAddrShow.lines().toList();
        for (int i = 0; i + 1 < l.size(); i++) {
            if (l.get(i).contains("inet6 " + cidr + " ")) {
                return l.get(i) + "\n" + l.get(i + 1);
            }
        }
        return "";
    }

    private String ipv6Addresses() {
        try {
            return lab.lab().ip(a.ns(), "-6", "addr", "show", "dev", "eth0").output();
        } catch (Exception e) {
            return "";
        }
    }
}
