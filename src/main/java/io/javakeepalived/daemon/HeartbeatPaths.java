package io.javakeepalived.daemon;

import io.javakeepalived.config.model.HeartbeatPath;
import io.javakeepalived.daemon.model.PrimaryAddress;
import io.javakeepalived.net.NativeNetwork;
import io.javakeepalived.net.PollSet;
import io.javakeepalived.net.ReceivedPacketInfo;
import io.javakeepalived.util.AddressText;
import io.javakeepalived.vrrp.Event;
import io.javakeepalived.vrrp.packet.AdvertTemplate;
import io.javakeepalived.vrrp.packet.IpFamily;
import io.javakeepalived.vrrp.packet.ParseResult;
import io.javakeepalived.vrrp.packet.ReceivedPacket;
import io.javakeepalived.vrrp.packet.RejectReason;
import io.javakeepalived.vrrp.packet.VrrpCodec;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * The heartbeat paths ({@code heartbeat_path}): the second edge an instance's adverts leave and
 * arrive on, beside its VRRP socket in the {@link SocketPool}. Every advert the instance sends
 * goes also to each path peer, and what the peers send there is judged by
 * {@link HeartbeatPathMember} and handed to the same core, through the same
 * {@link ActionExecutor}, as an advert on the VRRP path. Sockets are unicast raw VRRP sockets
 * bound to our address on the path's interface ({@link HeartbeatPathSocket}), shared by the
 * instances that use that interface, polled by the loop.
 *
 * <p>Our address on a path is read when the instance attaches (start, reload, a new source
 * address): the first address of the instance's family on that interface (for IPv6 a
 * link-local one if the peers are link-local), never a VIP. Without one the path is left out,
 * with an error: the instance still runs on its VRRP path. Loop thread only.
 */
final class HeartbeatPaths {
    private static final int MAX_PACKET = 8192;
    /** Packets read per readable socket and loop turn: a flood must not starve the timers. */
    private static final int READS_PER_TURN = 32;

    /** The host's addresses now (one rtnetlink dump): read when an instance with paths attaches. */
    @FunctionalInterface
    interface HostAddressSource {
        PrimaryAddress.HostAddresses read() throws IOException;
    }

    private final NativeNetwork network;
    private final PollSet poller;
    private final HostAddressSource host;
    private final InstanceTable table;
    private final ActionExecutor executor;
    private final RejectedPacketLog rejects;
    private final DetailLog log;
    private final LongSupplier clock;
    private final Map<HeartbeatPathSocket.Key, HeartbeatPathSocket> sockets = new LinkedHashMap<>();
    private final Map<Integer, HeartbeatPathSocket> byFd = new HashMap<>();
    private final Map<InstanceEntry, List<Attached>> attached = new IdentityHashMap<>();
    private final ByteBuffer receiveBuffer = ByteBuffer.allocate(MAX_PACKET);
    /**
     * The datagram being delivered, read in place as the VRRP path's demultiplexer reads it:
     * refilled for each datagram, never kept past its delivery.
     */
    private final ReceivedPacket view = ReceivedPacket.reusable();
    private final byte[] sendArray = new byte[MAX_PACKET];
    private final ByteBuffer sendBuffer = ByteBuffer.wrap(sendArray);

    private record Attached(HeartbeatPathMember member, HeartbeatPathSocket socket) {
    }

    HeartbeatPaths(NativeNetwork network, PollSet poller, HostAddressSource host, InstanceTable table,
                   ActionExecutor executor, RejectedPacketLog rejects, DetailLog log, LongSupplier clock) {
        this.network = network;
        this.poller = poller;
        this.host = host;
        this.table = table;
        this.executor = executor;
        this.rejects = rejects;
        this.log = log;
        this.clock = clock;
    }

