package io.javakeepalived.daemon;

import io.javakeepalived.daemon.model.VmacPlan;
import io.javakeepalived.net.ErrnoException;
import io.javakeepalived.net.InterfaceAddress;
import io.javakeepalived.net.InterfaceSysctls;
import io.javakeepalived.net.InterfaceSysctls.Family;
import io.javakeepalived.net.LinkInfo;
import io.javakeepalived.net.RtnetlinkSession;

import java.io.IOException;
import java.net.Inet6Address;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;

/**
 * The instances' VMACs ({@code use_vmac}): private-mode macvlans carrying the virtual router MAC,
 * made as keepalived makes them (vrrp_vmac.c, vrrp_if_config.c) and removed at stop.
 *
 * <p>Why the kernel settings: the VIP sits on the VMAC, so the VMAC must answer ARP for it
 * ({@code arp_ignore=1}: only for its own addresses) and the base interface must not
 * ({@code arp_ignore=1}, {@code arp_filter=1} on the base), or a client learns the router's own
 * MAC and keeps it across a failover. Beyond keepalived, the base also gets {@code arp_announce=2}:
 * a reply from the VIP to a client leaves through the base, and without it the base's ARP request
 * for the client would say "tell VIP" from the router's own MAC, which overwrites the client's
 * entry for the VIP (keepalived 2.2.7 shows the client its physical MAC that way). Adverts from the peer's VMAC arrive on ours while the
 * source is routed through the base, hence {@code rp_filter=0} and {@code accept_local=1} on the
 * VMAC and {@code all.rp_filter=0} (every interface raised to the old value first, as keepalived
 * does; restored at stop). An IPv4 instance's VMAC has IPv6 off: a backup's VMAC shares the MAC
 * with the master's and must never send a frame (MLD, DAD) that would move the switch's entry.
 *
 * <p>A VMAC left by a killed predecessor is taken over when it is the same macvlan (same base,
 * same MAC), else made again; a non-macvlan interface of that name is never touched. Loop
 * thread only.
 */
final class VmacLinks {
    private final RtnetlinkSession rtnl;
    private final InterfaceSysctls sysctls;
    private final Logger log;
    /** the VMACs this run brought up, by name */
    private final Map<String, VmacPlan> up = new LinkedHashMap<>();
    /** how many instances use each (a reload may add the new user of a name before removing the old) */
    private final Map<String, Integer> users = new HashMap<>();
    /** base interfaces whose arp_ignore / arp_filter were changed: their values before, and how many VMACs share them */
    private final Map<String, BaseSettings> bases = new HashMap<>();
    /** all.rp_filter and default.rp_filter before they were changed, and the interfaces raised; null: untouched */
    private RpFilter rpFilter;

    private static final class BaseSettings {
        final int arpIgnore;
        final int arpFilter;
        final int arpAnnounce;
        int users;

        BaseSettings(int arpIgnore, int arpFilter, int arpAnnounce) {
            this.arpIgnore = arpIgnore;
            this.arpFilter = arpFilter;
            this.arpAnnounce = arpAnnounce;
        }
    }

    private record RpFilter(int all, int defaults, Map<String, Integer> raised) {
    }

    VmacLinks(RtnetlinkSession rtnl, InterfaceSysctls sysctls, Logger log) {
        this.rtnl = rtnl;
        this.sysctls = sysctls;
        this.log = log;
    }

    /**
     * Makes {@code vmac} exist and be up for {@code instance}.
     *
     * @return false when it could not (logged): the instance stays in FAULT
     */
    boolean bringUp(String instance, VmacPlan vmac) {
        if (up.containsKey(vmac.name())) {
            users.merge(vmac.name(), 1, Integer::sum);
            return true;
        }
        try {
            Optional<LinkInfo> base = link(vmac.baseInterface());
            if (base.isEmpty()) {
                log.error("({}) cannot create VMAC {}: no interface {}", instance, vmac.name(), vmac.baseInterface());
                return false;
            }
            LinkInfo l = takeOverOrCreate(instance, vmac, base.get());
            if (l == null) {
                return false;
            }
            configure(vmac, l, base.get());
            rtnl.setLinkUp(l.index(), true);
            if (vmac.ipv6() && !vmac.xmitBase()) {
                addLinkLocal(instance, l, base.get());
            }
            up.put(vmac.name(), vmac);
            users.put(vmac.name(), 1);
            return true;
        } catch (IOException e) {
            log.error("({}) cannot create VMAC {}: {}", instance, vmac.name(), e.getMessage());
            return false;
        }
    }

