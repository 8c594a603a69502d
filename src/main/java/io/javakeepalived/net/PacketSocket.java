package io.javakeepalived.net;

import io.javakeepalived.util.AddressText;

import java.io.Closeable;
import java.net.InetAddress;

/**
 * An {@code AF_PACKET}/{@code SOCK_RAW} socket bound to one interface, used only to send whole
 * Ethernet frames we build ourselves. It is opened with protocol 0, so the kernel queues no
 * received frames to it (binding with ETH_P_ARP would copy every ARP frame on the link into a
 * queue nobody reads); the ethertype is given per send in the {@code sockaddr_ll}.
 * Non-blocking: a full transmit queue is reported as EAGAIN.
 */
final class PacketSocket implements Closeable {
    private static final int SLL_LEN = 20;

    private final int fd;
    private final int ifindex;
    private final String subject;
    private final NativeBuffer sll = new NativeBuffer(SLL_LEN);
    private boolean closed;

    PacketSocket(int ifindex, String subject) throws ErrnoException {
        this.ifindex = ifindex;
        this.subject = subject;
        this.fd = Native.socket(Sys.AF_PACKET, Sys.SOCK_RAW | Sys.SOCK_NONBLOCK, 0, "socket(AF_PACKET) for " + subject);
        try {
            writeSll(0, null);
            if (Native.LIBC.bind(fd, sll.ptr, SLL_LEN) < 0) {
                throw Native.error("bind(AF_PACKET) on " + subject);
            }
        } catch (ErrnoException e) {
            Native.close(fd);
            throw e;
        }
    }

    int ifindex() {
        return ifindex;
    }

    /**
     * Sends {@code len} bytes of {@code frame} (offset 0) with the given ethertype and destination
     * MAC. {@code what} and {@code address} name the packet in an error only, so a send builds no
     * text.
     */
    void send(NativeBuffer frame, int len, int ethertype, byte[] dstMac, String what, InetAddress address)
            throws ErrnoException {
        writeSll(ethertype, dstMac);
        if (Native.sendto(fd, frame.ptr, len, sll.ptr, SLL_LEN) < 0) {
            throw Native.error("sendto(" + what + " for " + AddressText.ntop(address) + ") on " + subject);
        }
    }

    private void writeSll(int ethertype, byte[] dstMac) {
        sll.clear(0, SLL_LEN);
        sll.buf.putShort(0, (short) Sys.AF_PACKET);
        Ipv4Header.putShort(sll.buf, 2, ethertype);  // sll_protocol, network order
        sll.buf.putInt(4, ifindex);
        sll.buf.putShort(8, (short) 1);               // ARPHRD_ETHER
        if (dstMac != null) {
            sll.buf.put(11, (byte) 6);
            for (int i = 0; i < 6; i++) {
                sll.buf.put(12 + i, dstMac[i]);
            }
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            Native.close(fd);
        }
    }
}
