package io.javakeepalived.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.config.ExitCodes;
import io.javakeepalived.testsupport.netns.DaemonLab;
import io.javakeepalived.testsupport.netns.DaemonLab.Daemon;
import io.javakeepalived.testsupport.netns.NetnsLab.Node;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

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
        DaemonLab.await("VIP up", 5_000, () -> dl.hasAddress(a, "10.213.0.100/24"), first);
        first.kill9();
        assertTrue(dl.hasAddress(a, "10.213.0.100/24"), "kill -9 leaves the VIP behind");

        String broken = DaemonLab.vrrpInstance("VI_1", 51, 100, "", "10.213.0.100/24").replace("eth0", "nosuch0");
        Daemon second = dl.start(a, broken);
        assertEquals(ExitCodes.CANNOT_RUN, second.awaitExit(20));
        assertTrue(second.logged("Removed stale virtual address 10.213.0.100/24 dev eth0 left by an earlier run"),
                second::output);
        assertFalse(dl.hasAddress(a, "10.213.0.100/24"), "a node that cannot run must not answer for the VIP");
    }

    @Test
    void asPidOneOfAContainerItCollectsTheZombiesOfOrphanedHookChildren() throws Exception {
        // the hook leaves a child behind; once the hook exits, the child is the daemon's (PID 1)
        Path orphanPid = dir.resolve("orphan.pid");
        Path hook = Files.writeString(dir.resolve("leave-a-child.sh"),
                "#!/bin/sh\nsleep 3 &\necho $! > " + orphanPid + "\nexit 0\n"); // long enough to be seen adopted
        Files.setPosixFilePermissions(hook, PosixFilePermissions.fromString("rwxr-xr-x"));
        List<String> asPidOne = new ArrayList<>(List.of("unshare", "--pid", "--fork", "--kill-child"));
        asPidOne.addAll(DaemonLab.jarCommand("-n", "-l", "-D"));
        Daemon d = dl.start(a, "a", DaemonLab.vrrpInstance("VI_1", 51, 100,
                "    state MASTER\n    notify_master " + hook + "\n", "10.213.0.100/24"), asPidOne);
        d.awaitLogged("Running as PID 1 or a child subreaper - collecting orphaned processes", 10_000);
        d.awaitLogged("(VI_1) Entering MASTER STATE", 10_000);
        long daemon = childrenOf(d.pid()).get(0); // unshare's only child
        DaemonLab.await("the hook's pid file", 5_000, () -> Files.exists(orphanPid), d);
        String inNamespace = Files.readString(orphanPid).strip();
        DaemonLab.await("the orphan adopted by the daemon", 5_000,
                () -> namespacePids(childrenOf(daemon)).contains(inNamespace), d);
        DaemonLab.await("the orphan's zombie collected", 10_000,
                () -> !namespacePids(childrenOf(daemon)).contains(inNamespace), d);
    }

    /** The children of {@code pid}, every thread's (host pids). */
    private static List<Long> childrenOf(long pid) {
        List<Long> out = new ArrayList<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/" + pid + "/task"))) {
            for (Path t : tasks) {
                for (String c : Files.readString(t.resolve("children")).trim().split(" +")) {
                    if (!c.isEmpty()) {
                        out.add(Long.parseLong(c));
                    }
                }
            }
        } catch (IOException e) {
            return out;
        }
        return out;
    }

    /** Each process's pid in its innermost pid namespace (NSpid's last field). */
    private static List<String> namespacePids(List<Long> hostPids) {
        List<String> out = new ArrayList<>();
        for (long p : hostPids) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/" + p + "/status"))) {
                    if (line.startsWith("NSpid:")) {
                        String[] f = line.split("\\s+");
                        out.add(f[f.length - 1]);
                    }
                }
            } catch (IOException e) {
                // gone meanwhile
            }
        }
        return out;
    }
}
