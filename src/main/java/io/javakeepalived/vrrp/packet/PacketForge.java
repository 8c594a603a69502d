package io.javakeepalived.vrrp.packet;

import java.net.InetAddress;
import java.util.Arrays;

/**
 * Builds deliberately wrong (or right) VRRP packets for tests and for injecting into a live
 * group: start from a valid advert, override any raw field, and take the VRRP bytes or a whole
 * IPv4 packet. Checksums (VRRP and IPv4 header) are recomputed after the changes unless set
 * explicitly or spoiled with {@link #badChecksum()}, so each packet is wrong in exactly the
 * way asked for. Mutable, allocates; not for the send path.
 */
public final class PacketForge {

    private final InetAddress source;
    private final InetAddress destination;
    private final IpFamily family;
    private byte[] vrrp;
    private Integer checksum;
    private boolean badChecksum;
    private boolean checksumWithPseudoHeader;
    private InetAddress checksumDestination;
    private int ttl = VrrpCodec.VRRP_TTL;
    private int tos = VrrpCodec.VRRP_TOS;
    private int ipId = 1;
    private int protocol = VrrpCodec.IPPROTO_VRRP;
    private Integer totalLength;
    private Integer ipChecksum;
    private int ipVersionIhl = 0x45;
    private int ahNextHeader = -1;
    private long ahSequence = 1;
    private byte[] ahSpi;
    private String ahPassword;
    private boolean ahUnicast;

    private PacketForge(Advert advert, InetAddress source, InetAddress destination) {
        this.source = source;
        this.destination = destination;
        this.family = IpFamily.of(source);
        if (advert.authType() == AuthType.IP_AH) {
            // the VRRP part of an AH advert is a plain one with auth type 2 (see ahHeader())
            Advert plain = new Advert(2, advert.vrid(), advert.priority(), advert.advertIntervalCentis(),
                    AuthType.NONE, "", advert.addresses());
            this.vrrp = VrrpCodec.encode(plain, source, destination);
            this.vrrp[4] = (byte) AuthType.IP_AH.wireValue();
        } else {
            this.vrrp = VrrpCodec.encode(advert, source, destination);
        }
        this.checksumWithPseudoHeader = family == IpFamily.IPV6 || advert.version() == 3;
        this.checksumDestination = destination;
    }

    /** Starts from the valid encoding of {@code advert} sent from {@code source} to {@code destination}. */
    public static PacketForge of(Advert advert, InetAddress source, InetAddress destination) {
        return new PacketForge(advert, source, destination);
    }

    public PacketForge version(int v) {
        vrrp[0] = (byte) ((v << 4) | (vrrp[0] & 0x0F));
        return this;
    }

    public PacketForge type(int t) {
        vrrp[0] = (byte) ((vrrp[0] & 0xF0) | (t & 0x0F));
        return this;
    }

    public PacketForge vrid(int v) {
        vrrp[1] = (byte) v;
        return this;
    }

    public PacketForge priority(int p) {
        vrrp[2] = (byte) p;
        return this;
    }

    /** "Count IP Addrs" without changing the addresses present. */
    public PacketForge addressCount(int n) {
        vrrp[3] = (byte) n;
        return this;
    }

    /** Byte 4 (v2 auth type). */
    public PacketForge authTypeField(int a) {
        vrrp[4] = (byte) a;
        return this;
    }

    /** v2: byte 5 in seconds. */
    public PacketForge advertIntervalSeconds(int s) {
        vrrp[5] = (byte) s;
        return this;
    }

    /** v3: the 12-bit centisecond field (reserved nibble kept). */
    public PacketForge advertIntervalCentis(int cs) {
        vrrp[4] = (byte) ((vrrp[4] & 0xF0) | ((cs >>> 8) & 0x0F));
        vrrp[5] = (byte) cs;
        return this;
    }

    /** Sets byte {@code index} of the VRRP message. */
    public PacketForge vrrpByte(int index, int value) {
        vrrp[index] = (byte) value;
        return this;
    }

    /** Drops the last {@code n} bytes of the VRRP message. */
    public PacketForge truncate(int n) {
        vrrp = Arrays.copyOf(vrrp, Math.max(0, vrrp.length - n));
        return this;
    }

    /** Appends bytes to the VRRP message. */
    public PacketForge append(int... bytes) {
        int old = vrrp.length;
        vrrp = Arrays.copyOf(vrrp, old + bytes.length);
        for (int i = 0; i < bytes.length; i++) {
            vrrp[old + i] = (byte) bytes[i];
        }
        return this;
    }

    /** Uses this checksum value instead of computing one. */
    public PacketForge checksum(int value) {
        checksum = value;
        return this;
    }

    /** Makes the VRRP checksum wrong (the right one with its bits inverted). */
    public PacketForge badChecksum() {
        badChecksum = true;
        return this;
    }

    /** Checksum without pseudo-header (v2 style) or with one (v3/IPv6 style). */
    public PacketForge checksumWithPseudoHeader(boolean v) {
        checksumWithPseudoHeader = v;
        return this;
    }

