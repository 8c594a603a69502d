package io.javakeepalived.net;

import io.javakeepalived.util.AddressText;

import java.net.InetAddress;

/** Address text as {@code ip} and keepalived print it: dotted quad, or RFC 5952 compressed IPv6 without scope. */
public final class InetText {
    private InetText() {}

    public static String format(InetAddress a) {
        return AddressText.ntop(a);
    }
}
