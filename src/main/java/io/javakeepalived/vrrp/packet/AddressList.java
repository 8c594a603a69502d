package io.javakeepalived.vrrp.packet;

import java.net.InetAddress;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * An immutable list of addresses that also keeps each one's bytes: {@link ReceivePolicy}'s VIPs,
 * which {@link AdvertValidator} looks for in every advert a MASTER receives (and a BACKUP, unless
 * skip_check_adv_addr). {@link InetAddress#getAddress()} makes a new array on each call; these
 * bytes are taken once, when the policy is built, so the check compares bytes in place.
 */
final class AddressList extends AbstractList<InetAddress> implements RandomAccess {
    private final InetAddress[] addresses;
    private final byte[][] raw;

    private AddressList(List<InetAddress> from) {
        addresses = from.toArray(new InetAddress[0]);
        raw = new byte[addresses.length][];
        for (int i = 0; i < addresses.length; i++) {
            raw[i] = addresses[i].getAddress(); // also rejects a null element
        }
    }

    /** {@code list} itself if it is one, else an immutable copy. */
    static AddressList copyOf(List<InetAddress> list) {
        return list instanceof AddressList a ? a : new AddressList(list);
    }

    @Override
    public InetAddress get(int index) {
        return addresses[index];
    }

    @Override
    public int size() {
        return addresses.length;
    }

    /** The bytes of address {@code index}; not to be changed. */
    byte[] raw(int index) {
        return raw[index];
    }
}
