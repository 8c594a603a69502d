package io.javakeepalived.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Route and rule requests byte by byte (little-endian host order), each field worked out by hand
 * from struct rtmsg / fib_rule_hdr and the RTA_* / FRA_* numbers of linux/rtnetlink.h and
 * linux/fib_rules.h; RoutesIT checks the same requests against the kernel with {@code ip}.
 */
class RouteCodecTest {
    private static final RouteCodec.IfIndex ETH0_IS_2 = name -> switch (name) {
        case "eth0" -> 2;
        case "eth1" -> 3;
        default -> throw new ErrnoException("no interface " + name, Errno.ENODEV);
    };

    private static ByteBuffer buf() {
        return ByteBuffer.allocate(1024).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static InetAddress ip(String s) throws Exception {
        return InetAddress.getByName(s);
    }

    private static IpRoute.Prefix prefix(String a, int len) throws Exception {
        return new IpRoute.Prefix(ip(a), len);
    }

    /** A unicast route in table {@code table} with only the given fields set. */
    static IpRoute route(IpRoute.Prefix dst, long table, long metric, InetAddress via, String dev) {
        return new IpRoute(dst.address() instanceof java.net.Inet6Address, IpRoute.RTN_UNICAST, table,
                IpRoute.PROTO_KEEPALIVED, IpRoute.SCOPE_UNIVERSE, dst, null, 0, metric, via, null, dev, 0, 0, Map.of(),
                null, -1, -1, -1, List.of(), IpRoute.Placement.PREPEND);
    }

    static IpRule rule(IpRoute.Prefix from, long table, long priority) {
        return new IpRule(false, IpRule.ACTION_TABLE, table, priority, from, null, false, 0, -1, -1, 0, -1, -1, null,
                null, -1, IpRoute.PROTO_KEEPALIVED, false, 0, null, -1, null, null);
    }

    @Test
    void ipv4RouteViaAGatewayInATable() throws Exception {
        ByteBuffer b = buf();
        IpRoute r = route(prefix("10.1.0.0", 16), 100, 5, ip("10.0.0.1"), "eth0");
        int len = RouteCodec.encodeRoute(b, 0, true, 7, r, ETH0_IS_2);
        assertHex("3c000000 1800 0504 07000000 00000000"  // len 60, RTM_NEWROUTE, REQUEST|ACK|CREATE (prepend), seq 7
                + "02 10 00 00 64 12 00 01 00000000"       // AF_INET /16 src 0 tos 0, table 100, proto 18, scope universe, unicast
                + "0800 0100 0a010000"                      // RTA_DST 10.1.0.0
                + "0800 0500 0a000001"                      // RTA_GATEWAY 10.0.0.1
                + "0800 0400 02000000"                      // RTA_OIF 2
                + "0800 0600 05000000",                     // RTA_PRIORITY 5
                b, len);
    }

    @Test
    void deletingSendsTheRouteWithScopeNowhereAndATableAbove255InRtaTable() throws Exception {
        ByteBuffer b = buf();
        IpRoute r = new IpRoute(false, IpRoute.RTN_BLACKHOLE, 1000, IpRoute.PROTO_KEEPALIVED, IpRoute.SCOPE_UNIVERSE,
                prefix("192.0.2.0", 24), null, 0, -1, null, null, null, 0, 0, Map.of(), null, -1, -1, -1, List.of(),
                IpRoute.Placement.EXCLUSIVE);
        int len = RouteCodec.encodeRoute(b, 0, false, 9, r, ETH0_IS_2);
        assertHex("2c000000 1900 0500 09000000 00000000"  // len 44, RTM_DELROUTE, REQUEST|ACK (no create flags)
                + "02 18 00 00 00 12 ff 06 00000000"       // /24, table 0 (see RTA_TABLE), proto 18, scope nowhere, blackhole
                + "0800 0f00 e8030000"                      // RTA_TABLE 1000
                + "0800 0100 c0000200",                     // RTA_DST 192.0.2.0
                b, len);
        assertEquals(RouteCodec.RTM_DELROUTE, RtnlCodec.msgType(b, 0));
    }

    @Test
    void addPlacementIsExclusiveAndAppendAppends() throws Exception {
        ByteBuffer b = buf();
        IpRoute r = route(prefix("10.1.0.0", 16), 254, -1, null, "eth0");
        IpRoute add = new IpRoute(r.ipv6(), r.type(), r.table(), r.protocol(), r.scope(), r.destination(), null, 0,
                -1, null, null, "eth0", 0, 0, Map.of(), null, -1, -1, -1, List.of(), IpRoute.Placement.EXCLUSIVE);
        RouteCodec.encodeRoute(b, 0, true, 1, add, ETH0_IS_2);
        assertEquals(0x605, RtnlCodec.msgFlags(b, 0), "REQUEST|ACK|EXCL|CREATE");
        IpRoute append = new IpRoute(r.ipv6(), r.type(), r.table(), r.protocol(), r.scope(), r.destination(), null,
                0, -1, null, null, "eth0", 0, 0, Map.of(), null, -1, -1, -1, List.of(), IpRoute.Placement.APPEND);
        RouteCodec.encodeRoute(b, 0, true, 1, append, ETH0_IS_2);
        assertEquals(0xc05, RtnlCodec.msgFlags(b, 0), "REQUEST|ACK|CREATE|APPEND");
    }

    @Test
    void ipv6DefaultRouteWithLockedMtuOnlinkAndTwoWeightedNexthops() throws Exception {
        ByteBuffer b = buf();
        IpRoute r = new IpRoute(true, IpRoute.RTN_UNICAST, 254, IpRoute.PROTO_KEEPALIVED, IpRoute.SCOPE_UNIVERSE,
                prefix("::", 0), null, 0, 1024, null, null, null, 0, 0,
                Map.of(IpRoute.RTAX_MTU, 1400L, IpRoute.RTAX_LOCK, 1L << IpRoute.RTAX_MTU), null, -1, -1, -1,
                List.of(new IpRoute.Nexthop(ip("fd13::1"), "eth0", 1, IpRoute.RTNH_F_ONLINK, 0),
                        new IpRoute.Nexthop(ip("fd13::2"), "eth1", 3, 0, 0)),
                IpRoute.Placement.PREPEND);
        int len = RouteCodec.encodeRoute(b, 0, true, 2, r, ETH0_IS_2);
        assertHex("74000000 1800 0504 02000000 00000000"   // len 116
                + "0a 00 00 00 fe 12 00 01 00000000"        // AF_INET6, default (no RTA_DST), main, proto 18
                + "0800 0600 00040000"                       // RTA_PRIORITY 1024
                + "1400 0800"                                // RTA_METRICS, 20 bytes
                + "0800 0200 78050000"                       //   RTAX_MTU 1400
                + "0800 0100 04000000"                       //   RTAX_LOCK 1 << RTAX_MTU
                + "3c00 0900"                                // RTA_MULTIPATH, 60 bytes
                + "1c00 04 00 02000000"                      //   rtnexthop len 28, onlink, weight 1 (hops 0), ifindex 2
                + "1400 0500 fd130000000000000000000000000001"   // RTA_GATEWAY fd13::1
                + "1c00 00 02 03000000"                      //   rtnexthop len 28, weight 3 (hops 2), ifindex 3
                + "1400 0500 fd130000000000000000000000000002",  // RTA_GATEWAY fd13::2
                b, len);
    }

    @Test
    void aGatewayOfTheOtherFamilyGoesInRtaVia() throws Exception {
        ByteBuffer b = buf();
        IpRoute r = route(prefix("10.9.0.0", 16), 254, -1, ip("fe80::1"), "eth0");
        int len = RouteCodec.encodeRoute(b, 0, true, 3, r, ETH0_IS_2);
        assertHex("44000000 1800 0504 03000000 00000000"  // len 68
                + "02 10 00 00 fe 12 00 01 00000000"
                + "0800 0100 0a090000"                                   // RTA_DST
                + "1600 1200 0a00 fe800000000000000000000000000001 0000" // RTA_VIA: AF_INET6 + address, 2 pad
                + "0800 0400 02000000",                                  // RTA_OIF
                b, len);
    }

    @Test
    void ruleFromASubnetToATableWithProtocol18() throws Exception {
        ByteBuffer b = buf();
        int len = RouteCodec.encodeRule(b, 0, true, 4, rule(prefix("10.213.0.0", 24), 100, 100));
        assertHex("34000000 2000 0506 04000000 00000000"  // len 52, RTM_NEWRULE, REQUEST|ACK|EXCL|CREATE
                + "02 00 18 00 64 00 00 01 00000000"       // AF_INET, dst 0, src /24, tos 0, table 100, action FR_ACT_TO_TBL
                + "0800 0200 0ad50000"                      // FRA_SRC 10.213.0.0
                + "0800 0600 64000000"                      // FRA_PRIORITY 100
                + "0500 1500 12 000000",                    // FRA_PROTOCOL 18
                b, len);
    }

    @Test
    void ruleWithBigTableFwmarkInterfacesAndInvert() throws Exception {
        ByteBuffer b = buf();
        IpRule r = new IpRule(false, IpRule.ACTION_TABLE, 1000, 16384, null, null, true, 0, 0x10, 0xff, 0, -1, -1,
                "eth0", null, -1, IpRoute.PROTO_KEEPALIVED, false, 0, null, -1, null, null);
        int len = RouteCodec.encodeRule(b, 0, false, 5, r);
        assertHex("50000000 2100 0500 05000000 00000000"  // len 80, RTM_DELRULE, REQUEST|ACK
                + "02 00 00 00 00 00 00 01 02000000"       // table 0 (see FRA_TABLE), action to table, FIB_RULE_INVERT
                + "0800 0f00 e8030000"                      // FRA_TABLE 1000
                + "0800 0600 00400000"                      // FRA_PRIORITY 16384
                + "0800 0a00 10000000"                      // FRA_FWMARK 0x10
                + "0800 1000 ff000000"                      // FRA_FWMASK 0xff
                + "0900 0300 6574683000 000000"             // FRA_IFNAME "eth0\0"
                + "0500 1500 12 000000",                    // FRA_PROTOCOL 18
                b, len);
    }

    @Test
    void gotoRuleCarriesItsTarget() throws Exception {
        ByteBuffer b = buf();
        IpRule r = new IpRule(true, IpRule.ACTION_GOTO, 0, 100, null, null, false, 0, -1, -1, 0, -1, -1, null, null,
                200, IpRoute.PROTO_KEEPALIVED, false, 0, null, -1, null, null);
        int len = RouteCodec.encodeRule(b, 0, true, 6, r);
        assertHex("34000000 2000 0506 06000000 00000000"  // len 52
                + "0a 00 00 00 00 00 00 02 00000000"       // AF_INET6, action FR_ACT_GOTO, no table
                + "0800 0600 64000000"                      // FRA_PRIORITY 100
                + "0500 1500 12 000000"                     // FRA_PROTOCOL 18
                + "0800 0400 c8000000",                     // FRA_GOTO 200
                b, len);
    }

    @Test
    void decodesWhatItEncodesForRoutesAndRules() throws Exception {
        ByteBuffer b = buf();
        IpRoute r = route(prefix("10.1.0.0", 16), 1000, 5, ip("10.0.0.1"), "eth0");
        RouteCodec.encodeRoute(b, 0, true, 7, r, ETH0_IS_2);
        IpRoute got = RouteCodec.decodeRoute(b, 0, i -> i == 2 ? "eth0" : null);
        assertEquals(r, got);

        IpRule u = rule(prefix("10.213.0.0", 24), 100, 100);
        RouteCodec.encodeRule(b, 0, true, 4, u);
        assertEquals(u, RouteCodec.decodeRule(b, 0));
    }

    @Test
    void decodesTheDefaultRouteAsPrefixLengthZero() throws Exception {
        ByteBuffer b = buf();
        IpRoute r = route(prefix("0.0.0.0", 0), 254, -1, ip("10.0.0.1"), null);
        RouteCodec.encodeRoute(b, 0, true, 1, r, ETH0_IS_2);
        assertEquals(r, RouteCodec.decodeRoute(b, 0, i -> null));
        assertEquals("default via 10.0.0.1 proto 18", r.toString());
    }

    private static void assertHex(String expected, ByteBuffer b, int len) {
        assertEquals(expected.replace(" ", ""), Bytes.hex(b, 0, len));
    }
}