    /** Puts the instance on each of its paths (again: what it had before is left first). */
    void attach(InstanceEntry e) {
        detach(e);
        List<HeartbeatPath> paths = e.plan.heartbeatPaths();
        if (paths.isEmpty()) {
            return;
        }
        PrimaryAddress.HostAddresses addresses;
        try {
            addresses = host.read();
        } catch (IOException x) {
            log.log().error("({}) cannot read the host's addresses for its heartbeat paths: {}", e.name(),
                    x.getMessage());
            return;
        }
        Set<InetAddress> vips = InstanceStarter.allVips(table.plan());
        List<Attached> list = new ArrayList<>(paths.size());
        for (HeartbeatPath p : paths) {
            InetAddress own = ownAddress(p, e.instance.settings().ipFamily(), addresses.of(p.interfaceName()), vips);
            if (own == null) {
                log.log().error("({}) no {} address on {} for heartbeat path - sending and hearing adverts on {}"
                        + " only", e.name(), e.instance.settings().ipFamily(), p.interfaceName(),
                        e.plan.interfaceName());
                continue;
            }
            HeartbeatPathSocket s = socket(new HeartbeatPathSocket.Key(p.interfaceName(), own), e);
            if (s == null) {
                continue;
            }
            HeartbeatPathMember m = new HeartbeatPathMember(e.receiver, p, own);
            try {
                s.add(m);
            } catch (IllegalArgumentException x) {
                log.log().error("({}) {}", e.name(), x.getMessage());
                closeIfEmpty(s);
                continue;
            }
            list.add(new Attached(m, s));
            log.detail("(" + e.name() + ") heartbeat path " + p.interfaceName() + " from "
                    + AddressText.ntop(own) + " to " + p.peers().stream().map(AddressText::ntop).toList());
        }
        if (!list.isEmpty()) {
            attached.put(e, list);
        }
    }

    /** After a reload of the instance: attaches it again if its paths changed. */
    void refresh(InstanceEntry e) {
        List<Attached> list = attached.get(e);
        List<HeartbeatPath> now = list == null ? List.of() : list.stream().map(a -> a.member().path()).toList();
        if (!now.equals(e.plan.heartbeatPaths())) {
            attach(e);
        }
    }

    /** Takes the instance off its paths; a socket nobody uses any more is closed. */
    void detach(InstanceEntry e) {
        List<Attached> list = attached.remove(e);
        if (list == null) {
            return;
        }
        for (Attached a : list) {
            a.socket().remove(a.member());
            closeIfEmpty(a.socket());
        }
    }

    /** Sends the advert the instance just sent on its VRRP socket to every path peer as well. */
    void send(InstanceEntry e, int priority) {
        List<Attached> list = attached.get(e);
        if (list == null) {
            return;
        }
        for (int i = 0; i < list.size(); i++) { // no iterator: this runs for every advert
            Attached a = list.get(i);
            List<AdvertTemplate> templates = a.member().templates();
            for (int k = 0; k < templates.size(); k++) {
                AdvertTemplate t = templates.get(k);
                try {
                    sendBuffer.clear();
                    if (t.family() == IpFamily.IPV4) {
                        sendBuffer.limit(t.writeIpv4Packet(priority, a.socket().nextIpId(), sendArray, 0));
                        a.socket().socket.sendIpv4Datagram(sendBuffer);
                    } else {
                        sendBuffer.limit(t.writeVrrp(priority, sendArray, 0));
                        a.socket().socket.send(sendBuffer, t.source(), t.destination(), VrrpCodec.VRRP_TTL);
                    }
                } catch (IOException x) {
                    rejects.log(e.name() + "/path-send", RejectReason.LENGTH, "(" + e.name()
                            + ") cannot send advert on heartbeat path " + a.member().path().interfaceName() + " to "
                            + AddressText.ntop(t.destination()) + ": " + x.getMessage());
                }
            }
        }
    }

