package io.javakeepalived.daemon;

import io.javakeepalived.daemon.dump.SockPoolEntry;
import io.javakeepalived.net.ErrnoException;
import io.javakeepalived.net.NativeNetwork;
import io.javakeepalived.net.PollSet;
import io.javakeepalived.net.ReceivedPacketInfo;
import io.javakeepalived.net.VrrpSocket;
import io.javakeepalived.net.VrrpSocketOptions;
import io.javakeepalived.util.AddressText;
import io.javakeepalived.vrrp.Event;
import io.javakeepalived.vrrp.InstanceSettings;
import io.javakeepalived.vrrp.VridDemultiplexer;
import io.javakeepalived.vrrp.packet.IpFamily;
import io.javakeepalived.vrrp.packet.RejectReason;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The VRRP sockets: one per (family, interface, unicast or multicast) that some instance
 * reads, shared by the VRIDs on it ({@link VridDemultiplexer}), registered with the loop's
 * poller. Reads what a socket has queued and hands each packet to the instance it is for;
 * packets no instance takes (runt, unknown VRID) are logged per socket and reason through the
 * rate limit. Loop thread only.
 */
final class SocketPool {
    private static final int MAX_PACKET = 8192;

    private final Map<VridDemultiplexer.SocketKey, SharedSocket> sockets = new LinkedHashMap<>();
    private final Map<Integer, SharedSocket> byFd = new HashMap<>();
    private final NativeNetwork network;
    private final PollSet poller;
    private final InstanceTable table;
    private final ActionExecutor executor;
    private final RejectedPacketLog rejects;
    private final DetailLog log;
    private final LongSupplier clock;
    private final ByteBuffer receiveBuffer = ByteBuffer.allocate(MAX_PACKET);
    /** The instances' second paths (heartbeat_path): attached and read beside their VRRP sockets. */
    private HeartbeatPaths paths;

    SocketPool(NativeNetwork network, PollSet poller, InstanceTable table, ActionExecutor executor, RejectedPacketLog rejects, DetailLog log,
               LongSupplier clock) {
        this.network = network;
        this.poller = poller;
        this.table = table;
        this.executor = executor;
        this.rejects = rejects;
        this.log = log;
        this.clock = clock;
    }

    /** Before the first {@link #attach}: the heartbeat paths go with the VRRP sockets. */
    void withHeartbeatPaths(HeartbeatPaths p) {
        paths = p;
    }

    /** Opens the instance's VRRP socket, or joins the one its (family, interface, mode) shares. */
    void attach(InstanceEntry e) {
        InstanceSettings s = e.instance.settings();
        if (s.primaryAddress() == null) {
            return;
        }
        VridDemultiplexer.SocketKey key = e.receiver.socket();
        SharedSocket sock = sockets.get(key);
        if (sock == null) {
            VrrpSocketOptions o = s.wire().unicast()
                    ? VrrpSocketOptions.unicast(key.interfaceName(), s.primaryAddress())
                    : VrrpSocketOptions.multicast(key.interfaceName(), key.family() == IpFamily.IPV6
                            ? s.wire().multicastGroup6() : s.wire().multicastGroup4());
            if (key.authHeader()) {
                o = o.withProtocol(VrrpSocket.IPPROTO_AH); // auth_type AH: the kernel hands raw sockets protocol 51
            }
            try {
                VrrpSocket raw = network.openVrrpSocket(o);
                sock = new SharedSocket(raw, new VridDemultiplexer(key));
                sockets.put(key, sock);
                byFd.put(raw.fd(), sock);
                poller.add(raw.fd());
                log.detail("VRRP sockpool: [" + raw + "]");
            } catch (ErrnoException | IllegalArgumentException x) {
                log.log().error("({}) cannot open the VRRP socket on {}: {}", e.name(), key.interfaceName(),
                        x.getMessage());
                return;
            }
        }
        try {
            sock.demux.add(e.receiver);
            e.socket = sock;
            if (paths != null) {
                paths.attach(e);
            }
        } catch (IllegalArgumentException x) {
            log.log().error("({}) {}", e.name(), x.getMessage());
        }
    }

    /** A reloaded instance that keeps its socket: its heartbeat paths follow its new plan. */
    void refreshHeartbeatPaths(InstanceEntry e) {
        if (paths != null) {
            paths.refresh(e);
        }
    }