    /** Whether {@code name} is a VMAC this run brought up. */
    boolean isUp(String name) {
        return up.containsKey(name);
    }

    /**
     * An instance using {@code vmac} went away (a reload): when it was the last, the VMAC is
     * deleted and its base's settings given back.
     */
    void remove(VmacPlan vmac) {
        if (!up.containsKey(vmac.name()) || users.merge(vmac.name(), -1, Integer::sum) > 0) {
            return;
        }
        up.remove(vmac.name());
        users.remove(vmac.name());
        try {
            Optional<LinkInfo> l = link(vmac.name());
            if (l.isPresent() && "macvlan".equals(l.get().kind())) {
                rtnl.deleteLink(l.get().index());
                log.info("VMAC interface {} removed", vmac.name());
            }
        } catch (IOException e) {
            if (!(e instanceof ErrnoException x && x.targetMissing())) {
                log.warn("cannot remove VMAC {}: {}", vmac.name(), e.getMessage());
            }
        }
        releaseBase(vmac.baseInterface());
        if (up.isEmpty()) {
            restoreRpFilter();
        }
    }

    /** Stop: every VMAC goes, the kernel settings changed for them are given back. */
    void removeAll() {
        for (VmacPlan v : up.values().toArray(VmacPlan[]::new)) {
            users.put(v.name(), 1);
            remove(v);
        }
    }

    private LinkInfo takeOverOrCreate(String instance, VmacPlan vmac, LinkInfo base) throws IOException {
        Optional<LinkInfo> old = link(vmac.name());
        if (old.isPresent()) {
            LinkInfo o = old.get();
            if (!"macvlan".equals(o.kind())) {
                log.error("({}) VMAC {} conflicts with an existing interface - not touching it", instance,
                        vmac.name());
                return null;
            }
            if (o.linkIndex() == base.index() && Arrays.equals(o.mac(), vmac.macBytes())) {
                log.info("({}) taking over VMAC interface {} left by a previous run", instance, vmac.name());
                return o;
            }
            log.info("({}) removing old VMAC interface {} (other base or MAC {})", instance, vmac.name(),
                    o.macString());
            rtnl.deleteLink(o.index());
        }
        LinkInfo l = rtnl.createMacvlan(vmac.name(), base.index(), vmac.macBytes(), RtnetlinkSession.MACVLAN_PRIVATE);
        log.info("({}) created VMAC interface {} with MAC {} on {}", instance, vmac.name(), vmac.mac(),
                vmac.baseInterface());
        return l;
    }

    /**
     * An IPv6 VMAC sends its adverts from the base's link-local address (keepalived's
     * set_link_local_address), which must then be on the VMAC too; it has no EUI-64 one of its own.
     */
    private void addLinkLocal(String instance, LinkInfo vmac, LinkInfo base) throws IOException {
        Optional<InterfaceAddress> ll = rtnl.addresses().stream()
                .filter(a -> a.ifindex() == base.index() && a.address() instanceof Inet6Address
                        && a.address().isLinkLocalAddress())
                .findFirst();
        if (ll.isEmpty()) {
            log.warn("({}) {} has no IPv6 link-local address for VMAC {}", instance, base.name(), vmac.name());
            return;
        }
        try {
            // not marked as ours: it is not a VIP, and it goes with the VMAC
            rtnl.addAddress(new InterfaceAddress(vmac.index(), ll.get().address(), 64, null,
                    InterfaceAddress.SCOPE_LINK, null, InterfaceAddress.IFA_F_NODAD, 0));
        } catch (ErrnoException e) {
            if (!e.alreadyExists()) {
                throw e;
            }
        }
    }

