package io.javakeepalived.vrrp;

import io.javakeepalived.util.AddressText;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * A virtual address (keepalived's {@code ip_address_t} of a {@code virtual_ipaddress} line):
 * what goes into the advert ({@link #address()}) and what installing it takes (prefix, device,
 * broadcast, scope, label). The state machine reads only the address; the rest travels with it
 * to whoever carries out {@link Action.AddVips}/{@link Action.RemoveVips}, so the daemon gets
 * its VIPs back typed. A value: a reload diffs VIP lists with {@code equals()}.
 *
 * @param address        the address (in adverts and on the interface)
 * @param prefixLength   prefix length (32/128 for a bare address)
 * @param device         the interface it goes on: {@code dev} of the line, else the instance's
 * @param broadcast      IPv4 broadcast ({@code brd}), already computed for {@code +}/{@code -}
 * @param scope          RT_SCOPE_* number: 0 global (the default), 200 site, 253 link, 254 host
 * @param label          IPv4 label ({@code label eth0:vip})
 * @param noPrefixRoute  {@code noprefixroute}
 * @param preferredLifetime {@code preferred_lft} in seconds, {@link #FOREVER} by default; keepalived
 *                       makes it 0 (deprecated: never the source of the host's own traffic) for an
 *                       IPv6 /128 written without it. Used for IPv6 only, as keepalived does
 */
public record Vip(InetAddress address, int prefixLength, String device, Optional<InetAddress> broadcast, int scope,
                  Optional<String> label, boolean noPrefixRoute, long preferredLifetime) {

    /** The kernel's INFINITY_LIFE_TIME: {@code preferred_lft forever}. */
    public static final long FOREVER = 0xFFFF_FFFFL;

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
        if (preferredLifetime < 0 || preferredLifetime > FOREVER) {
            throw new IllegalArgumentException("preferred lifetime " + preferredLifetime);
        }
    }

    /** A VIP whose preferred lifetime is the kernel's default (forever). */
    public Vip(InetAddress address, int prefixLength, String device, Optional<InetAddress> broadcast, int scope,
               Optional<String> label, boolean noPrefixRoute) {
        this(address, prefixLength, device, broadcast, scope, label, noPrefixRoute, FOREVER);
    }

    /** A plain VIP: host prefix, global scope, no broadcast or label. */
    public static Vip of(InetAddress address, String device) {
        return new Vip(address, address instanceof Inet6Address ? 128 : 32, device, Optional.empty(), 0,
                Optional.empty(), false);
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
