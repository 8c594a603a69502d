package io.javakeepalived.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.testsupport.netns.NetnsLab;
import io.javakeepalived.testsupport.netns.NetnsLab.Node;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Route and rule requests against a real kernel, checked with {@code ip route} / {@code ip rule}. */
class RoutesIT {
    @AutoClose // deletes the namespaces
    private NetnsLab lab;
    private Node a;

    @BeforeEach
    void setUp() throws Exception {
        lab = NetnsLab.create("a");
        a = lab.node("a");
    }

    private String ip(String... args) throws Exception {
        return lab.ip(a.ns(), args).output();
    }

    private static IpRoute.Prefix prefix(String addr, int len) throws Exception {
        return new IpRoute.Prefix(InetAddress.getByName(addr), len);
    }

    @Test
    void addsListsAndDeletesRoutesOfBothFamiliesMarkedKeepalived() throws Exception {
        try (Rtnetlink nl = lab.call(a, Rtnetlink::open)) {
            InetAddress gw = InetAddress.getByName("10.213.0.254");
            IpRoute via = new IpRoute(false, IpRoute.RTN_UNICAST, 100, IpRoute.PROTO_KEEPALIVED,
                    IpRoute.SCOPE_UNIVERSE, prefix("10.99.0.0", 16), null, 0, 5, gw, null, "eth0", 0, 0,
                    Map.of(IpRoute.RTAX_MTU, 1400L, IpRoute.RTAX_LOCK, 1L << IpRoute.RTAX_MTU), null, -1, -1, -1,
                    List.of(), IpRoute.Placement.PREPEND);
            IpRoute blackhole = new IpRoute(false, IpRoute.RTN_BLACKHOLE, 1000, IpRoute.PROTO_KEEPALIVED,
                    IpRoute.SCOPE_UNIVERSE, prefix("192.0.2.0", 24), null, 0, -1, null, null, null, 0, 0, Map.of(),
                    null, -1, -1, -1, List.of(), IpRoute.Placement.PREPEND);
            IpRoute v6 = new IpRoute(true, IpRoute.RTN_UNICAST, 100, IpRoute.PROTO_KEEPALIVED,
                    IpRoute.SCOPE_UNIVERSE, prefix("fd99::", 64), null, 0, 10, InetAddress.getByName("fd13::fe"),
                    null, "eth0", 0, 0, Map.of(), null, -1, -1, -1, List.of(), IpRoute.Placement.PREPEND);
            nl.addRoute(via);
            nl.addRoute(blackhole);
            nl.addRoute(v6);

            // filtered by protocol 18, ip leaves the protocol out of each line
            String t100 = ip("route", "show", "table", "100", "proto", "18");
            assertTrue(t100.contains("10.99.0.0/16 via 10.213.0.254 dev eth0 metric 5 mtu lock 1400"), t100);
            String t1000 = ip("route", "show", "table", "1000");
            assertTrue(t1000.contains("blackhole 192.0.2.0/24 proto keepalived"), t1000);
            String t100v6 = ip("-6", "route", "show", "table", "100");
            assertTrue(t100v6.contains("fd99::/64 via fd13::fe dev eth0 proto keepalived metric 10"), t100v6);

            List<IpRoute> ours = nl.ourRoutes();
            assertEquals(3, ours.size(), ours.toString());
            assertTrue(ours.stream().anyMatch(r -> r.destination().equals(via.destination()) && r.table() == 100
                    && "eth0".equals(r.device()) && r.metric() == 5), ours.toString());

            ErrnoException dup = assertThrows(ErrnoException.class, () -> nl.addRoute(via));
            assertTrue(dup.alreadyExists(), dup.getMessage());
            // what a dump reports is enough to delete it (a restart's stale cleanup)
            for (IpRoute r : ours) {
                nl.deleteRoute(r);
            }
            assertEquals(List.of(), nl.ourRoutes());
            ErrnoException gone = assertThrows(ErrnoException.class, () -> nl.deleteRoute(via));
            assertTrue(gone.targetMissing(), gone.getMessage());
            assertFalse(ip("route", "show", "table", "all").contains("proto keepalived"));
        }
    }

    @Test
    void addsListsAndDeletesRulesMarkedKeepalived() throws Exception {
        try (Rtnetlink nl = lab.call(a, Rtnetlink::open)) {
            IpRule fromSubnet = new IpRule(false, IpRule.ACTION_TABLE, 100, 100, prefix("10.213.0.0", 24), null,
                    false, 0, -1, -1, 0, -1, -1, null, null, -1, IpRoute.PROTO_KEEPALIVED, false, 0, null, -1, null,
                    null);
            IpRule marked = new IpRule(true, IpRule.ACTION_TABLE, 1000, 16384, null, null, false, 0, 0x10, 0xff, 0,
                    -1, -1, "eth0", null, -1, IpRoute.PROTO_KEEPALIVED, false, 0, null, -1, null, null);
            nl.addRule(fromSubnet);
            nl.addRule(marked);
            String v4 = ip("rule", "show");
            assertTrue(v4.contains("100:\tfrom 10.213.0.0/24 lookup 100 proto keepalived"), v4);
            String v6 = ip("-6", "rule", "show");
            assertTrue(v6.contains("16384:\tfrom all fwmark 0x10/0xff iif eth0 lookup 1000 proto keepalived"), v6);

            List<IpRule> ours = nl.ourRules();
            assertEquals(2, ours.size(), ours.toString());
            for (IpRule r : ours) {
                nl.deleteRule(r);
            }
            assertEquals(List.of(), nl.ourRules());
            assertFalse(ip("rule", "show").contains("keepalived"));
        }
    }
}
