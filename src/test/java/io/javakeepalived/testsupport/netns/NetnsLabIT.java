package io.javakeepalived.testsupport.netns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The harness itself: isolation, teardown, stale clean-up. */
class NetnsLabIT {
    @Test
    void nodesHangOffTheBridgeAndTeardownRemovesEverything() throws Exception {
        NetnsLab lab = NetnsLab.create();
        NetnsLab.Node a;
        NetnsLab.Background sleeper;
        try {
            a = lab.addNode("a");
            NetnsLab.Node b = lab.addNode("b");
            assertEquals("10.213.0.1", a.ipv4());
            assertEquals("fd13::2", b.ipv6());
            String addrs = lab.ip(a.ns(), "-o", "addr", "show", "dev", "eth0").output();
            assertTrue(addrs.contains("inet 10.213.0.1/24") && addrs.contains("inet6 fd13::1/64"), addrs);
            String port = lab.ip(lab.bridgeNamespace(), "-o", "link", "show", lab.bridgePort(b)).output();
            assertTrue(port.contains("master br0") && port.contains("state UP"), port);
            sleeper = lab.start(a.ns(), "sleep", "60");
            assertTrue(sleeper.process().isAlive());
        } finally {
            lab.close();
        }
        assertFalse(sleeper.process().isAlive(), "background process stopped by pid");
        assertFalse(Files.exists(Path.of("/var/run/netns", a.ns())), "namespace deleted");
        assertFalse(Files.exists(Path.of("/var/run/netns", lab.bridgeNamespace())), "bridge namespace deleted");
        lab.close();  // idempotent
    }

    @Test
    void namespacesOfDeadTestJvmsAreDeleted() throws Exception {
        NetnsLab.requireRoot();
        // pid above any pid_max: certainly not running
        String stale = "jkl4194399x1-a";
        NetnsLab.run(List.of("ip", "netns", "add", stale), Duration.ofSeconds(10)).requireSuccess("ip netns add");
        try (NetnsLab lab = NetnsLab.create()) {
            assertFalse(Files.exists(Path.of("/var/run/netns", stale)), "reaped by " + lab.bridgeNamespace());
        } finally {
            NetnsLab.run(List.of("ip", "netns", "delete", stale), Duration.ofSeconds(10));
        }
    }
}
