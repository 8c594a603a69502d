package io.javakeepalived.net;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Sends unsolicited Neighbour Advertisements ({@link NeighbourAdvertFrame}) over an
 * {@code AF_PACKET} socket, as keepalived does, rather than over an ICMPv6 raw socket: the frame
 * then leaves with the VIP as source even while the address is still tentative (DAD) or not yet
 * assigned, and with exactly the hop limit, flags and option we wrote. The Router flag is the
 * caller's choice (keepalived sets it when forwarding is enabled on the interface).
 */
public final class NeighbourAdvertSender implements LinkLayerAnnouncer {
    private static final byte[] ALL_NODES_MAC = {0x33, 0x33, 0, 0, 0, 1};

    private final PacketSocket socket;
    private final NativeBuffer frame = new NativeBuffer(128);
    private final byte[] mac;
    private final String ifname;
    private volatile boolean router;

    private NeighbourAdvertSender(PacketSocket socket, byte[] mac, String ifname, boolean router) {
        this.socket = socket;
        this.mac = mac;
        this.ifname = ifname;
        this.router = router;
    }

    public static NeighbourAdvertSender open(String ifname, byte[] mac, boolean router) throws ErrnoException {
        return open(NetInterfaces.indexOf(ifname), ifname, mac, router);
    }

    public static NeighbourAdvertSender open(int ifindex, String ifname, byte[] mac, boolean router) throws ErrnoException {
        ArpFrame.checkMac(mac);
        return new NeighbourAdvertSender(new PacketSocket(ifindex, ifname), mac.clone(), ifname, router);
    }

    /** Sets the Router (R) flag of later advertisements. */
    public void setRouter(boolean router) {
        this.router = router;
    }

    @Override
    public void announce(InetAddress address) throws IOException {
        if (!(address instanceof Inet6Address)) {
            throw new IllegalArgumentException("neighbour advertisement needs an IPv6 address, got " + address);
        }
        NeighbourAdvertFrame.write(frame.buf, mac, address.getAddress(), router);
        socket.send(frame, NeighbourAdvertFrame.LENGTH, Sys.ETH_P_IPV6, ALL_NODES_MAC,
                "neighbour advert", address);
    }

    @Override
    public String toString() {
        return "NeighbourAdvertSender[" + ifname + "]";
    }

    @Override
    public void close() {
        socket.close();
    }
}
