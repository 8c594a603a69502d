package io.javakeepalived.vrrp;

import io.javakeepalived.vrrp.packet.AuthType;
import io.javakeepalived.vrrp.packet.IpFamily;
import io.javakeepalived.vrrp.packet.ParseResult;
import io.javakeepalived.vrrp.packet.ReceivedPacket;
import io.javakeepalived.vrrp.packet.RejectReason;
import io.javakeepalived.vrrp.packet.Rejection;
import io.javakeepalived.vrrp.packet.VrrpCodec;
import io.javakeepalived.vrrp.packet.VrrpCounters;

import java.net.InetAddress;
import java.net.StandardProtocolFamily;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * keepalived's read dispatcher for one socket ({@code vrrp_dispatcher_read()}): a table VRID →
 * {@link InstanceReceiver} for the instances reading that socket, and the checks made before
 * any instance is involved. Pure; one per socket, owned by the loop that reads the socket.
 *
 * <p>A socket is one (family, interface, unicast or multicast), as keepalived opens them:
 * {@link SocketKey}. {@link #route(ParseResult)} takes what the codec made of one datagram:
 * <ol>
 * <li>a codec {@link Rejection} (runt, unusable IP header): counted here ({@code runt}),
 *     {@link Dispatch.Dropped}, and the read round ends (keepalived stops reading the socket);</li>
 * <li>no instance with the VRID: counted here ({@code unknown_vrid}), {@link Dispatch.Dropped}
 *     whose line keepalived logs only with {@code log_unknown_vrids};</li>
 * <li>unicast instances sharing the VRID: the one with the packet's source among its peers
 *     (none: an unknown VRID "from" that source);</li>
 * <li>the instance is INIT or FAULT: {@link Dispatch.Ignored}, silently and uncounted;</li>
 * <li>otherwise {@link Dispatch.Deliver}: the instance's event from
 *     {@link InstanceReceiver#receive}, to be handed to {@link VrrpInstance#handle}.</li>
 * </ol>
 *
 * <p>Read rounds: keepalived reads a socket until it would block, but stops after the second
 * packet for one VRID (configured or not) in the same round, so a flood cannot keep it
 * reading - "a best effort mitigation". The bookkeeping is pure, so it lives here: call
 * {@link #beginRound()} when the socket becomes readable and stop reading once
 * {@link #roundOver()} (the packet that ended the round is still routed, as in keepalived).
 * A loop that reads one datagram per wake-up may ignore rounds.
 *
 * <p>Hot path: the VRID is peeked from the raw bytes before any parsing; a VRID lookup in an
 * array, a 256-bit set; unknown-VRID verdicts are cached per VRID, so a segment full of other
 * groups' adverts costs neither a parse nor an allocation. A datagram for an instance is read
 * in place by one reusable view, and a master's adverts, alike, get the same event and dispatch
 * each time: routing a steady stream of accepted adverts allocates nothing either (issue 14).
 */
public final class VridDemultiplexer {

    /**
     * One socket: keepalived opens one per (interface, family, unicast/multicast, protocol).
     *
     * @param interfaceName the interface (named in "Unknown VRID(..) received on interface(..)")
     * @param authHeader    IP protocol 51 ({@code auth_type AH}) rather than 112: a raw socket
     *                      reads one protocol, so AH instances have sockets of their own
     */
    public record SocketKey(IpFamily family, String interfaceName, boolean unicast, boolean authHeader) {
        public SocketKey {
            Objects.requireNonNull(family, "family");
            Objects.requireNonNull(interfaceName, "interfaceName");
        }

        /** A VRRP (protocol 112) socket. */
        public SocketKey(IpFamily family, String interfaceName, boolean unicast) {
            this(family, interfaceName, unicast, false);
        }

        /** The socket an instance reads. */
        public static SocketKey of(InstanceSettings s) {
            return new SocketKey(s.family() == StandardProtocolFamily.INET6 ? IpFamily.IPV6 : IpFamily.IPV4,
                    s.wire().interfaceName(), s.wire().unicast(), s.wire().authType() == AuthType.IP_AH);
        }

        @Override
        public String toString() {
            return family + "/" + interfaceName + "/" + (unicast ? "unicast" : "multicast") + (authHeader ? "/AH" : "");
        }
    }

    /** What to do with one datagram. */
    public sealed interface Dispatch {

        /** Hand {@code event} to {@code receiver.instance().handle(event, now)}. */
        record Deliver(InstanceReceiver receiver, Event event) implements Dispatch {
            public VrrpInstance instance() {
                return receiver.instance();
            }
        }

        /** For an instance that reads nothing now (INIT or FAULT): nothing to do. */
        record Ignored(InstanceReceiver receiver) implements Dispatch {
        }

        /**
         * For no instance: already counted in the socket's counters. Log {@link #logLine()}
         * if {@link #logged(boolean)}.
         */
        record Dropped(Rejection rejection) implements Dispatch {
            /** keepalived's line (these carry no instance name). */
            public String logLine() {
                return rejection.message();
            }

            /** Whether keepalived writes the line, given global_defs {@code log_unknown_vrids}. */
            public boolean logged(boolean logUnknownVrids) {
                RejectReason.LogWhen w = rejection.reason().logWhen();
                return w == RejectReason.LogWhen.ALWAYS
                        || (w == RejectReason.LogWhen.LOG_UNKNOWN_VRIDS && logUnknownVrids);
            }
        }
    }

    private static final InstanceReceiver[] NONE = new InstanceReceiver[0];

    private final SocketKey key;
    private final InstanceReceiver[][] byVrid = new InstanceReceiver[256][];
    private final Dispatch.Dropped[] unknown = new Dispatch.Dropped[256];
    private final Dispatch.Ignored[] ignored = new Dispatch.Ignored[256];
    private final Dispatch.Deliver[] delivered = new Dispatch.Deliver[256];
    /** The datagram being routed, read in place (see {@link ReceivedPacket#reusable()}). */
    private final ReceivedPacket view = ReceivedPacket.reusable();
    private final long[] vridsThisRound = new long[4];
    private boolean roundOver;
    private final VrrpCounters counters = new VrrpCounters();

    public VridDemultiplexer(SocketKey key) {
        this.key = Objects.requireNonNull(key, "key");
    }

    public SocketKey key() {
        return key;
    }

    /**
     * Adds an instance reading this socket. A VRID may be shared only by unicast instances
     * with distinct peers (keepalived tells them apart by the source address).
     *
     * @throws IllegalArgumentException if the instance reads another socket or its VRID is taken
     */
    public void add(InstanceReceiver r) {
        if (!r.socket().equals(key)) {
            throw new IllegalArgumentException(r.instance().name() + " reads " + r.socket() + ", not " + key);
        }
        int vrid = r.vrid();
        InstanceReceiver[] slot = byVrid[vrid];
        if (slot == null) {
            byVrid[vrid] = new InstanceReceiver[] {r};
            return;
        }
        for (InstanceReceiver other : slot) {
            if (other == r) {
                return;
            }
            if (!key.unicast()) {
                throw new IllegalArgumentException("VRID " + vrid + " on " + key + " is used by "
                        + other.instance().name() + " and " + r.instance().name());
            }
            for (var peer : r.instance().settings().wire().unicastPeers()) {
                if (other.hasPeer(peer.address())) {
                    throw new IllegalArgumentException("unicast instances " + other.instance().name() + " and "
                            + r.instance().name() + " share VRID " + vrid + " and peer " + peer.address());
                }
            }
        }
        InstanceReceiver[] grown = Arrays.copyOf(slot, slot.length + 1);
        grown[slot.length] = r;
        byVrid[vrid] = grown;
    }

    /** Removes an instance (deleted, or moved to another socket by a reload); true if it was here. */
    public boolean remove(InstanceReceiver r) {
        int vrid = r.vrid();
        InstanceReceiver[] slot = byVrid[vrid];
        if (slot == null) {
            return false;
        }
        List<InstanceReceiver> kept = new ArrayList<>(Arrays.asList(slot));
        if (!kept.remove(r)) {
            return false;
        }
        byVrid[vrid] = kept.isEmpty() ? null : kept.toArray(NONE);
        return true;
    }

    /** The instances on this socket, by VRID. */
    public List<InstanceReceiver> receivers() {
        List<InstanceReceiver> out = new ArrayList<>();
        for (InstanceReceiver[] slot : byVrid) {
            if (slot != null) {
                out.addAll(Arrays.asList(slot));
            }
        }
        return out;
    }

    /** Packets for no instance: {@code runt} (also unusable IP headers) and {@code unknown_vrid}. */
    public VrrpCounters counters() {
        return counters;
    }

    /** The socket became readable: a new read round. */
    public void beginRound() {
        Arrays.fill(vridsThisRound, 0);
        roundOver = false;
    }

    /** True once the round should stop: after a runt, or a second packet for one VRID. */
    public boolean roundOver() {
        return roundOver;
    }

    /** Routes what the codec made of one datagram read from this socket (see the class comment). */
    public Dispatch route(ParseResult parsed) {
        if (parsed instanceof Rejection r) {
            counters.record(r);
            roundOver = true;
            return new Dispatch.Dropped(r);
        }
        ReceivedPacket p = (ReceivedPacket) parsed;
        int vrid = p.vrid();
        seen(vrid);

        InstanceReceiver[] slot = p.family() == key.family() ? byVrid[vrid] : null;
        if (slot == null) {
            return unknownVrid(vrid);
        }
        InstanceReceiver target = null;
        if (slot.length == 1) {
            target = slot[0];
        } else {
            for (InstanceReceiver r : slot) {
                if (r.hasPeer(p.source())) {
                    target = r;
                    break;
                }
            }
            if (target == null) {
                Rejection r = Rejection.unknownVrid(vrid, key.interfaceName(), p.source());
                counters.record(r);
                return new Dispatch.Dropped(r);
            }
        }
        if (!target.accepting()) {
            return new Dispatch.Ignored(target);
        }
        return deliver(vrid, target, target.receive(p));
    }

    /** The dispatch for {@code event}: the previous one for the VRID again when it is the same (see {@link InstanceReceiver}). */
    private Dispatch.Deliver deliver(int vrid, InstanceReceiver target, Event event) {
        Dispatch.Deliver d = delivered[vrid];
        if (d == null || d.receiver() != target || d.event() != event) {
            d = new Dispatch.Deliver(target, event);
            delivered[vrid] = d;
        }
        return d;
    }

    /**
     * {@link #route(ParseResult)} of an IPv4 datagram as a raw socket returns it (IP header first).
     * The VRID is peeked first: a datagram for a VRID no instance on this socket has is dropped
     * without being parsed (up to 255 addresses), and without allocating.
     */
    public Dispatch routeIpv4(byte[] buf, int off, int len) {
        int vrid = VrrpCodec.peekVridIpv4(buf, off, len);
        Dispatch early = vrid < 0 ? null : peeked(vrid);
        if (early != null) {
            return early;
        }
        return route(VrrpCodec.parseIpv4Into(view, buf, off, len));
    }

    /**
     * A datagram longer than the receive buffer: not VRRP anyone sends. It ends the read round, as
     * a runt does, so that a stream of them cannot keep the loop reading while timers are due.
     */
    public void truncated() {
        roundOver = true;
    }

    /**
     * {@link #route(ParseResult)} of an IPv6 VRRP payload.
     *
     * @param destination from IPV6_PKTINFO, or null if unknown
     * @param hopLimit    from IPV6_HOPLIMIT, or -1 if unknown
     */
    public Dispatch routeIpv6(InetAddress source, InetAddress destination, int hopLimit,
                              byte[] buf, int off, int len) {
        int vrid = VrrpCodec.peekVridIpv6(buf, off, len);
        Dispatch early = vrid < 0 ? null : peeked(vrid);
        if (early != null) {
            return early;
        }
        return route(VrrpCodec.parseIpv6Into(view, source, destination, hopLimit, buf, off, len));
    }

    /**
     * What {@link #route} would decide from the VRID alone, with the round's bookkeeping: an
     * unknown VRID, or the one instance reading it is in INIT or FAULT. Null: parse the datagram.
     */
    private Dispatch peeked(int vrid) {
        InstanceReceiver[] slot = byVrid[vrid];
        if (slot == null) {
            seen(vrid);
            return unknownVrid(vrid);
        }
        if (slot.length == 1 && !slot[0].accepting()) {
            seen(vrid);
            Dispatch.Ignored i = ignored[vrid];
            if (i == null || i.receiver() != slot[0]) {
                i = new Dispatch.Ignored(slot[0]);
                ignored[vrid] = i;
            }
            return i;
        }
        return null;
    }

    private void seen(int vrid) {
        long bit = 1L << (vrid & 63);
        if ((vridsThisRound[vrid >>> 6] & bit) != 0) {
            roundOver = true;
        }
        vridsThisRound[vrid >>> 6] |= bit;
    }

    private Dispatch.Dropped unknownVrid(int vrid) {
        Dispatch.Dropped d = unknown[vrid];
        if (d == null) {
            d = new Dispatch.Dropped(Rejection.unknownVrid(vrid, key.interfaceName()));
            unknown[vrid] = d;
        }
        counters.record(d.rejection());
        return d;
    }

    @Override
    public String toString() {
        return "VridDemultiplexer[" + key + "]";
    }
}
