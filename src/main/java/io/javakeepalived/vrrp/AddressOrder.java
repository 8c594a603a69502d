package io.javakeepalived.vrrp;

import java.net.InetAddress;

/**
 * {@link Addresses#compare} remembered for the last pair: a master compares every advert's
 * sender with its own address (RFC 5798's tie-break), and {@code getAddress()} copies both
 * addresses each time. The receive path hands over the same sender object while the sender
 * stays the same, so the last answer is the answer (issue 14: no garbage per advert).
 */
final class AddressOrder {
    private InetAddress a;
    private InetAddress b;
    private int order;

    int compare(InetAddress x, InetAddress y) {
        if (x != a || y != b) {
            order = Addresses.compare(x, y);
            a = x;
            b = y;
        }
        return order;
    }
}
