package io.javakeepalived.daemon.model;

import io.javakeepalived.net.VipDropRules;

import java.util.Objects;
import java.util.Set;

/**
 * keepalived's firewall for RFC 5798's Accept_Mode false: the instances whose VIPs a master must
 * not accept traffic for ({@code no_accept}, or {@code vrrp_strict}/{@code strict_mode} without
 * {@code accept}, never the address owner), and the nftables table that drops it.
 *
 * @param rules     the table, its chains' priority, counters
 * @param instances names of the instances whose VIPs go in the drop set while MASTER; empty:
 *                  no table is installed at all (as keepalived)
 */
public record NoAcceptPlan(VipDropRules rules, Set<String> instances) {
    public static final NoAcceptPlan NONE = new NoAcceptPlan(
            new VipDropRules(VipDropRules.DEFAULT_TABLE, VipDropRules.DEFAULT_PRIORITY, false), Set.of());

    public NoAcceptPlan {
        Objects.requireNonNull(rules, "rules");
        instances = Set.copyOf(instances);
    }

    public boolean inUse() {
        return !instances.isEmpty();
    }
}
