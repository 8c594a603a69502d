package io.javakeepalived.daemon.model;

import static io.javakeepalived.testsupport.ConfigFixture.instance;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.net.IpRoute;
import io.javakeepalived.net.IpRule;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** virtual_routes / virtual_rules and static_* lines to what the kernel gets, as keepalived sends them. */
class RoutingMappingTest {

    private static RoutingPlan virtual(String... lines) {
        String block = String.join("\n", lines);
        return ConfigMappingTest.only(instance("VI_1", block)).kernel().routing();
    }

    private static IpRoute route(String line) {
        RoutingPlan p = virtual("virtual_routes {", line, "}");
        assertEquals(1, p.routes().size(), () -> "no route for " + line);
        return p.routes().get(0);
    }

    private static IpRule rule(String line) {
        RoutingPlan p = virtual("virtual_rules {", line, "}");
        assertEquals(1, p.rules().size(), () -> "no rule for " + line);
        return p.rules().get(0);
    }

    @Test
    void aRouteDefaultsToMainTableUniverseScopeUnicastAndProtocol18() {
        IpRoute r = route("10.1.0.0/16 via 10.0.0.1 dev eth0");
        assertEquals("10.1.0.0/16 via 10.0.0.1 dev eth0 proto 18", r.toString());
        assertEquals(IpRoute.TABLE_MAIN, r.table());
        assertEquals(IpRoute.SCOPE_UNIVERSE, r.scope());
        assertEquals(IpRoute.RTN_UNICAST, r.type());
        assertEquals(IpRoute.Placement.PREPEND, r.placement());
    }

    @Test
    void everyCommonOptionReachesTheRoute() {
        IpRoute r = route("to 10.2.0.0/24 via 10.0.0.1 dev eth0 table 100 metric 7 src 10.0.0.100 scope link"
                + " onlink mtu lock 1400 advmss 1360 rtt 2s rttvar 100ms rto_min 50ms initcwnd 10 congctl cubic"
                + " tos 0x10 realms 3/4 append");
        assertEquals(100, r.table());
        assertEquals(7, r.metric());
        assertEquals("10.0.0.100", r.preferredSource().getHostAddress());
        assertEquals(Scopes.LINK, r.scope());
        assertEquals(IpRoute.RTNH_F_ONLINK, r.flags());
        assertEquals(0x10, r.tos());
        assertEquals(3 << 16 | 4, r.realms());
        assertEquals("cubic", r.congestionControl());
        assertEquals(IpRoute.Placement.APPEND, r.placement());
        assertEquals(Map.of(IpRoute.RTAX_MTU, 1400L, IpRoute.RTAX_ADVMSS, 1360L, IpRoute.RTAX_RTT, 16000L,
                IpRoute.RTAX_RTTVAR, 400L, IpRoute.RTAX_RTO_MIN, 50L, IpRoute.RTAX_INITCWND, 10L,
                IpRoute.RTAX_LOCK, 1L << IpRoute.RTAX_MTU), r.metrics(), "rtt in 1/8 ms, rttvar in 1/4 ms");
    }

    @Test
    void typedRoutesNeedNoDevice() {
        assertEquals(IpRoute.RTN_BLACKHOLE, route("blackhole 192.0.2.0/24 table 1000").type());
        assertEquals(IpRoute.RTN_UNREACHABLE, route("unreachable 192.0.2.0/24").type());
        assertEquals(IpRoute.RTN_PROHIBIT, route("prohibit 192.0.2.0/24").type());
        assertEquals(IpRoute.RTN_THROW, route("throw 192.0.2.0/24 table 100").type());
        assertEquals(1000, route("blackhole 192.0.2.0/24 table 1000").table());
    }

    @Test
    void ipv6RoutesDefaultRouteAndNexthops() {
        IpRoute d = route("default via fd13::1 dev eth0 pref high");
        assertTrue(d.ipv6());
        assertEquals(0, d.destination().length());
        assertEquals(1, d.pref());
        IpRoute m = route("10.3.0.0/16 nexthop via 10.0.0.1 dev eth0 weight 2 nexthop via 10.0.0.2 dev eth1");
        assertEquals(List.of(new IpRoute.Nexthop(ConfigMappingTest.ip("10.0.0.1"), "eth0", 2, 0, 0),
                new IpRoute.Nexthop(ConfigMappingTest.ip("10.0.0.2"), "eth1", 1, 0, 0)), m.nexthops());
    }

