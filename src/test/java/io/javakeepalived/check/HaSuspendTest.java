package io.javakeepalived.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.config.model.KeepalivedConfig;
import io.javakeepalived.config.model.VirtualServerGroup;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * ha_suspend as an operator sees it: while the virtual server's address is not on the host (this
 * node is not the MASTER that holds the VIP) its real servers are not checked and stay as they
 * stood; when the address comes the checks resume, when it goes they stop again.
 */
class HaSuspendTest {
    private static final String RS = "[10.0.0.2]:tcp:80";
    private static final String VS = "[10.0.0.1]:tcp:80";

    private final FakeCheckHost host = new FakeCheckHost();
    private final ScriptedServers servers = new ScriptedServers();
    private final CheckEngine engine = new CheckEngine(host, host, host, warmup -> 0);

    private static KeepalivedConfig config(String vsExtra) {
        return CheckConfigs.load("""
                virtual_server 10.0.0.1 80 {
                    protocol TCP
                    delay_loop 10
                """ + vsExtra + """
                    real_server 10.0.0.2 80 {
                        TCP_CHECK { retry 0 }
                    }
                }
                """);
    }

    private static InetAddress ip(String a) throws Exception {
        return InetAddress.getByName(a);
    }

    @Test
    void checksRunOnlyWhileTheAddressIsOnTheHost() throws Exception {
        servers.down("10.0.0.2:80");
        engine.hostAddresses(Set.of(ip("192.168.0.5")));
        engine.start(config("ha_suspend\n"), servers);
        host.advanceTo(30_000);
        assertEquals(List.of("0 Deactivating healthchecker for service " + RS + " for VS " + VS),
                host.matching("healthchecker"));
        assertEquals(List.of(), host.matching("TCP"), "no check while suspended: the dead server is not seen");
        assertEquals(List.of(), host.matching("Removing"));

        engine.hostAddresses(Set.of(ip("192.168.0.5"), ip("10.0.0.1"))); // the VIP arrives: we are MASTER
        host.advanceTo(31_000);
        assertEquals("30000 Activating healthchecker for service " + RS + " for VS " + VS,
                host.matching("healthchecker").get(1));
        assertEquals(List.of("31000 Removing service " + RS + " from VS " + VS), host.matching("Removing"),
                "the next turn (on the delay_loop grid) checks again");

        engine.hostAddresses(Set.of(ip("192.168.0.5")));
        servers.up("10.0.0.2:80");
        host.advanceTo(80_000);
        assertEquals("31000 Suspending healthchecker for service " + RS + " for VS " + VS,
                host.matching("healthchecker").get(2));
        assertEquals(List.of(), host.matching("Adding"), "suspended again: it stays as it stood");
    }

    @Test
    void withoutHaSuspendTheAddressDoesNotMatter() throws Exception {
        servers.down("10.0.0.2:80");
        engine.hostAddresses(Set.of());
        engine.start(config(""), servers);
        host.advanceTo(1_000);
        assertEquals(List.of("1000 Removing service " + RS + " from VS " + VS), host.matching("Removing"));
    }

    @Test
    void aGroupMatchesTheAddressesOfItsRanges() throws Exception {
        KeepalivedConfig c = CheckConfigs.load("""
                virtual_server_group G {
                    10.0.0.10-20 80
                }
                virtual_server_group G6 {
                    fd00::1:5-9 80
                }
                virtual_server group G {
                    protocol TCP
                    ha_suspend
                    real_server 10.0.1.1 80 {
                    }
                }
                virtual_server group G6 {
                    protocol TCP
                    ha_suspend
                    real_server fd00::2:1 80 {
                    }
                }
                """);
        Map<String, VirtualServerGroup> groups = Map.of("G", c.virtualServerGroups().get(0), "G6",
                c.virtualServerGroups().get(1));
        var v4 = c.virtualServers().get(0);
        var v6 = c.virtualServers().get(1);
        assertTrue(HaSuspend.active(v4, groups, Set.of(ip("10.0.0.15"))));
        assertTrue(HaSuspend.active(v6, groups, Set.of(ip("fd00::1:9"))));
        assertFalse(HaSuspend.active(v4, groups, Set.of(ip("10.0.0.21"), ip("10.0.1.15"), ip("fd00::1:5"))));
        assertFalse(HaSuspend.active(v6, groups, Set.of(ip("fd00::2:5"), ip("10.0.0.15"))));
        assertFalse(HaSuspend.active(v4, groups, null), "not known yet: suspended");
    }
}
