package io.javakeepalived.daemon.model;

import io.javakeepalived.vrrp.Vip;

import java.util.List;
import java.util.Objects;

/**
 * {@code static_ipaddress}, {@code static_routes} and {@code static_rules}: installed at start
 * whatever the instances' states, kept while the daemon runs, removed at stop.
 *
 * @param addresses the addresses, each on its {@code dev} (or {@code default_interface})
 * @param routing   the routes and rules
 */
public record StaticPlan(List<Address> addresses, RoutingPlan routing) {

    /**
     * One {@code static_ipaddress} line.
     *
     * @param noTrack {@code no_track}: not put back when someone deletes it
     */
    public record Address(Vip address, boolean noTrack) {
        public Address {
            Objects.requireNonNull(address, "address");
        }
    }

    public static final StaticPlan NONE = new StaticPlan(List.of(), RoutingPlan.NONE);

    public StaticPlan {
        addresses = List.copyOf(addresses);
        Objects.requireNonNull(routing, "routing");
    }

    public boolean isEmpty() {
        return addresses.isEmpty() && routing.isEmpty();
    }
}
