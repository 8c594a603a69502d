package io.javakeepalived.vrrp.packet;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.Objects;
import javax.crypto.SecretKey;

/**
 * Allocation-free advert encoder for the send path. Built once per (instance config,
 * destination): the VRRP message is pre-rendered with priority 0 and checksum 0, and its sum
 * (with the pseudo-header) is kept, so each write is one array copy, the priority byte and a
 * folded checksum. Unicast instances need one template per peer, because a VRRPv3 or IPv6
 * checksum covers the destination.
 *
 * <p>Checksums: v2 over IPv4 over the message alone; v3 over IPv4 with the IPv4 pseudo-header
 * (src, {@code checksumDestination}, 0, 112, length) unless {@code v3ChecksumAsV2}; IPv6 (v2 or
 * v3) with the IPv6 pseudo-header, which is what the kernel computes with IPV6_CHECKSUM.
 * For keepalived's old unicast checksum set {@code checksumDestination} to the multicast group.
 *
 * <p>The IPv4 header is keepalived's: version 4, IHL 5, TOS 0xc0, no DF, TTL (255 or
 * unicast_ttl), protocol 112, caller's id, header checksum filled in.
 *
 * <p>AH ({@link AuthType#IP_AH}, VRRPv2 over IPv4 only): protocol 51 and the
 * {@link AuthenticationHeader} between the IPv4 header and VRRP, keyed with
 * {@link Builder#ahPassword} (the key is not part of the advert: it never goes on the wire); the VRRP message carries auth type 2 and zero auth data. Each write takes the
 * sequence number and computes the ICV, so only the whole-packet writes serve AH.
 *
 * <p>Immutable and thread-safe; the advert's own priority is ignored, each write gives one.
 */
public final class AdvertTemplate {

    private final Advert advert;
    private final IpFamily family;
    private final InetAddress source;
    private final InetAddress destination;
    private final InetAddress checksumDestination;
    private final boolean v3ChecksumAsV2;
    private final int ttl;
    private final byte[] vrrpImage;
    private final long vrrpBaseSum;
    private final byte[] ipv4Header;
    private final long ipv4BaseSum;
    /** The AH key; null without AH. */
    private final SecretKey ahKey;

    private AdvertTemplate(Builder b) {
        this.advert = b.advert;
        this.source = b.source;
        this.destination = b.destination;
        this.checksumDestination = b.checksumDestination != null ? b.checksumDestination : b.destination;
        this.v3ChecksumAsV2 = b.v3ChecksumAsV2;
        this.ttl = b.ttl;
        this.family = IpFamily.of(source);
        if (!family.matches(destination) || !family.matches(checksumDestination)) {
            throw new IllegalArgumentException("source and destination families differ");
        }
        IpFamily af = advert.addressFamily();
        if (af != null && af != family) {
            throw new IllegalArgumentException("advert addresses are not " + family);
        }
        boolean ah = advert.authType() == AuthType.IP_AH;
        if (ah && (family != IpFamily.IPV4 || advert.version() != 2)) {
            throw new IllegalArgumentException("auth type AH needs VRRPv2 over IPv4");
        }
        if (ah && b.ahPassword == null) {
            throw new IllegalArgumentException("auth type AH needs its password (Builder.ahPassword)");
        }
        this.ahKey = ah ? AuthenticationHeader.key(b.ahPassword) : null;
        if (ttl < 0 || ttl > 255) {
            throw new IllegalArgumentException("ttl out of range: " + ttl);
        }

        int n = advert.addresses().size();
        vrrpImage = new byte[VrrpCodec.vrrpLength(advert.version(), family, n)];
        byte[] v = vrrpImage;
        v[0] = (byte) ((advert.version() << 4) | VrrpCodec.TYPE_ADVERTISEMENT);
        v[1] = (byte) advert.vrid();
        v[2] = 0; // priority, per write
        v[3] = (byte) n;
        if (advert.version() == 2) {
            v[4] = (byte) advert.authType().wireValue();
            v[5] = (byte) (advert.advertIntervalCentis() / 100);
        } else {
            v[4] = (byte) ((advert.advertIntervalCentis() >>> 8) & 0x0F);
            v[5] = (byte) advert.advertIntervalCentis();
        }
        int o = VrrpCodec.HEADER_LENGTH;
        for (InetAddress a : advert.addresses()) {
            byte[] raw = a.getAddress();
            System.arraycopy(raw, 0, v, o, raw.length);
            o += raw.length;
        }
        if (family == IpFamily.IPV4 && advert.version() == 2 && advert.authType() == AuthType.SIMPLE_PASSWORD) {
            String pw = advert.password();
            for (int i = 0; i < pw.length(); i++) {
                v[o + i] = (byte) pw.charAt(i);
            }
        }
        long pseudo = 0;
        if (family == IpFamily.IPV6 || (advert.version() == 3 && !v3ChecksumAsV2)) {
            pseudo = Checksums.pseudoHeaderSum(source, checksumDestination, v.length, VrrpCodec.IPPROTO_VRRP);
        }
        vrrpBaseSum = pseudo + Checksums.sum(v, 0, v.length);

        if (family == IpFamily.IPV4) {
            byte[] h = new byte[VrrpCodec.IPV4_HEADER_LENGTH];
            int total = h.length + (ah ? AuthenticationHeader.LENGTH : 0) + v.length;
            h[0] = 0x45;
            h[1] = (byte) VrrpCodec.VRRP_TOS;
            h[2] = (byte) (total >>> 8);
            h[3] = (byte) total;
            h[8] = (byte) ttl;
            h[9] = (byte) (ah ? VrrpCodec.IPPROTO_AH : VrrpCodec.IPPROTO_VRRP);
            System.arraycopy(source.getAddress(), 0, h, 12, 4);
            System.arraycopy(destination.getAddress(), 0, h, 16, 4);
            ipv4Header = h;
            ipv4BaseSum = Checksums.sum(h, 0, h.length);
        } else {
            ipv4Header = null;
            ipv4BaseSum = 0;
        }
    }

