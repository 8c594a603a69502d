package io.javakeepalived.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.daemon.model.ConfigMapping;
import io.javakeepalived.daemon.model.RoutingPlan;
import io.javakeepalived.net.InterfaceAddress;
import io.javakeepalived.net.LinkInfo;
import io.javakeepalived.testsupport.CapturedLogger;
import io.javakeepalived.testsupport.ConfigFixture;
import io.javakeepalived.testsupport.fakenet.FakeNetwork;
import io.javakeepalived.testsupport.fakenet.FakeRtnetlink;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a killed predecessor left is removed when the configuration cannot be loaded: its VIP and
 * also the table route a routing daemon (FRR) would go on announcing for this node.
 */
class StaleAddressesTest {
    private final FakeRtnetlink kernel = new FakeRtnetlink(List.of(new LinkInfo(1, "lo",
            LinkInfo.IFF_UP | LinkInfo.IFF_RUNNING, LinkInfo.OPER_UP, true, new byte[6], 65536, null, 0, 0)));
    private final CapturedLogger log = new CapturedLogger("stale");

    @Test
    void theRoutesGoBeforeTheAddressesAndEachIsLogged() throws Exception {
        RoutingPlan left = ConfigMapping.plan(ConfigFixture.model(ConfigFixture.load0("""
                vrrp_instance VI_BGP {
                    interface eth0
                    virtual_router_id 81
                    virtual_routes {
                        203.0.113.10/32 dev lo table 100
                    }
                    virtual_rules {
                        from 203.0.113.10 table 100 preference 100
                    }
                }
                """))).instances().get(0).kernel().routing();
        new RoutingRequests(kernel, log.logger()).add("(VI_BGP)", left);
        kernel.addAddress(InterfaceAddress.vip(1, InetAddress.getByName("203.0.113.10"), 31));
        int before = kernel.journal().size();

        StaleAddresses.remove(new FakeNetwork(kernel, d -> { }), log.logger());

        assertEquals(List.of("-rule 100: from 203.0.113.10 lookup 100 proto 18",
                "-route 203.0.113.10/32 dev lo table 100 proto 18", "-addr 203.0.113.10/31"),
                kernel.journal().subList(before, kernel.journal().size()));
        assertEquals(List.of(), kernel.ourRoutes());
        List<String> lines = log.messages();
        assertTrue(lines.contains("Removed stale route 203.0.113.10/32 dev lo table 100 proto 18 left by an earlier run"),
                lines.toString());
        assertTrue(lines.contains("Removed stale virtual address 203.0.113.10/31 dev lo left by an earlier run"),
                lines.toString());
    }
}
