package io.javakeepalived.daemon;

import static io.javakeepalived.daemon.TrackingIT.awaitLog;
import static io.javakeepalived.daemon.TrackingIT.global;
import static io.javakeepalived.daemon.TrackingIT.instance;
import static io.javakeepalived.daemon.TrackingIT.lines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.testsupport.netns.NetnsLab;
import io.javakeepalived.testsupport.netns.NetnsLab.Background;
import io.javakeepalived.testsupport.netns.NetnsLab.Node;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGHUP to the shipped jar with trackers and notify hooks in the configuration: what a reload
 * adds, keeps, changes and removes takes effect as in keepalived, seen from outside (who holds
 * the VIP, the log, which notify script ran).
 */
class ReloadTrackingIT {
    private static final String VIP = "10.213.0.110";

    @TempDir
    Path dir;

    private NetnsLab lab;
    private Node a;
    private Node b;

    @BeforeEach
    void setUp() throws Exception {
        lab = NetnsLab.create();
        a = lab.addNode("a");
        b = lab.addNode("b");
    }

    @AfterEach
    void tearDown() {
        if (lab != null) {
            lab.close(); // stops every process it started, by pid
        }
    }

    Path script(String name, String body) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return p;
    }

    Background start(Node n, String conf) throws Exception {
        Path file = dir.resolve(n.name() + ".conf");
        Files.writeString(file, conf);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar",
                DaemonIT.jar().toString(), "-n", "-l", "-D", "-f", file.toString(),
                "-p", dir.resolve(n.name() + ".pid").toString(), "-r", dir.resolve(n.name() + "_vrrp.pid").toString()));
        return lab.start(n.ns(), cmd.toArray(String[]::new));
    }

    /** Rewrites the node's configuration, sends HUP, waits until the reload is complete; returns the log from the HUP on. */
    String reload(Node n, Background d, String conf) throws Exception {
        Files.writeString(dir.resolve(n.name() + ".conf"), conf);
        int before = d.output().length();
        long done = ReloadIT.lines(d, "Reload complete");
        ReloadIT.hup(d);
        DaemonIT.await("reload complete", 10_000, d, () -> ReloadIT.lines(d, "Reload complete") > done);
        return d.output().substring(before);
    }

    boolean hasVip(Node n) {
        try {
            return lab.ip(n.ns(), "-o", "addr", "show", "dev", "eth0").output().contains(VIP + "/24");
        } catch (Exception e) {
            return false;
        }
    }

    /**
     * (a) a reload adds a failing weight -20 script: the priority drops and the VIP moves to the
     * backup; the same reload points notify_master at a new script; (d) a second reload removes
     * the script: its weight is withdrawn, the master takes the VIP back, and the new notify_master
     * is the one that runs.
     */
    @Test
    void anAddedWeightedScriptMovesTheVipARemovedOneGivesItBackAndTheNewNotifyMasterRuns() throws Exception {
        Path oldLog = dir.resolve("old.log");
        Path newLog = dir.resolve("new.log");
        Path oldMaster = script("old.sh", "echo \"$*\" >> " + oldLog);
        Path newMaster = script("new.sh", "echo \"$*\" >> " + newLog);
        Path runs = dir.resolve("runs.log");
        Path fails = script("fails.sh", "echo run >> " + runs + "\nexit 1");
        String chk = "vrrp_script chk {\n    script \"" + fails + "\"\n    interval 1\n    weight -20\n}\n";
        Background da = start(a, global()
                + instance("VI_1", 61, 100, VIP, "    notify_master \"" + oldMaster + " first\"\n"));
        awaitLog(da, "(VI_1) Entering MASTER STATE", 20_000);
        TrackingIT.awaitLines(oldLog, 1, 5_000, da);
        Background db = start(b, global() + instance("VI_1", 61, 90, VIP, ""));
        awaitLog(db, "(VI_1) Entering BACKUP STATE (init)", 20_000);
        NetnsLab.sleep(1_500);
        assertTrue(hasVip(a) && !hasVip(b), "A holds the VIP before the reload");

        String log = reload(a, da, global() + chk + instance("VI_1", 61, 100, VIP,
                "    notify_master \"" + newMaster + " second\"\n    track_script {\n        chk\n    }\n"));
        assertFalse(log.contains("(VI_1) Entering"), "the reload itself changes no state:\n" + log);
        awaitLog(da, "(VI_1) Changing effective priority from 100 to 80", 10_000);
        assertTrue(DaemonIT.logged(da, "VRRP_Script(chk) failed (exited with status 1)"), da.output());
        DaemonIT.await("VIP on B", 10_000, db, () -> hasVip(b));
        DaemonIT.await("VIP gone from A", 5_000, da, () -> !hasVip(a));

        reload(a, da, global() + chk + instance("VI_1", 61, 100, VIP,
                "    notify_master \"" + newMaster + " second\"\n"));
        awaitLog(da, "(VI_1) Changing effective priority from 80 to 100", 10_000);
        DaemonIT.await("A master again", 10_000, da,
                () -> DaemonIT.count(da, "(VI_1) Entering MASTER STATE") == 2);
        DaemonIT.await("VIP back on A", 5_000, da, () -> hasVip(a));
        TrackingIT.awaitLines(newLog, 1, 5_000, da);
        assertEquals(List.of("second"), lines(newLog), "the new notify_master ran for the new MASTER");
        assertEquals(List.of("first"), lines(oldLog), "the old one ran only before the reload");
        int ran = lines(runs).size();
        NetnsLab.sleep(2_500);
        assertEquals(ran, lines(runs).size(), "a removed script runs no more");
    }

    /**
     * (b) a reload that keeps a failing weight-0 script unchanged: the instance stays in FAULT
     * without a flap (no state line at all), the verdict is carried over as keepalived logs it, and
     * an instance the reload adds that tracks the same script starts straight in FAULT; an
     * instance removed by it that has notify_deleted runs that script and the generic notify with
     * DELETED.
     */
    @Test
    void anUnchangedFailingWeightZeroScriptKeepsItsInstanceInFaultAcrossAReload() throws Exception {
        Path fails = script("fails.sh", "exit 1");
        Path deletedLog = dir.resolve("deleted.log");
        Path recorder = script("record.sh", "echo \"$*\" >> " + deletedLog);
        String conf = global() + "vrrp_script down {\n    script \"" + fails + "\"\n    interval 1\n}\n"
                + instance("VI_1", 62, 100, VIP, "    track_script {\n        down\n    }\n");
        Background da = start(a, conf + instance("VI_3", 64, 100, "10.213.0.112",
                "    notify_deleted \"" + recorder + " deleted\"\n    notify \"" + recorder + " generic\"\n"));
        awaitLog(da, "(VI_1) entering FAULT state", 20_000);
        awaitLog(da, "(VI_3) Entering MASTER STATE", 20_000);
        TrackingIT.awaitLines(deletedLog, 1, 5_000, da);
        NetnsLab.sleep(1_500);

        reload(a, da, conf + instance("VI_2", 63, 100, "10.213.0.111",
                "    track_script {\n        down\n    }\n"));
        // the checker loop carries the verdict over on its own thread: its line may follow "Reload complete"
        awaitLog(da, "VRRP_Script(down) considered unsuccessful on reload", 5_000);
        DaemonIT.await("VI_2 in FAULT", 10_000, da, () -> DaemonIT.logged(da, "(VI_2) entering FAULT state"));
        NetnsLab.sleep(3_000);
        String after = da.output().substring(da.output().indexOf("Reloading ..."));
        assertFalse(after.contains("(VI_1) Entering") || after.contains("(VI_1) entering"),
                "VI_1 never left FAULT:\n" + after);
        assertFalse(after.contains("(VI_2) Entering BACKUP") || after.contains("(VI_2) Entering MASTER"),
                "VI_2 started in FAULT, not via BACKUP:\n" + after);
        assertEquals(1, DaemonIT.count(da, "(VI_1) entering FAULT state"), da.output());
        assertFalse(hasVip(a), "no VIP in FAULT");
        TrackingIT.awaitLines(deletedLog, 4, 5_000, da);
        assertEquals(List.of("generic INSTANCE VI_3 BACKUP 100", "generic INSTANCE VI_3 MASTER 100", "deleted",
                "generic INSTANCE VI_3 DELETED 100"), lines(deletedLog).subList(lines(deletedLog).size() - 4,
                lines(deletedLog).size()), "VI_3, removed with notify_deleted, is reported DELETED");
    }
}
