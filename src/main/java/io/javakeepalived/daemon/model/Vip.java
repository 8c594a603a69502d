package io.javakeepalived.daemon.model;

import io.javakeepalived.config.model.IpAddressSpec;
import io.javakeepalived.util.AddressText;
import io.javakeepalived.vrrp.AdvertisedAddress;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * A virtual address as the daemon installs it: what goes into the advert ({@link #address()})
 * and what rtnetlink needs to add it (prefix, device, broadcast, scope, label). A value: the
 * core diffs VIP lists with {@code equals()} on reload.
 *
 * @param address        the address (in adverts and on the interface)
 * @param prefixLength   prefix length (32/128 for a bare address)
 * @param device         the interface it goes on: {@code dev} of the line, else the instance's
 * @param broadcast      IPv4 broadcast ({@code brd}), already computed for {@code +}/{@code -}
 * @param scope          RT_SCOPE_* number: 0 global (the default), 200 site, 253 link, 254 host
 * @param label          IPv4 label ({@code label eth0:vip})
 * @param noPrefixRoute  {@code noprefixroute}
 */
public record Vip(InetAddress address, int prefixLength, String device, Optional<InetAddress> broadcast, int scope,
                  Optional<String> label, boolean noPrefixRoute) implements AdvertisedAddress {

    public Vip {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(broadcast, "broadcast");
        Objects.requireNonNull(label, "label");
        int max = address instanceof Inet6Address ? 128 : 32;
        if (prefixLength < 0 || prefixLength > max) {
            throw new IllegalArgumentException("prefix length " + prefixLength + " for " + address);
        }
        if (scope < 0 || scope > 255) {
            throw new IllegalArgumentException("scope " + scope);
        }
    }

    /** A plain VIP: host prefix, global scope, no broadcast or label. */
    public static Vip of(InetAddress address, String device) {
        return new Vip(address, address instanceof Inet6Address ? 128 : 32, device, Optional.empty(), 0,
                Optional.empty(), false);
    }

    /**
     * A {@code virtual_ipaddress} / {@code virtual_ipaddress_excluded} line of an instance.
     *
     * @param defaultDevice the instance's interface, for lines without {@code dev}
     */
    public static Vip of(IpAddressSpec spec, String defaultDevice) {
        return new Vip(spec.address(), spec.prefixLength(), spec.device().orElse(defaultDevice), spec.broadcast(),
                spec.scope().map(Scopes::parse).orElse(0), spec.label(), spec.noPrefixRoute());
    }

    public boolean isIpv6() {
        return address instanceof Inet6Address;
    }

    /** keepalived's wording: {@code 10.0.0.100/24 dev eth0}. */
    @Override
    public String toString() {
        return AddressText.ntop(address) + "/" + prefixLength + " dev " + device;
    }
}
