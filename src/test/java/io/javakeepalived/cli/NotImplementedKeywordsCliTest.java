package io.javakeepalived.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -t} says which keywords the daemon accepts and does not act on, where it prints
 * keepalived's diagnostics (stderr, or the -t LOG_FILE), and keeps keepalived's exit code;
 * {@code --strict} does not count them (they are not mistakes in the file).
 */
class NotImplementedKeywordsCliTest {
    private final CapturedRun cli = new CapturedRun();

    @TempDir
    Path dir;


    /**
     * random_seed on line 2 (again on line 4) and disable_local_igmp on line 3, in a
     * configuration keepalived accepts with 0 on any host.
     */
    private Path config(String extra) throws Exception {
        Path conf = dir.resolve("k.conf");
        Files.writeString(conf, """
                global_defs {
                    random_seed 7
                    disable_local_igmp
                    random_seed 8
                }
                """ + extra);
        return conf;
    }

    private List<String> notImplementedLines(String text) {
        return text.lines().filter(l -> l.contains(" is accepted for compatibility but not implemented")).toList();
    }

    @Test
    void configTestPrintsEachOnceAndExitsAsKeepalived() throws Exception {
        Path conf = config("");
        assertEquals(0, cli.run("-t", "-f", conf.toString()), cli.stderr());
        assertEquals(List.of(
                conf + ":2: random_seed is accepted for compatibility but not implemented - the random number"
                        + " generator is not seeded with it",
                conf + ":3: disable_local_igmp is accepted for compatibility but not implemented - local IGMP"
                        + " reports are not disabled"), notImplementedLines(cli.stderr()));
    }

    @Test
    void strictDoesNotFailOnThem() throws Exception {
        assertEquals(0, cli.run("-t", "--strict", "-f", config("").toString()), cli.stderr());
    }

    @Test
    void keepalivedsOwnCodeIsKept() throws Exception {
        Path conf = config("frobnicate 1\n");
        assertEquals(5, cli.run("-t", "-f", conf.toString()), cli.stderr());
        assertEquals(2, notImplementedLines(cli.stderr()).size(), cli.stderr());
    }

    @Test
    void theLogFileOfConfigTestGetsThem() throws Exception {
        Path log = dir.resolve("check.log");
        assertEquals(0, cli.run("-t" + log, "-f", config("").toString()), cli.stderr());
        assertEquals(2, notImplementedLines(Files.readString(log)).size(), Files.readString(log));
        assertTrue(notImplementedLines(cli.stderr()).isEmpty(), cli.stderr());
    }
}
