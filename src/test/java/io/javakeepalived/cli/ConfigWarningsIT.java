package io.javakeepalived.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.testsupport.netns.DaemonLab;
import io.javakeepalived.testsupport.netns.DaemonLab.Daemon;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped jar logs the configuration warnings with FILE:LINE at start (judged against the
 * node's real interfaces, inside its network namespace) and again after a SIGHUP, including one
 * the new file brings.
 */
class ConfigWarningsIT {

    /** Node a is 10.213.0.1: a unicast_peer of itself, on line 6. */
    private static String peerIsThisNode(String before) {
        return before + DaemonLab.vrrpInstance("VI_1", 51, 100,
                "    unicast_peer {\n        10.213.0.1\n    }\n", "10.213.0.100/24");
    }

    @Test
    void warningsAreLoggedAtStartAndOnReload(@TempDir Path dir) throws Exception {
        try (DaemonLab dl = DaemonLab.create(dir, "a")) { // close() stops what it started, by pid
            warnedAtStartAndOnReload(dl);
        }
    }

    private static void warnedAtStartAndOnReload(DaemonLab dl) throws Exception {
        Daemon d = dl.start(dl.node("a"), peerIsThisNode(""));
        Path conf = dl.file("a.conf");
        String peerWarning = conf + ":6: WARNING: (VI_1) unicast_peer 10.213.0.1 is this node's own address";
        DaemonLab.await("the unicast_peer warning at start", 15_000,
                () -> d.output().contains(peerWarning), d);
        d.awaitLogged("(VI_1) Entering BACKUP STATE (init)", 15_000);

        // the new file adds a vrrp_script nobody tracks, on line 1
        Files.writeString(conf, peerIsThisNode("vrrp_script chk {\n    script \"/bin/true\"\n}\n"));
        d.signal("HUP");
        String untracked = conf + ":1: WARNING: vrrp_script chk is not tracked by any vrrp_instance";
        DaemonLab.await("the new warning after SIGHUP", 15_000, () -> d.output().contains(untracked), d);
        String shifted = conf + ":9: WARNING: (VI_1) unicast_peer 10.213.0.1";
        DaemonLab.await("the old warning, moved down, after SIGHUP", 5_000, () -> d.output().contains(shifted), d);
        assertTrue(d.isAlive(), d.output());
        assertEquals(1, d.linesContaining(untracked).size(), d.output());
    }
}
