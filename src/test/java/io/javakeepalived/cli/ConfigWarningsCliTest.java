package io.javakeepalived.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -t} prints the configuration warnings where it prints keepalived's diagnostics
 * (stderr, or the -t LOG_FILE) and keeps keepalived's exit code; {@code -t --strict} exits 5
 * on a warning alone. The configurations need nothing of the host but /bin/sh.
 */
class ConfigWarningsCliTest {
    private final CapturedRun cli = new CapturedRun();

    @TempDir
    Path dir;

    private int run(String... args) {
        return cli.run(args);
    }

    private String stderr() {
        return cli.stderr();
    }

    private static final String SCRIPT_SECURITY = "global_defs {\n    enable_script_security\n    script_user root\n}\n";

    private static final String UNTRACKED = "vrrp_script chk {\n    script \"/bin/sh -c true\"\n}\n";

    /** A vrrp_script nobody tracks (line 5), in a configuration keepalived accepts with exit 0. */
    private Path untrackedScript() throws Exception {
        Path conf = dir.resolve("k.conf");
        Files.writeString(conf, SCRIPT_SECURITY + UNTRACKED);
        return conf;
    }

    @Test
    void configTestPrintsTheWarningAndKeepsKeepalivedsExitCode() throws Exception {
        Path conf = untrackedScript();
        assertEquals(0, run("-t", "-f", conf.toString()), stderr());
        assertTrue(stderr().contains(conf + ":5: WARNING: vrrp_script chk is not tracked"), stderr());
    }

    @Test
    void strictFailsOnAWarningAlone() throws Exception {
        Path conf = untrackedScript();
        assertEquals(5, run("-t", "--strict", "-f", conf.toString()), stderr());
        assertTrue(stderr().contains(conf + ":5: WARNING: vrrp_script chk is not tracked"), stderr());
    }

    @Test
    void strictPassesAConfigurationWithoutWarnings() throws Exception {
        Path conf = dir.resolve("ok.conf");
        Files.writeString(conf, SCRIPT_SECURITY);
        assertEquals(0, run("-t", "--strict", "-f", conf.toString()), stderr());
        assertFalse(stderr().contains("WARNING"), stderr());
    }

    @Test
    void strictKeepsKeepalivedsOwnNonZeroCode() throws Exception {
        // an unknown keyword: keepalived's own 5, whatever --strict says
        Path conf = dir.resolve("unknown.conf");
        Files.writeString(conf, UNTRACKED + "frobnicate 1\n");
        assertEquals(5, run("-t", "-f", conf.toString()), stderr());
        assertEquals(5, run("-t", "--strict", "-f", conf.toString()), stderr());
        assertTrue(stderr().contains(conf + ":1: WARNING: vrrp_script chk is not tracked"), stderr());
    }

    @Test
    void warningsGoToTheConfigTestLogFile() throws Exception {
        Path conf = untrackedScript();
        Path log = dir.resolve("t.log");
        assertEquals(0, run("--config-test=" + log, "-f", conf.toString()));
        assertTrue(Files.readString(log).contains(conf + ":5: WARNING: vrrp_script chk"), Files.readString(log));
        assertFalse(stderr().contains("WARNING"), stderr());
    }
}
