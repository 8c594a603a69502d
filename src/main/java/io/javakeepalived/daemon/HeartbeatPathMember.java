package io.javakeepalived.daemon;

import io.javakeepalived.config.model.HeartbeatPath;
import io.javakeepalived.vrrp.Event;
import io.javakeepalived.vrrp.InstanceReceiver;
import io.javakeepalived.vrrp.InstanceSettings;
import io.javakeepalived.vrrp.packet.AdvertTemplate;
import io.javakeepalived.vrrp.packet.AdvertValidator;
import io.javakeepalived.vrrp.packet.ReceivePolicy;
import io.javakeepalived.vrrp.packet.ReceivedPacket;
import io.javakeepalived.vrrp.packet.Rejection;
import io.javakeepalived.vrrp.packet.UnicastPeer;
import io.javakeepalived.vrrp.packet.Verdict;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One instance on one of its heartbeat paths ({@code heartbeat_path}): what it sends there and
 * how it judges what comes back. Pure apart from the instance it reads; loop thread only.
 *
 * <p>Receive: a packet must come from one of the path's peers with TTL (hop limit) 255 - the
 * path is one link, and a forged advert from further away arrives with less - or it is dropped
 * here ({@link Verdict#dropped}) before the instance sees it. Then it goes through the same
 * validation as an advert on the VRRP path ({@link AdvertValidator}, the instance's own
 * {@link ReceivePolicy}: version, VRID, authentication, interval, address list, checksum), seen
 * as the unicast advert it is, and becomes the same event, marked with the path it came over
 * ({@link Event.HeartbeatPath}).
 *
 * <p>Send: one template per peer, from our address on the path, TTL 255: the instance's advert
 * byte for byte, except that a VRRPv3 (or IPv6) checksum covers the path's addresses.
 */
final class HeartbeatPathMember {

    /** What became of one packet on the path. */
    sealed interface Outcome {
        /** For the instance: an accepted or rejected advert, to hand to the core. */
        record ForInstance(Event event) implements Outcome {
        }

        /** Not from a path peer, or not with TTL 255: dropped and counted on the path. */
        record Dropped(String reason) implements Outcome {
        }
    }

    private final InstanceReceiver receiver;
    private final HeartbeatPath path;
    private final Event.HeartbeatPath origin;
    private final List<UnicastPeer> peers;
    private ReceivePolicy builtFromPolicy;
    private ReceivePolicy pathPolicy;
    private InstanceSettings builtFromSettings;
    private List<AdvertTemplate> templates;

    HeartbeatPathMember(InstanceReceiver receiver, HeartbeatPath path, InetAddress ownAddress) {
        this.receiver = Objects.requireNonNull(receiver, "receiver");
        this.path = Objects.requireNonNull(path, "path");
        this.origin = new Event.HeartbeatPath(path.interfaceName(), ownAddress);
        List<UnicastPeer> p = new ArrayList<>();
        for (InetAddress a : path.peers()) {
            p.add(UnicastPeer.of(a, 255, 255));
        }
        this.peers = List.copyOf(p);
    }

    InstanceReceiver receiver() {
        return receiver;
    }

    int vrid() {
        return receiver.vrid();
    }

    HeartbeatPath path() {
        return path;
    }

    InetAddress ownAddress() {
        return origin.ownAddress();
    }

    boolean hasPeer(InetAddress source) {
        return path.peers().contains(source);
    }

    /** Judges a packet with this member's VRID read from the path's socket. */
    Outcome receive(ReceivedPacket p) {
        if (!hasPeer(p.source())) {
            return new Outcome.Dropped("VRRP packet on heartbeat path " + path.interfaceName() + " from "
                    + io.javakeepalived.util.AddressText.ntop(p.source()) + ", not a peer of the path - ignoring");
        }
        if (p.ttl() != 255) {
            return new Outcome.Dropped("VRRP packet on heartbeat path " + path.interfaceName() + " from "
                    + io.javakeepalived.util.AddressText.ntop(p.source()) + " with TTL/HL " + p.ttl()
                    + ", expected 255 - ignoring");
        }
        Verdict v = AdvertValidator.validate(p, policy(), receiver.instance().ahSequence().value());
        if (v instanceof Verdict.Accepted a) {
            return new Outcome.ForInstance(new Event.AdvertReceived(p.source(), a.advert().priority(),
                    a.advert().advertIntervalCentis(), false, -1, origin));
        }
        Rejection r = (Rejection) v;
        return new Outcome.ForInstance(new Event.AdvertRejected(p.source(),
                r.message().isEmpty() ? "" : r.message() + " (heartbeat path " + path.interfaceName() + ")",
                r.reason()));
    }

    /**
     * The instance's receive policy seen from the path: unicast, the path's peers as its peers,
     * the current checksum only (the old unicast checksum is keepalived's, and keepalived never
     * sends on a path).
     */
    ReceivePolicy policy() {
        ReceivePolicy base = receiver.policy();
        if (base != builtFromPolicy) {
            pathPolicy = new ReceivePolicy(base.interfaceName(), base.family(), base.version(), base.vrid(),
                    base.authType(), base.password(), base.advertIntervalCentis(), base.vips(), true, peers, false,
                    base.skipCheckAdvAddr(), base.lastMasterAddress(), base.v3ChecksumAsV2(),
                    ReceivePolicy.OldUnicastChecksum.NEVER, base.multicastGroup4());
            builtFromPolicy = base;
        }
        return pathPolicy;
    }

    /** One template per peer, rebuilt when the instance's settings change (reload). */
    List<AdvertTemplate> templates() {
        InstanceSettings s = receiver.instance().settings();
        if (s != builtFromSettings) {
            List<AdvertTemplate> t = new ArrayList<>(path.peers().size());
            for (InetAddress peer : path.peers()) {
                t.add(AdvertTemplate.builder(s.advert(), origin.ownAddress(), peer)
                        .v3ChecksumAsV2(s.wire().v3ChecksumAsV2()).build());
            }
            templates = List.copyOf(t);
            builtFromSettings = s;
        }
        return templates;
    }
}
