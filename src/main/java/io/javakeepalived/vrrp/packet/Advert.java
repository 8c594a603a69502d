package io.javakeepalived.vrrp.packet;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * One VRRP advertisement as a value: what a packet says, without IP-level metadata.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |Version| Type  | Virtual Rtr ID|   Priority    | Count IP Addrs|
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * v2: |   Auth Type   |   Adver Int   |          Checksum             |
 * v3: |(rsvd) |     Max Adver Int     |          Checksum             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |          IPvX Address(es), Count IP Addrs x 4 or 16 bytes     |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * v2 over IPv4 only: |  Authentication Data (8 bytes)          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param version              2 (RFC 3768) or 3 (RFC 5798)
 * @param vrid                 Virtual Router ID, 0..255 (0 is invalid in VRRP but can be received)
 * @param priority             0..255; 0 = the master is leaving, 255 = address owner
 * @param advertIntervalCentis advertisement interval in centiseconds. v2 carries whole seconds on
 *                             the wire, so a v2 value is a multiple of 100 (0..25500); v3 carries
 *                             12 bits of centiseconds (0..4095)
 * @param authType             v2 authentication type; always {@link AuthType#NONE} for v3
 * @param password             v2 {@code PASS} only, otherwise "". The 8 authentication bytes read
 *                             as ISO-8859-1 (one char per byte) with trailing NULs stripped; at
 *                             most 8 chars, each &lt;= 0xFF, no trailing NUL. Because padding the
 *                             string back to 8 bytes with NULs gives exactly the wire bytes (strip
 *                             and pad are inverse on 8-byte arrays), two such strings are equal
 *                             exactly when keepalived's 8-byte {@code memcmp} of its zero-padded
 *                             {@code auth_data} with the received bytes says equal. Use
 *                             {@link #passwordFromConfig(String)} to turn a configured
 *                             {@code auth_pass} into this form. Over IPv6 a v2 packet has no
 *                             authentication data (keepalived's layout), so it decodes as "".
 * @param addresses            the virtual addresses in packet order, all of one family, at most 255
 */
public record Advert(
        int version,
        int vrid,
        int priority,
        int advertIntervalCentis,
        AuthType authType,
        String password,
        List<InetAddress> addresses) {

    public static final int MAX_PASSWORD_LENGTH = 8;

    public Advert {
        if (version != 2 && version != 3) {
            throw new IllegalArgumentException("version must be 2 or 3: " + version);
        }
        checkRange("vrid", vrid, 0, 255);
        checkRange("priority", priority, 0, 255);
        if (version == 2) {
            checkRange("advertIntervalCentis", advertIntervalCentis, 0, 255 * 100);
            if (advertIntervalCentis % 100 != 0) {
                throw new IllegalArgumentException(
                        "VRRPv2 advert interval must be whole seconds: " + advertIntervalCentis + " cs");
            }
        } else {
            checkRange("advertIntervalCentis", advertIntervalCentis, 0, 0x0FFF);
        }
        Objects.requireNonNull(authType, "authType");
        Objects.requireNonNull(password, "password");
        if (version == 3 && authType != AuthType.NONE) {
            throw new IllegalArgumentException("VRRPv3 has no authentication: " + authType);
        }
        if (authType != AuthType.SIMPLE_PASSWORD && !password.isEmpty()) {
            throw new IllegalArgumentException("password given without auth type PASS");
        }
        checkPassword(password);
        addresses = List.copyOf(addresses);
        if (addresses.size() > 255) {
            throw new IllegalArgumentException("at most 255 addresses: " + addresses.size());
        }
        if (!addresses.isEmpty()) {
            IpFamily family = IpFamily.of(addresses.get(0));
            for (InetAddress a : addresses) {
                if (!family.matches(a)) {
                    throw new IllegalArgumentException("addresses of mixed families: " + addresses);
                }
            }
        }
    }

    /**
     * A VRRPv2 advert; {@code password} (stored form, see {@link #passwordFromConfig}) is used
     * only with {@link AuthType#SIMPLE_PASSWORD}.
     */
    public static Advert v2(int vrid, int priority, int advertIntervalSeconds, AuthType authType,
                            String password, List<InetAddress> addresses) {
        return new Advert(2, vrid, priority, advertIntervalSeconds * 100, authType,
                authType == AuthType.SIMPLE_PASSWORD ? password : "", addresses);
    }

    /** A VRRPv3 advert. */
    public static Advert v3(int vrid, int priority, int advertIntervalCentis, List<InetAddress> addresses) {
        return new Advert(3, vrid, priority, advertIntervalCentis, AuthType.NONE, "", addresses);
    }

    public Advert withPriority(int newPriority) {
        return new Advert(version, vrid, newPriority, advertIntervalCentis, authType, password, addresses);
    }

    /**
     * keepalived's stored form of a configured {@code auth_pass}: its bytes (the config file is
     * read as UTF-8) cut to 8, as ISO-8859-1 chars, trailing NULs stripped. keepalived copies the
     * raw bytes and truncates at 8 ("Truncating auth_pass to 8 characters"), even inside a
     * multi-byte character, so this reproduces what it puts on the wire.
     */
    public static String passwordFromConfig(String configured) {
        byte[] utf8 = configured.getBytes(StandardCharsets.UTF_8);
        int n = Math.min(utf8.length, MAX_PASSWORD_LENGTH);
        while (n > 0 && utf8[n - 1] == 0) {
            n--;
        }
        return new String(utf8, 0, n, StandardCharsets.ISO_8859_1);
    }

    /** The family of the addresses, or null when there are none. */
    public IpFamily addressFamily() {
        return addresses.isEmpty() ? null : IpFamily.of(addresses.get(0));
    }

    static void checkPassword(String password) {
        if (password.length() > MAX_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("password longer than 8 bytes");
        }
        for (int i = 0; i < password.length(); i++) {
            if (password.charAt(i) > 0xFF) {
                throw new IllegalArgumentException("password char outside ISO-8859-1 at " + i
                        + " (use Advert.passwordFromConfig)");
            }
        }
        if (!password.isEmpty() && password.charAt(password.length() - 1) == 0) {
            throw new IllegalArgumentException("password has a trailing NUL");
        }
    }

    private static void checkRange(String what, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(what + " out of range " + min + ".." + max + ": " + value);
        }
    }
}
