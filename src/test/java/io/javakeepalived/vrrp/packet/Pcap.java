package io.javakeepalived.vrrp.packet;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A tiny reader for classic pcap files (not pcapng): 24-byte global header in either byte
 * order (micro- or nanosecond magic), 16-byte record headers, Ethernet II frames (with any
 * number of 802.1Q / 802.1ad tags) or Linux cooked (SLL) frames. Extracts VRRP packets the way
 * the kernel would hand them to a raw socket: IPv4 as the whole datagram cut to its total
 * length (dropping Ethernet padding); IPv6 as the payload after the 40-byte header, with
 * source, destination and hop limit beside it.
 */
final class Pcap {

    static final int LINKTYPE_ETHERNET = 1;
    static final int LINKTYPE_LINUX_SLL = 113;

    /** One captured VRRP packet. For IPv4 {@code bytes} is the IP datagram; for IPv6 the VRRP payload. */
    record VrrpPacket(int index, IpFamily family, byte[] bytes, InetAddress source, InetAddress destination,
                      int hopLimit, int trafficClass, byte[] ipv6Header) {
    }

    private Pcap() {
    }

    /** All frames' payloads (link layer included), in file order. */
    static List<byte[]> frames(Path file, int[] linkTypeOut) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file));
        if (b.remaining() < 24) {
            throw new IOException(file + ": shorter than a pcap global header");
        }
        int magic = b.order(ByteOrder.LITTLE_ENDIAN).getInt(0);
        if (magic == 0xa1b2c3d4 || magic == 0xa1b23c4d) {
            b.order(ByteOrder.LITTLE_ENDIAN);
        } else if (Integer.reverseBytes(magic) == 0xa1b2c3d4 || Integer.reverseBytes(magic) == 0xa1b23c4d) {
            b.order(ByteOrder.BIG_ENDIAN);
        } else {
            throw new IOException(file + ": not a pcap file (magic " + Integer.toHexString(magic) + ")");
        }
        linkTypeOut[0] = b.getInt(20);
        List<byte[]> out = new ArrayList<>();
        int pos = 24;
        while (pos + 16 <= b.limit()) {
            int inclLen = b.getInt(pos + 8);
            pos += 16;
            if (inclLen < 0 || pos + inclLen > b.limit()) {
                throw new IOException(file + ": truncated record at " + pos);
            }
            out.add(Arrays.copyOfRange(b.array(), pos, pos + inclLen));
            pos += inclLen;
        }
        return out;
    }

    /** The VRRP packets (IP protocol 112, or 51 = AH) in a capture; other frames are skipped. */
    static List<VrrpPacket> vrrpPackets(Path file) throws IOException {
        int[] linkType = new int[1];
        List<byte[]> frames = frames(file, linkType);
        List<VrrpPacket> out = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) {
            byte[] f = frames.get(i);
            int off;
            int etherType;
            if (linkType[0] == LINKTYPE_ETHERNET) {
                off = 12;
                etherType = u16(f, off);
                off += 2;
                while ((etherType == 0x8100 || etherType == 0x88a8) && off + 4 <= f.length) {
                    etherType = u16(f, off + 2);
                    off += 4;
                }
            } else if (linkType[0] == LINKTYPE_LINUX_SLL) {
                off = 16;
                etherType = u16(f, 14);
            } else {
                throw new IOException(file + ": unsupported link type " + linkType[0]);
            }
            if (etherType == 0x0800 && off + 20 <= f.length) {
                int proto = f[off + 9] & 0xFF;
                if (proto != VrrpCodec.IPPROTO_VRRP && proto != VrrpCodec.IPPROTO_AH) {
                    continue;
                }
                int total = Math.min(u16(f, off + 2), f.length - off);
                out.add(new VrrpPacket(i, IpFamily.IPV4, Arrays.copyOfRange(f, off, off + total),
                        addr(f, off + 12, 4), addr(f, off + 16, 4), f[off + 8] & 0xFF, f[off + 1] & 0xFF, null));
            } else if (etherType == 0x86DD && off + 40 <= f.length) {
                if ((f[off + 6] & 0xFF) != VrrpCodec.IPPROTO_VRRP) {
                    continue; // extension headers are not followed; VRRP is sent without them
                }
                int payload = Math.min(u16(f, off + 4), f.length - off - 40);
                int tc = (u16(f, off) >>> 4) & 0xFF;
                out.add(new VrrpPacket(i, IpFamily.IPV6, Arrays.copyOfRange(f, off + 40, off + 40 + payload),
                        addr(f, off + 8, 16), addr(f, off + 24, 16), f[off + 7] & 0xFF, tc,
                        Arrays.copyOfRange(f, off, off + 40)));
            }
        }
        return out;
    }

    private static int u16(byte[] b, int i) {
        return ((b[i] & 0xFF) << 8) | (b[i + 1] & 0xFF);
    }

    private static InetAddress addr(byte[] b, int off, int len) {
        try {
            byte[] raw = Arrays.copyOfRange(b, off, off + len);
            return len == 16 ? java.net.Inet6Address.getByAddress(null, raw, -1) : InetAddress.getByAddress(raw);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
