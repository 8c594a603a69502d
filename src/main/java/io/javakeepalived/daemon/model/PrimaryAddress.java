package io.javakeepalived.daemon.model;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.StandardProtocolFamily;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The RFC "primary IP address" of an instance, which its adverts come from and which breaks
 * priority ties: the configured {@code mcast_src_ip} / {@code unicast_src_ip}, else, as
 * keepalived does, the first IPv4 address of the interface (IPv4) or its link-local address
 * (IPv6). Virtual addresses never count: a VIP is not ours to advertise from.
 *
 * <p>With {@code track_src_ip} the configured source counts only while the interface has it: as
 * in keepalived, the instance is in FAULT until the address is there instead of advertising from
 * an address the host does not have.
 */
public final class PrimaryAddress {

    /** The addresses the host has on an interface. */
    @FunctionalInterface
    public interface HostAddresses {
        /**
         * The usable addresses of {@code ifname} (both families) in the kernel's order, primary
         * addresses before secondary ones; empty if the interface has none or does not exist.
         * Implementations leave out addresses that cannot be a source (tentative, DAD failed).
         */
        List<InetAddress> of(String ifname);
    }

    private PrimaryAddress() {
    }

    /**
     * @param plan the instance (its configured source, interface and family)
     * @param host the host's addresses
     * @param vips every virtual address of the configuration: never chosen
     * @return the address, or empty if there is none (the instance cannot advertise)
     */
    public static Optional<InetAddress> resolve(InstancePlan plan, HostAddresses host,
                                                Collection<? extends InetAddress> vips) {
        InstancePlan.Source source = plan.source();
        if (source.configured().isPresent()) {
            if (source.tracked() && !host.of(plan.sourceInterface()).contains(source.configured().get())) {
                return Optional.empty();
            }
            return source.configured();
        }
        boolean v6 = plan.settings().family() == StandardProtocolFamily.INET6;
        for (InetAddress a : host.of(plan.sourceInterface())) {
            if (vips.contains(a)) {
                continue;
            }
            if (v6 ? a instanceof Inet6Address && a.isLinkLocalAddress() : a instanceof Inet4Address) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
