package io.javakeepalived.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.config.ExitCodes;
import io.javakeepalived.testsupport.netns.DaemonLab;
import io.javakeepalived.testsupport.netns.DaemonLab.Daemon;
import io.javakeepalived.testsupport.netns.NetnsLab.Node;

import java.nio.file.Path;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daemon as operators run it, when what it is given or what it meets goes wrong (issue 13). */
class HardeningIT {
    @TempDir
    Path dir;

    @AutoClose // stops every process it started, by pid
    private DaemonLab dl;
    private Node a;

    @BeforeEach
    void setUp() throws Exception {
        dl = DaemonLab.create(dir, "a");
        a = dl.node("a");
    }

    @Test
    void aRestartWithAConfigurationThatCannotRunStillRemovesTheVipsLeftBehind() throws Exception {
        Daemon first = dl.start(a, DaemonLab.vrrpInstance("VI_1", 51, 100, "    state MASTER\n", "10.213.0.100/24"));
        first.awaitLogged("(VI_1) Entering MASTER STATE", 8_000);
        DaemonLab.await("VIP up", 3_000, () -> dl.hasAddress(a, "10.213.0.100/24"), first);
        first.kill9();
        assertTrue(dl.hasAddress(a, "10.213.0.100/24"), "kill -9 leaves the VIP behind");

        String broken = DaemonLab.vrrpInstance("VI_1", 51, 100, "", "10.213.0.100/24").replace("eth0", "nosuch0");
        Daemon second = dl.start(a, broken);
        assertEquals(ExitCodes.CANNOT_RUN, second.awaitExit(20));
        assertTrue(second.logged("Removed stale virtual address 10.213.0.100/24 dev eth0 left by an earlier run"),
                second::output);
        assertFalse(dl.hasAddress(a, "10.213.0.100/24"), "a node that cannot run must not answer for the VIP");
    }
}
