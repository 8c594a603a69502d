package io.javakeepalived.config.bind;

import io.javakeepalived.config.model.AddressFamily;
import io.javakeepalived.config.model.IpPrefix;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Strict address parsing as glibc's inet_pton does it, never touching DNS: dotted quads with
 * 1-3 digit parts and no leading zeros, and RFC 4291 IPv6 text (with "::" and an embedded
 * dotted quad). keepalived decides the family by the presence of ':'.
 */
final class InetText {
    private InetText() {
    }

    /** The family keepalived assumes for a string: IPv6 if it contains ':'. */
    static AddressFamily familyOf(String text) {
        return text.indexOf(':') >= 0 ? AddressFamily.IPV6 : AddressFamily.IPV4;
    }

    /** inet_pton for the family keepalived deduces from the text. */
    static Optional<InetAddress> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return familyOf(text) == AddressFamily.IPV6 ? parseV6(text) : parseV4(text);
    }

    static Optional<InetAddress> parseV4(String text) {
        byte[] b = v4Bytes(text);
        return b == null ? Optional.empty() : Optional.of(toAddress(b));
    }

    static Optional<InetAddress> parseV6(String text) {
        byte[] b = v6Bytes(text);
        return b == null ? Optional.empty() : Optional.of(toAddress(b));
    }

    /** An address from its bytes; 16 bytes always give an IPv6 address (Java would turn ::ffff:a.b.c.d into IPv4). */
    static InetAddress toAddress(byte[] b) {
        try {
            if (b.length == 16) {
                return java.net.Inet6Address.getByAddress(null, b, -1);
            }
            return InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] v4Bytes(String s) {
        byte[] out = new byte[4];
        int octets = 0;
        int i = 0;
        int n = s.length();
        if (n == 0) {
            return null;
        }
        while (i < n) {
            int start = i;
            int val = 0;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                val = val * 10 + (s.charAt(i) - '0');
                if (i - start >= 3 || val > 255) {
                    return null;
                }
                i++;
            }
            int len = i - start;
            if (len == 0 || (len > 1 && s.charAt(start) == '0') || octets >= 4) {
                return null;
            }
            out[octets++] = (byte) val;
            if (i < n) {
                if (s.charAt(i) != '.' || i == n - 1) {
                    return null;
                }
                i++;
            }
        }
        return octets == 4 ? out : null;
    }

    private static byte[] v6Bytes(String s) {
        byte[] out = new byte[16];
        int n = s.length();
        if (n < 2) {
            return null;
        }
        int i = 0;
        if (s.charAt(0) == ':') {
            if (s.charAt(1) != ':') {
                return null;
            }
            i = 1;
        }
        int tp = 0;
        int colon = -1;
        int curtok = i;
        boolean sawXdigit = false;
        int val = 0;
        int digits = 0;
        while (i < n) {
            char c = s.charAt(i++);
            int d = Character.digit(c, 16);
            if (d >= 0 && c < 128) {
                if (++digits > 4) {
                    return null;
                }
                val = (val << 4) | d;
                sawXdigit = true;
                continue;
            }
            if (c == ':') {
                curtok = i;
                if (!sawXdigit) {
                    if (colon >= 0) {
                        return null;
                    }
                    colon = tp;
                    continue;
                } else if (i >= n) {
                    return null;
                }
                if (tp + 2 > 16) {
                    return null;
                }
                out[tp++] = (byte) (val >> 8);
                out[tp++] = (byte) val;
                sawXdigit = false;
                digits = 0;
                val = 0;
                continue;
            }
            if (c == '.' && tp + 4 <= 16) {
                byte[] v4 = v4Bytes(s.substring(curtok));
                if (v4 == null) {
                    return null;
                }
                System.arraycopy(v4, 0, out, tp, 4);
                tp += 4;
                sawXdigit = false;
                break;
            }
            return null;
        }
        if (sawXdigit) {
            if (tp + 2 > 16) {
                return null;
            }
            out[tp++] = (byte) (val >> 8);
            out[tp++] = (byte) val;
        }
        if (colon >= 0) {
            int shift = tp - colon;
            if (tp == 16) {
                return null;
            }
            for (int k = 1; k <= shift; k++) {
                out[16 - k] = out[colon + shift - k];
                out[colon + shift - k] = 0;
            }
            tp = 16;
        }
        return tp == 16 ? out : null;
    }

    /** An address with an optional "/len"; empty when the address part is not an address. */
    static Optional<IpPrefix> prefix(String text, int lenIfMissing) {
        int slash = text.indexOf('/');
        String addr = slash >= 0 ? text.substring(0, slash) : text;
        Optional<InetAddress> a = parse(addr);
        if (a.isEmpty()) {
            return Optional.empty();
        }
        int max = AddressFamily.of(a.get()).maxPrefix();
        if (slash < 0) {
            return Optional.of(new IpPrefix(a.get(), lenIfMissing < 0 ? max : lenIfMissing));
        }
        try {
            int len = Integer.parseInt(text.substring(slash + 1));
            if (len < 0 || len > max) {
                return Optional.empty();
            }
            return Optional.of(new IpPrefix(a.get(), len));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static boolean isMulticast(InetAddress a) {
        return a.isMulticastAddress();
    }

    /** IPv6 link-local unicast fe80::/10. */
    static boolean isLinkLocal(InetAddress a) {
        byte[] b = a.getAddress();
        return b.length == 16 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xC0) == 0x80;
    }

    /** IPv6 link-local multicast ffx2::/16. */
    static boolean isLinkLocalMulticast(InetAddress a) {
        byte[] b = a.getAddress();
        return b.length == 16 && (b[0] & 0xFF) == 0xFF && (b[1] & 0x0F) == 0x02;
    }

    /** inet_stosockaddr: an address, anything after '-' or '/' ignored. */
    static Optional<InetAddress> sockaddr(String text) {
        int cut = text.indexOf('-');
        if (cut < 0) {
            cut = text.indexOf('/');
        }
        return InetText.parse(cut >= 0 ? text.substring(0, cut) : text);
    }
}
