package io.javakeepalived.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.testsupport.netns.NetnsLab;
import io.javakeepalived.testsupport.netns.NetnsLab.Background;
import io.javakeepalived.testsupport.netns.NetnsLab.Node;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped jar as MASTER with {@code TMPDIR} set: USR1, USR2, SIGRTMIN+2 (36) and SIGRTMAX-1
 * (63), sent by pid to the process the lab started, write keepalived.data / .stats / .json with
 * mode 0600 in {@code $TMPDIR}; 63 zeroes the counters; the daemon stays up throughout.
 */
class DumpSignalsIT {
    @TempDir
    Path dir;

    private NetnsLab lab;
    private Node a;

    @BeforeEach
    void setUp() throws Exception {
        lab = NetnsLab.create();
        a = lab.addNode("a");
    }

    @AfterEach
    void tearDown() {
        if (lab != null) {
            lab.close(); // stops every process it started, by pid
        }
    }

    private static final String CONFIG = "vrrp_instance VI_1 {\n"
            + "    state MASTER\n"
            + "    interface eth0\n"
            + "    virtual_router_id 51\n"
            + "    priority 100\n"
            + "    advert_int 1\n"
            + "    virtual_ipaddress {\n"
            + "        10.213.0.100/24\n"
            + "    }\n"
            + "}\n";

    private Background start(Path tmp) throws Exception {
        Path conf = dir.resolve("a.conf");
        Files.writeString(conf, CONFIG);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // env execs java: the pid the lab holds is the daemon's
        return lab.start(a.ns(), "env", "TMPDIR=" + tmp, java, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-jar", DaemonIT.jar().toString(), "-n", "-l", "-D", "-f", conf.toString(),
                "-p", dir.resolve("a.pid").toString(), "-r", dir.resolve("a_vrrp.pid").toString());
    }

    private static void kill(Background d, String signal) throws Exception {
        Process k = new ProcessBuilder("kill", "-s", signal, Long.toString(d.pid())).inheritIO().start();
        assertTrue(k.waitFor(5, TimeUnit.SECONDS) && k.exitValue() == 0, "kill -s " + signal);
    }

    private static void await(String what, long timeoutMs, Background log, BooleanSupplier cond) {
        DaemonIT.await(what, timeoutMs, log, cond);
    }

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
        Path tmp = Files.createDirectory(dir.resolve("tmp"));
        Background d = start(tmp);
        await("Entering MASTER STATE", 15_000, d, () -> DaemonIT.logged(d, "(VI_1) Entering MASTER STATE"));
        NetnsLab.sleep(2_500); // a few adverts

        Path data = tmp.resolve("keepalived.data");
        Path parent = tmp.resolve("keepalived_parent.data");
        Path stats = tmp.resolve("keepalived.stats");
        Path json = tmp.resolve("keepalived.json");

        kill(d, "USR1");
        await("keepalived.data", 5_000, d, () -> Files.exists(data));
        assertMode0600(data);
        assertMode0600(parent);
        String dataText = read(data);
        assertTrue(dataText.contains("VRRP Instance = VI_1"), dataText);
        assertTrue(dataText.contains("10.213.0.100/24 dev eth0 scope global set"), dataText);
        assertTrue(dataText.contains("   fd_in "), dataText);
        assertTrue(DaemonIT.logged(d, "Printing VRRP data for process(" + d.pid() + ") on signal"), d.output());

        kill(d, "USR2");
        await("keepalived.stats", 5_000, d, () -> Files.exists(stats));
        assertMode0600(stats);
        String s1 = read(stats);
        assertTrue(s1.contains("VRRP Instance: VI_1\n"), s1);
        assertTrue(s1.contains("  Became master: 1\n"), s1);
        long sentBefore = sent(s1);
        assertTrue(sentBefore > 0, s1);

        kill(d, "36");
        await("keepalived.json", 5_000, d, () -> Files.exists(json));
        assertMode0600(json);
        String j = read(json);
        assertTrue(j.contains("\"iname\":\"VI_1\""), j);
        assertTrue(j.contains("\"state\":2"), j);

        NetnsLab.sleep(1_500); // more adverts, so a reset is visible
        kill(d, "63");
        await("Printing and clearing VRRP stats", 5_000, d,
                () -> DaemonIT.logged(d, "Printing and clearing VRRP stats for process(" + d.pid() + ") on signal"));
        await("stats rewritten", 5_000, d, () -> sent(read(stats)) >= sentBefore + 1);
        long sentAtClear = sent(read(stats));

        kill(d, "USR2");
        await("second USR2 dump", 5_000, d, () -> DaemonIT.count(d,
                "Printing VRRP stats for process(" + d.pid() + ") on signal") == 2);
        await("stats rewritten after clear", 5_000, d, () -> sent(read(stats)) < sentAtClear);
        String s2 = read(stats);
        assertTrue(sent(s2) <= 3, "Sent: reset after 63\n" + s2);
        assertTrue(s2.contains("  Became master: 0\n"), s2);

        assertTrue(d.process().isAlive(), d.output());
        assertTrue(DaemonIT.logged(d, "(VI_1) Entering MASTER STATE"));
        assertEquals(1, DaemonIT.count(d, "(VI_1) Entering MASTER STATE"), d.output());
    }
}
