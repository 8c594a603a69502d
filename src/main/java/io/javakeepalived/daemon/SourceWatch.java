package io.javakeepalived.daemon;

import io.javakeepalived.daemon.model.PrimaryAddress;
import io.javakeepalived.util.AddressText;
import io.javakeepalived.vrrp.Event;

import java.net.InetAddress;
import java.util.Objects;
import java.util.Set;

import org.slf4j.Logger;

/**
 * Each instance's source address (RFC primary address) as the interfaces' addresses come and go,
 * as keepalived's {@code netlink_if_address_filter} does it:
 * <ul>
 * <li>an instance without one (its interface was missing or had no address at start, DHCP came
 *     late) takes the first that appears, opens its VRRP socket and leaves FAULT - no reload;</li>
 * <li>one whose address (not configured) is deleted takes another of the interface, or, if there
 *     is none, goes to FAULT (a master sends priority 0 first) until one appears;</li>
 * <li>a configured {@code unicast_src_ip} / {@code mcast_src_ip} stays as it is, unless
 *     {@code track_src_ip}: then the instance is in FAULT while the interface lacks it.</li>
 * </ul>
 * A VRRP socket that could not be opened (its interface did not exist) is tried again too. Loop
 * thread only.
 */
final class SourceWatch {
    private final InstanceTable table;
    private final SocketPool sockets;
    private final ActionExecutor executor;
    private final Logger log;

    SourceWatch(InstanceTable table, SocketPool sockets, ActionExecutor executor, Logger log) {
        this.table = table;
        this.sockets = sockets;
        this.executor = executor;
        this.log = log;
    }

    /** The addresses or links changed: every instance checks its source against {@code host}. */
    void recheck(PrimaryAddress.HostAddresses host, long now) {
        Set<InetAddress> allVips = InstanceStarter.allVips(table.plan());
        for (InstanceEntry e : table.entries()) {
            InetAddress have = e.instance.settings().primaryAddress();
            InetAddress want;
            if (have != null && e.plan.source().configured().isEmpty()
                    && host.of(e.plan.sourceInterface()).contains(have)) {
                want = have; // keepalived keeps the address it has while it is there
            } else {
                want = PrimaryAddress.resolve(e.plan, host, allVips).orElse(null);
            }
            if (!Objects.equals(have, want) || (want != null && e.socket == null)) {
                adopt(e, want, now);
            }
        }
    }

    /**
     * {@code ifname} was deleted or re-created under another index ({@code dynamic_interfaces}): the
     * VRRP sockets bound to the old one are closed; {@link #recheck} opens new ones once the
     * interface is back with a source address.
     */
    void interfaceReplaced(String ifname) {
        for (InstanceEntry e : table.entries()) {
            if (e.plan.interfaceName().equals(ifname)) {
                sockets.detach(e);
            }
        }
    }

    /** Gives {@code e} the source {@code primary} (null: none, FAULT) and the socket that goes with it. */
    private void adopt(InstanceEntry e, InetAddress primary, long now) {
        InetAddress had = e.instance.settings().primaryAddress();
        if (primary == null) {
            log.info("({}) source address {} is gone from {} - FAULT until it has one", e.name(), text(had),
                    e.plan.interfaceName());
            // the socket stays until the FAULT is raised: an IPv4 master's priority 0 still leaves
            executor.deliver(e, new Event.FaultRaised(InstanceStarter.FAULT_NO_SOURCE), now);
            sockets.detach(e);
            setSource(e, null, now);
            return;
        }
        if (!primary.equals(had)) {
            log.info("({}) source address {} on {}{}", e.name(), text(primary), e.plan.interfaceName(),
                    had == null ? "" : " instead of " + text(had));
            sockets.detach(e); // a unicast socket receives on its source address
            setSource(e, primary, now);
        }
        if (e.socket == null) {
            sockets.attach(e);
        }
        executor.deliver(e, new Event.FaultCleared(InstanceStarter.FAULT_NO_SOURCE), now);
        executor.deliver(e, e.socket != null ? new Event.FaultCleared(InstanceStarter.FAULT_SOCKET)
                : new Event.FaultRaised(InstanceStarter.FAULT_SOCKET), now);
    }

    private void setSource(InstanceEntry e, InetAddress primary, long now) {
        e.plan = e.plan.withPrimaryAddress(primary);
        if (!e.plan.settings().equals(e.instance.settings())) {
            executor.deliver(e, new Event.Reload(e.plan.settings()), now);
        }
    }

    private static String text(InetAddress a) {
        return a == null ? "(none)" : AddressText.ntop(a);
    }
}
