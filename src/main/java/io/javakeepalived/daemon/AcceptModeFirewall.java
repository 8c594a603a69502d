package io.javakeepalived.daemon;

import io.javakeepalived.daemon.model.InstancePlan;
import io.javakeepalived.daemon.model.NoAcceptPlan;
import io.javakeepalived.net.NativeNetwork;
import io.javakeepalived.net.VipDropTable;
import io.javakeepalived.vrrp.Vip;

import java.io.IOException;
import java.net.Inet4Address;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;

/**
 * RFC 5798 Accept_Mode false, as keepalived 2.2.7 enforces it: while an instance with
 * {@code no_accept} (or strict mode) is MASTER, nothing addressed to its VIPs is delivered and
 * nothing is sent from them, through keepalived's nftables table ({@code table ip keepalived},
 * set {@code vips}, chains {@code in} and {@code out}). A VIP enters the drop set just before the
 * address is added and leaves it just after the address is removed, so it is never up unguarded.
 * The table is installed at start (replacing a killed predecessor's) and deleted at stop. Owns
 * "which VIPs are in the set"; every kernel error is logged, never thrown. Loop thread only.
 */
final class AcceptModeFirewall {
    private final NoAcceptPlan plan;
    private final NativeNetwork network;
    private final Logger log;
    private final Set<Inet4Address> dropped = new HashSet<>();
    private VipDropTable table;

    AcceptModeFirewall(NoAcceptPlan plan, NativeNetwork network, Logger log) {
        this.plan = plan;
        this.network = network;
        this.log = log;
    }

    /** A firewall that installs nothing (no instance refuses traffic). */
    static AcceptModeFirewall none(Logger log) {
        return new AcceptModeFirewall(NoAcceptPlan.NONE, null, log);
    }

    /** Installs the table when an instance needs it; says which VIPs it cannot guard. */
    void start(List<InstancePlan> instances) {
        if (!plan.inUse()) {
            return;
        }
        String name = "ip " + plan.rules().table();
        try {
            table = network.openVipDropTable(plan.rules());
            if (table.install()) {
                log.info("Deleting old {} table", name);  // keepalived's words for a leftover
            }
            log.info("nftables table {} installed for no_accept of {}", name, plan.instances());
        } catch (IOException e) {
            log.error("Cannot install nftables table {} for no_accept: {} - traffic to the VIPs is accepted",
                    name, e.getMessage());
            closeTable();
            return;
        }
        for (InstancePlan p : instances) {
            if (plan.instances().contains(p.name()) && (p.settings().vips().stream().anyMatch(Vip::isIpv6)
                    || p.addresses().excludedVips().stream().anyMatch(Vip::isIpv6))) {
                log.warn("({}) no_accept: its IPv6 VIPs are not filtered (only IPv4 is implemented)", p.name());
            }
        }
    }

    /** {@code v} of {@code instance} is about to be added: drop its traffic if the instance does not accept. */
    void guard(String instance, Vip v) {
        if (table == null || !plan.instances().contains(instance)
                || !(v.address() instanceof Inet4Address a) || dropped.contains(a)) {
            return;
        }
        try {
            table.drop(List.of(a));
            dropped.add(a);
        } catch (IOException e) {
            log.error("({}) cannot drop traffic to {} (no_accept): {}", instance, a.getHostAddress(), e.getMessage());
        }
    }

    /** {@code v} of {@code instance} has been removed: its traffic is no longer dropped. */
    void release(String instance, Vip v) {
        if (table == null || !plan.instances().contains(instance)
                || !(v.address() instanceof Inet4Address a) || !dropped.contains(a)) {
            return;
        }
        try {
            table.accept(List.of(a));
        } catch (IOException e) {
            log.error("({}) cannot stop dropping traffic to {} (no_accept): {}", instance, a.getHostAddress(),
                    e.getMessage());
        }
        dropped.remove(a);
    }

    /** Deletes the table (at stop, after the VIPs are gone). */
    void stop() {
        if (table == null) {
            return;
        }
        try {
            table.delete();
            log.info("nftables table ip {} deleted", plan.rules().table());
        } catch (IOException e) {
            log.error("Cannot delete nftables table ip {}: {}", plan.rules().table(), e.getMessage());
        }
        dropped.clear();
        closeTable();
    }

    private void closeTable() {
        if (table != null) {
            table.close();
            table = null;
        }
    }
}
