package io.javakeepalived.net;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Synchronous rtnetlink requests: add and delete addresses, routes and rules, dump addresses,
 * links, routes and rules, create and delete macvlan links (VMAC). Each request waits for the kernel's ACK (or error) with a 5 s
 * timeout; every error is an {@link ErrnoException} naming the request, e.g.
 * {@code RTM_NEWADDR 10.0.0.1/24 dev eth0: File exists}. Works in the network namespace it was
 * opened in. Methods are synchronized: any thread may call, one request runs at a time.
 */
public final class Rtnetlink implements RtnetlinkSession {
    private static final int TIMEOUT_MS = 5000;

    private final NetlinkExchange exchange;

    private Rtnetlink(NetlinkSocket sock) {
        this.exchange = new NetlinkExchange(sock, 4096);
    }

    /** Opens a request socket in the calling thread's network namespace. */
    public static Rtnetlink open() throws ErrnoException {
        return new Rtnetlink(new NetlinkSocket(0, false, 0, TIMEOUT_MS));
    }

    @Override
    public synchronized void addAddress(InterfaceAddress a) throws IOException {
        addressRequest(true, a);
    }

    @Override
    public synchronized void deleteAddress(InterfaceAddress a) throws IOException {
        addressRequest(false, a);
    }

    @Override
    public synchronized List<InterfaceAddress> addresses() throws IOException {
        List<InterfaceAddress> out = new ArrayList<>();
        dump(RtnlCodec.RTM_GETADDR, RtnlCodec.RTM_NEWADDR, "RTM_GETADDR", (b, off) -> {
            InterfaceAddress a = RtnlCodec.decodeAddress(b, off);
            if (a != null) {
                out.add(a);
            }
        }, out::clear);
        return out;
    }

    /** The addresses this daemon (or a killed predecessor) added: those with our IFA_PROTO. */
    public List<InterfaceAddress> ourAddresses() throws IOException {
        return addresses().stream().filter(InterfaceAddress::isOurs).toList();
    }

    @Override
    public synchronized List<LinkInfo> links() throws IOException {
        List<LinkInfo> out = new ArrayList<>();
        dump(RtnlCodec.RTM_GETLINK, RtnlCodec.RTM_NEWLINK, "RTM_GETLINK", (b, off) -> out.add(RtnlCodec.decodeLink(b, off)),
                out::clear);
        return out;
    }

    public Optional<LinkInfo> link(String name) throws IOException {
        return links().stream().filter(l -> l.name().equals(name)).findFirst();
    }

    public Optional<LinkInfo> link(int index) throws IOException {
        return links().stream().filter(l -> l.index() == index).findFirst();
    }

    /**
     * Creates a macvlan {@code name} on {@code parentIndex} (down); returns its description.
     *
     * @param mac its MAC (keepalived: 00:00:5e:00:01:VRID), or null for a random one
     * @param mode {@link #MACVLAN_PRIVATE} etc.
     */
    @Override
    public synchronized LinkInfo createMacvlan(String name, int parentIndex, byte[] mac, int mode) throws IOException {
        NetInterfaces.checkName(name);
        if (mac != null) {
            ArpFrame.checkMac(mac);
        }
        request((b, s) -> RtnlCodec.encodeNewMacvlan(b, 0, s, name, parentIndex, mac, mode),
                () -> "RTM_NEWLINK macvlan " + name + " link " + nameOrIndex(parentIndex));
        return link(name).orElseThrow(() -> new IOException("macvlan " + name + " vanished after creation"));
    }

    /** Sets IFF_UP of a link. */
    @Override
    public synchronized void setLinkUp(int index, boolean up) throws IOException {
        request((b, s) -> RtnlCodec.encodeSetUp(b, 0, s, index, up),
                () -> "RTM_NEWLINK " + nameOrIndex(index) + (up ? " up" : " down"));
    }

    @Override
    public synchronized void deleteLink(int index) throws IOException {
        request((b, s) -> RtnlCodec.encodeDelLink(b, 0, s, index),
                () -> "RTM_DELLINK " + nameOrIndex(index));
    }

    // ---------------------------------------------------------------- routes and rules

    @Override
    public synchronized void addRoute(IpRoute r) throws IOException {
        route(true, r);
    }

    @Override
    public synchronized void deleteRoute(IpRoute r) throws IOException {
        route(false, r);
    }

    private void route(boolean add, IpRoute r) throws IOException {
        RouteCodec.IfIndex ifindex = indexes(r);
        request((b, s) -> RouteCodec.encodeRoute(b, 0, add, s, r, ifindex),
                () -> (add ? "RTM_NEWROUTE " : "RTM_DELROUTE ") + r);
    }

