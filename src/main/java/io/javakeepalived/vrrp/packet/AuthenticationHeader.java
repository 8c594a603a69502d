package io.javakeepalived.vrrp.packet;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * VRRPv2 {@code auth_type AH} as keepalived implements it (vrrp_ipsecah.c, RFC 2402 in spirit):
 * a 24-byte IPsec Authentication Header between the IPv4 header (protocol 51) and the VRRP
 * message, whose ICV is HMAC-MD5 truncated to 96 bits.
 *
 * <pre>
 *  0        8        16                31
 * +--------+--------+-----------------+
 * |next=112| len=4  |   reserved 0    |
 * +--------+--------+-----------------+
 * |   SPI = the sender's IPv4 address |   keepalived drops AH adverts whose SPI differs
 * +-----------------------------------+
 * |          sequence number          |   one counter per instance, see AhSequenceNumber
 * +-----------------------------------+
 * |     ICV: HMAC-MD5-96 (12 bytes)   |
 * +-----------------------------------+
 * </pre>
 *
 * The ICV is keyed with keepalived's 8-byte {@code auth_data} (auth_pass cut to 8 bytes,
 * zero padded) and covers the whole datagram with the IPv4 TOS, fragment field and header
 * checksum zeroed, the ICV zeroed, and the TTL zeroed only for unicast instances: keepalived
 * keeps the TTL of multicast adverts inside the ICV (against RFC 2402's mutable-field rule, but
 * harmless there, since it must be 255). Sender and receiver must agree on unicast for the
 * ICV to match, as they must anyway.
 *
 * <p>Pure; thread-safe (one {@link Mac} per thread). Never throws on packet content.
 */
public final class AuthenticationHeader {

    /** Bytes of keepalived's {@code ipsec_ah_t}. */
    public static final int LENGTH = VrrpCodec.AH_HEADER_LENGTH;
    /** HMAC-MD5 truncated to 96 bits (RFC 2403). */
    public static final int ICV_LENGTH = 12;
    /** The AH length field: the header in 32-bit words minus 2. */
    public static final int PAYLOAD_LENGTH_WORDS = LENGTH / 4 - 2;
    /** keepalived's {@code auth_data}: the key is always 8 bytes. */
    public static final int KEY_LENGTH = Advert.MAX_PASSWORD_LENGTH;

    static final int SPI_OFFSET = 4;
    static final int SEQUENCE_OFFSET = 8;
    static final int ICV_OFFSET = 12;
    private static final int MAX_IP_HEADER = 60;
    private static final String ALGORITHM = "HmacMD5";

    /** Per thread: the MAC engine and a scratch copy of the IP + AH headers with mutable fields zeroed. */
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private AuthenticationHeader() {
    }

    /**
     * The HMAC key of a stored password (see {@link Advert#passwordFromConfig}): its bytes
     * zero padded to 8, as keepalived keys the HMAC with all of {@code auth_data}.
     */
    public static SecretKey key(String storedPassword) {
        Advert.checkPassword(storedPassword);
        byte[] k = new byte[KEY_LENGTH];
        byte[] pw = storedPassword.getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(pw, 0, k, 0, pw.length);
        return new SecretKeySpec(k, ALGORITHM);
    }

    /**
     * Writes the AH header at {@code ah}: next header VRRP, length, SPI = {@code source}
     * (4 bytes), {@code sequence}, and a zero ICV (call {@link #sign} once the rest is written).
     */
    public static void write(byte[] buf, int ah, byte[] source, long sequence) {
        buf[ah] = (byte) VrrpCodec.IPPROTO_VRRP;
        buf[ah + 1] = (byte) PAYLOAD_LENGTH_WORDS;
        buf[ah + 2] = 0;
        buf[ah + 3] = 0;
        System.arraycopy(source, 0, buf, ah + SPI_OFFSET, 4);
        putU32(buf, ah + SEQUENCE_OFFSET, sequence);
        Arrays.fill(buf, ah + ICV_OFFSET, ah + LENGTH, (byte) 0);
    }

