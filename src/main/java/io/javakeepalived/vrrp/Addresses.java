package io.javakeepalived.vrrp;

import io.javakeepalived.util.AddressText;

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
}
