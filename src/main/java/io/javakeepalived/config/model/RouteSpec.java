package io.javakeepalived.config.model;

import io.javakeepalived.config.SourceLocation;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One line of static_routes / virtual_routes. The words are kept as configured (the netlink
 * layer can re-read every iproute2 option); the fields hold what keepalived itself looks at.
 *
 * @param destination  the route's destination; empty for "default"/"any"/"all"
 * @param type         unicast, blackhole, unreachable, prohibit, throw, ... (default unicast)
 * @param via          gateway ({@code via} or deprecated {@code gw}); for "or" routes the first
 * @param source       preferred source ({@code src})
 * @param device       output interface ({@code dev}/{@code oif})
 * @param table        routing table as configured (name or number); empty = main
 * @param metric       metric/priority/preference
 * @param noTrack      do not put the instance in FAULT when the route is deleted; also set by
 *                     keepalived for routes without a device, which cannot be tracked
 */
public record RouteSpec(AddressFamily family, Optional<IpPrefix> destination, String type, Optional<InetAddress> via,
                        Optional<InetAddress> source, Optional<String> device, Optional<String> table,
                        OptionalLong metric, boolean noTrack, Optional<String> trackGroup, List<String> words,
                        SourceLocation location) {
    public RouteSpec {
        Objects.requireNonNull(family, "family");
        words = List.copyOf(words);
    }

    @Override
    public String toString() {
        return String.join(" ", words);
    }
}