    /** keepalived's set_interface_parameters, while the VMAC is still down (nothing sent yet). */
    private void configure(VmacPlan vmac, LinkInfo l, LinkInfo base) throws IOException {
        String name = l.name();
        if (!vmac.ipv6()) {
            // before IFF_UP: an IPv4 VMAC never sends IPv6 (MLD reports, DAD) from the shared MAC
            sysctls.set(Family.IPV6, name, "disable_ipv6", 1);
        } else {
            // no EUI-64 link-local from the shared MAC: both routers would derive the same one
            sysctls.set(Family.IPV6, name, "addr_gen_mode", 1);
        }
        sysctls.set(Family.IPV4, name, "arp_ignore", 1);
        if (vmac.ipv6()) {
            return;
        }
        clearRpFilter(name);
        sysctls.set(Family.IPV4, name, "accept_local", 1);
        sysctls.set(Family.IPV4, name, "rp_filter", 0);
        sysctls.set(Family.IPV4, name, "promote_secondaries", 1);
        holdBase(base.name());
    }

    private void holdBase(String base) throws IOException {
        BaseSettings b = bases.get(base);
        if (b == null) {
            b = new BaseSettings(value(base, "arp_ignore"), value(base, "arp_filter"), value(base, "arp_announce"));
            sysctls.set(Family.IPV4, base, "arp_ignore", 1);
            sysctls.set(Family.IPV4, base, "arp_filter", 1);
            sysctls.set(Family.IPV4, base, "arp_announce", 2);
            bases.put(base, b);
        }
        b.users++;
    }

    private void releaseBase(String base) {
        BaseSettings b = bases.get(base);
        if (b == null || --b.users > 0) {
            return;
        }
        bases.remove(base);
        setQuietly(base, "arp_ignore", b.arpIgnore);
        setQuietly(base, "arp_filter", b.arpFilter);
        setQuietly(base, "arp_announce", b.arpAnnounce);
    }

    /**
     * keepalived's clear_rp_filter: the kernel uses the larger of all.rp_filter and the
     * interface's, so all.rp_filter goes to 0 after every interface (and default) has been raised
     * to it, which keeps the filtering everywhere but on the VMACs.
     */
    private void clearRpFilter(String vmac) throws IOException {
        if (rpFilter != null) {
            return;
        }
        int all = value("all", "rp_filter");
        if (all == 0) {
            return;
        }
        int defaults = value("default", "rp_filter");
        Map<String, Integer> raised = new LinkedHashMap<>();
        if (defaults < all) {
            log.info("NOTICE: setting sysctl net.ipv4.conf.default.rp_filter from {} to {}", defaults, all);
            sysctls.set(Family.IPV4, "default", "rp_filter", all);
        }
        for (LinkInfo l : rtnl.links()) {
            int own = value(l.name(), "rp_filter");
            if (own < all && !l.name().equals(vmac)) {
                sysctls.set(Family.IPV4, l.name(), "rp_filter", all);
                raised.put(l.name(), own);
            }
        }
        log.info("NOTICE: setting sysctl net.ipv4.conf.all.rp_filter from {} to 0", all);
        sysctls.set(Family.IPV4, "all", "rp_filter", 0);
        rpFilter = new RpFilter(all, defaults, raised);
    }

    private void restoreRpFilter() {
        if (rpFilter == null) {
            return;
        }
        setQuietly("all", "rp_filter", rpFilter.all());
        setQuietly("default", "rp_filter", rpFilter.defaults());
        rpFilter.raised().forEach((ifname, v) -> {
            if (sysctls.get(Family.IPV4, ifname, "rp_filter").isPresent()) { // not deleted meanwhile
                setQuietly(ifname, "rp_filter", v);
            }
        });
        rpFilter = null;
    }

    private int value(String ifname, String key) {
        return sysctls.get(Family.IPV4, ifname, key).orElse(0);
    }

    private void setQuietly(String ifname, String key, int value) {
        try {
            sysctls.set(Family.IPV4, ifname, key, value);
        } catch (IOException | IllegalArgumentException e) {
            log.warn("cannot restore {} of {}: {}", key, ifname, e.getMessage());
        }
    }

    private Optional<LinkInfo> link(String name) throws IOException {
        return rtnl.links().stream().filter(l -> l.name().equals(name)).findFirst();
    }
}