    /** The instance leaves its socket; the last one to leave closes it. */
    void detach(InstanceEntry e) {
        if (paths != null) {
            paths.detach(e);
        }
        SharedSocket s = e.socket;
        if (s == null) {
            return;
        }
        s.demux.remove(e.receiver);
        if (s.demux.receivers().isEmpty()) {
            int fd = s.socket.fd();
            poller.remove(fd);
            byFd.remove(fd);
            sockets.remove(s.demux.key());
            s.socket.close();
        }
        e.socket = null;
    }

    /** Reads the socket polling found readable at {@code fd}, if it is one of ours. */
    void readable(int fd) throws IOException {
        SharedSocket s = byFd.get(fd);
        if (s != null) {
            read(s);
        } else if (paths != null) {
            paths.readable(fd);
        }
    }

    /** Names the socket at {@code fd} for the log ("reading socket IPV4/eth0/multicast"). */
    String describe(int fd) {
        SharedSocket s = byFd.get(fd);
        return "reading socket " + (s == null ? "fd " + fd : s.demux.key());
    }

    private void read(SharedSocket s) throws IOException {
        VridDemultiplexer d = s.demux;
        boolean v6 = s.socket.isIpv6();
        byte[] buf = receiveBuffer.array();
        d.beginRound();
        while (!d.roundOver()) {
            ReceivedPacketInfo receiveInfo = s.socket.receive(receiveBuffer);
            if (receiveInfo == null) {
                return;
            }
            if (receiveInfo.truncated()) {
                d.truncated(); // ends the round: a stream of them must not starve the timers
                rejects.log(d.key().toString(), RejectReason.LENGTH, "VRRP packet of " + receiveInfo.receivedLength()
                        + " bytes on " + s.socket.interfaceName() + " is too long - ignoring");
                continue;
            }
            int n = receiveInfo.length();
            VridDemultiplexer.Dispatch dispatch = v6
                    ? d.routeIpv6(receiveInfo.source(), receiveInfo.destination(), receiveInfo.ttl(), buf, 0, n)
                    : d.routeIpv4(buf, 0, n);
            if (dispatch instanceof VridDemultiplexer.Dispatch.Deliver del) {
                InstanceEntry e = table.entryOf(del.instance());
                if (del.event() instanceof Event.AdvertRejected r) {
                    executor.rejected(e, r, clock.getAsLong());
                } else {
                    executor.advert(e, del.event(), clock.getAsLong());
                }
            } else if (dispatch instanceof VridDemultiplexer.Dispatch.Dropped drop) {
                if (drop.logged(table.plan().logUnknownVrids())) {
                    rejects.log(d.key().toString(), drop.rejection().reason(), drop.logLine());
                }
            }
        }
    }

    /** What each socket dropped before any instance saw it, for the metrics. */
    List<LoopSnapshot.SocketDrops> drops() {
        List<LoopSnapshot.SocketDrops> drops = new ArrayList<>(sockets.size());
        for (SharedSocket k : sockets.values()) {
            drops.add(new LoopSnapshot.SocketDrops(k.demux.key(), k.demux.counters().snapshot()));
        }
        return drops;
    }

    /**
     * The pool as keepalived.data's {@code VRRP Sockpool} shows it, in the order the sockets were
     * opened: one socket reads and sends, so fd_in and fd_out are the same; a unicast socket's
     * address is the source it was opened with (its first instance's).
     */
    List<SockPoolEntry> dumped() {
        List<SockPoolEntry> out = new ArrayList<>(sockets.size());
        for (SharedSocket k : sockets.values()) {
            VridDemultiplexer.SocketKey key = k.demux.key();
            List<SockPoolEntry.Member> members = new ArrayList<>();
            String unicastSource = null;
            for (InstanceEntry e : table.entries()) {
                if (e.socket != k) {
                    continue;
                }
                InstanceSettings s = e.instance.settings();
                members.add(new SockPoolEntry.Member(e.name(), s.vrid()));
                if (key.unicast() && unicastSource == null && s.primaryAddress() != null) {
                    unicastSource = AddressText.ntop(s.primaryAddress());
                }
            }
            int fd = k.socket.fd();
            out.add(new SockPoolEntry(fd, fd, key.interfaceName(), key.family() == IpFamily.IPV6, key.authHeader(),
                    unicastSource, 0, members));
        }
        return out;
    }

    void closeAll() {
        for (SharedSocket s : sockets.values()) {
            s.socket.close();
        }
        sockets.clear();
        byFd.clear();
        if (paths != null) {
            paths.closeAll();
        }
    }
}
