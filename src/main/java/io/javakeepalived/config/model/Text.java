package io.javakeepalived.config.model;

import io.javakeepalived.util.AddressText;

import java.net.InetAddress;
import java.time.Duration;

/** Formatting shared by the model's toString()s and the config dump. */
public final class Text {
    private Text() {
    }

    /** An address as inet_ntop prints it (IPv6 compressed with "::"). */
    public static String address(InetAddress a) {
        return a == null ? "(none)" : AddressText.ntop(a);
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