    /** Pseudo-header destination (e.g. the multicast group, as old keepalived unicast did). */
    public PacketForge checksumDestination(InetAddress d) {
        checksumDestination = d;
        return this;
    }

    public PacketForge ttl(int v) {
        ttl = v;
        return this;
    }

    public PacketForge tos(int v) {
        tos = v;
        return this;
    }

    public PacketForge ipId(int v) {
        ipId = v;
        return this;
    }

    /** IPv4 protocol (112 VRRP, 51 AH, anything). */
    public PacketForge protocol(int v) {
        protocol = v;
        return this;
    }

    /** IPv4 total length field instead of the real length. */
    public PacketForge totalLength(int v) {
        totalLength = v;
        return this;
    }

    /**
     * Puts a 24-byte IPsec AH header (next header as given, SPI = source, sequence 1, zero ICV)
     * between the IPv4 header and VRRP, and sets protocol 51. The ICV is computed only after
     * {@link #ahSigned}.
     */
    public PacketForge ahHeader(int nextHeader) {
        ahNextHeader = nextHeader;
        protocol = VrrpCodec.IPPROTO_AH;
        return this;
    }

    /** The AH sequence number (default 1). */
    public PacketForge ahSequence(long v) {
        ahSequence = v;
        return this;
    }

    /** The AH SPI (default: the source address). */
    public PacketForge ahSpi(InetAddress v) {
        ahSpi = v.getAddress();
        return this;
    }

    /**
     * Computes the AH ICV over the finished packet, keyed with {@code storedPassword}, as a
     * {@code unicast} instance does (TTL outside the ICV) or a multicast one. Puts an AH header
     * for VRRP in if none was asked for.
     */
    public PacketForge ahSigned(String storedPassword, boolean unicast) {
        if (ahNextHeader < 0) {
            ahHeader(VrrpCodec.IPPROTO_VRRP);
        }
        ahPassword = storedPassword;
        ahUnicast = unicast;
        return this;
    }

    /** First byte of the IPv4 header (version and IHL), default 0x45. */
    public PacketForge ipVersionIhl(int v) {
        ipVersionIhl = v;
        return this;
    }

    public PacketForge ipChecksum(int v) {
        ipChecksum = v;
        return this;
    }

    /** The VRRP message (what an IPv6 socket delivers). */
    public byte[] vrrpBytes() {
        byte[] out = vrrp.clone();
        if (out.length >= VrrpCodec.HEADER_LENGTH) {
            int ck;
            if (checksum != null) {
                ck = checksum;
            } else {
                out[6] = 0;
                out[7] = 0;
                long pseudo = checksumWithPseudoHeader
                        ? Checksums.pseudoHeaderSum(source, checksumDestination, out.length, VrrpCodec.IPPROTO_VRRP)
                        : 0;
                ck = Checksums.checksum(pseudo + Checksums.sum(out, 0, out.length));
                if (badChecksum) {
                    ck = ~ck;
                }
            }
            out[6] = (byte) (ck >>> 8);
            out[7] = (byte) ck;
        }
        return out;
    }

    /** A whole IPv4 packet: keepalived's header with the overrides, then the VRRP message. */
    public byte[] ipv4Packet() {
        if (family != IpFamily.IPV4) {
            throw new IllegalStateException("not IPv4");
        }
        byte[] v = vrrpBytes();
        int ah = ahNextHeader >= 0 ? VrrpCodec.AH_HEADER_LENGTH : 0;
        byte[] out = new byte[VrrpCodec.IPV4_HEADER_LENGTH + ah + v.length];
        int total = totalLength != null ? totalLength : out.length;
        out[0] = (byte) ipVersionIhl;
        out[1] = (byte) tos;
        out[2] = (byte) (total >>> 8);
        out[3] = (byte) total;
        out[4] = (byte) (ipId >>> 8);
        out[5] = (byte) ipId;
        out[8] = (byte) ttl;
        out[9] = (byte) protocol;
        System.arraycopy(source.getAddress(), 0, out, 12, 4);
        System.arraycopy(destination.getAddress(), 0, out, 16, 4);
        int ck = ipChecksum != null ? ipChecksum : Checksums.internetChecksum(out, 0, VrrpCodec.IPV4_HEADER_LENGTH);
        out[10] = (byte) (ck >>> 8);
        out[11] = (byte) ck;
        if (ah > 0) {
            int a = VrrpCodec.IPV4_HEADER_LENGTH;
            AuthenticationHeader.write(out, a, ahSpi != null ? ahSpi : source.getAddress(), ahSequence);
            out[a] = (byte) ahNextHeader;
        }
        System.arraycopy(v, 0, out, VrrpCodec.IPV4_HEADER_LENGTH + ah, v.length);
        if (ah > 0 && ahPassword != null && (out[0] & 0x0F) == 5) {
            AuthenticationHeader.sign(AuthenticationHeader.key(ahPassword), out, 0, out.length, ahUnicast);
        }
        return out;
    }
}
