package io.javakeepalived.net;

import java.net.Inet6Address;
import java.net.InetAddress;

/** Address text as {@code ip} and keepalived print it: dotted quad, or RFC 5952 compressed IPv6 without scope. */
public final class InetText {
    private InetText() {}

    public static String format(InetAddress a) {
        return a instanceof Inet6Address ? formatV6(a.getAddress()) : a.getHostAddress();
    }

    /** RFC 5952: lower-case hex, leading zeros dropped, the longest run (≥ 2) of zero groups as "::". */
    static String formatV6(byte[] b) {
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) {
            g[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; ) {
            if (g[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(g[i]));
        }
        return sb.toString();
    }
}
