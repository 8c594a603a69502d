package io.javakeepalived.daemon;

import io.javakeepalived.daemon.model.PrimaryAddress;
import io.javakeepalived.net.ErrnoException;
import io.javakeepalived.net.InterfaceAddress;
import io.javakeepalived.net.LinkInfo;
import io.javakeepalived.net.NetlinkEvent;
import io.javakeepalived.net.LinkMonitor;
import io.javakeepalived.net.RtnetlinkSession;
import io.javakeepalived.track.InterfaceTracking;
import io.javakeepalived.track.TrackScriptState;
import io.javakeepalived.vrrp.Event;

import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.slf4j.Logger;

/**
 * The links and addresses as rtnetlink tells them, turned into instance events: an instance's own
 * interface going down or up ({@link Event.InterfaceDown} / {@link Event.InterfaceUp}, unless
 * {@code dont_track_primary}) and what {@code track_interface} makes of a link
 * ({@link InterfaceTracking}), each carrier change after its {@code interface_up_down_delays}
 * ({@link LinkDebounce}); a master's VIP deleted by someone else ({@link VipWatch}); source
 * addresses and interfaces that come, go or come late ({@link SourceWatch}: no reload needed).
 * Keeps the live view of the interfaces by name that the {@link VipInstaller} and the
 * {@link Announcers} read; a link whose MAC changed gets new announcers. On an overrun every link
 * is read again. Loop thread only.
 */
final class LinkWatch {
    private final Map<String, LinkInfo> links;
    private final Map<String, Boolean> linkUsable = new HashMap<>();
    private final RtnetlinkSession rtnl;
    private final LinkMonitor monitor;
    private final Announcers announcers;
    private final InstanceTable table;
    private final ActionExecutor executor;
    private final Supplier<InterfaceTracking> tracking;
    private final Logger log;
    private final LongSupplier clock;
    private final LinkDebounce debounce = new LinkDebounce();
    private VipWatch vipWatch;
    private SourceWatch sourceWatch;
    /** an event of this drain may have changed an instance's source or socket */
    private boolean sourcesChanged;
    private Consumer<InterfaceAddress> addressDeleted = a -> { };
    private Consumer<Set<InetAddress>> hostAddresses;
    /** an event of this drain added or deleted an address (or some were lost) */
    private boolean addressesChanged;

    /**
     * @param links    the live view of the interfaces by name this keeps current
     * @param tracking the interface tracking now (a reload may replace it)
     */
    LinkWatch(Map<String, LinkInfo> links, RtnetlinkSession rtnl, LinkMonitor monitor, Announcers announcers,
              InstanceTable table, ActionExecutor executor, Supplier<InterfaceTracking> tracking, Logger log,
              LongSupplier clock) {
        this.links = links;
        this.rtnl = rtnl;
        this.monitor = monitor;
        this.announcers = announcers;
        this.table = table;
        this.executor = executor;
        this.tracking = tracking;
        this.log = log;
        this.clock = clock;
    }

    /** Who restores deleted VIPs and follows source addresses; set before the first {@link #drain}. */
    void watch(VipWatch vips, SourceWatch sources) {
        this.vipWatch = vips;
        this.sourceWatch = sources;
    }

    /** Who hears of every address the kernel reports deleted (the static addresses' owner). */
    void onAddressDeleted(Consumer<InterfaceAddress> listener) {
        addressDeleted = listener;
    }

    /**
     * Who hears of the host's addresses: all of them at start-up, then again after each drain that
     * changed any (the LVS checkers' ha_suspend). Loop thread; it must return at once.
     */
    void onHostAddresses(Consumer<Set<InetAddress>> listener) {
        hostAddresses = listener;
    }

    /** Start-up: reads every link. */
    void refresh() throws IOException {
        Map<String, LinkInfo> now = new HashMap<>();
        for (LinkInfo l : rtnl.links()) {
            now.put(l.name(), l);
        }
        links.clear();
        links.putAll(now);
        for (LinkInfo l : now.values()) {
            linkUsable.put(l.name(), l.isUsable());
            if (l.isUsable()) {
                debounce.seenUp(l.name());
            }
        }
        linkUsable.keySet().retainAll(now.keySet());
        tellHostAddresses();
    }

    private void tellHostAddresses() throws IOException {
        addressesChanged = false;
        if (hostAddresses != null) {
            Set<InetAddress> all = new HashSet<>();
            rtnl.addresses().forEach(a -> all.add(a.address()));
            hostAddresses.accept(all);
        }
    }

    /** Whether {@code ifname} exists, is up and has carrier, as last heard. */
    boolean usable(String ifname) {
        return Boolean.TRUE.equals(linkUsable.get(ifname));
    }

    /** The interface tracking now. */
    InterfaceTracking tracking() {
        return tracking.get();
    }

    /** Tells the instances what {@code t} makes of each link it tracks, as the links are now. */
    void restate(InterfaceTracking t, long now) {
        for (String ifname : t.interfaces()) {
            executor.deliverAll(t.linkState(ifname, usable(ifname)), now);
        }
    }

    /** The monitor's fd, to poll. */
    int fd() {
        return monitor.fd();
    }

    /**
     * The monitor's fd is readable: handles what it queued; then, once for them all, the instances
     * whose source address or socket may have changed look again.
     */
    void drain() throws IOException {
        monitor.drain(this::onNetlink);
        if (addressesChanged) {
            tellHostAddresses();
        }
        if (sourcesChanged && sourceWatch != null) {
            sourcesChanged = false;
            sourceWatch.recheck(hostAddresses(), clock.getAsLong());
        }
    }

    /** Milliseconds until a delayed carrier change is due (-1: none waits), for {@code poll(2)}. */
    long nanosUntilNextChange() {
        return debounce.nanosUntilNext(clock.getAsLong());
    }

