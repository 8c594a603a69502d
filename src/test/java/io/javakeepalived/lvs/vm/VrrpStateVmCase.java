package io.javakeepalived.lvs.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The LVS parts that follow the VRRP state, in the daemon itself. The IPVS connection-sync
 * daemons as {@code ipvsadm -L --daemon} lists them: one that follows a VRRP instance is a backup
 * until the instance becomes MASTER, then a master; the stop stops it (without an instance both
 * run: SyncDaemonDirectorTest). ha_suspend: a BACKUP does not check its real servers (its VIP is
 * not on the host), a MASTER does; the table is programmed on both, as keepalived does.
 */
class VrrpStateVmCase {
    private static final String LINK = "jksync0";
    private static final Pattern DAEMON = Pattern.compile("(master|backup) sync daemon \\(mcast=(\\S+), syncid=(\\d+)");

    @BeforeEach
    void link() throws Exception {
        ip("link", "add", LINK, "type", "dummy");
        ip("addr", "add", "192.168.213.1/24", "dev", LINK);
        ip("link", "set", LINK, "multicast", "on", "up"); // a dummy link has no multicast flag of its own
    }

    @AfterEach
    void cleanUp() throws Exception {
        for (String state : new String[] {"master", "backup"}) {
            try {
                Ipvsadm.run("--stop-daemon", state);
            } catch (IOException notRunning) {
                // what a passing case leaves
            }
        }
        ip("link", "del", LINK);
    }

    private static void ip(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("ip"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0, "ip " + String.join(" ", args) + ": " + out);
    }

    /** {@code master jksync0 7}, one per running daemon. */
    private static List<String> daemons() throws Exception {
        return Ipvsadm.run("-L", "--daemon").lines().map(DAEMON::matcher).filter(Matcher::find)
                .map(m -> m.group(1) + " " + m.group(2) + " " + m.group(3)).sorted().toList();
    }

    private static List<String> await(List<String> expected) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        List<String> d = daemons();
        while (!d.equals(expected) && System.nanoTime() < end) {
            Thread.sleep(100);
            d = daemons();
        }
        return d;
    }

    private static Process daemon(String config) throws Exception {
        Path conf = Files.createTempFile("jk-sync", ".conf");
        Files.writeString(conf, config);
        String jar = System.getProperty("javakeepalived.jar", "target/javakeepalived.jar");
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar, "-n", "-l", "-D", "-f", conf.toString(),
                "-p", "/tmp/jk-sync.pid", "-r", "/tmp/jk-sync-vrrp.pid").redirectErrorStream(true)
                .redirectOutput(Path.of("/tmp/jk-sync.log").toFile()).start();
    }

    private static String log() {
        try {
            return Files.readString(Path.of("/tmp/jk-sync.log"));
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static void stop(Process d) throws Exception {
        d.destroy(); // SIGTERM
        assertTrue(d.waitFor(60, TimeUnit.SECONDS), "the daemon did not stop");
    }

    /** One daemon (a JVM start costs seconds in the VM): the instance starts BACKUP and becomes MASTER. */
    @Test
    void syncDaemonAndHaSuspendFollowTheInstanceFromBackupToMaster() throws Exception {
        // advert_int 2: the instance stays BACKUP for Master_Down_Interval (~7 s) before it takes over
        Process d = daemon("global_defs {\n lvs_sync_daemon " + LINK + " VI_1 id 7\n}\n"
                + "vrrp_instance VI_1 {\n state BACKUP\n interface " + LINK + "\n virtual_router_id 51\n"
                + " priority 100\n advert_int 2\n virtual_ipaddress {\n 192.168.213.100/24\n }\n}\n"
                + "virtual_server 192.168.213.100 80 {\n delay_loop 1\n lb_algo rr\n lb_kind DR\n protocol TCP\n"
                + " ha_suspend\n real_server 192.168.213.2 80 {\n  TCP_CHECK {\n   connect_timeout 1\n   retry 0\n"
                + "  }\n }\n}\n");
        String rs = "service [192.168.213.2]:tcp:80 for VS [192.168.213.100]:tcp:80";
        try {
            assertEquals(List.of("backup " + LINK + " 7"), await(List.of("backup " + LINK + " 7")),
                    VrrpStateVmCase::log);
            awaitLog("Deactivating healthchecker for " + rs);
            List<String> programmed = List.of("TCP 192.168.213.100:80 rr", "  -> 192.168.213.2:80 Route 1");
            assertEquals(programmed, Ipvsadm.table(), "a BACKUP programs the table all the same");
            assertFalse(log().contains("Entering MASTER STATE"), "all this while BACKUP:\n" + log());

            assertEquals(List.of("master " + LINK + " 7"), await(List.of("master " + LINK + " 7")),
                    VrrpStateVmCase::log);
            String untilMaster = awaitLog("Entering MASTER STATE");
            assertFalse(untilMaster.contains("TCP_CHECK on service"), untilMaster);
            String checked = awaitLog("TCP_CHECK on service [192.168.213.2]:tcp:80 failed");
            assertTrue(checked.contains("Activating healthchecker for " + rs), checked);
        } finally {
            stop(d);
        }
        assertEquals(List.of(), daemons(), VrrpStateVmCase::log);
    }

    /** The daemon's log once it holds {@code line} (fails after 60 s). */
    private static String awaitLog(String line) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!log().contains(line) && System.nanoTime() < end) {
            Thread.sleep(100);
        }
        assertTrue(log().contains(line), "no '" + line + "' in:\n" + log());
        return log();
    }
}
