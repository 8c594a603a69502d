package io.javakeepalived.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.testsupport.netns.NetnsLab;
import io.javakeepalived.testsupport.netns.NetnsLab.Background;
import io.javakeepalived.testsupport.netns.NetnsLab.Capture;
import io.javakeepalived.testsupport.netns.NetnsLab.Node;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped jar with health tracking and notify hooks: real check and notify scripts in a
 * temporary directory, daemons in lab namespaces, and what an operator sees (who holds the VIP,
 * adverts on the wire, the log, what the notify scripts were given).
 */
class TrackingIT {
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
            lab.close();
        }
    }

    /* Helpers ---------------------------------------------------------------------------- */

    /** An executable script in the temp dir. */
    Path script(String name, String body) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return p;
    }

    /** A check that succeeds while {@code flag} exists. */
    Path flagCheck(String name, Path flag) throws Exception {
        return script(name, "[ -e " + flag + " ]");
    }

    /** A notify script appending its arguments, one line per run, to {@code log}. */
    Path recorder(Path log) throws Exception {
        return script("notify-" + log.getFileName() + ".sh", "echo \"$*\" >> " + log);
    }

    static String global() {
        return "global_defs {\n    script_user root\n    enable_script_security\n}\n";
    }

    static String instance(String name, int vrid, int priority, String vip, String extra) {
        return "vrrp_instance " + name + " {\n"
                + "    state BACKUP\n"
                + "    interface eth0\n"
                + "    virtual_router_id " + vrid + "\n"
                + "    priority " + priority + "\n"
                + "    advert_int 1\n"
                + "    virtual_ipaddress {\n        " + vip + "/24\n    }\n"
                + extra
                + "}\n";
    }

    Background startDaemon(Node n, String conf, String... jvm) throws Exception {
        Path file = dir.resolve(n.name() + ".conf");
        Files.writeString(file, conf);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        cmd.addAll(List.of(jvm));
        cmd.addAll(List.of("-jar", DaemonIT.jar().toString(), "-n", "-l", "-D", "-f", file.toString(),
                "-p", dir.resolve(n.name() + ".pid").toString(), "-r", dir.resolve(n.name() + "_vrrp.pid").toString()));
        return lab.start(n.ns(), cmd.toArray(String[]::new));
    }

    boolean hasVip(Node n, String vip) {
        try {
            return lab.ip(n.ns(), "-o", "addr", "show", "dev", "eth0").output().contains(vip + "/24");
        } catch (Exception e) {
            return false;
        }
    }

    /** A veth pair in the node: NAME (tracked) and NAMEp, whose state gives NAME its carrier. */
    void trackedLink(Node n, String name) throws Exception {
        lab.ip(n.ns(), "link", "add", name, "type", "veth", "peer", "name", name + "p");
        lab.ip(n.ns(), "link", "set", name, "up");
        lab.ip(n.ns(), "link", "set", name + "p", "up");
    }

    /** NAME stays administratively up and loses (or regains) carrier. */
    void carrier(Node n, String name, boolean on) throws Exception {
        lab.ip(n.ns(), "link", "set", name + "p", on ? "up" : "down");
    }

    static void awaitLog(Background d, String text, long ms) {
        DaemonIT.await(d + ": " + text, ms, d, () -> DaemonIT.logged(d, text));
    }

    static List<String> lines(Path p) throws Exception {
        return Files.exists(p) ? Files.readAllLines(p) : List.of();
    }

    static void awaitLines(Path p, int n, long ms, Background d) {
        DaemonIT.await(n + " lines in " + p, ms, d, () -> {
            try {
                return lines(p).size() >= n;
            } catch (Exception e) {
                return false;
            }
        });
    }

    /* Tests ------------------------------------------------------------------------------ */

    @Test
    void weightMinus20Fall3Rise2MovesTheMasterAndBack() throws Exception {
        Path ok = Files.createFile(dir.resolve("a.ok"));
        Path chk = flagCheck("chk.sh", ok);
        String scriptBlock = "vrrp_script chk {\n    script \"" + chk + "\"\n    interval 1\n    weight -20\n"
                + "    fall 3\n    rise 2\n}\n";
        Background da = startDaemon(a, global() + scriptBlock
                + instance("VI_1", 51, 100, "10.213.0.100", "    track_script {\n        chk\n    }\n"));
        awaitLog(da, "(VI_1) Entering MASTER STATE", 20_000);
        Background db = startDaemon(b, global() + instance("VI_1", 51, 90, "10.213.0.100", ""));
        awaitLog(db, "(VI_1) Entering BACKUP STATE (init)", 15_000);
        NetnsLab.sleep(1_500);

        Files.delete(ok);
        long t0 = System.nanoTime();
        awaitLog(da, "(VI_1) Changing effective priority from 100 to 80", 10_000);
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        // three failures one second apart: not before the third run (allowing for the grid's phase)
        assertTrue(ms >= 1_800, "priority dropped after " + ms + " ms, before the third failure");
        assertTrue(DaemonIT.logged(da, "VRRP_Script(chk) failed (exited with status 1)"), da.output());
        awaitLog(db, "(VI_1) Entering MASTER STATE", 10_000);
        DaemonIT.await("VIP on B", 5_000, db, () -> hasVip(b, "10.213.0.100"));
        awaitLog(da, "(VI_1) Entering BACKUP STATE", 5_000);
        DaemonIT.await("VIP gone from A", 5_000, da, () -> !hasVip(a, "10.213.0.100"));

        Files.createFile(ok);
        awaitLog(da, "(VI_1) Changing effective priority from 80 to 100", 10_000);
        assertTrue(DaemonIT.logged(da, "VRRP_Script(chk) succeeded"), da.output());
        DaemonIT.await("A master again", 10_000, da,
                () -> DaemonIT.count(da, "(VI_1) Entering MASTER STATE") == 2);
        DaemonIT.await("VIP back on A", 5_000, da, () -> hasVip(a, "10.213.0.100"));
        DaemonIT.await("VIP gone from B", 5_000, db, () -> !hasVip(b, "10.213.0.100"));
    }

    @Test
    void weightZeroScriptFailureIsFaultWithVipRemovedAndPriorityZeroAdvert() throws Exception {
        Node c = lab.addNode("c");
        Path ok = Files.createFile(dir.resolve("a.ok"));
        Path chk = flagCheck("chk.sh", ok);
        Background da = startDaemon(a, global()
                + "vrrp_script chk {\n    script \"" + chk + "\"\n    interval 1\n}\n"
                + instance("VI_1", 52, 100, "10.213.0.101", "    track_script {\n        chk\n    }\n"));
        awaitLog(da, "(VI_1) Entering MASTER STATE", 20_000);
        DaemonIT.await("VIP on A", 5_000, da, () -> hasVip(a, "10.213.0.101"));
        Capture cap = lab.tcpdump(c.ns(), "eth0", "ip proto 112");
        NetnsLab.sleep(1_200);

        Files.delete(ok);
        awaitLog(da, "(VI_1) Entering FAULT STATE", 5_000);
        assertTrue(DaemonIT.logged(da, "VRRP_Script(chk) failed (exited with status 1)"), da.output());
        DaemonIT.await("VIP removed", 5_000, da, () -> !hasVip(a, "10.213.0.101"));
        NetnsLab.sleep(2_500);
        String text = cap.stopAndDecode();
        assertTrue(text.contains(a.ipv4() + " > 224.0.0.18: VRRPv2, Advertisement, vrid 52, prio 0,"), text);
        int zero = text.indexOf("vrid 52, prio 0,");
        assertFalse(text.substring(zero + 1).contains("vrid 52, prio 100"), "no adverts in FAULT\n" + text);

        Files.createFile(ok);
        awaitLog(da, "VRRP_Script(chk) succeeded", 5_000);
        DaemonIT.await("A master again", 10_000, da,
                () -> DaemonIT.count(da, "(VI_1) Entering MASTER STATE") == 2);
        DaemonIT.await("VIP back", 5_000, da, () -> hasVip(a, "10.213.0.101"));
    }

    @Test
    void trackedInterfaceLosingCarrierIsFaultThenRecovers() throws Exception {
        trackedLink(a, "trk0");
        trackedLink(a, "trk1");
        Background da = startDaemon(a, instance("VI_1", 53, 100, "10.213.0.102",
                "    track_interface {\n        trk0\n        trk1 weight -30\n    }\n"));
        awaitLog(da, "(VI_1) Entering MASTER STATE", 20_000);

        carrier(a, "trk1", false);
        awaitLog(da, "(VI_1) Changing effective priority from 100 to 70", 5_000);
        carrier(a, "trk1", true);
        awaitLog(da, "(VI_1) Changing effective priority from 70 to 100", 5_000);

        carrier(a, "trk0", false);
        awaitLog(da, "(VI_1) Entering FAULT STATE", 5_000);
        DaemonIT.await("VIP removed", 5_000, da, () -> !hasVip(a, "10.213.0.102"));
        carrier(a, "trk0", true);
        DaemonIT.await("A master again", 10_000, da,
                () -> DaemonIT.count(da, "(VI_1) Entering MASTER STATE") == 2);
        DaemonIT.await("VIP back", 5_000, da, () -> hasVip(a, "10.213.0.102"));
    }

    @Test
    void dontTrackPrimaryIgnoresTheOwnInterfaceUntrackedOnesStillCount() throws Exception {
        trackedLink(a, "trk0");
        Background da = startDaemon(a, instance("VI_1", 54, 100, "10.213.0.103",
                "    dont_track_primary\n    track_interface {\n        trk0\n    }\n"));
        awaitLog(da, "(VI_1) Entering MASTER STATE", 20_000);
        lab.carrierDown(a);
        awaitLog(da, "Netlink reports eth0 down", 5_000);
        NetnsLab.sleep(1_000);
        assertFalse(DaemonIT.logged(da, "(VI_1) Entering FAULT STATE"), da.output());
        lab.carrierUp(a);
        carrier(a, "trk0", false);
        awaitLog(da, "(VI_1) Entering FAULT STATE", 5_000);
    }

    /**
     * Each hook kind across a full cycle gets exactly what keepalived gives it
     * (shared/reference/keepalived-runs/notify-run1.log, node a: priority 150, a weight -60 script,
     * a weight-0 script, SIGTERM), and here in the order of the transitions.
     */
    @Test
    void notifyHooksGetKeepalivedsArgumentsAcrossAFullCycle() throws Exception {
        Path weightOk = Files.createFile(dir.resolve("w.ok"));
        Path faultOk = Files.createFile(dir.resolve("f.ok"));
        Path log = dir.resolve("a-notify.log");
        Path rec = recorder(log);
        String conf = global()
                + "vrrp_script chk_weight {\n    script \"" + flagCheck("w.sh", weightOk) + "\"\n    interval 1\n"
                + "    weight -60\n}\n"
                + "vrrp_script chk_fault {\n    script \"" + flagCheck("f.sh", faultOk) + "\"\n    interval 1\n}\n"
                + instance("VI_1", 55, 150, "10.213.0.104",
                "    track_script {\n        chk_weight\n        chk_fault\n    }\n"
                        + "    notify_master \"" + rec + " a notify_master\"\n"
                        + "    notify_backup \"" + rec + " a notify_backup\"\n"
                        + "    notify_fault \"" + rec + " a notify_fault\"\n"
                        + "    notify_stop \"" + rec + " a notify_stop\"\n"
                        + "    notify \"" + rec + " a notify\"\n");
        Background da = startDaemon(a, conf);
        awaitLog(da, "(VI_1) Entering MASTER STATE", 20_000);
        Background db = startDaemon(b, global() + instance("VI_1", 55, 100, "10.213.0.104", ""));
        awaitLog(db, "(VI_1) Entering BACKUP STATE (init)", 15_000);
        awaitLines(log, 4, 5_000, da);

        Files.delete(weightOk);                       // failover: 150 - 60 = 90 < 100
        awaitLog(db, "(VI_1) Entering MASTER STATE", 10_000);
        awaitLines(log, 6, 5_000, da);
        Files.createFile(weightOk);                   // A preempts back at 150
        DaemonIT.await("A master again", 10_000, da, () -> DaemonIT.count(da, "(VI_1) Entering MASTER STATE") == 2);
        awaitLines(log, 8, 5_000, da);
        Files.delete(faultOk);                        // FAULT
        awaitLog(da, "(VI_1) Entering FAULT STATE", 5_000);
        awaitLines(log, 10, 5_000, da);
        Files.createFile(faultOk);                    // BACKUP, then MASTER
        DaemonIT.await("A master a third time", 10_000, da,
                () -> DaemonIT.count(da, "(VI_1) Entering MASTER STATE") == 3);
        awaitLines(log, 14, 5_000, da);
        da.process().toHandle().destroy();            // SIGTERM: notify_stop before exit
        assertTrue(da.process().waitFor(15, TimeUnit.SECONDS), da.output());
        assertEquals(0, da.process().exitValue(), da.output());

        assertEquals(List.of(
                "a notify_backup", "a notify INSTANCE VI_1 BACKUP 150",
                "a notify_master", "a notify INSTANCE VI_1 MASTER 150",
                "a notify_backup", "a notify INSTANCE VI_1 BACKUP 90",
                "a notify_master", "a notify INSTANCE VI_1 MASTER 150",
                "a notify_fault", "a notify INSTANCE VI_1 FAULT 150",
                "a notify_backup", "a notify INSTANCE VI_1 BACKUP 150",
                "a notify_master", "a notify INSTANCE VI_1 MASTER 150",
                "a notify_stop", "a notify INSTANCE VI_1 STOP 150"), lines(log), da.output());
        assertTrue(da.output().contains("(VI_1) notify_stop " + rec + " a notify_stop exited with status 0"),
                da.output());
    }

    @Test
    void hungNotifyScriptIsKilledAtItsTimeoutWhileFailoverHappensOnTime() throws Exception {
        Path pidFile = dir.resolve("hung.pid");
        Path hang = script("hang.sh", "echo $$ > " + pidFile + "\nexec sleep 600");
        Path log = dir.resolve("a-notify.log");
        Path rec = recorder(log);
        Background da = startDaemon(a, instance("VI_1", 56, 100, "10.213.0.105",
                "    notify_backup \"" + hang + "\"\n    notify_master \"" + rec + " master\"\n"),
                "-D" + ScriptServices.NOTIFY_TIMEOUT_PROPERTY + "=3");
        awaitLog(da, "(VI_1) Entering BACKUP STATE (init)", 20_000);
        long t0 = System.nanoTime();
        awaitLog(da, "(VI_1) Entering MASTER STATE", 6_000);   // master-down 3.6 s, hook or not
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        assertTrue(ms < 5_500, "MASTER after " + ms + " ms");
        DaemonIT.await("VIP on A", 5_000, da, () -> hasVip(a, "10.213.0.105"));

        DaemonIT.await("hung hook timed out", 10_000, da, () -> da.output().contains("(VI_1) notify_backup "
                + hang + " timed out after"));
        long pid = Long.parseLong(Files.readString(pidFile).trim());
        DaemonIT.await("hung script gone", 5_000, da, () -> ProcessHandle.of(pid).isEmpty());
        awaitLines(log, 1, 5_000, da);                          // the next hook ran after it
        assertEquals(List.of("master"), lines(log));
    }

    @Test
    void instancesWaitInInitForWeightZeroScriptsAndInitFailStartsInFault() throws Exception {
        Path log = dir.resolve("notify.log");
        Path rec = recorder(log);
        Path slow = script("slow.sh", "sleep 2");
        Path quick = script("quick.sh", "exit 0");
        Background da = startDaemon(a, global()
                + "vrrp_script slow {\n    script \"" + slow + "\"\n    interval 5\n    timeout 4\n}\n"
                + "vrrp_script starts_failed {\n    script \"" + quick + "\"\n    interval 3\n    init_fail\n}\n"
                + instance("VI_1", 61, 100, "10.213.0.110", "    track_script {\n        slow\n    }\n"
                        + "    notify \"" + rec + "\"\n")
                + instance("VI_2", 62, 100, "10.213.0.111", "    track_script {\n        starts_failed\n    }\n"
                        + "    notify \"" + rec + "\"\n"));
        awaitLog(da, "VRRP_Script(slow) succeeded", 10_000);
        String before = da.output().substring(0, da.output().indexOf("VRRP_Script(slow) succeeded"));
        assertFalse(before.contains("(VI_1) Entering"), "VI_1 waited in INIT for its script\n" + da.output());
        awaitLog(da, "(VI_1) Entering BACKUP STATE (init)", 5_000);
        awaitLog(da, "(VI_1) Entering MASTER STATE", 6_000);
        awaitLog(da, "(VI_2) Entering MASTER STATE", 6_000);
        awaitLines(log, 5, 5_000, da);                          // the hooks run after the transitions
        List<String> vi2 = lines(log).stream().filter(l -> l.contains("VI_2")).toList();
        assertEquals(List.of("INSTANCE VI_2 FAULT 100", "INSTANCE VI_2 BACKUP 100", "INSTANCE VI_2 MASTER 100"), vi2,
                da.output());
        List<String> vi1 = lines(log).stream().filter(l -> l.contains("VI_1")).toList();
        assertEquals(List.of("INSTANCE VI_1 BACKUP 100", "INSTANCE VI_1 MASTER 100"), vi1, da.output());
    }

    @Test
    void sigtermWaitsForASlowNotifyStopBeforeExiting() throws Exception {
        Path done = dir.resolve("stop.done");
        Path slowStop = script("slow-stop.sh", "sleep 2\necho \"$*\" > " + done);
        Background da = startDaemon(a, global() + instance("VI_1", 59, 100, "10.213.0.108",
                "    notify_stop \"" + slowStop + " VI_1 stopped\"\n"));
        awaitLog(da, "(VI_1) Entering MASTER STATE", 20_000);
        da.process().toHandle().destroy();
        assertTrue(da.process().waitFor(15, TimeUnit.SECONDS), da.output());
        assertEquals(0, da.process().exitValue(), da.output());
        assertEquals(List.of("VI_1 stopped"), lines(done), "notify_stop finished before the daemon exited");
        String out = da.output();
        int hook = out.indexOf("(VI_1) notify_stop " + slowStop + " VI_1 stopped exited with status 0");
        assertTrue(hook >= 0 && hook < out.lastIndexOf("Stopped "), out);
    }

    @Test
    void aHookMadeUnsafeAfterStartIsNotRunAndTheLogSaysWhy() throws Exception {
        Path log = dir.resolve("a-notify.log");
        Path rec = recorder(log);
        Path ok = Files.createFile(dir.resolve("a.ok"));
        Background da = startDaemon(a, global()
                + "vrrp_script chk {\n    script \"" + flagCheck("chk.sh", ok) + "\"\n    interval 1\n}\n"
                + instance("VI_1", 60, 100, "10.213.0.109", "    track_script {\n        chk\n    }\n"
                + "    notify_fault \"" + rec + " fault\"\n    notify_master \"" + rec + " master\"\n"));
        awaitLog(da, "(VI_1) Entering MASTER STATE", 20_000);
        awaitLines(log, 1, 5_000, da);
        Files.setPosixFilePermissions(rec, PosixFilePermissions.fromString("rwxrwxrwx"));
        Files.delete(ok);
        awaitLog(da, "(VI_1) Entering FAULT STATE", 5_000);
        DaemonIT.await("refusal logged", 5_000, da, () -> da.output().contains("(VI_1) notify_fault not run:"
                + " enable_script_security: " + rec + " is not owned by root or is writable by a non-root user"));
        assertEquals(List.of("master"), lines(log));
    }

    @Test
    void syncGroupFaultDragsItsMembersAndRunsTheGroupHooks() throws Exception {
        Path ok = Files.createFile(dir.resolve("g.ok"));
        Path log = dir.resolve("group-notify.log");
        Path rec = recorder(log);
        String conf = global()
                + "vrrp_script chk {\n    script \"" + flagCheck("g.sh", ok) + "\"\n    interval 1\n}\n"
                + "vrrp_sync_group G1 {\n    group {\n        VI_1\n        VI_2\n    }\n"
                + "    track_script {\n        chk\n    }\n"
                + "    notify_fault \"" + rec + " group_fault\"\n"
                + "    notify \"" + rec + " generic\"\n}\n"
                + instance("VI_1", 57, 100, "10.213.0.106", "")
                + instance("VI_2", 58, 100, "10.213.0.107", "");
        Background da = startDaemon(a, conf);
        awaitLog(da, "(VI_1) Entering MASTER STATE", 20_000);
        awaitLog(da, "(VI_2) Entering MASTER STATE", 5_000);
        awaitLines(log, 2, 5_000, da);                          // GROUP G1 BACKUP 0, GROUP G1 MASTER 0

        Files.delete(ok);
        awaitLog(da, "(VI_1) Entering FAULT STATE", 5_000);
        awaitLog(da, "(VI_2) Entering FAULT STATE", 5_000);
        DaemonIT.await("VIPs removed", 5_000, da,
                () -> !hasVip(a, "10.213.0.106") && !hasVip(a, "10.213.0.107"));
        awaitLines(log, 4, 5_000, da);
        assertEquals(List.of("generic GROUP G1 BACKUP 0", "generic GROUP G1 MASTER 0",
                "group_fault", "generic GROUP G1 FAULT 0"), lines(log));
    }
}
