package io.javakeepalived.daemon;

import io.javakeepalived.net.ErrnoException;
import io.javakeepalived.net.InterfaceAddress;
import io.javakeepalived.net.LinkInfo;
import io.javakeepalived.net.RtnetlinkSession;
import io.javakeepalived.vrrp.Vip;

import java.io.IOException;
import java.util.Map;
import java.util.function.Predicate;

import org.slf4j.Logger;

/**
 * Puts virtual addresses on interfaces and takes them off, through rtnetlink, as the VRRP loop
 * asks. Errors are logged with the instance's name and never thrown: an address that is already
 * there (add) or already gone (remove) is what was wanted. Loop thread only.
 */
final class VipInstaller {
    private final RtnetlinkSession rtnl;
    private final Map<String, LinkInfo> links;
    private final Logger log;
    private final AcceptModeFirewall firewall;

    /**
     * @param links the loop's live view of the interfaces by name (read at each call, so a
     *              re-created interface is found under its new index)
     */
    VipInstaller(RtnetlinkSession rtnl, Map<String, LinkInfo> links, Logger log) {
        this(rtnl, links, log, AcceptModeFirewall.none(log));
    }

    /** @param firewall guards each VIP of a no_accept instance from before it is up until after it is down */
    VipInstaller(RtnetlinkSession rtnl, Map<String, LinkInfo> links, Logger log, AcceptModeFirewall firewall) {
        this.rtnl = rtnl;
        this.links = links;
        this.log = log;
        this.firewall = firewall;
    }

    /** Adds {@code v}; true if the kernel did not have it and has it now. */
    boolean add(String instance, Vip v) {
        firewall.guard(instance, v);
        LinkInfo l = links.get(v.device());
        if (l == null) {
            log.error("({}) cannot add {}: no interface {}", instance, v, v.device());
            return false;
        }
        try {
            rtnl.addAddress(kernelAddress(v, l.index()));
            return true;
        } catch (ErrnoException x) {
            if (!x.alreadyExists()) {
                log.error("({}) cannot add {}: {}", instance, v, x.getMessage());
            }
        } catch (IOException x) {
            log.error("({}) cannot add {}: {}", instance, v, x.getMessage());
        }
        return false;
    }

    void remove(String instance, Vip v) {
        removeAddress(instance, v);
        firewall.release(instance, v);
    }

    private void removeAddress(String instance, Vip v) {
        LinkInfo l = links.get(v.device());
        if (l == null) {
            return; // the interface is gone, and the address with it
        }
        try {
            rtnl.deleteAddress(kernelAddress(v, l.index()));
        } catch (ErrnoException x) {
            if (!x.targetMissing()) {
                log.error("({}) cannot remove {}: {}", instance, v, x.getMessage());
            }
        } catch (IOException x) {
            log.error("({}) cannot remove {}: {}", instance, v, x.getMessage());
        }
    }

    /**
     * Removes every address marked as ours ({@code IFA_PROTO}): what a killed predecessor left.
     * keepalived does this before deciding any state, so that a stale VIP never answers for a
     * node that is not master.
     *
     * @param keep the addresses that stay (static ones this configuration still holds)
     */
    void removeStale(Predicate<InterfaceAddress> keep) throws IOException {
        for (InterfaceAddress a : rtnl.ourAddresses()) {
            if (keep.test(a)) {
                continue;
            }
            try {
                rtnl.deleteAddress(a);
                log.info("Removed stale virtual address {} dev {} left by an earlier run", a.cidr(),
                        ifname(a.ifindex()));
            } catch (ErrnoException e) {
                if (!e.targetMissing()) {
                    log.warn("Cannot remove stale virtual address {}: {}", a.cidr(), e.getMessage());
                }
            }
        }
    }

    private static InterfaceAddress kernelAddress(Vip v, int ifindex) {
        InterfaceAddress a = InterfaceAddress.vip(ifindex, v.address(), v.prefixLength()).withScope(v.scope());
        if (v.broadcast().isPresent()) {
            a = a.withBroadcast(v.broadcast().get());
        }
        if (v.label().isPresent()) {
            a = a.withLabel(v.label().get());
        }
        if (v.noPrefixRoute()) {
            a = a.withFlags(a.flags() | InterfaceAddress.IFA_F_NOPREFIXROUTE);
        }
        if (v.isIpv6()) { // keepalived sets preferred_lft on IPv6 VIPs only
            a = a.withPreferredLifetime(v.preferredLifetime());
        }
        return a;
    }

    private String ifname(int index) {
        for (LinkInfo l : links.values()) {
            if (l.index() == index) {
                return l.name();
            }
        }
        return "#" + index;
    }
}
