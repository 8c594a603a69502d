package io.javakeepalived.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.javakeepalived.daemon.model.ConfigMapping;
import io.javakeepalived.daemon.model.InstancePlan;
import io.javakeepalived.net.LinkInfo;
import io.javakeepalived.testsupport.ConfigFixture;
import io.javakeepalived.testsupport.fakenet.FakeNetwork;
import io.javakeepalived.testsupport.fakenet.FakeRtnetlink;
import io.javakeepalived.vrrp.Event;
import io.javakeepalived.vrrp.VrrpInstance;
import io.javakeepalived.vrrp.VrrpState;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Where virtual routes and rules go in the kernel's request stream, as keepalived orders them:
 * VIPs, then routes, then rules on entering MASTER; rules, routes, then VIPs on leaving it. Unlike
 * keepalived, a master that stops withdraws its routes before it sends priority 0.
 */
class VirtualRoutesOrderTest {
    private static final String ROUTES = """
                virtual_routes {
                    10.9.0.0/16 via 10.0.0.1 dev eth0 table 100
                }
                virtual_rules {
                    from 10.0.0.100 table 100 preference 100
                }
            """;
    private static final List<String> UP = List.of("+addr 10.0.0.100/24",
            "+route 10.9.0.0/16 via 10.0.0.1 dev eth0 table 100 proto 18", "+rule 100: from 10.0.0.100 lookup 100 proto 18");
    private static final List<String> DOWN = List.of("-rule 100: from 10.0.0.100 lookup 100 proto 18",
            "-route 10.9.0.0/16 via 10.0.0.1 dev eth0 table 100 proto 18", "-addr 10.0.0.100/24");

    /** One node's executor on an in-memory kernel, with VI_1 configured with or without a VIP. */
    private static final class Node {
        final FakeRtnetlink kernel;
        final ExecutorRig rig;
        final VrrpInstance vi;
        /** Per advert sent: its priority and how many kernel requests preceded it. */
        final List<int[]> adverts = new ArrayList<>();
        long now = 1_000_000_000L;

        Node(boolean withVips) throws Exception {
            Map<String, LinkInfo> links = new LinkedHashMap<>();
            links.put("eth0", new LinkInfo(2, "eth0", LinkInfo.IFF_UP | LinkInfo.IFF_RUNNING | LinkInfo.IFF_LOWER_UP,
                    LinkInfo.OPER_UP, true, new byte[] {2, 0, 0, 0, 0, 2}, 1500, null, 0, 0));
            kernel = new FakeRtnetlink(List.copyOf(links.values()));
            String vips = withVips ? "virtual_ipaddress {\n 10.0.0.100/24\n }\n" : "";
            String conf = "vrrp_instance VI_1 {\n interface eth0\n virtual_router_id 51\n" + vips + ROUTES + "}\n";
            List<InstancePlan> plans = new ArrayList<>();
            for (InstancePlan p : ConfigMapping.plan(ConfigFixture.model(ConfigFixture.load0(conf))).instances()) {
                plans.add(p.withPrimaryAddress(InetAddress.getByName("10.0.0.2")));
            }
            rig = new ExecutorRig(plans, kernel, new FakeNetwork(kernel,
                    d -> adverts.add(new int[] {d.bytes()[2] & 0xff, kernel.journal().size()})), links, () -> now);
            vi = rig.instances().get("VI_1");
        }

        void becomeMaster() {
            rig.deliver(vi, new Event.Startup(), now);
            now += 10_000_000_000L;
            while (rig.fireNext(now) != null) {
                // the master-down timer, then whatever it armed that is due
            }
            assertEquals(VrrpState.MASTER, vi.state());
        }

        void deliver(Event e) {
            rig.deliver(vi, e, now);
        }

        /** The journal from entry {@code from} on. */
        List<String> journalFrom(int from) {
            List<String> j = kernel.journal();
            return j.subList(from, j.size());
        }
    }

    private final Node node = new Node(true);

    VirtualRoutesOrderTest() throws Exception {
    }

    @Test
    void enteringMasterAddsTheVipsThenRoutesThenRules() {
        node.becomeMaster();
        assertEquals(UP, node.kernel.journal());
    }

    @Test
    void leavingMasterRemovesRulesThenRoutesThenTheVips() {
        node.becomeMaster();
        node.deliver(new Event.InterfaceDown("eth0"));
        assertEquals(VrrpState.FAULT, node.vi.state());
        assertEquals(DOWN, node.journalFrom(UP.size()));
    }

    @Test
    void stoppingAMasterRemovesThemInTheSameOrder() {
        node.becomeMaster();
        node.deliver(new Event.Shutdown());
        assertEquals(DOWN, node.journalFrom(UP.size()));
        assertEquals(List.of(), node.kernel.ourRoutes());
        assertEquals(List.of(), node.kernel.ourRules());
    }

    @Test
    void aStoppingMasterWithdrawsItsRoutesBeforeItSendsPriorityZero() {
        node.becomeMaster();
        node.adverts.clear();
        node.deliver(new Event.Shutdown());
        int[] zero = node.adverts.stream().filter(a -> a[0] == 0).findFirst().orElseThrow();
        // a routing daemon stops announcing this node before the backup starts to take over
        assertEquals(DOWN.subList(0, 2), node.kernel.journal().subList(UP.size(), zero[1]));
    }

    @Test
    void aBackupInstallsNothing() {
        node.deliver(new Event.Startup());
        assertEquals(VrrpState.BACKUP, node.vi.state());
        assertEquals(List.of(), node.kernel.journal());
    }

    @Test
    void anInstanceWithoutVipsStillGetsItsRoutesAsMaster() throws Exception {
        Node noVips = new Node(false);
        noVips.becomeMaster();
        assertEquals(UP.subList(1, 3), noVips.kernel.journal());
        noVips.deliver(new Event.InterfaceDown("eth0"));
        assertEquals(DOWN.subList(0, 2), noVips.journalFrom(2));
    }
}