    /**
     * Computes the ICV of the datagram at {@code off} (IPv4 header, AH at IHL × 4, VRRP; its
     * length is {@code len}) and writes it into the AH header.
     *
     * @param unicast the sending instance is unicast: the TTL is left out of the ICV
     */
    public static void sign(SecretKey key, byte[] datagram, int off, int len, boolean unicast) {
        Scratch s = SCRATCH.get();
        int ah = off + ihl(datagram, off);
        icv(s, key, datagram, off, len, unicast);
        System.arraycopy(s.digest, 0, datagram, ah + ICV_OFFSET, ICV_LENGTH);
    }

    /**
     * True if the ICV in the datagram is the one {@code key} gives (compared in constant time).
     * False for a datagram too short to hold the IP and AH headers.
     *
     * @param unicast the receiving instance is unicast: the TTL is left out of the ICV
     */
    public static boolean verifies(SecretKey key, byte[] datagram, int off, int len, boolean unicast) {
        if (len < VrrpCodec.IPV4_HEADER_LENGTH || len < ihl(datagram, off) + LENGTH) {
            return false;
        }
        Scratch s = SCRATCH.get();
        icv(s, key, datagram, off, len, unicast);
        int icv = off + ihl(datagram, off) + ICV_OFFSET;
        int diff = 0; // constant time, as keepalived's memcmp_constant_time
        for (int i = 0; i < ICV_LENGTH; i++) {
            diff |= datagram[icv + i] ^ s.digest[i];
        }
        return diff == 0;
    }

    /** The SPI field of the AH header in the datagram at {@code off}, as an unsigned 32-bit value. */
    static long spi(byte[] datagram, int off) {
        return u32(datagram, off + ihl(datagram, off) + SPI_OFFSET);
    }

    /** The sequence number of the AH header in the datagram at {@code off}. */
    static long sequence(byte[] datagram, int off) {
        return u32(datagram, off + ihl(datagram, off) + SEQUENCE_OFFSET);
    }

    private static void icv(Scratch s, SecretKey key, byte[] d, int off, int len, boolean unicast) {
        int headers = ihl(d, off) + LENGTH;
        System.arraycopy(d, off, s.headers, 0, headers);
        byte[] h = s.headers;
        h[1] = 0;                   // TOS
        h[6] = 0;                   // flags + fragment offset
        h[7] = 0;
        h[10] = 0;                  // header checksum
        h[11] = 0;
        if (unicast) {
            h[8] = 0;               // TTL
        }
        Arrays.fill(h, headers - ICV_LENGTH, headers, (byte) 0);
        try {
            s.mac.init(key);
            s.mac.update(h, 0, headers);
            s.mac.update(d, off + headers, len - headers);
            s.mac.doFinal(s.digest, 0);
        } catch (InvalidKeyException | javax.crypto.ShortBufferException e) {
            throw new IllegalStateException("HMAC-MD5: " + e.getMessage(), e);
        }
    }

    private static int ihl(byte[] d, int off) {
        return (d[off] & 0x0F) * 4;
    }

    static long u32(byte[] b, int i) {
        return ((long) (b[i] & 0xFF) << 24) | ((b[i + 1] & 0xFF) << 16) | ((b[i + 2] & 0xFF) << 8) | (b[i + 3] & 0xFF);
    }

    private static void putU32(byte[] b, int i, long v) {
        b[i] = (byte) (v >>> 24);
        b[i + 1] = (byte) (v >>> 16);
        b[i + 2] = (byte) (v >>> 8);
        b[i + 3] = (byte) v;
    }

    private static final class Scratch {
        final Mac mac;
        final byte[] headers = new byte[MAX_IP_HEADER + LENGTH];
        final byte[] digest = new byte[16];

        Scratch() {
            try {
                mac = Mac.getInstance(ALGORITHM);
            } catch (GeneralSecurityException e) {
                // every Java SE runtime provides HmacMD5 (SunJCE)
                throw new IllegalStateException("no " + ALGORITHM + " in this Java runtime", e);
            }
        }
    }
}
