package io.javakeepalived.vrrp;

import java.net.Inet6Address;
import java.net.InetAddress;

/** Address helpers the election and the log lines need. */
public final class Addresses {
    private Addresses() {
    }

    /**
     * Orders two addresses of one family as unsigned big-endian numbers (RFC "the primary IP
     * address of the sender is greater than the local primary IP address"). Returns 0 if
     * either is null or the families differ: no tie-break is possible then, which is what
     * keepalived's {@code vrrp_saddr_cmp()} does too.
     */
    public static int compare(InetAddress a, InetAddress b) {
        if (a == null || b == null) {
            return 0;
        }
        byte[] x = a.getAddress();
        byte[] y = b.getAddress();
        if (x.length != y.length) {
            return 0;
        }
        for (int i = 0; i < x.length; i++) {
            int c = Integer.compare(x[i] & 0xff, y[i] & 0xff);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /**
     * The address as {@code inet_ntop()} prints it (what keepalived logs): dotted quad, or
     * IPv6 with the longest run of two or more zero groups shortened to {@code ::}.
     */
    public static String toText(InetAddress a) {
        if (!(a instanceof Inet6Address)) {
            return a.getHostAddress();
        }
        byte[] b = a.getAddress();
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLen = 0;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        if (bestLen < 2) {
            bestStart = -1;
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
            sb.append(Integer.toHexString(groups[i]));
        }
        return sb.toString();
    }
}