    /** Template with standard checksums and TTL 255. */
    public static AdvertTemplate of(Advert advert, InetAddress source, InetAddress destination) {
        return builder(advert, source, destination).build();
    }

    public static Builder builder(Advert advert, InetAddress source, InetAddress destination) {
        return new Builder(advert, source, destination);
    }

    public static final class Builder {
        private final Advert advert;
        private final InetAddress source;
        private final InetAddress destination;
        private InetAddress checksumDestination;
        private boolean v3ChecksumAsV2;
        private int ttl = VrrpCodec.VRRP_TTL;
        private String ahPassword;

        private Builder(Advert advert, InetAddress source, InetAddress destination) {
            this.advert = Objects.requireNonNull(advert, "advert");
            this.source = Objects.requireNonNull(source, "source");
            this.destination = Objects.requireNonNull(destination, "destination");
        }

        /** IPv4 TTL written by {@link #writeIpv4Packet} (unicast_ttl); default 255. */
        public Builder ttl(int v) {
            ttl = v;
            return this;
        }

        /** Pseudo-header destination; the multicast group for keepalived's old unicast checksum. */
        public Builder checksumDestination(InetAddress v) {
            checksumDestination = v;
            return this;
        }

        /** The AH key of an {@link AuthType#IP_AH} advert: auth_pass in stored form (see {@link Advert#passwordFromConfig}). */
        public Builder ahPassword(String stored) {
            ahPassword = Objects.requireNonNull(stored, "stored");
            return this;
        }

        /** v3_checksum_as_v2: VRRPv3 over IPv4 without pseudo-header. */
        public Builder v3ChecksumAsV2(boolean v) {
            v3ChecksumAsV2 = v;
            return this;
        }

        public AdvertTemplate build() {
            return new AdvertTemplate(this);
        }
    }

    public Advert advert() {
        return advert;
    }

    public IpFamily family() {
        return family;
    }

    public InetAddress source() {
        return source;
    }

    public InetAddress destination() {
        return destination;
    }

    /** Length of the VRRP message. */
    public int vrrpLength() {
        return vrrpImage.length;
    }

