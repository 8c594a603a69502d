package io.javakeepalived.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** keepalived's command line as operators and unit files write it. */
class CommandLineTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static KeepalivedCommand parse(String... args) {
        KeepalivedCommand command = new KeepalivedCommand(System.out, System.err);
        Main.commandLine(command).parseArgs(args);
        return command;
    }

    @Test
    void theDaemonCommandLineOfAUnitFileParses() {
        KeepalivedCommand c = parse("-n", "-l", "-D", "-f", "/tmp/k.conf", "-p", "/run/x.pid",
                "-r", "/run/y.pid", "-c", "/run/z.pid", "-S", "7", "-i", "high", "-P");
        assertTrue(c.dontFork);
        assertTrue(c.logConsole);
        assertTrue(c.logDetail);
        assertTrue(c.vrrpOnly);
        assertEquals(Path.of("/tmp/k.conf"), c.configFile);
        assertEquals(Path.of("/run/x.pid"), c.pidFile);
        assertEquals(Path.of("/run/y.pid"), c.vrrpPidFile);
        assertEquals(Path.of("/run/z.pid"), c.checkersPidFile);
        assertEquals("7", c.logFacility);
        assertEquals("high", c.configId);
    }

    @Test
    void longFormsAndClusteredShortFlagsParse() {
        KeepalivedCommand c = parse("-nlD", "--use-file=/tmp/k.conf", "--vrrp_pid=/a", "--checkers_pid=/b",
                "--pid=/c", "--log-facility=local3", "--config-id=low", "--dont-fork", "--check");
        assertTrue(c.dontFork && c.logConsole && c.logDetail && c.checkerOnly);
        assertEquals(Path.of("/tmp/k.conf"), c.configFile);
        assertEquals(Path.of("/a"), c.vrrpPidFile);
    }

    @Test
    void defaultConfigIsTheJavakeepalivedOne() {
        assertEquals(Path.of("/etc/javakeepalived/keepalived.conf"), parse().configFile);
    }

    @Test
    void configTestTakesAnOptionalLogFile() {
        assertEquals("", parse("-t").configTest);
        assertEquals("/tmp/log", parse("--config-test=/tmp/log").configTest);
        assertEquals("", parse("-t", "-f", "/x").configTest);
    }

    @Test
    void signumPrintsKeepalivedNumbers() {
        String[][] expected = {{"STOP", "15"}, {"RELOAD", "1"}, {"DATA", "10"}, {"STATS", "12"},
            {"STATS_CLEAR", "63"}, {"JSON", "36"}};
        for (String[] e : expected) {
            out.reset();
            assertEquals(0, run("--signum=" + e[0]), e[0]);
            assertEquals(e[1] + System.lineSeparator(), stdout(), e[0]);
        }
    }

    @Test
    void unknownSignalFunctionFailsLikeKeepalived() {
        assertEquals(1, run("--signum=TDUMP"));
        assertTrue(stderr().contains("Unknown sigfunc TDUMP"), stderr());
    }

    @Test
    void keepalivedFlagsWeDoNotImplementWarnButDoNotFail(@TempDir Path dir) throws Exception {
        Path conf = dir.resolve("k.conf");
        Files.writeString(conf, "global_defs {\n router_id x\n}\n");
        int rc = run("-t", "-f", conf.toString(), "-G", "-R", "-I", "--all", "-u", "0022", "-s", "ns1", "-X", "-V");
        assertEquals(0, rc, stderr());
        assertTrue(stderr().contains("option -R (--dont-respawn) is accepted for compatibility but not implemented"),
                stderr());
        assertFalse(stderr().contains("-I (--dont-release-ipvs)"), "-I is honoured now: " + stderr());
        assertFalse(stderr().contains("-X (--release-vips)"), "-X is honoured now: " + stderr());
        assertFalse(stderr().contains("-V (--dont-release-vrrp)"), "-V is honoured now: " + stderr());
        assertFalse(stderr().contains("-G (--no-syslog)"), "-G is honoured now: " + stderr());
        assertTrue(stderr().contains("-R (--dont-respawn)"), stderr());
        assertTrue(stderr().contains("-s (--namespace)"), stderr());
    }

    @Test
    void anUnknownFlagIsAClearErrorNotATrace() {
        assertEquals(1, run("--frobnicate"));
        assertTrue(stderr().startsWith("javakeepalived: Unknown option: '--frobnicate'"), stderr());
        assertFalse(stderr().contains("Exception"), stderr());
    }

    @Test
    void versionNamesTheCompatibleKeepalived() {
        assertEquals(0, run("-v"));
        assertTrue(stdout().startsWith("javakeepalived "), stdout());
        assertTrue(stdout().contains("keepalived 2.2.7 compatible"), stdout());
    }

    @Test
    void configTestOfAMissingFileSaysWhichAndExitsFour() {
        int rc = run("-t", "-f", "/nonexistent/keepalived.conf");
        assertEquals(4, rc);
        assertTrue(stderr().contains("/nonexistent/keepalived.conf"), stderr());
        assertFalse(stderr().contains("Exception"), stderr());
    }

    @Test
    void configTestWritesToTheGivenLogFile(@TempDir Path dir) throws Exception {
        Path conf = dir.resolve("k.conf");
        Files.writeString(conf, "global_defs {\n  frobnicate 1\n}\n");
        Path log = dir.resolve("t.log");
        int rc = run("--config-test=" + log, "-f", conf.toString());
        assertEquals(5, rc);
        assertTrue(Files.readString(log).contains(conf + ":2: "), Files.readString(log));
        assertFalse(stderr().contains("frobnicate"), stderr());
    }
}
