package io.javakeepalived.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.daemon.model.ConfigMapping;
import io.javakeepalived.daemon.model.StaticPlan;
import io.javakeepalived.net.InterfaceAddress;
import io.javakeepalived.net.LinkInfo;
import io.javakeepalived.testsupport.ConfigFixture;
import io.javakeepalived.testsupport.fakenet.FakeRtnetlink;

import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.helpers.NOPLogger;

/** The static addresses, routes and rules over a daemon's life, on an in-memory kernel. */
class StaticSetupTest {
    private final Map<String, LinkInfo> links = new LinkedHashMap<>();
    private final FakeRtnetlink kernel;

    StaticSetupTest() {
        links.put("eth0", new LinkInfo(2, "eth0", LinkInfo.IFF_UP, LinkInfo.OPER_UP, true, new byte[6], 1500, null, 0,
                0));
        kernel = new FakeRtnetlink(List.copyOf(links.values()));
    }

    private static StaticPlan statics(String text) {
        return ConfigMapping.plan(ConfigFixture.model(ConfigFixture.load0(text + ConfigFixture.instance("VI_1"))))
                .statics();
    }

    private StaticSetup setup(StaticPlan p) {
        return new StaticSetup(p, new VipInstaller(kernel, links, NOPLogger.NOP_LOGGER),
                new RoutingRequests(kernel, NOPLogger.NOP_LOGGER), links, NOPLogger.NOP_LOGGER);
    }

    private static final String ONE = """
            static_ipaddress {
                10.0.0.200/24 dev eth0
                10.0.0.201/24 dev eth0 no_track
            }
            static_routes {
                10.7.0.0/16 via 10.0.0.1 dev eth0
            }
            """;

    @Test
    void startInstallsStopRemovesEverything() throws Exception {
        StaticSetup s = setup(statics(ONE));
        s.start();
        assertEquals(List.of("+addr 10.0.0.200/24", "+addr 10.0.0.201/24",
                "+route 10.7.0.0/16 via 10.0.0.1 dev eth0 proto 18"), kernel.journal());
        s.stop();
        assertEquals(List.of(), kernel.ourAddresses());
        assertEquals(List.of(), kernel.ourRoutes());
    }

    @Test
    void aReloadTouchesOnlyWhatChanged() throws Exception {
        StaticSetup s = setup(statics(ONE));
        s.start();
        int before = kernel.journal().size();
        s.reload(statics("""
                static_ipaddress {
                    10.0.0.200/24 dev eth0
                }
                static_routes {
                    10.7.0.0/16 via 10.0.0.1 dev eth0
                    10.8.0.0/16 via 10.0.0.1 dev eth0
                }
                """));
        List<String> j = kernel.journal();
        assertEquals(List.of("-addr 10.0.0.201/24", "+route 10.8.0.0/16 via 10.0.0.1 dev eth0 proto 18"),
                j.subList(before, j.size()));
    }

    @Test
    void aDeletedStaticAddressIsPutBackUnlessNoTrack() throws Exception {
        StaticSetup s = setup(statics(ONE));
        s.start();
        InterfaceAddress tracked = InterfaceAddress.vip(2, InetAddress.getByName("10.0.0.200"), 24);
        InterfaceAddress untracked = InterfaceAddress.vip(2, InetAddress.getByName("10.0.0.201"), 24);
        kernel.deleteAddress(tracked);
        kernel.deleteAddress(untracked);
        s.addressDeleted(tracked);
        s.addressDeleted(untracked);
        List<String> j = kernel.journal();
        assertEquals("+addr 10.0.0.200/24", j.get(j.size() - 1));
        assertEquals(1, kernel.ourAddresses().size());
        assertTrue(s.isStatic(tracked) && s.isStatic(untracked));
    }
}
