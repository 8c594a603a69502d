package io.javakeepalived.config.model;

import io.javakeepalived.config.SourceLocation;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/** {@code virtual_server_group NAME { IP [PORT] ; IP-range [PORT] ; fwmark N [inet|inet6] }}. */
public record VirtualServerGroup(String name, List<Entry> entries, SourceLocation location) {
    public VirtualServerGroup {
        entries = List.copyOf(entries);
    }

    /** One line of the group. */
    public sealed interface Entry permits AddressRange, Fwmark {
        SourceLocation location();
    }

    /** An address or a range of addresses (first == last for one address); port 0 = any. */
    public record AddressRange(InetAddress first, InetAddress last, int port, SourceLocation location)
            implements Entry {
    }

    /** A firewall mark, optionally restricted to one family. */
    public record Fwmark(long mark, Optional<AddressFamily> family, SourceLocation location) implements Entry {
    }
}
