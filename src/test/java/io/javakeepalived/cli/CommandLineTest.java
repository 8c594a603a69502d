package io.javakeepalived.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
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

    private static KeepalivedOptions parse(String... args) {
        KeepalivedOptions options = KeepalivedOptions.parse(args);
        assertEquals(List.of(), options.usageErrors);
        return options;
    }

    @Test
    void theDaemonCommandLineOfAUnitFileParses() {
        KeepalivedOptions c = parse("-n", "-l", "-D", "-f", "/tmp/k.conf", "-p", "/run/x.pid",
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
        KeepalivedOptions c = parse("-nlD", "--use-file=/tmp/k.conf", "--vrrp_pid=/a", "--checkers_pid=/b",
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

    @Test
    void theLastOfARepeatedFlagWinsAndLongFlagsMayBeAbbreviated() {
        KeepalivedOptions c = parse("-f", "/a", "--use-file=/b", "--use", "/c", "-i", "x", "--config-i=y");
        assertEquals(Path.of("/c"), c.configFile);
        assertEquals("y", c.configId);
    }

    @Test
    void everyBadFlagIsNamedAndTheExitCodeIsKeepalivedsOne() {
        assertEquals(1, run("-nZ", "--frob", "--log-facility"));
        assertEquals("javakeepalived: Unknown option: '-Z'\n"
                + "javakeepalived: Unknown option: '--frob'\n"
                + "javakeepalived: Missing parameter for option: '--log-facility'\n"
                + "Try 'javakeepalived --help' for more information.\n", stderr().replace(System.lineSeparator(), "\n"));
        assertEquals("", stdout());
    }

    @Test
    void anEmptyArgumentIsAMissingOneAsInKeepalived() {
        assertEquals(1, run("--use-file=", "-t"));
        assertTrue(stderr().startsWith("javakeepalived: Missing parameter for option: '--use-file'"), stderr());
    }

    @Test
    void aWordAfterAnOptionalArgumentIsNotItsValue(@TempDir Path dir) {
        Path log = dir.resolve("t.log");
        assertEquals(1, run("-t", log.toString(), "-f", "/nonexistent/keepalived.conf"));
        assertTrue(stderr().startsWith("javakeepalived: Unexpected argument(s): " + log), stderr());
        assertFalse(Files.exists(log), "-t took the next word for its log file");
    }

    @Test
    void helpNamesEveryFlagTheDaemonActsOn() {
        assertEquals(0, run("-h"));
        for (String flag : List.of("-f, --use-file=FILE", "-P, --vrrp", "-C, --check", "-l, --log-console",
                "-D, --log-detail", "-S, --log-facility=FACILITY", "-g, --log-file[=FILE]", "-n, --dont-fork",
                "-d, --dump-conf", "-p, --pid=FILE", "-r, --vrrp_pid=FILE", "-c, --checkers_pid=FILE",
                "-i, --config-id=ID", "-t, --config-test[=LOG_FILE]", "--strict", "--signum=SIGFUNC",
                "--metrics-listen=ADDR:PORT", "-X, --release-vips", "-V, --dont-release-vrrp",
                "-I, --dont-release-ipvs", "-v, --version", "-h, --help")) {
            assertTrue(stdout().contains(flag), flag + " missing from:\n" + stdout());
        }
        assertTrue(stdout().startsWith("Usage: javakeepalived [-CdDhIlnPvVX]"), stdout());
        assertEquals("", stderr());
    }
}
