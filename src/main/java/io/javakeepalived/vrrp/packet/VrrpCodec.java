package io.javakeepalived.vrrp.packet;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * VRRP wire format: parsing received packets and the config-free checks, plus small encoding
 * conveniences (the allocation-free encoder is {@link AdvertTemplate}).
 *
 * <p>Receiving, as a daemon does it:
 * <ol>
 *   <li>{@link #parseIpv4} on what an IPv4 raw socket returned (IP header + [AH +] VRRP), or
 *       {@link #parseIpv6} on the IPv6 payload plus source, destination (IPV6_PKTINFO) and hop
 *       limit (IPV6_HOPLIMIT). Rejects only what has no VRRP header to look at (runts, IP
 *       headers a kernel would not deliver).</li>
 *   <li>Find the instance by {@link ReceivedPacket#vrid()} (none: {@link Rejection#unknownVrid}).</li>
 *   <li>{@link AdvertValidator#validate} with the instance's {@link ReceivePolicy}: every other
 *       check, in keepalived's order.</li>
 * </ol>
 * {@link #decodeIpv4}/{@link #decodeIpv6} do steps 1 and the checks that need no configuration
 * (length, version 2|3, auth type, type, IPv4 total length, checksum), for tools and tests.
 *
 * <p>No method here throws on any packet content; only bad arguments (null source, a range
 * outside the array) are programming errors and throw.
 */
public final class VrrpCodec {

    public static final int IPPROTO_VRRP = 112;
    public static final int IPPROTO_AH = 51;
    /** TTL / hop limit of a VRRP packet (RFC 3768 §5.2.3, RFC 5798 §5.1.1.3). */
    public static final int VRRP_TTL = 255;
    /** TOS / traffic class keepalived sends with: internetwork control. */
    public static final int VRRP_TOS = 0xC0;
    public static final int HEADER_LENGTH = 8;
    /** VRRPv2 authentication data, IPv4 only. */
    public static final int AUTH_DATA_LENGTH = 8;
    public static final int IPV4_HEADER_LENGTH = 20;
    /** keepalived's {@code ipsec_ah_t}: next header, length, reserved, SPI, sequence, 96-bit ICV. */
    public static final int AH_HEADER_LENGTH = 24;
    public static final int TYPE_ADVERTISEMENT = 1;
    public static final Inet4Address MCAST_GROUP4 = (Inet4Address) addr(new byte[] {(byte) 224, 0, 0, 18});
    public static final Inet6Address MCAST_GROUP6 = (Inet6Address) addr(new byte[] {
        (byte) 0xff, 0x02, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x12});

    private VrrpCodec() {
    }

    // ------------------------------------------------------------------------------- sizes

    /** Bytes of the VRRP message: header, addresses, and auth data for v2 over IPv4. */
    public static int vrrpLength(int version, IpFamily family, int addressCount) {
        int len = HEADER_LENGTH + addressCount * family.addressLength();
        if (version == 2 && family == IpFamily.IPV4) {
            len += AUTH_DATA_LENGTH;
        }
        return len;
    }

    // ------------------------------------------------------------------------------- parse

    /**
     * Parses what an IPv4 raw socket delivers: IP header, optionally an AH header (protocol
     * 51), then VRRP. {@code len} is the datagram length as received (keepalived's
     * {@code buflen}); trailing bytes are kept for the length checks. The packet keeps a copy
     * of the bytes.
     */
    public static ParseResult parseIpv4(byte[] buf, int off, int len) {
        Objects.checkFromIndexSize(off, len, buf.length);
        return parseIpv4Into(ReceivedPacket.once(), slice(buf, off, len), 0, len);
    }

    /**
     * {@link #parseIpv4(byte[], int, int)} into {@code view} (see {@link ReceivedPacket#reusable()}),
     * which then reads {@code buf} in place until the next call: allocation-free for a VRRP
     * advert (an AH one keeps a copy of its datagram for the ICV).
     */
    public static ParseResult parseIpv4Into(ReceivedPacket view, byte[] buf, int off, int len) {
        Objects.checkFromIndexSize(off, len, buf.length);
        if (len < IPV4_HEADER_LENGTH) {
            return runt("IPv4 VRRP packet too short - " + len + " bytes");
        }
        int ipVersion = (buf[off] & 0xF0) >>> 4;
        int ihl = (buf[off] & 0x0F) * 4;
        if (ipVersion != 4 || ihl < IPV4_HEADER_LENGTH) {
            return new Rejection(RejectReason.BAD_IP_HEADER,
                    "IPv4 packet with bad header: version " + ipVersion + ", header length " + ihl);
        }
        if (len < ihl + HEADER_LENGTH) {
            return runt("IPv4 VRRP packet too short - " + len + " bytes");
        }
        int protocol = buf[off + 9] & 0xFF;
        int vrrpOff = off + ihl;
        int ahNext = -1;
        if (protocol == IPPROTO_AH) {
            if (len < ihl + AH_HEADER_LENGTH + HEADER_LENGTH) {
                return runt("IPv4 VRRP packet with AH too short - " + len + " bytes");
            }
            ahNext = buf[vrrpOff] & 0xFF;
            vrrpOff += AH_HEADER_LENGTH;
        } else if (protocol != IPPROTO_VRRP) {
            return new Rejection(RejectReason.BAD_IP_HEADER, "IPv4 packet with protocol " + protocol + " is not VRRP");
        }
        // the AH ICV covers the whole datagram, so an AH packet keeps a copy of it
        byte[] ahDatagram = protocol == IPPROTO_AH ? slice(buf, off, len) : null;
        return view.ipv4(buf, off, len, ihl, ahDatagram, ahNext, vrrpOff);
    }

    /**
     * The VRID of an IPv4 datagram as {@link #parseIpv4} would read it, without parsing or
     * allocating; -1 where the parse would reject the datagram before reaching a VRRP header
     * (runt, not IPv4, not VRRP or AH), so that it is parsed and rejected as before.
     */
    public static int peekVridIpv4(byte[] buf, int off, int len) {
        Objects.checkFromIndexSize(off, len, buf.length);
        if (len < IPV4_HEADER_LENGTH || (buf[off] & 0xF0) != 0x40) {
            return -1;
        }
        int ihl = (buf[off] & 0x0F) * 4;
        if (ihl < IPV4_HEADER_LENGTH) {
            return -1;
        }
        int protocol = buf[off + 9] & 0xFF;
        int vrrp = ihl;
        if (protocol == IPPROTO_AH) {
            vrrp += AH_HEADER_LENGTH;
        } else if (protocol != IPPROTO_VRRP) {
            return -1;
        }
        return len < vrrp + HEADER_LENGTH ? -1 : buf[off + vrrp + 1] & 0xFF;
    }

    /** The VRID of an IPv6 VRRP payload, as {@link #peekVridIpv4}: -1 for a runt. */
    public static int peekVridIpv6(byte[] buf, int off, int len) {
        Objects.checkFromIndexSize(off, len, buf.length);
        return len < HEADER_LENGTH ? -1 : buf[off + 1] & 0xFF;
    }

    /** {@link #parseIpv4(byte[], int, int)} on the bytes from position to limit (position unchanged). */
    public static ParseResult parseIpv4(ByteBuffer buf) {
        if (buf.hasArray()) {
            return parseIpv4(buf.array(), buf.arrayOffset() + buf.position(), buf.remaining());
        }
        byte[] copy = new byte[buf.remaining()];
        buf.duplicate().get(copy);
        return parseIpv4(copy, 0, copy.length);
    }

    /**
     * Parses an IPv6 VRRP payload (the kernel has stripped the IPv6 header).
     *
     * @param source      IPv6 source (recvmsg's msg_name), not null
     * @param destination IPv6 destination from IPV6_PKTINFO, or null if unknown (then the
     *                    packet counts as unicast, as in keepalived, and the checksum is not
     *                    checked)
     * @param hopLimit    hop limit from IPV6_HOPLIMIT, or -1 if unknown (TTL checks skipped)
     */
    public static ParseResult parseIpv6(InetAddress source, InetAddress destination, int hopLimit,
                                        byte[] buf, int off, int len) {
        Objects.requireNonNull(source, "source");
        Objects.checkFromIndexSize(off, len, buf.length);
        return parseIpv6Into(ReceivedPacket.once(), source, destination, hopLimit, slice(buf, off, len), 0, len);
    }

    /** {@link #parseIpv6(InetAddress, InetAddress, int, byte[], int, int)} into a reusable view, as {@link #parseIpv4Into}. */
    public static ParseResult parseIpv6Into(ReceivedPacket view, InetAddress source, InetAddress destination,
                                            int hopLimit, byte[] buf, int off, int len) {
        Objects.requireNonNull(source, "source");
        Objects.checkFromIndexSize(off, len, buf.length);
        if (len < HEADER_LENGTH) {
            return runt("IPv6 VRRP packet too short - " + len + " bytes");
        }
        return view.ipv6(source, destination, hopLimit, buf, off, len);
    }

    /** {@link #parseIpv6(InetAddress, InetAddress, int, byte[], int, int)} on position..limit. */
    public static ParseResult parseIpv6(InetAddress source, InetAddress destination, int hopLimit, ByteBuffer buf) {
        if (buf.hasArray()) {
            return parseIpv6(source, destination, hopLimit, buf.array(), buf.arrayOffset() + buf.position(),
                    buf.remaining());
        }
        byte[] copy = new byte[buf.remaining()];
        buf.duplicate().get(copy);
        return parseIpv6(source, destination, hopLimit, copy, 0, copy.length);
    }

    // ------------------------------------------------------------------------------- decode

    /**
     * Parses an IPv4 packet and applies the checks that need no instance configuration, in
     * keepalived's order: length, version (2 or 3), v2 auth type, type, IPv4 total length,
     * checksum (v2 plain; v3 with the IPv4 pseudo-header). TTL is only reported.
     */
    public static DecodeResult decodeIpv4(byte[] buf, int off, int len) {
        ParseResult parsed = parseIpv4(buf, off, len);
        return parsed instanceof ReceivedPacket p ? decode(p) : (Rejection) parsed;
    }

    /** As {@link #decodeIpv4} for an IPv6 payload; the checksum is checked when {@code destination} is known. */
    public static DecodeResult decodeIpv6(InetAddress source, InetAddress destination, int hopLimit,
                                          byte[] buf, int off, int len) {
        ParseResult parsed = parseIpv6(source, destination, hopLimit, buf, off, len);
        return parsed instanceof ReceivedPacket p ? decode(p) : (Rejection) parsed;
    }

    /** The config-free checks on a parsed packet (see {@link #decodeIpv4}). */
    public static DecodeResult decode(ReceivedPacket p) {
        Rejection r = Checks.length(p, p.authHeader());
        if (r != null) {
            return r;
        }
        if (p.version() != 2 && p.version() != 3) {
            return new Rejection(RejectReason.VERSION,
                    "wrong version. Received " + p.version() + " and expect 2 or 3");
        }
        if (p.version() == 2 && AuthType.fromWire(p.authTypeField()) == null) {
            return Checks.invalidAuthType(p);
        }
        r = Checks.type(p);
        if (r == null) {
            r = Checks.totalLength(p);
        }
        if (r == null && !Checks.standardChecksumOk(p)) {
            r = Checks.checksumError(p.version());
        }
        if (r != null) {
            return r;
        }
        return new DecodeResult.Decoded(p.toAdvert().orElseThrow(), p.meta());
    }

    // ------------------------------------------------------------------------------- encode

    /**
     * Encodes {@code advert} (VRRP part only, standard checksum for {@code source} →
     * {@code destination}) into {@code buf} at {@code off}; returns the length. Allocates a
     * template per call: for the send path keep an {@link AdvertTemplate}.
     */
    public static int encode(Advert advert, InetAddress source, InetAddress destination, byte[] buf, int off) {
        AdvertTemplate t = AdvertTemplate.of(advert, source, destination);
        return t.writeVrrp(advert.priority(), buf, off);
    }

    /** The VRRP part of {@code advert} as a new array (tests, tools). */
    public static byte[] encode(Advert advert, InetAddress source, InetAddress destination) {
        AdvertTemplate t = AdvertTemplate.of(advert, source, destination);
        byte[] out = new byte[t.vrrpLength()];
        t.writeVrrp(advert.priority(), out, 0);
        return out;
    }

    /** A whole IPv4 packet (keepalived's header: TOS 0xc0, no DF, protocol 112) as a new array. */
    public static byte[] encodeIpv4Packet(Advert advert, Inet4Address source, Inet4Address destination,
                                          int ttl, int ipId) {
        AdvertTemplate t = AdvertTemplate.builder(advert, source, destination).ttl(ttl).build();
        byte[] out = new byte[t.ipv4PacketLength()];
        t.writeIpv4Packet(advert.priority(), ipId, out, 0);
        return out;
    }

    // ------------------------------------------------------------------------------- helpers

    private static Rejection runt(String message) {
        return new Rejection(RejectReason.RUNT, message);
    }

    static int u16(byte[] b, int i) {
        return ((b[i] & 0xFF) << 8) | (b[i + 1] & 0xFF);
    }

    private static byte[] slice(byte[] b, int off, int len) {
        byte[] out = new byte[len];
        System.arraycopy(b, off, out, 0, len);
        return out;
    }

    /** Address from raw bytes; 16 bytes always give an Inet6Address (also for ::ffff:a.b.c.d). */
    static InetAddress addr(byte[] raw) {
        try {
            return raw.length == 16 ? Inet6Address.getByAddress(null, raw, -1) : InetAddress.getByAddress(raw);
        } catch (UnknownHostException e) {
            throw new AssertionError("address of length " + raw.length, e);
        }
    }
}