    /** Length of IPv4 header (+ AH) + VRRP message. */
    public int ipv4PacketLength() {
        return VrrpCodec.IPV4_HEADER_LENGTH + (ahKey != null ? AuthenticationHeader.LENGTH : 0) + vrrpImage.length;
    }

    /** True for an AH template: write with {@link #writeIpv4Packet(int, int, long, byte[], int)}. */
    public boolean authHeader() {
        return ahKey != null;
    }

    /** Writes the VRRP message with {@code priority} at {@code off}; returns its length. */
    public int writeVrrp(int priority, byte[] buf, int off) {
        checkPriority(priority);
        byte[] v = vrrpImage;
        System.arraycopy(v, 0, buf, off, v.length);
        buf[off + 2] = (byte) priority;
        int ck = Checksums.checksum(vrrpBaseSum + (priority << 8));
        buf[off + 6] = (byte) (ck >>> 8);
        buf[off + 7] = (byte) ck;
        return v.length;
    }

    /** Writes the VRRP message at the buffer's position and advances it; returns the length. */
    public int writeVrrp(int priority, ByteBuffer buf) {
        checkPriority(priority);
        int start = buf.position();
        buf.put(vrrpImage);
        buf.put(start + 2, (byte) priority);
        putU16(buf, start + 6, Checksums.checksum(vrrpBaseSum + (priority << 8)));
        return vrrpImage.length;
    }

    /** Writes IPv4 header (with {@code ipId}) + VRRP at {@code off}; returns the total length. IPv4 without AH only. */
    public int writeIpv4Packet(int priority, int ipId, byte[] buf, int off) {
        if (ahKey != null) {
            throw new IllegalStateException("an AH advert needs its sequence number");
        }
        return writeIpv4Packet(priority, ipId, 0, buf, off);
    }

    /**
     * Writes IPv4 header (with {@code ipId}), the AH header with {@code ahSequence} and its ICV
     * (AH templates; ignored otherwise) and VRRP at {@code off}; returns the total length.
     */
    public int writeIpv4Packet(int priority, int ipId, long ahSequence, byte[] buf, int off) {
        byte[] h = ipv4Header();
        System.arraycopy(h, 0, buf, off, h.length);
        buf[off + 4] = (byte) (ipId >>> 8);
        buf[off + 5] = (byte) ipId;
        int ck = Checksums.checksum(ipv4BaseSum + (ipId & 0xFFFF));
        buf[off + 10] = (byte) (ck >>> 8);
        buf[off + 11] = (byte) ck;
        if (ahKey == null) {
            return h.length + writeVrrp(priority, buf, off + h.length);
        }
        if (ahSequence < 0 || ahSequence > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("AH sequence number out of range: " + ahSequence);
        }
        AuthenticationHeader.write(buf, off + h.length, source.getAddress(), ahSequence);
        int len = h.length + AuthenticationHeader.LENGTH + writeVrrp(priority, buf, off + h.length + AuthenticationHeader.LENGTH);
        AuthenticationHeader.sign(ahKey, buf, off, len, !destination.isMulticastAddress());
        return len;
    }

    /** As {@link #writeIpv4Packet(int, int, byte[], int)} at the buffer's position, advancing it. */
    public int writeIpv4Packet(int priority, int ipId, ByteBuffer buf) {
        if (ahKey != null) {
            throw new IllegalStateException("an AH advert needs its sequence number");
        }
        byte[] h = ipv4Header();
        int start = buf.position();
        buf.put(h);
        putU16(buf, start + 4, ipId);
        putU16(buf, start + 10, Checksums.checksum(ipv4BaseSum + (ipId & 0xFFFF)));
        return h.length + writeVrrp(priority, buf);
    }

    private byte[] ipv4Header() {
        if (ipv4Header == null) {
            throw new IllegalStateException("not an IPv4 template");
        }
        return ipv4Header;
    }

    /** Big-endian regardless of the buffer's byte order. */
    private static void putU16(ByteBuffer buf, int index, int value) {
        buf.put(index, (byte) (value >>> 8));
        buf.put(index + 1, (byte) value);
    }

    private static void checkPriority(int priority) {
        if (priority < 0 || priority > 255) {
            throw new IllegalArgumentException("priority out of range: " + priority);
        }
    }
}
