package io.javakeepalived.net;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;

/**
 * Sends keepalived's gratuitous ARP ({@link ArpFrame}) over an {@code AF_PACKET} socket bound to
 * one interface. The frame is built once from the MAC; each {@link #announce} rewrites only the
 * two address fields of the reused buffer. The caller skips interfaces flagged IFF_NOARP.
 */
public final class GratuitousArpSender implements LinkLayerAnnouncer {
    private static final byte[] BROADCAST = {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff};

    private final PacketSocket socket;
    private final NativeBuffer frame = new NativeBuffer(64);
    private final String ifname;

    private GratuitousArpSender(PacketSocket socket, byte[] mac, String ifname) {
        this.socket = socket;
        this.ifname = ifname;
        ArpFrame.writeTemplate(frame.buf, mac);
    }

    /** Opens a sender on {@code ifname} (looked up in the calling thread's namespace) with source MAC {@code mac}. */
    public static GratuitousArpSender open(String ifname, byte[] mac) throws ErrnoException {
        return open(NetInterfaces.indexOf(ifname), ifname, mac);
    }

    public static GratuitousArpSender open(int ifindex, String ifname, byte[] mac) throws ErrnoException {
        ArpFrame.checkMac(mac);
        return new GratuitousArpSender(new PacketSocket(ifindex, ifname), mac.clone(), ifname);
    }

    @Override
    public void announce(InetAddress address) throws IOException {
        if (!(address instanceof Inet4Address)) {
            throw new IllegalArgumentException("gratuitous ARP needs an IPv4 address, got " + address);
        }
        ArpFrame.setAddress(frame.buf, address.getAddress());
        socket.send(frame, ArpFrame.LENGTH, Sys.ETH_P_ARP, BROADCAST, "gratuitous ARP", address);
    }

    @Override
    public String toString() {
        return "GratuitousArpSender[" + ifname + "]";
    }

    @Override
    public void close() {
        socket.close();
    }
}
