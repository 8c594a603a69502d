package io.javakeepalived.daemon;

import io.javakeepalived.net.ErrnoException;
import io.javakeepalived.net.NativeNetwork;
import io.javakeepalived.net.VrrpSocket;
import io.javakeepalived.net.VrrpSocketOptions;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * One socket of the heartbeat paths: unicast VRRP on one interface, receiving what is sent to
 * our address there, shared by the instances that name a path on that interface. Knows its
 * members by VRID (two instances may share a VRID when their path peers differ) and counts what
 * it drops before any instance sees it. Loop thread only.
 */
final class HeartbeatPathSocket {

    /** A socket per (interface, our address there): the address says the family. */
    record Key(String interfaceName, InetAddress ownAddress) {
        @Override
        public String toString() {
            return "heartbeat path " + interfaceName + " (" + io.javakeepalived.util.AddressText.ntop(ownAddress) + ")";
        }
    }

    final Key key;
    final VrrpSocket socket;
    private final List<HeartbeatPathMember> members = new ArrayList<>();
    private int ipId = 1;
    /** Packets dropped before any instance saw them: not from a path peer, TTL not 255, no such VRID, malformed. */
    long dropped;

    HeartbeatPathSocket(Key key, VrrpSocket socket) {
        this.key = key;
        this.socket = socket;
    }

    /** Opens the unicast VRRP socket of a path: sends from, and receives what is sent to, our address there. */
    static HeartbeatPathSocket open(NativeNetwork network, Key key) throws ErrnoException {
        return new HeartbeatPathSocket(key,
                network.openVrrpSocket(VrrpSocketOptions.unicast(key.interfaceName(), key.ownAddress())));
    }

    void add(HeartbeatPathMember m) {
        for (HeartbeatPathMember o : members) {
            if (o.vrid() == m.vrid() && m.path().peers().stream().anyMatch(o::hasPeer)) {
                throw new IllegalArgumentException(o.receiver().instance().name() + " and "
                        + m.receiver().instance().name() + " share VRID " + m.vrid() + " and a peer on " + key);
            }
        }
        members.add(m);
    }

    void remove(HeartbeatPathMember m) {
        members.remove(m);
    }

    boolean isEmpty() {
        return members.isEmpty();
    }

    /** The member a packet with this VRID from {@code source} is for, or null. */
    HeartbeatPathMember memberFor(int vrid, InetAddress source) {
        HeartbeatPathMember sameVrid = null;
        for (int i = 0; i < members.size(); i++) { // a handful: no map, no iterator per packet
            HeartbeatPathMember m = members.get(i);
            if (m.vrid() == vrid) {
                if (m.hasPeer(source)) {
                    return m;
                }
                sameVrid = m;
            }
        }
        return sameVrid; // not a peer: the member drops it, counted and logged
    }

    /** The IPv4 identification of the next advert sent here. */
    int nextIpId() {
        int id = ipId;
        ipId = id == 0xffff ? 1 : id + 1;
        return id;
    }
}
