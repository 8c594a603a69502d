package io.javakeepalived.config.model;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.time.Duration;

/** Formatting shared by the model's toString()s and the config dump. */
public final class Text {
    private Text() {
    }

    /** An address as inet_ntop prints it (IPv6 compressed with "::"). */
    public static String address(InetAddress a) {
        if (a == null) {
            return "(none)";
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            return (b[0] & 0xFF) + "." + (b[1] & 0xFF) + "." + (b[2] & 0xFF) + "." + (b[3] & 0xFF);
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
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (bestBase >= 0 && i >= bestBase && i < bestBase + bestLen) {
                if (i == bestBase) {
                    sb.append("::");
                }
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            if (i == 6 && bestBase == 0 && (bestLen == 6 || (bestLen == 5 && w[5] == 0xFFFF))) {
                sb.append(b[12] & 0xFF).append('.').append(b[13] & 0xFF).append('.').append(b[14] & 0xFF).append('.')
                        .append(b[15] & 0xFF);
                break;
            }
            sb.append(Integer.toHexString(w[i]));
        }
        return sb.toString();
    }

    /** A duration in seconds with up to six decimals and no trailing zeros ("1", "0.05"). */
    public static String seconds(Duration d) {
        long micros = d.toNanos() / 1000;
        long whole = micros / 1_000_000;
        long frac = micros % 1_000_000;
        if (frac == 0) {
            return Long.toString(whole);
        }
        String f = String.format("%06d", frac).replaceAll("0+$", "");
        return whole + "." + f;
    }
}
