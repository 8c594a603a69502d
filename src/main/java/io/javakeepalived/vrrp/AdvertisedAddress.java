package io.javakeepalived.vrrp;

import java.net.InetAddress;

/**
 * A virtual address that goes into adverts. The state machine treats the entries of
 * {@link InstanceSettings#vips()} as opaque; the wire side ({@link InstanceSettings#receivePolicy()},
 * {@link InstanceSettings#advertTemplates(boolean)}) needs their addresses, so each entry must be
 * an {@link InetAddress} or implement this interface (the daemon's VIP record: address, prefix,
 * device, scope, ...). Keep {@code equals()} value-based: a reload diffs VIP lists with it.
 */
public interface AdvertisedAddress {

    /** The address as it appears in the advert's address list. */
    InetAddress address();
}
