package io.javakeepalived.vrrp.packet;

import io.javakeepalived.util.AddressText;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * A received VRRP packet as the codec found it: the raw header fields, the addresses that are
 * actually present, and the receive metadata. Nothing here has been judged yet except that
 * the IP (+AH) header and the 8-byte VRRP header are there; {@link AdvertValidator} applies
 * keepalived's checks against an instance's {@link ReceivePolicy}, and
 * {@link VrrpCodec#decodeIpv4} the config-free ones. Immutable; built only by {@link VrrpCodec}.
 */
public final class ReceivedPacket implements ParseResult {

    private final IpFamily family;
    private final InetAddress source;
    private final InetAddress destination;
    private final int ttl;
    private final boolean multicast;
    private final int receivedLength;
    private final int ipHeaderLength;
    private final int ipTotalLength;
    private final byte[] ahDatagram;
    private final int ahNextHeader;
    private final int version;
    private final int type;
    private final int vrid;
    private final int priority;
    private final int addressCount;
    private final int authTypeField;
    private final int advertIntervalField;
    private final int checksumField;
    private final List<InetAddress> addresses;
    private final byte[] authData;
    private final byte[] passwordAtTotalLength;
    private final int vrrpMessageLength;
    private final long vrrpSum;

    ReceivedPacket(IpFamily family, InetAddress source, InetAddress destination, int ttl, boolean multicast,
                   int receivedLength, int ipHeaderLength, int ipTotalLength, byte[] ahDatagram, int ahNextHeader,
                   int version, int type, int vrid, int priority, int addressCount, int authTypeField,
                   int advertIntervalField, int checksumField, List<InetAddress> addresses, byte[] authData,
                   byte[] passwordAtTotalLength, int vrrpMessageLength, long vrrpSum) {
        this.family = family;
        this.source = source;
        this.destination = destination;
        this.ttl = ttl;
        this.multicast = multicast;
        this.receivedLength = receivedLength;
        this.ipHeaderLength = ipHeaderLength;
        this.ipTotalLength = ipTotalLength;
        this.ahDatagram = ahDatagram;
        this.ahNextHeader = ahNextHeader;
        this.version = version;
        this.type = type;
        this.vrid = vrid;
        this.priority = priority;
        this.addressCount = addressCount;
        this.authTypeField = authTypeField;
        this.advertIntervalField = advertIntervalField;
        this.checksumField = checksumField;
        this.addresses = List.copyOf(addresses);
        this.authData = authData;
        this.passwordAtTotalLength = passwordAtTotalLength;
        this.vrrpMessageLength = vrrpMessageLength;
        this.vrrpSum = vrrpSum;
    }

    public IpFamily family() {
        return family;
    }

    public InetAddress source() {
        return source;
    }

    /** IP destination; null for IPv6 when the caller did not know it. */
    public InetAddress destination() {
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

    /** The addresses present in the packet, at most {@link #addressCount()}. */
    public List<InetAddress> addresses() {
        return addresses;
    }

    /** Length of the VRRP message the header declares (8 + addresses + v2-over-IPv4 auth data). */
    public int vrrpMessageLength() {
        return vrrpMessageLength;
    }

    /** The receive metadata. */
    public ReceiveMeta meta() {
        return new ReceiveMeta(family, source, destination, ttl, multicast);
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
        byte[] pw = passwordAtTotalLength;
        if (pw == null) {
            return false;
        }
        int diff = 0;
        for (int i = 0; i < Advert.MAX_PASSWORD_LENGTH; i++) {
            int expected = i < password.length() ? password.charAt(i) & 0xFF : 0;
            diff |= expected ^ (pw[i] & 0xFF);
        }
        return diff == 0;
    }

    /**
     * The advert, if the packet is complete (all declared addresses present), the version is 2
     * or 3 and a v2 auth type is 0, 1 or 2. Says nothing about length, type or checksum.
     */
    public Optional<Advert> toAdvert() {
        if ((version != 2 && version != 3) || addresses.size() != addressCount) {
            return Optional.empty();
        }
        if (version == 3) {
            return Optional.of(new Advert(3, vrid, priority, advertIntervalField, AuthType.NONE, "", addresses));
        }
        AuthType auth = AuthType.fromWire(authTypeField);
        if (auth == null) {
            return Optional.empty();
        }
        String password = "";
        if (auth == AuthType.SIMPLE_PASSWORD && authData != null) {
            int n = authData.length;
            while (n > 0 && authData[n - 1] == 0) {
                n--;
            }
            password = new String(authData, 0, n, StandardCharsets.ISO_8859_1);
        }
        return Optional.of(new Advert(2, vrid, priority, advertIntervalField * 100, auth, password, addresses));
    }

    @Override
    public String toString() {
        return "ReceivedPacket{" + family + " " + AddressText.ntop(source) + " -> "
                + (destination == null ? "?" : AddressText.ntop(destination)) + " ttl=" + ttl
                + " len=" + receivedLength + (ahDatagram != null ? " AH seq=" + ahSequence() : "") + " v" + version + " type=" + type
                + " vrid=" + vrid + " prio=" + priority + " naddr=" + addressCount
                + " auth=" + authTypeField + " int=" + advertIntervalField
                + " cksum=0x" + Integer.toHexString(checksumField) + " addrs=" + addresses + "}";
    }
}
