package io.javakeepalived.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javakeepalived.testsupport.netns.NetnsLab;
import io.javakeepalived.testsupport.netns.NetnsLab.Node;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** rtnetlink against a real kernel, checked with {@code ip}. */
class RtnetlinkIT {
    @AutoClose // stops every process it started, by pid; deletes the namespaces
    private NetnsLab lab;
    private Node a;
    private Node b;

    @BeforeEach
    void setUp() throws Exception {
        lab = NetnsLab.create("a", "b");
        a = lab.node("a");
        b = lab.node("b");
    }

    private static InetAddress addr(String s) throws Exception {
        return InetAddress.getByName(s);
    }

    private String ipAddr(Node n, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("-d", "addr", "show", "dev", "eth0"));
        args.addAll(0, List.of(extra));
        return lab.ip(n.ns(), args.toArray(String[]::new)).output();
    }

    @Test
    void addsDumpsAndDeletesIpv4AndIpv6AddressesMarkedAsOurs() throws Exception {
        try (Rtnetlink nl = lab.call(a, Rtnetlink::open)) {
            int eth0 = lab.call(a, () -> NetInterfaces.indexOf("eth0"));
            InterfaceAddress v4 = InterfaceAddress.vip(eth0, addr("10.213.0.100"), 24)
                    .withLabel("eth0:vip").withBroadcast(addr("10.213.0.255"));
            InterfaceAddress v6 = InterfaceAddress.vip(eth0, addr("fd13::100"), 64)
                    .withFlags(InterfaceAddress.IFA_F_NODAD | InterfaceAddress.IFA_F_NOPREFIXROUTE);
            nl.addAddress(v4);
            nl.addAddress(v6);

            String shown4 = ipAddr(a, "-4");
            assertTrue(shown4.contains("inet 10.213.0.100/24 brd 10.213.0.255 scope global secondary eth0:vip"), shown4);
            String shown6 = ipAddr(a, "-6");
            assertTrue(shown6.contains("inet6 fd13::100/64 scope global nodad noprefixroute"), shown6);
            if (shown4.contains(" proto ")) {  // iproute2 >= 6.3 prints IFA_PROTO
                assertTrue(shown4.contains("proto 18") || shown4.contains("proto keepalived"), shown4);
            }

            List<InterfaceAddress> all = nl.addresses();
            InterfaceAddress got4 = find(all, x -> x.address().equals(v4.address()));
            assertEquals(InterfaceAddress.PROTO_JAVAKEEPALIVED, got4.proto(), "kernel keeps IFA_PROTO");
            assertEquals("eth0:vip", got4.label());
            assertEquals(addr("10.213.0.255"), got4.broadcast());
            assertEquals(24, got4.prefixLength());
            assertEquals(eth0, got4.ifindex());
            assertTrue(got4.hasFlag(InterfaceAddress.IFA_F_SECONDARY));
            InterfaceAddress got6 = find(all, x -> x.address().equals(v6.address()));
            assertEquals(InterfaceAddress.PROTO_JAVAKEEPALIVED, got6.proto());
            assertTrue(got6.hasFlag(InterfaceAddress.IFA_F_NODAD | InterfaceAddress.IFA_F_NOPREFIXROUTE), "flags " + got6.flags());
            InterfaceAddress primary = find(all, x -> x.address().equals(addr(a.ipv4())));
            assertEquals(0, primary.proto(), "addresses added by ip carry no proto");
            assertEquals(2, nl.ourAddresses().size());

            ErrnoException dup = assertThrows(ErrnoException.class, () -> nl.addAddress(v4));
            assertTrue(dup.getMessage().startsWith("RTM_NEWADDR 10.213.0.100/24 dev eth0: File exists"), dup.getMessage());
            assertEquals(Errno.EEXIST, dup.errno());

            nl.deleteAddress(v4);
            nl.deleteAddress(v6);
            assertFalse(ipAddr(a, "-4").contains("10.213.0.100"));
            assertFalse(ipAddr(a, "-6").contains("fd13::100"));
            ErrnoException gone = assertThrows(ErrnoException.class, () -> nl.deleteAddress(v4));
            assertTrue(gone.getMessage().startsWith("RTM_DELADDR 10.213.0.100/24 dev eth0: Cannot assign requested address"),
                    gone.getMessage());
            assertEquals(0, nl.ourAddresses().size());
        }
    }

    @Test
    void aRestartedDaemonFindsAndRemovesItsPredecessorsAddresses() throws Exception {
        int eth0 = lab.call(a, () -> NetInterfaces.indexOf("eth0"));
        try (Rtnetlink predecessor = lab.call(a, Rtnetlink::open)) {
            predecessor.addAddress(InterfaceAddress.vip(eth0, addr("10.213.0.101"), 32));
            predecessor.addAddress(InterfaceAddress.vip(eth0, addr("fd13::101"), 128));
        }
        lab.ip(a.ns(), "addr", "add", "10.213.0.102/32", "dev", "eth0");  // an operator's address: not ours
        try (Rtnetlink successor = lab.call(a, Rtnetlink::open)) {
            List<InterfaceAddress> leftovers = successor.ourAddresses();
            assertEquals(List.of("10.213.0.101/32", "fd13::101/128"), leftovers.stream().map(InterfaceAddress::cidr).sorted().toList());
            for (InterfaceAddress x : leftovers) {
                successor.deleteAddress(x);
            }
            assertTrue(successor.ourAddresses().isEmpty());
            assertTrue(ipAddr(a).contains("10.213.0.102/32"), "the operator's address stays");
        }
    }

    @Test
    void dumpsLinksWithNameMacKindAndState() throws Exception {
        try (Rtnetlink nl = lab.call(a, Rtnetlink::open)) {
            List<LinkInfo> links = nl.links();
            LinkInfo eth0 = find(links, l -> l.name().equals("eth0"));
            assertEquals(a.mac(), eth0.macString());
            assertEquals("veth", eth0.kind());
            assertTrue(eth0.isAdminUp());
            assertTrue(eth0.carrier());
            assertTrue(eth0.isUsable());
            assertEquals(LinkInfo.OPER_UP, eth0.operState());
            assertEquals(1500, eth0.mtu());
            assertEquals(lab.call(a, () -> NetInterfaces.indexOf("eth0")), eth0.index());
            LinkInfo lo = find(links, l -> l.name().equals("lo"));
            assertTrue((lo.flags() & LinkInfo.IFF_LOOPBACK) != 0);
            assertEquals("eth0", lab.call(a, () -> NetInterfaces.nameOf(eth0.index())));
        }
    }

    @Test
    void reportsCarrierLossAdminDownAndAddressChanges() throws Exception {
        try (RtnetlinkMonitor mon = lab.call(a, RtnetlinkMonitor::open);
             Rtnetlink nl = lab.call(a, Rtnetlink::open)) {
            List<NetlinkEvent> events = new ArrayList<>();
            mon.drain(events::add);  // whatever the lab's set-up left (IPv6 link-local address etc.)

            lab.carrierDown(a);  // peer end down: eth0 stays up but loses carrier
            NetlinkEvent.Link lost = awaitLink(mon, events, l -> l.name().equals("eth0") && !l.carrier());
            assertTrue(lost.link().isAdminUp());
            assertFalse(lost.link().isUsable());
            assertEquals(LinkInfo.OPER_DOWN, lost.link().operState(), "no carrier");

            lab.carrierUp(a);
            NetlinkEvent.Link back = awaitLink(mon, events, l -> l.name().equals("eth0") && l.carrier());
            assertTrue(back.link().isUsable());

            lab.linkDown(a);
            NetlinkEvent.Link down = awaitLink(mon, events, l -> l.name().equals("eth0") && !l.isAdminUp());
            assertFalse(down.deleted());
            lab.linkUp(a);
            awaitLink(mon, events, l -> l.name().equals("eth0") && l.isUsable());

            int eth0 = lab.call(a, () -> NetInterfaces.indexOf("eth0"));
            InterfaceAddress vip = InterfaceAddress.vip(eth0, addr("10.213.0.100"), 32);
            nl.addAddress(vip);
            NetlinkEvent.Address added = awaitAddress(mon, events, x -> !x.deleted() && x.address().sameAddress(vip));
            assertEquals(InterfaceAddress.PROTO_JAVAKEEPALIVED, added.address().proto());
            lab.ip(a.ns(), "addr", "del", "10.213.0.100/32", "dev", "eth0");  // someone else removes our VIP
            awaitAddress(mon, events, x -> x.deleted() && x.address().sameAddress(vip));
        }
    }

    @Test
    void createsAndDeletesAMacvlanForVmac() throws Exception {
        try (Rtnetlink nl = lab.call(a, Rtnetlink::open)) {
            int eth0 = lab.call(a, () -> NetInterfaces.indexOf("eth0"));
            byte[] vmac = {0, 0, 0x5e, 0, 1, 9};
            LinkInfo v = nl.createMacvlan("vrrp.9", eth0, vmac, Rtnetlink.MACVLAN_PRIVATE);
            assertArrayEquals(vmac, v.mac());
            assertEquals("macvlan", v.kind());
            assertEquals(eth0, v.linkIndex());
            nl.setLinkUp(v.index(), true);
            String shown = lab.ip(a.ns(), "-d", "link", "show", "vrrp.9").output();
            assertTrue(shown.contains("link/ether 00:00:5e:00:01:09"), shown);
            assertTrue(shown.contains("macvlan mode private"), shown);
            assertTrue(shown.contains(",UP"), shown);
            ErrnoException dup = assertThrows(ErrnoException.class,
                    () -> nl.createMacvlan("vrrp.9", eth0, vmac, Rtnetlink.MACVLAN_PRIVATE));
            assertEquals(Errno.EEXIST, dup.errno());
            assertTrue(dup.getMessage().startsWith("RTM_NEWLINK macvlan vrrp.9 link eth0: File exists"), dup.getMessage());
            nl.deleteLink(v.index());
            assertTrue(nl.link("vrrp.9").isEmpty());
        }
    }

    private static <T> T find(List<T> xs, ThrowingPredicate<T> p) throws Exception {
        for (T x : xs) {
            if (p.test(x)) {
                return x;
            }
        }
        throw new AssertionError("not found in " + xs);
    }

    interface ThrowingPredicate<T> {
        boolean test(T t) throws Exception;
    }

    private static NetlinkEvent.Link awaitLink(RtnetlinkMonitor mon, List<NetlinkEvent> seen, Predicate<LinkInfo> p)
            throws Exception {
        return (NetlinkEvent.Link) await(mon, seen, e -> e instanceof NetlinkEvent.Link l && p.test(l.link()));
    }

    private static NetlinkEvent.Address awaitAddress(RtnetlinkMonitor mon, List<NetlinkEvent> seen,
                                                     Predicate<NetlinkEvent.Address> p) throws Exception {
        return (NetlinkEvent.Address) await(mon, seen, e -> e instanceof NetlinkEvent.Address x && p.test(x));
    }

    private static NetlinkEvent await(RtnetlinkMonitor mon, List<NetlinkEvent> seen, Predicate<NetlinkEvent> p)
            throws Exception {
        Poller poller = new Poller();
        poller.add(mon.fd());
        long deadline = System.currentTimeMillis() + 5000;
        while (System.currentTimeMillis() < deadline) {
            List<NetlinkEvent> batch = new ArrayList<>();
            mon.drain(batch::add);
            seen.addAll(batch);
            for (NetlinkEvent e : batch) {
                if (p.test(e)) {
                    return e;
                }
            }
            poller.poll(200);
        }
        throw new AssertionError("event not seen; got " + seen);
    }

    @Test
    void requestSocketsWorkInTheNamespaceTheyWereOpenedIn() throws Exception {
        try (Rtnetlink inB = lab.call(b, Rtnetlink::open)) {
            // used from this (root-namespace) thread, it still sees B's interfaces
            LinkInfo eth0 = find(inB.links(), l -> l.name().equals("eth0"));
            assertEquals(b.mac(), eth0.macString());
            assertNotNull(find(inB.addresses(), x -> x.address().equals(addr(b.ipv4()))));
        }
    }
}