    /**
     * The indexes of the interfaces {@code r} names, as this socket's namespace has them
     * (if_nametoindex would look in the calling thread's): one link dump, made before the request
     * is written, since the dump uses the same buffer.
     */
    private RouteCodec.IfIndex indexes(IpRoute r) throws IOException {
        java.util.Map<String, Integer> byName = new java.util.HashMap<>();
        if (r.device() != null || r.nexthops().stream().anyMatch(n -> n.device() != null)) {
            linksNoLock().forEach(l -> byName.put(l.name(), l.index()));
        }
        return name -> {
            Integer i = byName.get(name);
            if (i == null) {
                throw new ErrnoException("no interface " + name + " for " + r, Errno.ENODEV);
            }
            return i;
        };
    }

    @Override
    public synchronized void addRule(IpRule r) throws IOException {
        rule(true, r);
    }

    @Override
    public synchronized void deleteRule(IpRule r) throws IOException {
        rule(false, r);
    }

    private void rule(boolean add, IpRule r) throws IOException {
        request((b, s) -> RouteCodec.encodeRule(b, 0, add, s, r),
                () -> (add ? "RTM_NEWRULE " : "RTM_DELRULE ") + r);
    }

    @Override
    public synchronized List<IpRoute> ourRoutes() throws IOException {
        java.util.Map<Integer, String> names = new java.util.HashMap<>();
        linksNoLock().forEach(l -> names.put(l.index(), l.name()));
        List<IpRoute> out = new ArrayList<>();
        dump(RouteCodec.RTM_GETROUTE, RouteCodec.RTM_NEWROUTE, "RTM_GETROUTE", (b, off) -> {
            IpRoute r = RouteCodec.decodeRoute(b, off, names::get);
            if (r != null && r.protocol() == IpRoute.PROTO_KEEPALIVED) {
                out.add(r);
            }
        }, out::clear);
        return out;
    }

    @Override
    public synchronized List<IpRule> ourRules() throws IOException {
        List<IpRule> out = new ArrayList<>();
        dump(RouteCodec.RTM_GETRULE, RouteCodec.RTM_NEWRULE, "RTM_GETRULE", (b, off) -> {
            IpRule r = RouteCodec.decodeRule(b, off);
            if (r != null && r.protocol() == IpRoute.PROTO_KEEPALIVED) {
                out.add(r);
            }
        }, out::clear);
        return out;
    }

    // ---------------------------------------------------------------- plumbing

    /**
     * The address request being made. A named class, not a lambda: the first VIP ever added is a
     * takeover, and bootstrapping a lambda there delays the first GARP by about a millisecond.
     * Reused (the request methods are synchronized), and described only if the kernel refuses.
     */
    private final class AddressRequest implements NetlinkExchange.Encoder, NetlinkExchange.What {
        private boolean add;
        private InterfaceAddress address;

        @Override
        public int encode(ByteBuffer b, int s) {
            return RtnlCodec.encodeAddress(b, 0, add, s, address);
        }

        @Override
        public String get() {
            return (add ? "RTM_NEWADDR " : "RTM_DELADDR ") + RtnlCodec.describe(address, nameOrNull(address.ifindex()));
        }
    }

    private final AddressRequest addressRequest = new AddressRequest();

    private void addressRequest(boolean add, InterfaceAddress a) throws IOException {
        addressRequest.add = add;
        addressRequest.address = a;
        exchange.request(addressRequest, addressRequest);
    }

    private interface Handler {
        void on(ByteBuffer b, int off);
    }

    private void request(NetlinkExchange.Encoder encoder, NetlinkExchange.What what) throws IOException {
        exchange.request(encoder, what);
    }

    private void dump(int requestType, int replyType, String what, Handler h, Runnable reset) throws IOException {
        exchange.dump((b, s) -> requestType == RouteCodec.RTM_GETROUTE || requestType == RouteCodec.RTM_GETRULE
                ? RouteCodec.encodeDump(b, 0, requestType, s)
                : RtnlCodec.encodeDump(b, 0, requestType, 0, s), replyType, what, h::on, reset);
    }

    private String nameOrNull(int index) {
        try {
            return linksNoLock().stream().filter(l -> l.index() == index).map(LinkInfo::name).findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private String nameOrIndex(int index) {
        String n = nameOrNull(index);
        return n != null ? n : "#" + index;
    }

    private List<LinkInfo> linksNoLock() throws IOException {
        List<LinkInfo> out = new ArrayList<>();
        dump(RtnlCodec.RTM_GETLINK, RtnlCodec.RTM_NEWLINK, "RTM_GETLINK", (b, off) -> out.add(RtnlCodec.decodeLink(b, off)),
                out::clear);
        return out;
    }

    @Override
    public synchronized void close() {
        exchange.close();
    }
}
