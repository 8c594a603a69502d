package io.javakeepalived.net;

import java.nio.ByteBuffer;

/**
 * Gratuitous ARP frame exactly as keepalived sends it (vrrp_arp.c, and the capture
 * {@code Request who-has VIP (ff:ff:ff:ff:ff:ff) tell VIP}): Ethernet broadcast, ARP request,
 * sender MAC = interface MAC, sender IP = target IP = VIP, target MAC ff:ff:ff:ff:ff:ff.
 * 42 bytes; the NIC pads to the minimum frame size. Pure: no native calls.
 *
 * <pre>
 * 0  dst MAC ff:ff:ff:ff:ff:ff      6  src MAC          12 ethertype 0x0806
 * 14 htype 1   16 ptype 0x0800  18 hlen 6  19 plen 4  20 oper 1 (request)
 * 22 sender MAC  28 sender IP (VIP)  32 target MAC ff:..:ff  38 target IP (VIP)
 * </pre>
 */
public final class ArpFrame {
    private ArpFrame() {}

    public static final int LENGTH = 42;
    public static final int OFF_SENDER_IP = 28;
    public static final int OFF_TARGET_IP = 38;

    /** Writes the whole frame at absolute offset 0 of {@code b}; returns {@link #LENGTH}. */
    public static int write(ByteBuffer b, byte[] mac, byte[] ipv4) {
        writeTemplate(b, mac);
        setAddress(b, ipv4);
        return LENGTH;
    }

    /** Writes everything but the two IP fields (which depend only on the VIP). */
    public static void writeTemplate(ByteBuffer b, byte[] mac) {
        checkMac(mac);
        for (int i = 0; i < 6; i++) {
            b.put(i, (byte) 0xff);
            b.put(6 + i, mac[i]);
            b.put(22 + i, mac[i]);
            b.put(32 + i, (byte) 0xff);
        }
        Ipv4Header.putShort(b, 12, Sys.ETH_P_ARP);
        Ipv4Header.putShort(b, 14, 1);           // ARPHRD_ETHER
        Ipv4Header.putShort(b, 16, Sys.ETH_P_IP);
        b.put(18, (byte) 6);
        b.put(19, (byte) 4);
        Ipv4Header.putShort(b, 20, 1);           // ARPOP_REQUEST
    }

    public static void setAddress(ByteBuffer b, byte[] ipv4) {
        if (ipv4.length != 4) {
            throw new IllegalArgumentException("not an IPv4 address");
        }
        for (int i = 0; i < 4; i++) {
            b.put(OFF_SENDER_IP + i, ipv4[i]);
            b.put(OFF_TARGET_IP + i, ipv4[i]);
        }
    }

    static void checkMac(byte[] mac) {
        if (mac == null || mac.length != 6) {
            throw new IllegalArgumentException("need a 6-byte Ethernet address");
        }
    }
}
