package io.javakeepalived.config.model;

import io.javakeepalived.config.SourceLocation;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One address line of virtual_ipaddress, virtual_ipaddress_excluded or static_ipaddress
 * ({@code ADDR[/MASK] [brd IP|+|-] [dev IF] [scope S] [label L] [peer IP] [home] [-nodad]
 * [mngtmpaddr] [noprefixroute] [autojoin] [no_track] [use_vmac] [preferred_lft N|forever]
 * [track_group G]}).
 *
 * @param device            dev; empty means the instance's interface (VIPs) or
 *                          default_interface (static addresses, already filled in)
 * @param broadcast         the broadcast address, "+"/"-" already computed
 * @param scope             scope name or number as configured (IPv4 only)
 * @param preferredLifetime seconds; 0xFFFFFFFF = forever; empty = kernel default (IPv6 /128
 *                          defaults to 0 - deprecated - as in keepalived)
 * @param words             the line as configured
 */
public record IpAddressSpec(InetAddress address, int prefixLength, Optional<String> device,
                            Optional<InetAddress> broadcast, Optional<String> scope, Optional<String> label,
                            Optional<InetAddress> peer, boolean home, boolean noDad, boolean manageTempAddress,
                            boolean noPrefixRoute, boolean autoJoin, boolean noTrack, boolean useVmac,
                            OptionalLong preferredLifetime, Optional<String> trackGroup, List<String> words,
                            SourceLocation location) {
    public IpAddressSpec {
        Objects.requireNonNull(address, "address");
        words = List.copyOf(words);
    }

    public AddressFamily family() {
        return AddressFamily.of(address);
    }

    public IpPrefix prefix() {
        return new IpPrefix(address, prefixLength);
    }

    /** A copy on another device (keepalived fills in the default interface). */
    public IpAddressSpec withDevice(String dev) {
        return new IpAddressSpec(address, prefixLength, Optional.of(dev), broadcast, scope, label, peer, home, noDad,
                manageTempAddress, noPrefixRoute, autoJoin, noTrack, useVmac, preferredLifetime, trackGroup, words,
                location);
    }

    @Override
    public String toString() {
        return prefix() + device.map(d -> " dev " + d).orElse("");
    }
}
