package io.javakeepalived.vrrp.packet;

import java.net.InetAddress;

/** The codec's name for {@link io.javakeepalived.util.AddressText}, kept for its callers. */
public final class AddressText {

    private AddressText() {
    }

    public static String ntop(InetAddress address) {
        return io.javakeepalived.util.AddressText.ntop(address);
    }
}
