package io.javakeepalived.metrics;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The endpoint's bind address as an operator writes it: {@code 10.0.0.1:9650},
 * {@code [fd00::1]:9650}, or {@code :9650} for every address. Addresses are literals only, so
 * start-up never waits for a name service.
 */
public final class ListenAddress {

    /** [IPv6 literal, with a colon so the JDK never takes it for a name, optional %scope]:port or IPv4:port. */
    private static final Pattern FORM = Pattern.compile(
            "(?:\\[([0-9A-Fa-f.]*:[0-9A-Fa-f:.]*(?:%[\\w.-]+)?)]|([0-9.]*)):(\\d{1,5})");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private ListenAddress() {
    }

    private static byte[] ipv4(String text) {
        if (!IPV4.matcher(text).matches()) {
            throw new IllegalArgumentException("'" + text + "' is not an IPv4 address");
        }
        String[] parts = text.split("\\.");
        byte[] b = new byte[4];
        for (int i = 0; i < 4; i++) {
            int v = Integer.parseInt(parts[i]);
            if (v > 255) {
                throw new IllegalArgumentException("'" + text + "' is not an IPv4 address");
            }
            b[i] = (byte) v;
        }
        return b;
    }

    /** @throws IllegalArgumentException with a one-line reason when {@code text} is not ADDR:PORT */
    public static InetSocketAddress parse(String text) {
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("expected ADDRESS:PORT, [IPV6]:PORT or :PORT, got '" + text + "'");
        }
        int port = Integer.parseInt(m.group(3));
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " out of range 1-65535");
        }
        String v6 = m.group(1);
        String v4 = m.group(2);
        if (v6 == null && v4.isEmpty()) {
            return new InetSocketAddress(port);
        }
        try {
            if (v6 != null) {
                // with a colon the JDK parses a literal or fails; it never asks a name service
                return new InetSocketAddress(InetAddress.getByName(v6), port);
            }
            return new InetSocketAddress(InetAddress.getByAddress(ipv4(v4)), port);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + (v6 != null ? v6 : v4) + "' is not an IP address");
        }
    }
}
