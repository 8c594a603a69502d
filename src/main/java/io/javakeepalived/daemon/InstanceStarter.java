package io.javakeepalived.daemon;

import io.javakeepalived.daemon.model.InstancePlan;
import io.javakeepalived.daemon.model.PrimaryAddress;
import io.javakeepalived.daemon.model.SyncGroupPlan;
import io.javakeepalived.daemon.model.VrrpPlan;
import io.javakeepalived.vrrp.Event;
import io.javakeepalived.vrrp.SyncGroup;
import io.javakeepalived.vrrp.packet.IpFamily;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;

import org.slf4j.Logger;

/**
 * Brings instances up, at start-up and when a reload adds them: resolves the primary address,
 * builds the instance, raises the faults it starts with (they decide its first state), then sends
 * it {@link Event.Startup} unless it is held (it waits in INIT for its weight-0 scripts, and
 * whoever holds it posts the Startup). Loop thread only.
 */
final class InstanceStarter {
    static final String FAULT_NO_SOURCE = "no source address";
    static final String FAULT_SOCKET = "VRRP socket";
    static final String FAULT_CONFIG = "configuration";
    static final String FAULT_VMAC = "VMAC interface";

    private final InstanceTable table;
    private final SocketPool sockets;
    private final LinkWatch links;
    private final ActionExecutor executor;
    private final VmacLinks vmacs;
    private final Set<String> held;
    private final Logger log;
    private final LongSupplier clock;
    private final Clock wallClock;

    /** @param held the instances not to start here (shared with whoever holds them) */
    InstanceStarter(InstanceTable table, SocketPool sockets, LinkWatch links, ActionExecutor executor, VmacLinks vmacs,
                    Set<String> held, Logger log, LongSupplier clock, Clock wallClock) {
        this.table = table;
        this.sockets = sockets;
        this.links = links;
        this.executor = executor;
        this.vmacs = vmacs;
        this.held = held;
        this.log = log;
        this.clock = clock;
        this.wallClock = wallClock;
    }

    /**
     * Start-up: every instance of the running plan, its sync groups and its sockets, nothing
     * started yet.
     */
    void buildAll() throws IOException {
        VrrpPlan plan = table.plan();
        PrimaryAddress.HostAddresses host = links.hostAddresses();
        Set<InetAddress> allVips = allVips(plan);
        for (String problem : plan.problems()) {
            log.warn("{}", problem);
        }
        for (InstancePlan p : plan.instances()) {
            add(p, host, allVips);
        }
        if (plan.instances().stream().anyMatch(p -> p.kernel().vmac().isPresent())) {
            links.refresh(); // the VMACs as links, before their instances' faults are raised
        }
        table.makeTimers();
        for (SyncGroupPlan g : plan.syncGroups()) {
            new SyncGroup(g.name(), table.members(g));
        }
        for (InstanceEntry e : table.entries()) {
            sockets.attach(e);
        }
    }

    /**
     * A new instance (primary address resolved, VMAC up) at the end of the table; no socket yet.
     * A VMAC made here (a reload) reaches the link view through the link monitor.
     */
    InstanceEntry add(InstancePlan p, PrimaryAddress.HostAddresses host, Set<InetAddress> allVips) {
        p.kernel().vmac().ifPresent(v -> vmacs.bringUp(p.name(), v));
        InstancePlan resolved = PrimaryAddress.resolve(p, host, allVips).map(p::withPrimaryAddress).orElse(p);
        if (resolved.settings().primaryAddress() == null) {
            log.warn("({}) no {} address on {} to send adverts from - FAULT until one appears", p.name(),
                    resolved.settings().ipFamily() == IpFamily.IPV6 ? "IPv6 link-local" : "IPv4",
                    p.interfaceName());
        }
        return table.add(resolved, wallClock.instant());
    }

    /** An instance left the table (a reload removed it): its VMAC goes when nobody else uses it. */
    void removed(InstancePlan p) {
        p.kernel().vmac().ifPresent(vmacs::remove);
    }

    private boolean vmacUp(InstancePlan p) {
        return p.kernel().vmac().map(v -> vmacs.isUp(v.name())).orElse(true);
    }

    /** Faults an instance starts with: they decide its first state. */
    void raiseFaults(InstanceEntry e, long now) {
        if (!links.usable(e.plan.interfaceName()) && links.tracking().tracksOwnInterface(e.name())) {
            executor.deliver(e, new Event.InterfaceDown(e.plan.interfaceName()), now);
        }
        if (!vmacUp(e.plan)) {
            executor.deliver(e, new Event.FaultRaised(FAULT_VMAC), now);
        }
        if (e.plan.configFault()) {
            executor.deliver(e, new Event.FaultRaised(FAULT_CONFIG), now);
        }
        if (e.instance.settings().primaryAddress() == null) {
            executor.deliver(e, new Event.FaultRaised(FAULT_NO_SOURCE), now);
        }
        if (e.socket == null) {
            executor.deliver(e, new Event.FaultRaised(FAULT_SOCKET), now);
        }
    }

    /**
     * Sends {@link Event.Startup} to each instance that is not held, then opens the GARP / NA
     * senders of every one: after the first adverts, before any takeover.
     */
    void start(List<InstanceEntry> entries) {
        for (InstanceEntry e : entries) {
            if (!held.contains(e.name())) {
                executor.deliver(e, new Event.Startup(), clock.getAsLong());
            }
        }
        for (InstanceEntry e : entries) {
            executor.prepareAnnouncing(e);
        }
    }

    /** Every virtual address of a plan: never chosen as a primary address. */
    static Set<InetAddress> allVips(VrrpPlan p) {
        Set<InetAddress> allVips = new HashSet<>();
        for (InstancePlan i : p.instances()) {
            i.allAddresses().forEach(v -> allVips.add(v.address()));
        }
        return allVips;
    }
}