    /** Reads the path socket at {@code fd}; false if it is not one of ours. */
    boolean readable(int fd) throws IOException {
        HeartbeatPathSocket s = byFd.get(fd);
        if (s == null) {
            return false;
        }
        byte[] buf = receiveBuffer.array();
        for (int i = 0; i < READS_PER_TURN; i++) {
            ReceivedPacketInfo info = s.socket.receive(receiveBuffer);
            if (info == null) {
                break;
            }
            if (info.truncated()) {
                drop(s, RejectReason.LENGTH, "VRRP packet of " + info.receivedLength() + " bytes on " + s.key
                        + " is too long - ignoring");
                continue;
            }
            ParseResult parsed = info.isIpv6()
                    ? VrrpCodec.parseIpv6Into(view, info.source(), info.destination(), info.ttl(), buf, 0,
                            info.length())
                    : VrrpCodec.parseIpv4Into(view, buf, 0, info.length());
            if (!(parsed instanceof ReceivedPacket p)) {
                drop(s, RejectReason.LENGTH, "malformed VRRP packet on " + s.key + " - ignoring");
                continue;
            }
            deliver(s, p);
        }
        return true;
    }

    private void deliver(HeartbeatPathSocket s, ReceivedPacket p) {
        HeartbeatPathMember m = s.memberFor(p.vrid(), p.source());
        if (m == null) {
            drop(s, RejectReason.UNKNOWN_VRID, "VRRP packet for VRID " + p.vrid() + " from "
                    + AddressText.ntop(p.source()) + " on " + s.key + ": no instance has that path - ignoring");
            return;
        }
        if (!m.receiver().accepting()) {
            return; // INIT or FAULT reads nothing, as on the VRRP path
        }
        InstanceEntry e = table.entryOf(m.receiver().instance());
        HeartbeatPathMember.Outcome o = m.receive(p);
        if (o instanceof HeartbeatPathMember.Outcome.Dropped d) {
            drop(s, RejectReason.UNICAST_SOURCE, "(" + e.name() + ") " + d.reason());
            return;
        }
        Event event = ((HeartbeatPathMember.Outcome.ForInstance) o).event();
        if (event instanceof Event.AdvertRejected r) {
            executor.rejected(e, r, clock.getAsLong());
        } else {
            executor.advert(e, event, clock.getAsLong());
        }
    }

    private void drop(HeartbeatPathSocket s, RejectReason reason, String line) {
        s.dropped++;
        rejects.log(s.key.toString(), reason, line);
    }

    /** Packets the path sockets dropped before any instance saw them, in total. */
    long dropped() {
        long n = 0;
        for (HeartbeatPathSocket s : sockets.values()) {
            n += s.dropped;
        }
        return n;
    }

    void closeAll() {
        attached.clear();
        byFd.clear();
        sockets.values().forEach(s -> s.socket.close());
        sockets.clear();
    }

    private HeartbeatPathSocket socket(HeartbeatPathSocket.Key key, InstanceEntry e) {
        HeartbeatPathSocket s = sockets.get(key);
        if (s != null) {
            return s;
        }
        try {
            s = HeartbeatPathSocket.open(network, key);
        } catch (IOException | IllegalArgumentException x) {
            log.log().error("({}) cannot open the socket of its {}: {}", e.name(), key, x.getMessage());
            return null;
        }
        sockets.put(key, s);
        byFd.put(s.socket.fd(), s);
        poller.add(s.socket.fd());
        log.detail("VRRP sockpool: [" + s.socket + "] for " + key);
        return s;
    }

    private void closeIfEmpty(HeartbeatPathSocket s) {
        if (!s.isEmpty()) {
            return;
        }
        poller.remove(s.socket.fd());
        byFd.remove(s.socket.fd());
        sockets.remove(s.key);
        s.socket.close();
    }

    /** Our address on the path: of the family, link-local for link-local peers (IPv6), never a VIP. */
    static InetAddress ownAddress(HeartbeatPath p, IpFamily family, List<InetAddress> onInterface,
                                  Set<InetAddress> vips) {
        boolean linkLocal = p.peers().get(0).isLinkLocalAddress();
        for (InetAddress a : onInterface) {
            if (vips.contains(a) || !family.matches(a)) {
                continue;
            }
            if (!(a instanceof Inet6Address) || a.isLinkLocalAddress() == linkLocal) {
                return a;
            }
        }
        return null;
    }
}
