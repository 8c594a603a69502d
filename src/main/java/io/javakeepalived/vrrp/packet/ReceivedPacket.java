package io.javakeepalived.vrrp.packet;

import io.javakeepalived.util.AddressText;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A received VRRP packet as the codec found it: the raw header fields, the addresses that are
 * actually present, and the receive metadata. Nothing here has been judged yet except that
 * the IP (+AH) header and the 8-byte VRRP header are there; {@link AdvertValidator} applies
 * keepalived's checks against an instance's {@link ReceivePolicy}, and
 * {@link VrrpCodec#decodeIpv4} the config-free ones. Built only by {@link VrrpCodec}.
 *
 * <p>A view over the datagram's bytes, not a copy of its fields as objects: addresses are
 * compared where they lie ({@link #containsAddress}), the password too, and the objects a caller
 * asks for ({@link #source()}, {@link #addresses()}) are made when first asked for. What
 * {@link VrrpCodec#parseIpv4} returns views a private copy of the datagram and never changes. A
 * {@link #reusable()} view is refilled by {@link VrrpCodec#parseIpv4Into} for every datagram a
 * socket reads (issue 14: nothing allocated per advert received): it is valid until the next
 * datagram, and keeps the source and destination of the last one, so the same master's adverts
 * hand out the same address objects.
 */
public final class ReceivedPacket implements ParseResult {

    private final boolean reusable;
    private IpFamily family;
    private byte[] buf;
    /** Start of the IPv4 header in {@link #buf}; -1 for IPv6 (the kernel keeps the header). */
    private int ipOffset;
    private int vrrpOffset;
    private int end;
    private int ttl;
    private boolean multicast;
    private int receivedLength;
    private int ipHeaderLength;
    private int ipTotalLength;
    private byte[] ahDatagram;
    private int ahNextHeader;
    private int version;
    private int type;
    private int vrid;
    private int priority;
    private int addressCount;
    private int presentAddresses;
    private int authTypeField;
    private int advertIntervalField;
    private int checksumField;
    /** Where the v2-over-IPv4 authentication data lies in {@link #buf}, -1 if not all there. */
    private int authDataOffset;
    /** Where the 8 bytes ending at the IPv4 total length lie in {@link #buf}, -1 if outside. */
    private int passwordOffset;
    private int vrrpMessageLength;
    private long vrrpSum;

    private InetAddress source;
    private InetAddress destination;
    private List<InetAddress> addresses;
    /** IPv4: the last source and destination made, kept across datagrams by a reusable view. */
    private final IpAddressCache sources = new IpAddressCache();
    private final IpAddressCache destinations = new IpAddressCache();
    /** The bytes of the last other pseudo-header destination (the group, an IPv6 destination). */
    private final IpAddressCache groups = new IpAddressCache();

    private ReceivedPacket(boolean reusable) {
        this.reusable = reusable;
    }

    /** A view to refill with {@link VrrpCodec#parseIpv4Into}/{@link VrrpCodec#parseIpv6Into}, one per socket. */
    public static ReceivedPacket reusable() {
        return new ReceivedPacket(true);
    }

    /** A packet of its own (the bytes are the caller's to give away). */
    static ReceivedPacket once() {
        return new ReceivedPacket(false);
    }

    /** The IPv4 fields, from the IP header at {@code ipOffset}; then {@link #vrrp}. */
    ReceivedPacket ipv4(byte[] bytes, int ipOffset, int len, int ihl, byte[] ah, int ahNext, int vrrpOff) {
        refill();
        this.family = IpFamily.IPV4;
        this.buf = bytes;
        this.ipOffset = ipOffset;
        this.ttl = bytes[ipOffset + 8] & 0xFF;
        this.multicast = (bytes[ipOffset + 16] & 0xF0) == 0xE0;
        this.receivedLength = len;
        this.ipHeaderLength = ihl;
        this.ipTotalLength = VrrpCodec.u16(bytes, ipOffset + 2);
        this.ahDatagram = ah;
        this.ahNextHeader = ahNext;
        // keepalived compares the 8 bytes ending at ip->tot_len as the password
        int pw = ipTotalLength - VrrpCodec.AUTH_DATA_LENGTH;
        this.passwordOffset = pw >= 0 && pw + VrrpCodec.AUTH_DATA_LENGTH <= len ? ipOffset + pw : -1;
        return vrrp(vrrpOff, ipOffset + len);
    }

    /** The IPv6 fields (source, destination and hop limit come from the socket); then {@link #vrrp}. */
    ReceivedPacket ipv6(InetAddress src, InetAddress dst, int hopLimit, byte[] bytes, int off, int len) {
        refill();
        this.family = IpFamily.IPV6;
        this.buf = bytes;
        this.ipOffset = -1;
        this.source = src;
        this.destination = dst;
        this.ttl = hopLimit;
        this.multicast = dst != null && dst.isMulticastAddress();
        this.receivedLength = len;
        this.ipHeaderLength = 0;
        this.ipTotalLength = -1;
        this.ahDatagram = null;
        this.ahNextHeader = -1;
        this.passwordOffset = -1;
        return vrrp(off, off + len);
    }

    private void refill() {
        if (!reusable && buf != null) {
            throw new IllegalStateException("a parsed packet is not refilled");
        }
        source = null;
        destination = null;
        addresses = null;
    }

    private ReceivedPacket vrrp(int v, int end) {
        this.vrrpOffset = v;
        this.end = end;
        version = (buf[v] & 0xF0) >>> 4;
        type = buf[v] & 0x0F;
        vrid = buf[v + 1] & 0xFF;
        priority = buf[v + 2] & 0xFF;
        addressCount = buf[v + 3] & 0xFF;
        authTypeField = buf[v + 4] & 0xFF;
        advertIntervalField = version == 2 ? buf[v + 5] & 0xFF : VrrpCodec.u16(buf, v + 4) & 0x0FFF;
        checksumField = VrrpCodec.u16(buf, v + 6);
        int alen = family.addressLength();
        presentAddresses = Math.min(addressCount, Math.max(0, (end - v - VrrpCodec.HEADER_LENGTH) / alen));
        int messageLength = VrrpCodec.HEADER_LENGTH + addressCount * alen;
        authDataOffset = -1;
        if (family == IpFamily.IPV4 && version == 2) {
            int authOff = v + messageLength;
            if (authOff + VrrpCodec.AUTH_DATA_LENGTH <= end) {
                authDataOffset = authOff;
            }
            messageLength += VrrpCodec.AUTH_DATA_LENGTH;
        }
        vrrpMessageLength = messageLength;
        vrrpSum = v + messageLength <= end ? Checksums.sum(buf, v, messageLength) : -1;
        return this;
    }

    public IpFamily family() {
        return family;
    }

    /** The IP source; for IPv4 the same object as the last packet's when the address is the same. */
    public InetAddress source() {
        if (source == null) {
            source = sources.address(buf, ipOffset + 12, 4);
        }
        return source;
    }

    /** IP destination; null for IPv6 when the caller did not know it. */
    public InetAddress destination() {
        if (destination == null && ipOffset >= 0) {
            destination = destinations.address(buf, ipOffset + 16, 4);
        }
        return destination;
    }

    /** TTL / hop limit, -1 if unknown. */
    public int ttl() {
        return ttl;
    }

    public boolean multicast() {
        return multicast;
    }

    /** keepalived's {@code buflen}: the whole IPv4 datagram as received, or the IPv6 payload. */
    public int receivedLength() {
        return receivedLength;
    }

    /** IPv4 header length in bytes (IHL x 4); 0 for IPv6. */
    public int ipHeaderLength() {
        return ipHeaderLength;
    }

    /** IPv4 total length field; -1 for IPv6. */
    public int ipTotalLength() {
        return ipTotalLength;
    }

    /** IPv4 protocol was 51 (IPsec AH) rather than 112. */
    public boolean authHeader() {
        return ahDatagram != null;
    }

    /** The AH sequence number (unsigned 32 bits), -1 without AH. */
    public long ahSequence() {
        return ahDatagram == null ? -1 : AuthenticationHeader.sequence(ahDatagram, 0);
    }

    /** True if the AH SPI is the IPv4 source address, as keepalived's senders set it. False without AH. */
    boolean ahSpiIsSource() {
        return ahDatagram != null && AuthenticationHeader.spi(ahDatagram, 0) == AuthenticationHeader.u32(ahDatagram, 12);
    }

    /** keepalived's SPI log values: source and SPI as a little-endian host reads them (%u of network-order fields). */
    String ahSpiLogValues() {
        return Integer.toUnsignedString(Integer.reverseBytes((int) AuthenticationHeader.u32(ahDatagram, 12))) + " and expect "
                + Integer.toUnsignedString(Integer.reverseBytes((int) AuthenticationHeader.spi(ahDatagram, 0)));
    }

    /** True if the AH ICV verifies with {@code key}; {@code unicast}: the receiving instance's mode. False without AH. */
    boolean ahIcvVerifies(javax.crypto.SecretKey key, boolean unicast) {
        return ahDatagram != null && AuthenticationHeader.verifies(key, ahDatagram, 0, ahDatagram.length, unicast);
    }

    /** The AH "next header" field, -1 without AH. */
    public int ahNextHeader() {
        return ahNextHeader;
    }

    /** Version nibble (any 0..15). */
    public int version() {
        return version;
    }

    /** Type nibble; 1 = ADVERTISEMENT. */
    public int type() {
        return type;
    }

    public int vrid() {
        return vrid;
    }

    public int priority() {
        return priority;
    }

    /** "Count IP Addrs" as sent (not all may be present). */
    public int addressCount() {
        return addressCount;
    }

    /** Byte 4: v2 auth type (for v3 the reserved nibble and the top of the interval). */
    public int authTypeField() {
        return authTypeField;
    }

    /** v2: byte 5, seconds. v3: the low 12 bits of bytes 4-5, centiseconds. Chosen by the version nibble. */
    public int advertIntervalField() {
        return advertIntervalField;
    }

    public int checksumField() {
        return checksumField;
    }

    /** The addresses present in the packet, at most {@link #addressCount()} (made when asked for). */
    public List<InetAddress> addresses() {
        if (addresses == null) {
            int alen = family.addressLength();
            InetAddress[] out = new InetAddress[presentAddresses];
            for (int i = 0; i < out.length; i++) {
                out[i] = VrrpCodec.addr(Arrays.copyOfRange(buf, addressOffset(i), addressOffset(i) + alen));
            }
            addresses = List.of(out);
        }
        return addresses;
    }

    /** True if {@code raw} (4 or 16 bytes, this packet's family) is one of the addresses present; compared in place. */
    boolean containsAddress(byte[] raw) {
        if (raw.length != family.addressLength()) {
            return false;
        }
        for (int i = 0; i < presentAddresses; i++) {
            if (Arrays.equals(buf, addressOffset(i), addressOffset(i) + raw.length, raw, 0, raw.length)) {
                return true;
            }
        }
        return false;
    }

    private int addressOffset(int i) {
        return vrrpOffset + VrrpCodec.HEADER_LENGTH + i * family.addressLength();
    }

    /** The advertised interval in centiseconds, as {@link Advert#advertIntervalCentis()} has it. */
    public int advertIntervalCentis() {
        return version == 2 ? advertIntervalField * 100 : advertIntervalField;
    }

    /** Length of the VRRP message the header declares (8 + addresses + v2-over-IPv4 auth data). */
    public int vrrpMessageLength() {
        return vrrpMessageLength;
    }

    /** The receive metadata. */
    public ReceiveMeta meta() {
        return new ReceiveMeta(family, source(), destination(), ttl, multicast);
    }

    /**
     * keepalived's expected {@code buflen} for this header: IPv4 header, AH header if
     * {@code withAh}, VRRP header, v2-over-IPv4 auth data, addresses. (keepalived adds the AH
     * length when the <em>instance</em> uses AH; after its AH check both agree.)
     */
    public int expectedLength(boolean withAh) {
        return ipHeaderLength + (withAh ? VrrpCodec.AH_HEADER_LENGTH : 0) + vrrpMessageLength;
    }

    /** True if the whole declared VRRP message is in the buffer, so the checksum can be checked. */
    boolean checksumAvailable() {
        return vrrpSum >= 0;
    }

    /**
     * The pseudo-header sum for this packet as if sent to {@code to} (its own destination, or the
     * multicast group for the old unicast checksum), from the bytes where they lie.
     */
    long pseudoSum(InetAddress to) {
        boolean v4 = ipOffset >= 0;
        long addresses = (v4 ? Checksums.sum(buf, ipOffset + 12, 4) : sources.sum(source))
                + (v4 && to == destination() ? Checksums.sum(buf, ipOffset + 16, 4) : groups.sum(to));
        return Checksums.pseudoHeaderSum(addresses, v4, vrrpMessageLength, VrrpCodec.IPPROTO_VRRP);
    }

    /** True if the message verifies with a pseudo-header sum (0 for none). */
    boolean checksumVerifies(long pseudoSum) {
        return vrrpSum >= 0 && Checksums.verifies(pseudoSum, vrrpSum);
    }

    /**
     * Constant-time comparison of {@code password} (zero padded to 8 bytes) with the 8 bytes
     * keepalived compares: those ending at the IPv4 total length. False if they lie outside
     * the packet (keepalived would compare stale buffer memory there) and for IPv6 (keepalived
     * reads unrelated memory: a v2 packet over IPv6 carries no authentication data).
     */
    boolean passwordMatches(String password) {
        if (passwordOffset < 0) {
            return false;
        }
        int diff = 0;
        for (int i = 0; i < Advert.MAX_PASSWORD_LENGTH; i++) {
            int expected = i < password.length() ? password.charAt(i) & 0xFF : 0;
            diff |= expected ^ (buf[passwordOffset + i] & 0xFF);
        }
        return diff == 0;
    }

    /**
     * True if {@link #toAdvert()} has an advert: version 2 or 3, all declared addresses present,
     * a v2 auth type 0, 1 or 2. Allocates nothing.
     */
    boolean advertComplete() {
        return (version == 2 || version == 3) && presentAddresses == addressCount
                && (version == 3 || AuthType.fromWire(authTypeField) != null);
    }

    /**
     * The advert, if the packet is complete (all declared addresses present), the version is 2
     * or 3 and a v2 auth type is 0, 1 or 2. Says nothing about length, type or checksum.
     */
    public Optional<Advert> toAdvert() {
        if (!advertComplete()) {
            return Optional.empty();
        }
        if (version == 3) {
            return Optional.of(new Advert(3, vrid, priority, advertIntervalField, AuthType.NONE, "", addresses()));
        }
        AuthType auth = AuthType.fromWire(authTypeField);
        String password = "";
        if (auth == AuthType.SIMPLE_PASSWORD && authDataOffset >= 0) {
            int n = VrrpCodec.AUTH_DATA_LENGTH;
            while (n > 0 && buf[authDataOffset + n - 1] == 0) {
                n--;
            }
            password = new String(buf, authDataOffset, n, StandardCharsets.ISO_8859_1);
        }
        return Optional.of(new Advert(2, vrid, priority, advertIntervalField * 100, auth, password, addresses()));
    }

    @Override
    public String toString() {
        return "ReceivedPacket{" + family + " " + AddressText.ntop(source()) + " -> "
                + (destination() == null ? "?" : AddressText.ntop(destination())) + " ttl=" + ttl
                + " len=" + receivedLength + (ahDatagram != null ? " AH seq=" + ahSequence() : "") + " v" + version + " type=" + type
                + " vrid=" + vrid + " prio=" + priority + " naddr=" + addressCount
                + " auth=" + authTypeField + " int=" + advertIntervalField
                + " cksum=0x" + Integer.toHexString(checksumField) + " addrs=" + addresses() + "}";
    }
}
