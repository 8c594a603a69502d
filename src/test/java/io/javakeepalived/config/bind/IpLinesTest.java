package io.javakeepalived.config.bind;

import static io.javakeepalived.testsupport.ConfigFixture.assertClean;
import static io.javakeepalived.testsupport.ConfigFixture.assertReported;
import static io.javakeepalived.testsupport.ConfigFixture.model;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.config.ConfigErrorKind;
import io.javakeepalived.config.load.LoadResult;
import io.javakeepalived.config.model.AddressFamily;
import io.javakeepalived.config.model.RouteSpec;
import io.javakeepalived.config.model.RuleSpec;
import io.javakeepalived.testsupport.ConfigFixture;

import java.util.List;

import org.junit.jupiter.api.Test;

/** static_ipaddress / static_routes / static_rules and the virtual_ variants. */
class IpLinesTest {

    private static LoadResult load(String text) {
        return ConfigFixture.load0(text);
    }

    @Test
    void routesKeepWordsAndKeyFields() {
        LoadResult r = load("static_routes {\n src 10.0.0.1 192.168.209.0/24 via 10.0.0.254 dev eth0 table 100"
                + " metric 5\n 2001:db8:1::/48 via fe80::1 dev eth1 no_track\n blackhole 192.168.113.1/32 no_track\n"
                + " default via 10.0.0.254 dev eth0\n}\n");
        assertClean(r);
        List<RouteSpec> routes = model(r).staticRoutes();
        RouteSpec a = routes.get(0);
        assertEquals("192.168.209.0/24", a.destination().orElseThrow().toString());
        assertEquals("10.0.0.254", a.via().orElseThrow().getHostAddress());
        assertEquals("10.0.0.1", a.source().orElseThrow().getHostAddress());
        assertEquals("eth0", a.device().orElseThrow());
        assertEquals("100", a.table().orElseThrow());
        assertEquals(5, a.metric().getAsLong());
        assertFalse(a.noTrack());
        assertEquals(List.of("src", "10.0.0.1", "192.168.209.0/24", "via", "10.0.0.254", "dev", "eth0", "table", "100",
                "metric", "5"), a.words());
        assertEquals(AddressFamily.IPV6, routes.get(1).family());
        assertEquals("blackhole", routes.get(2).type());
        assertTrue(routes.get(3).destination().isEmpty(), "default");
    }

    @Test
    void routeWithoutDeviceCannotBeTracked() {
        LoadResult r = load("static_routes {\n 192.168.112.0/24 via 192.168.100.254\n}\n");
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "cannot track route 192.168.112.0/24 with no interface");
        assertTrue(model(r).staticRoutes().get(0).noTrack());
    }

    @Test
    void deprecatedRouteSyntax() {
        LoadResult r = load(ConfigFixture.instance("VI_1", "virtual_routes {",
                "192.168.113.0/24 via 192.168.100.252 or 192.168.100.253 dev eth0",
                "0.0.0.0/0 gw 192.168.0.1 table 100 dev eth0", "}"));
        assertReported(r, ConfigErrorKind.DEPRECATED, "\"or\" for routes is deprecated");
        assertReported(r, ConfigErrorKind.DEPRECATED, "\"gw\" for routes is deprecated. Please use \"via\"");
        assertEquals(2, ConfigFixture.instance(r, "VI_1").virtualRoutes().size());
    }

    @Test
    void badRoutesAreSkipped() {
        LoadResult r = load("static_routes {\n 10.0.0.0/8 via fe80::1 dev eth0\n 10.1.0.0/16 dev eth9\n"
                + " 10.2.0.0/16 table nosuch dev eth0\n frobnicate\n via 10.0.0.1 dev eth0\n}\n");
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "Cannot mix IPv4 and IPv6 addresses for route");
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "interface eth9 for VROUTE nexthop doesn't exist");
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "Routing table nosuch not found");
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "unknown route keyword frobnicate");
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "Route must have a destination");
        assertTrue(model(r).staticRoutes().isEmpty());
        assertReported(r, ConfigErrorKind.BAD_INTERFACE, "Non-existent interface");
    }

    @Test
    void rulesWithoutPreferenceCountDownFrom16384() {
        LoadResult r = load("static_rules {\n from 10.0.0.0/8 table 1\n to 10.1.0.0/16 lookup main\n"
                + " from 2001:db8::/32 table 5\n from all fwmark 7 preference 100 table 2\n}\n");
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "Rule has no preference specified - setting to 16384");
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "setting to 16383");
        List<RuleSpec> rules = model(r).staticRules();
        assertEquals(16384, rules.get(0).preference());
        assertEquals(16383, rules.get(1).preference());
        assertEquals(16384, rules.get(2).preference(), "IPv6 has its own counter");
        assertEquals(AddressFamily.IPV6, rules.get(2).family());
        assertEquals(100, rules.get(3).preference());
        assertEquals("7", rules.get(3).fwmark().orElseThrow());
        assertEquals("table", rules.get(0).action());
    }

    @Test
    void badRulesAreSkipped() {
        LoadResult r = load("static_rules {\n to 192.168.100./24 table 1\n from 10.0.0.0/8\n from 10.0.0.0/8 table 0"
                + " preference 1\n preference 5 goto 3\n from 10.0.0.0/8 table 1 nop preference 3\n}\n");
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "Invalid rule to address 192.168.100./24");
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "No action specified for rule");
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "Table 0 is not valid");
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "preference 5 >= goto target 3");
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "Cannot specify more than one of table/nop");
        assertTrue(model(r).staticRules().isEmpty());
    }

    @Test
    void staticAddresses() {
        LoadResult r = load("static_ipaddress {\n 192.168.200.16 dev eth0 scope link\n 192.168.200.17/24 dev eth1"
                + " brd +\n 10.0.0.1/24 peer 10.0.0.2\n 10.0.0.4 peer 10.0.0.5/32\n 10.0.0.3 scope galaxy\n}\n");
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "Cannot specify address prefix when specifying peer");
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "Invalid peer address 10.0.0.5/32");
        assertReported(r, ConfigErrorKind.GENERAL_ERROR, "Invalid scope 'galaxy'");
        var a = model(r).staticAddresses();
        assertEquals(5, a.size());
        assertEquals("link", a.get(0).scope().orElseThrow());
        assertEquals("192.168.200.255", a.get(1).broadcast().orElseThrow().getHostAddress());
        assertEquals("10.0.0.2", a.get(2).peer().orElseThrow().getHostAddress());
        assertEquals(32, a.get(2).prefixLength());
        assertEquals("eth0", a.get(2).device().orElseThrow(), "static addresses default to default_interface");
    }

    @Test
    void trackInterfaceSampleRoutesInNetns() {
        LoadResult r = ConfigFixture.host().interfaces("lo", "eth0", "eth1", "eth2", "eth3", "eth0.1").load(
                "static_routes {\n 192.168.212.0/24 dev eth3\n}\n");
        assertClean(r);
    }
}
