package io.javakeepalived.util;

import java.net.Inet4Address;
import java.net.InetAddress;

/**
 * Addresses as glibc's {@code inet_ntop} prints them (and so keepalived's log lines):
 * dotted quad, or RFC 5952-style IPv6 with the first longest run of two or more zero groups
 * shortened to "::" and the IPv4-compatible / IPv4-mapped forms printed with a dotted tail.
 * Java's {@code getHostAddress()} does not shorten IPv6, hence this helper. The one copy of
 * this rule: the codec, the state machine, the config dump and the native layer all print
 * addresses through it, so a log line and a dump can never disagree.
 */
public final class AddressText {

    private AddressText() {
    }

    public static String ntop(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return dotted(b, 0);
        }
        int[] w = new int[8];
        for (int i = 0; i < 8; i++) {
            w[i] = ((b[2 * i] & 0xFF) << 8) | (b[2 * i + 1] & 0xFF);
        }
        int bestBase = -1;
        int bestLen = 0;
        for (int i = 0; i < 8; ) {
            if (w[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && w[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestBase = i;
                bestLen = j - i;
            }
            i = j;
        }
        if (bestLen < 2) {
            bestBase = -1;
        }
        StringBuilder sb = new StringBuilder(40);
        for (int i = 0; i < 8; i++) {
            if (bestBase != -1 && i >= bestBase && i < bestBase + bestLen) {
                if (i == bestBase) {
                    sb.append(':');
                }
                continue;
            }
            if (i != 0) {
                sb.append(':');
            }
            // glibc: embedded IPv4 for ::a.b.c.d and ::ffff:a.b.c.d
            if (i == 6 && bestBase == 0 && (bestLen == 6 || (bestLen == 5 && w[5] == 0xFFFF))) {
                sb.append(dotted(b, 12));
                break;
            }
            sb.append(Integer.toHexString(w[i]));
        }
        if (bestBase != -1 && bestBase + bestLen == 8) {
            sb.append(':');
        }
        return sb.toString();
    }

    private static String dotted(byte[] b, int off) {
        return (b[off] & 0xFF) + "." + (b[off + 1] & 0xFF) + "." + (b[off + 2] & 0xFF) + "." + (b[off + 3] & 0xFF);
    }
}