    @Test
    void aTrackedRouteKeepsProtocol18AnUntrackedOneItsOwn() {
        assertEquals(IpRoute.PROTO_KEEPALIVED, route("10.4.0.0/16 dev eth0 protocol bgp").protocol());
        assertEquals(186, route("10.4.0.0/16 dev eth0 protocol bgp no_track").protocol());
    }

    @Test
    void rulesTableGotoAndActions() {
        IpRule t = rule("from 10.0.0.0/24 table 100 preference 100");
        assertEquals("100: from 10.0.0.0/24 lookup 100 proto 18", t.toString());
        IpRule g = rule("from all preference 50 goto 100");
        assertEquals(IpRule.ACTION_GOTO, g.action());
        assertEquals(100, g.gotoTarget());
        assertEquals(IpRule.ACTION_BLACKHOLE, rule("to 192.0.2.0/24 preference 10 blackhole").action());
        assertEquals(IpRule.ACTION_PROHIBIT, rule("to 192.0.2.0/24 preference 10 type prohibit").action());
        IpRule m = rule("not fwmark 0x10/0xff iif eth0 oif eth1 lookup main preference 7 sport 1000-2000");
        assertTrue(m.invert());
        assertEquals(0x10, m.fwmark());
        assertEquals(0xff, m.fwmask());
        assertEquals("eth0", m.inputInterface());
        assertEquals("eth1", m.outputInterface());
        assertEquals(IpRoute.TABLE_MAIN, m.table());
        assertEquals(new IpRule.Range(1000, 2000), m.sourcePorts());
    }

    @Test
    void rulesWithoutPreferenceAreNumberedDownFrom16384PerFamily() {
        RoutingPlan p = virtual("virtual_rules {", "from 10.0.0.0/24 table 100", "from 10.0.1.0/24 table 101",
                "from fd13::/64 table 102", "}");
        assertEquals(List.of(16384L, 16383L, 16384L), p.rules().stream().map(IpRule::priority).toList());
    }

    @Test
    void aLineJavakeepalivedCannotInstallIsReportedWithItsFileAndLine() {
        VrrpPlan p = ConfigMappingTest.plan(instance("VI_1", "virtual_routes {",
                "10.5.0.0/16 dev eth0 realms cosmos", "10.6.0.0/16 dev eth0", "}"));
        assertEquals(1, p.instances().get(0).kernel().routing().routes().size());
        assertTrue(p.problems().stream().anyMatch(s -> s.matches(".*:\\d+: \\(VI_1\\) virtual route '10.5.0.0/16 dev eth0"
                + " realms cosmos' is not installed: realms cosmos \\(only numbers are supported\\)")), p.problems().toString());
    }

    @Test
    void staticAddressesRoutesAndRulesAreInThePlan() {
        VrrpPlan p = ConfigMappingTest.plan("static_ipaddress {\n 10.0.0.200/24 dev eth0\n 10.0.0.201/24 dev eth0"
                + " no_track\n}\nstatic_routes {\n 10.7.0.0/16 via 10.0.0.1 dev eth0\n}\nstatic_rules {\n"
                + " from 10.0.0.200 table 7 preference 70\n}\n" + instance("VI_1"));
        StaticPlan s = p.statics();
        assertEquals(2, s.addresses().size());
        assertEquals("10.0.0.200", s.addresses().get(0).address().address().getHostAddress());
        assertEquals(List.of(false, true), s.addresses().stream().map(StaticPlan.Address::noTrack).toList());
        assertEquals("10.7.0.0/16 via 10.0.0.1 dev eth0 proto 18", s.routing().routes().get(0).toString());
        assertEquals("70: from 10.0.0.200 lookup 7 proto 18", s.routing().rules().get(0).toString());
    }
}
