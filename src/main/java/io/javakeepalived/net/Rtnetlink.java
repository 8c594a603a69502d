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
    private static final int DUMP_RETRIES = 5;

    private final NetlinkSocket sock;
    private final NativeBuffer tx = new NativeBuffer(4096);
    private final NativeBuffer rx = new NativeBuffer(NetlinkSocket.BUFFER);
    private int seq = (int) (System.nanoTime() & 0x3fffffff);
    private boolean closed;

    private Rtnetlink(NetlinkSocket sock) {
        this.sock = sock;
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
        int s = nextSeq();
        int len = RtnlCodec.encodeNewMacvlan(tx.buf, 0, s, name, parentIndex, mac, mode);
        request(len, s, () -> "RTM_NEWLINK macvlan " + name + " link " + nameOrIndex(parentIndex));
        return link(name).orElseThrow(() -> new IOException("macvlan " + name + " vanished after creation"));
    }

    /** Sets IFF_UP of a link. */
    @Override
    public synchronized void setLinkUp(int index, boolean up) throws IOException {
        int s = nextSeq();
        int len = RtnlCodec.encodeSetUp(tx.buf, 0, s, index, up);
        request(len, s, () -> "RTM_NEWLINK " + nameOrIndex(index) + (up ? " up" : " down"));
    }

    @Override
    public synchronized void deleteLink(int index) throws IOException {
        int s = nextSeq();
        int len = RtnlCodec.encodeDelLink(tx.buf, 0, s, index);
        request(len, s, () -> "RTM_DELLINK " + nameOrIndex(index));
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
        int s = nextSeq();
        int len = RouteCodec.encodeRoute(tx.buf, 0, add, s, r, ifindex);
        request(len, s, () -> (add ? "RTM_NEWROUTE " : "RTM_DELROUTE ") + r);
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
        int s = nextSeq();
        int len = RouteCodec.encodeRule(tx.buf, 0, add, s, r);
        request(len, s, () -> (add ? "RTM_NEWRULE " : "RTM_DELRULE ") + r);
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

    /** {@link #transact}'s answer when the kernel gave none in time (its errors are positive errnos). */
    private static final int NO_ANSWER = Integer.MIN_VALUE;
    /** The extended-ack text of the last failed request, or null. */
    private String lastExtAck;

    private interface What {
        String get();
    }

    private interface Handler {
        void on(ByteBuffer b, int off);
    }

    private int nextSeq() {
        seq = seq == Integer.MAX_VALUE ? 1 : seq + 1;
        return seq;
    }

    private void request(int len, int s, What what) throws IOException {
        int err = transact(len, s);
        if (err == NO_ANSWER) {
            throw new ErrnoException(what.get() + " (no answer from the kernel)", Errno.ETIMEDOUT);
        }
        if (err != 0) {
            // describing may dump links for the interface name: rx is no longer needed here
            throw new ErrnoException(what.get(), err, lastExtAck);
        }
    }

    /**
     * An address request, described only if it fails: a lambda for its description would be
     * bootstrapped on the first VIP ever added, which is a takeover, before its first GARP.
     */
    private void addressRequest(boolean add, InterfaceAddress a) throws IOException {
        int s = nextSeq();
        int len = RtnlCodec.encodeAddress(tx.buf, 0, add, s, a);
        int err = transact(len, s);
        if (err != 0) {
            String what = (add ? "RTM_NEWADDR " : "RTM_DELADDR ") + RtnlCodec.describe(a, nameOrNull(a.ifindex()));
            throw err == NO_ANSWER ? new ErrnoException(what + " (no answer from the kernel)", Errno.ETIMEDOUT)
                    : new ErrnoException(what, err, lastExtAck);
        }
    }

    /**
     * Sends the request in {@code tx} and waits for the kernel's answer to sequence {@code s}: 0
     * when acknowledged, its error (with the extended-ack text in {@link #lastExtAck}), or
     * {@link #NO_ANSWER}.
     */
    private int transact(int len, int s) throws IOException {
        ensureOpen();
        sock.send(tx, len, "request " + RtnlCodec.msgType(tx.buf, 0));
        while (true) {
            int n = sock.receive(rx);
            if (n < 0) {
                return NO_ANSWER;
            }
            ByteBuffer b = rx.buf;
            for (int off = 0; off + RtnlCodec.NLMSG_HDRLEN <= n; ) {
                int mlen = RtnlCodec.msgLen(b, off);
                if (mlen < RtnlCodec.NLMSG_HDRLEN || off + mlen > n) {
                    break;
                }
                if (RtnlCodec.msgSeq(b, off) == s && RtnlCodec.msgType(b, off) == RtnlCodec.NLMSG_ERROR) {
                    int err = RtnlCodec.errorCode(b, off);
                    lastExtAck = err != 0 ? RtnlCodec.extAckMessage(b, off) : null;
                    return err;
                }
                off += RtnlCodec.align(mlen);
            }
        }
    }

    private void dump(int requestType, int replyType, String what, Handler h, Runnable reset) throws IOException {
        ensureOpen();
        for (int attempt = 0; attempt < DUMP_RETRIES; attempt++) {
            reset.run();
            int s = nextSeq();
            int len = requestType == RouteCodec.RTM_GETROUTE || requestType == RouteCodec.RTM_GETRULE
                    ? RouteCodec.encodeDump(tx.buf, 0, requestType, s)
                    : RtnlCodec.encodeDump(tx.buf, 0, requestType, 0, s);
            sock.send(tx, len, what);
            boolean interrupted = false;
            boolean done = false;
            while (!done) {
                int n = sock.receive(rx);
                if (n < 0) {
                    throw new ErrnoException(what + " (no answer from the kernel)", Errno.ETIMEDOUT);
                }
                ByteBuffer b = rx.buf;
                for (int off = 0; off + RtnlCodec.NLMSG_HDRLEN <= n; ) {
                    int mlen = RtnlCodec.msgLen(b, off);
                    if (mlen < RtnlCodec.NLMSG_HDRLEN || off + mlen > n) {
                        break;
                    }
                    if (RtnlCodec.msgSeq(b, off) == s) {
                        int type = RtnlCodec.msgType(b, off);
                        if ((RtnlCodec.msgFlags(b, off) & RtnlCodec.NLM_F_DUMP_INTR) != 0) {
                            interrupted = true;
                        }
                        if (type == RtnlCodec.NLMSG_DONE) {
                            done = true;
                            break;
                        } else if (type == RtnlCodec.NLMSG_ERROR) {
                            int err = RtnlCodec.errorCode(b, off);
                            throw new ErrnoException(what, err, RtnlCodec.extAckMessage(b, off));
                        } else if (type == replyType) {
                            h.on(b, off);
                        }
                    }
                    off += RtnlCodec.align(mlen);
                }
            }
            if (!interrupted) {
                return;
            }
        }
        throw new ErrnoException(what + " (dump interrupted " + DUMP_RETRIES + " times)", Errno.EBUSY);
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

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("rtnetlink socket is closed");
        }
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            sock.close();
        }
    }
}
