package io.javakeepalived.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.testsupport.netns.DaemonLab;
import io.javakeepalived.testsupport.netns.DaemonLab.Daemon;
import io.javakeepalived.testsupport.netns.NetnsLab;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped jar as MASTER with {@code TMPDIR} set: USR1, USR2, SIGRTMIN+2 (36) and SIGRTMAX-1
 * (63), sent by pid to the process the lab started, write keepalived.data / .stats / .json with
 * mode 0600 in {@code $TMPDIR}; 63 zeroes the counters; the daemon stays up throughout. The
 * instance tracks a {@code vrrp_script}, which keepalived.data lists under {@code VRRP Scripts}.
 */
class DumpSignalsIT {
    @TempDir
    Path dir;

    @AutoClose // stops every process it started, by pid
    private DaemonLab dl;

    @BeforeEach
    void setUp() throws Exception {
        dl = DaemonLab.create(dir, "a");
    }

    private static final String CONFIG = "global_defs {\n    script_user root\n}\n"
            + "vrrp_script chk {\n    script \"/bin/true\"\n    interval 1\n    weight -10\n}\n"
            + DaemonLab.vrrpInstance("VI_1", 51, 100,
                    "    state MASTER\n    advert_int 1\n    track_script {\n        chk\n    }\n", "10.213.0.100/24");

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return "";
        }
    }

    private static long sent(String stats) {
        Matcher m = Pattern.compile("(?m)^  Advertisements:\\n    Received: \\d+\\n    Sent: (\\d+)$").matcher(stats);
        assertTrue(m.find(), stats);
        return Long.parseLong(m.group(1));
    }

    private static void assertMode0600(Path p) throws IOException {
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(p)), p.toString());
    }

    @Test
    void dumpSignalsWriteTheFilesAndTheDaemonStaysUp() throws Exception {
        Daemon d = dl.start(dl.node("a"), CONFIG);
        Path tmp = d.tmpdir();
        d.awaitLogged("(VI_1) Entering MASTER STATE", 15_000);
        d.awaitLogged("VRRP_Script(chk) succeeded", 15_000);
        NetnsLab.sleep(2_500); // a few adverts

        Path data = tmp.resolve("keepalived.data");
        Path parent = tmp.resolve("keepalived_parent.data");
        Path stats = tmp.resolve("keepalived.stats");
        Path json = tmp.resolve("keepalived.json");

        d.signal("USR1");
        DaemonLab.await("keepalived.data", 5_000, () -> Files.exists(data), d);
        assertMode0600(data);
        assertMode0600(parent);
        String dataText = read(data);
        assertTrue(dataText.contains("VRRP Instance = VI_1"), dataText);
        assertTrue(dataText.contains("10.213.0.100/24 dev eth0 scope global set"), dataText);
        assertTrue(dataText.contains("   fd_in "), dataText);
        assertTrue(dataText.contains("   Tracked scripts :\n     chk weight -10\n"), dataText);
        assertTrue(dataText.contains("------< VRRP Scripts >------\n"
                + " VRRP Script = chk\n"
                // the configured path with its symlinks resolved, as keepalived shows it
                + "   Command = '" + Path.of("/bin/true").toRealPath() + "'\n"
                + "   Interval = 1 sec\n"
                + "   Timeout = 0 sec\n"
                + "   Weight = -10\n"
                + "   Rise = 1\n"
                + "   Fall = 1\n"
                + "   Result = 1\n"
                + "   Insecure = no\n"
                + "   Init state = unknown\n"
                + "   Status = GOOD\n"
                + "   Script uid:gid = 0:0\n"
                + "   VRRP instances :\n"
                + "   Tracking instances :\n"
                + "     VI_1, weight -10\n"
                + "   State = "), dataText); // idle, or running if a run is going just then
        assertTrue(d.logged("Printing VRRP data for process(" + d.pid() + ") on signal"), d.output());

        d.signal("USR2");
        DaemonLab.await("keepalived.stats", 5_000, () -> Files.exists(stats), d);
        assertMode0600(stats);
        String s1 = read(stats);
        assertTrue(s1.contains("VRRP Instance: VI_1\n"), s1);
        assertTrue(s1.contains("  Became master: 1\n"), s1);
        long sentBefore = sent(s1);
        assertTrue(sentBefore > 0, s1);

        d.signal("36");
        DaemonLab.await("keepalived.json", 5_000, () -> Files.exists(json), d);
        assertMode0600(json);
        String j = read(json);
        assertTrue(j.contains("\"iname\":\"VI_1\""), j);
        assertTrue(j.contains("\"state\":2"), j);

        NetnsLab.sleep(1_500); // more adverts, so a reset is visible
        d.signal("63");
        DaemonLab.await("Printing and clearing VRRP stats", 5_000,
                () -> d.logged("Printing and clearing VRRP stats for process(" + d.pid() + ") on signal"), d);
        DaemonLab.await("stats rewritten", 5_000, () -> sent(read(stats)) >= sentBefore + 1, d);
        long sentAtClear = sent(read(stats));

        d.signal("USR2");
        DaemonLab.await("second USR2 dump", 5_000, () -> d.count(
                "Printing VRRP stats for process(" + d.pid() + ") on signal") == 2, d);
        DaemonLab.await("stats rewritten after clear", 5_000, () -> sent(read(stats)) < sentAtClear, d);
        String s2 = read(stats);
        assertTrue(sent(s2) <= 3, "Sent: reset after 63\n" + s2);
        assertTrue(s2.contains("  Became master: 0\n"), s2);

        assertTrue(d.isAlive(), d.output());
        assertTrue(d.logged("(VI_1) Entering MASTER STATE"));
        assertEquals(1, d.count("(VI_1) Entering MASTER STATE"), d.output());
    }

    /** Two instances in one sync group, both MASTER: the group, its members and hooks; the socket both share. */
    private static final String GROUP_CONFIG = "global_defs {\n    script_user root\n    vrrp_priority -5\n}\n"
            + "static_ipaddress {\n    10.213.9.1/32 dev eth0\n}\n"
            + "vrrp_sync_group G1 {\n    group {\n        VI_1\n        VI_2\n    }\n"
            + "    notify_master \"/bin/true master\"\n    notify \"/bin/true any\"\n}\n"
            + DaemonLab.vrrpInstance("VI_1", 51, 100, "    state MASTER\n    advert_int 1\n", "10.213.0.100/24")
            + DaemonLab.vrrpInstance("VI_2", 52, 100, "    state MASTER\n    advert_int 1\n", "10.213.0.101/24");

    @Test
    void usr1DumpsTheRunningSyncGroupAndTheSocketItsMembersShare() throws Exception {
        Daemon d = dl.start(dl.node("a"), GROUP_CONFIG);
        Path data = d.tmpdir().resolve("keepalived.data");
        d.awaitLogged("VRRP_Group(G1) Syncing instances to MASTER state", 15_000);

        d.signal("USR1");
        DaemonLab.await("keepalived.data", 5_000, () -> read(data).contains("------< VRRP Sync groups >------"), d);
        String text = read(data);
        String bin = Path.of("/bin/true").toRealPath().toString();
        assertTrue(text.contains("------< VRRP Sync groups >------\n"
                + " VRRP Sync Group = G1, MASTER\n"
                + "   Num member fault 0, num member init 0\n"
                + "   VRRP member instances :\n"
                + "     VI_1\n"
                + "     VI_2\n"
                + "   Using smtp notification = no\n"
                + "   Master state transition script = '" + bin + "' 'master', uid:gid 0:0\n"
                + "   Generic state transition script = '" + bin + "' 'any', uid:gid 0:0\n"), text);
        assertTrue(text.contains("   Sync group = G1\n"), text);
        assertTrue(text.contains("\n VRRP process priority = -5\n"), text);
        assertTrue(text.contains("------< Static Addresses >------\n     10.213.9.1/32 dev eth0 scope global set\n"),
                text);
        Matcher pool = Pattern.compile("------< VRRP Sockpool >------\\n fd_in (\\d+) fd_out = (\\d+)\\n"
                + "   Interface = eth0\\n   Family = IPv4\\n   Protocol = VRRP\\n   Type = Multicast\\n"
                + "   Rx buf size = 0\\n   VRRP instances\\n     VI_1 vrid 51\\n     VI_2 vrid 52\\n").matcher(text);
        assertTrue(pool.find(), text);
        assertTrue(text.contains("   fd_in " + pool.group(1) + ", fd_out " + pool.group(2) + "\n"), text);
        assertTrue(d.isAlive(), d.output());
    }
}