    /** The delayed carrier changes that have lasted their delay now count. */
    void changesDue() {
        List<LinkDebounce.Change> due = debounce.due(clock.getAsLong());
        for (int i = 0; i < due.size(); i++) { // every turn: no iterator
            linkChanged(due.get(i).ifname(), due.get(i).usable());
        }
    }

    private void onNetlink(NetlinkEvent ev) {
        if (ev instanceof NetlinkEvent.Link l) {
            LinkInfo info = l.link();
            String name = info.name();
            LinkInfo old;
            if (l.deleted()) {
                old = links.remove(name);
            } else {
                old = links.put(name, info);
                if (old != null && !Arrays.equals(old.mac(), info.mac())) {
                    announcers.close(name);
                }
            }
            boolean usable = !l.deleted() && info.isUsable();
            if (old == null || old.index() != info.index() || old.isUsable() != usable) {
                sourcesChanged = true; // a new, re-created or revived link: sockets may open now
            }
            if (old != null && (l.deleted() || old.index() != info.index()) && sourceWatch != null) {
                sourceWatch.interfaceReplaced(name);
            }
            carrierChanged(name, usable, l.deleted());
        } else if (ev instanceof NetlinkEvent.Address a) {
            sourcesChanged = true;
            addressesChanged = true;
            if (a.deleted()) {
                addressDeleted.accept(a.address());
                if (vipWatch != null) {
                    vipWatch.removed(a.address(), clock.getAsLong());
                }
            }
        } else if (ev instanceof NetlinkEvent.Overrun) {
            sourcesChanged = true;
            addressesChanged = true;
            log.warn("Netlink receive queue overrun - re-reading the interfaces");
            try {
                Set<String> names = new HashSet<>(linkUsable.keySet());
                links.clear();
                for (LinkInfo li : rtnl.links()) {
                    links.put(li.name(), li);
                }
                names.addAll(links.keySet());
                for (String name : names) {
                    LinkInfo li = links.get(name);
                    debounce.cancel(name); // what was lost is unknown: the state now counts at once
                    linkChanged(name, li != null && li.isUsable());
                }
            } catch (IOException e) {
                log.error("Cannot re-read the interfaces: {}", e.getMessage());
            }
        }
    }

    /** A carrier change as the kernel reports it: it counts now or after its delay, or not at all. */
    private void carrierChanged(String name, boolean usable, boolean gone) {
        if (gone) {
            debounce.cancel(name); // a deleted interface is gone at once, as in keepalived
            linkChanged(name, false);
            return;
        }
        boolean counted = Boolean.TRUE.equals(linkUsable.get(name));
        var delays = table.plan().linkDelays(name);
        switch (debounce.report(name, usable, counted, delays, clock.getAsLong())) {
            case NOW -> linkChanged(name, usable);
            case DELAYED -> log.info("{}: carrier {} counts only if it lasts {} ms (interface_up_down_delays)", name,
                    usable ? "up" : "down", delays.before(usable).toMillis());
            case CANCELLED -> log.info("Delay timer for {} cancelled", name);
            case NOTHING -> linkUsable.putIfAbsent(name, usable);
        }
    }

    private void linkChanged(String name, boolean usable) {
        Boolean was = linkUsable.put(name, usable);
        if (was != null && was == usable) {
            return;
        }
        InterfaceTracking t = tracking.get();
        boolean ours = t.tracks(name);
        for (InstanceEntry e : table.entries()) {
            if (e.plan.interfaceName().equals(name)) {
                ours = true;
                break;
            }
        }
        if (!ours) {
            return;
        }
        log.info("Netlink reports {} {}", name, usable ? "up" : "down");
        long now = clock.getAsLong();
        for (InstanceEntry e : table.entries()) {
            if (e.plan.interfaceName().equals(name) && t.tracksOwnInterface(e.name())) {
                executor.deliver(e, usable ? new Event.InterfaceUp(name) : new Event.InterfaceDown(name), now);
            }
        }
        executor.deliverAll(t.linkState(name, usable), now);
    }

    /**
     * A reload replaced the tracking: what {@code before} said and {@code after} no longer says is
     * taken back, then {@code after} is restated from the links as they are now.
     */
    void retrack(InterfaceTracking before, InterfaceTracking after, long now) {
        List<TrackScriptState.Delivery> back = new ArrayList<>();
        for (TrackScriptState.Delivery d : before.withdrawnBy(after)) {
            InstanceEntry e = table.find(d.instance());
            // the own interface's fault is not the tracker's to take back
            if (e != null && !(d.event() instanceof Event.InterfaceUp u
                    && u.ifname().equals(e.plan.interfaceName()))) {
                back.add(d);
            }
        }
        executor.deliverAll(back, now);
        restate(after, now);
    }

    /** The host's usable addresses per interface, as {@link PrimaryAddress} wants them; one dump. */
    PrimaryAddress.HostAddresses hostAddresses() throws IOException {
        List<InterfaceAddress> hostAddresses = rtnl.addresses();
        return ifname -> {
            LinkInfo l = links.get(ifname);
            if (l == null) {
                return List.of();
            }
            List<InetAddress> primaries = new ArrayList<>();
            List<InetAddress> secondaries = new ArrayList<>();
            for (InterfaceAddress a : hostAddresses) {
                if (a.ifindex() != l.index() || a.isOurs() || a.hasFlag(InterfaceAddress.IFA_F_TENTATIVE)
                        || a.hasFlag(InterfaceAddress.IFA_F_DADFAILED)) {
                    continue;
                }
                (a.hasFlag(InterfaceAddress.IFA_F_SECONDARY) ? secondaries : primaries).add(a.address());
            }
            primaries.addAll(secondaries);
            return primaries;
        };
    }
}
