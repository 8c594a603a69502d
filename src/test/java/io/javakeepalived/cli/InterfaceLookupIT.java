package io.javakeepalived.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.testsupport.netns.DaemonLab;
import io.javakeepalived.testsupport.netns.NetnsLab.Node;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The configuration is checked against the interfaces of the network namespace the daemon runs
 * in, also when it was entered with {@code nsenter --net} (setns), which leaves /sys showing the
 * host's: {@code ip netns exec}, which the other tests use, remounts /sys and hid the difference.
 */
class InterfaceLookupIT {
    @TempDir
    Path dir;

    @AutoClose // removes its namespaces
    private DaemonLab dl;
    private Node a;
    private String only;

    @BeforeEach
    void setUp() throws Exception {
        dl = DaemonLab.create(dir, "a");
        a = dl.node("a");
        only = "jk" + ProcessHandle.current().pid() % 100_000; // in the namespace, not on the host
        dl.ip(a, "link", "add", only, "type", "veth", "peer", "name", only + "p");
        assertTrue(dl.ip(a, "-o", "link", "show").contains(" " + only + "@"), "the namespace's own interface");
        assertFalse(Files.exists(Path.of("/sys/class/net", only)), "not on the host");
    }

    @Test
    void configCheckUnderNsenterFindsTheNamespacesInterfaces() throws Exception {
        Path conf = Files.writeString(dir.resolve("k.conf"), """
                vrrp_instance VI_1 {
                    interface %s
                    virtual_router_id 51
                    priority 100
                    check_unicast_src
                    unicast_peer {
                        10.213.0.2
                    }
                    virtual_ipaddress {
                        10.213.0.100/24
                    }
                }
                """.formatted(only));
        List<String> cmd = new ArrayList<>(List.of("nsenter", "--net=/run/netns/" + a.ns()));
        cmd.addAll(DaemonLab.jarCommand("-t", "-f", conf.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "-t ends");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        // /sys/class/net would answer for the host: "WARNING - interface jkN for vrrp_instance VI_1
        // doesn't exist", "Non-existent interface specified in configuration", status 5
        assertFalse(out.contains("doesn't exist"), out);
        assertEquals(0, p.exitValue(), out);
    }
}
