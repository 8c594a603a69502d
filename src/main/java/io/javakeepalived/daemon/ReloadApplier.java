package io.javakeepalived.daemon;

import io.javakeepalived.daemon.model.InstancePlan;
import io.javakeepalived.daemon.model.PlanDiff;
import io.javakeepalived.daemon.model.PrimaryAddress;
import io.javakeepalived.daemon.model.StaticPlan;
import io.javakeepalived.daemon.model.SyncGroupPlan;
import io.javakeepalived.daemon.model.VrrpPlan;
import io.javakeepalived.track.InterfaceTracking;
import io.javakeepalived.vrrp.Action;
import io.javakeepalived.vrrp.Event;
import io.javakeepalived.vrrp.NotifyState;
import io.javakeepalived.vrrp.SyncGroup;
import io.javakeepalived.vrrp.Vip;
import io.javakeepalived.vrrp.VrrpState;

import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.slf4j.Logger;

/**
 * RELOAD starts a thread that asks the {@link ReloadSource} for the new configuration (the file is
 * never read on the loop thread); requests arriving meanwhile become one more reload after it
 * ({@link ReloadRequests}). A rejected configuration leaves everything as it is. A loaded one is
 * applied on the loop thread as a {@link PlanDiff}: kept instances get {@link Event.Reload} (a
 * master adds and removes only the VIPs that changed and never sends priority 0; no state change,
 * no notify), removed ones {@link Event.Shutdown}, added ones are built and started as at start-up
 * ({@link InstanceStarter}); sync groups that changed are formed again; while this runs, no address
 * another instance holds is removed. No stale-address cleanup runs at reload. Before the added
 * instances start, the {@link ReloadHook} rewires what lives outside the loop (trackers, notify
 * hooks); it may hold added instances in INIT until their weight-0 scripts have reported, and a
 * replaced interface tracking is restated from the links' current state.
 */
final class ReloadApplier {
    private final ReloadRequests requests = new ReloadRequests();
    private final ReloadReader reader;
    private final InstanceTable table;
    private final SocketPool sockets;
    private final LinkWatch links;
    private final ActionExecutor executor;
    private final InstanceStarter starter;
    private final LoopSnapshots snapshots;
    private final Supplier<ReloadHook> hook;
    private final Set<String> held;
    private final Consumer<Consumer<LoopListener>> tell;
    private final DetailLog detail;
    private final Logger log;
    private final LongSupplier clock;
    private Consumer<StaticPlan> staticsChanged = p -> { };

    /**
     * @param wakeUp wakes the loop when the reading is done (any thread)
     * @param hook   who rewires what lives outside the loop, as set now
     * @param held   the instances held in INIT (shared with the {@link InstanceStarter})
     * @param tell   gives the loop's listener its news
     */
    ReloadApplier(ReloadSource source, Runnable wakeUp, InstanceTable table, SocketPool sockets, LinkWatch links,
                  ActionExecutor executor, InstanceStarter starter, LoopSnapshots snapshots, Supplier<ReloadHook> hook,
                  Set<String> held, Consumer<Consumer<LoopListener>> tell, DetailLog detail, LongSupplier clock) {
        this.reader = new ReloadReader(source, wakeUp, detail.log());
        this.table = table;
        this.sockets = sockets;
        this.links = links;
        this.executor = executor;
        this.starter = starter;
        this.snapshots = snapshots;
        this.hook = hook;
        this.held = held;
        this.tell = tell;
        this.detail = detail;
        this.log = detail.log();
        this.clock = clock;
    }

    /** Who applies a reloaded configuration's static addresses, routes and rules. */
    void onStaticsChanged(Consumer<StaticPlan> owner) {
        staticsChanged = owner;
    }

    /** A RELOAD request: start reading the configuration off the loop thread, or queue it. */
    void request() {
        if (!requests.request()) {
            log.info("Reload already in progress, request queued");
            return;
        }
        startReading();
    }

    private void startReading() {
        log.info("Reloading ...");
        tell.accept(LoopListener::reloading);
        reader.start();
    }

    /** If the reading is done: apply the new plan or keep the running one. */
    void applyIfRead() {
        ReloadSource.Outcome o = reader.take();
        if (o == null) {
            return;
        }
        boolean applied = false;
        if (o instanceof ReloadSource.Rejected r) {
            log.error("Reload failed: {} - keeping the running configuration", r.reason());
        } else {
            ReloadSource.Loaded l = (ReloadSource.Loaded) o;
            try {
                apply(l);
                snapshots.globals(l.globals());
                applied = true;
            } catch (IOException | RuntimeException | Error x) { // NOPMD: the reload must end, whatever it was
                log.error("Reload failed while applying: {}", x.toString(), x);
            } finally {
                executor.reloading(false);
            }
        }
        boolean done = applied;
        tell.accept(l -> l.reloaded(done, table.states()));
        if (requests.finished()) {
            startReading();
        }
    }

    /**
     * Carries out {@link PlanDiff#between} the running plan and {@code next}. Kept instances go
     * first, so that an address they now hold is up before a removed instance lets go of it;
     * while this runs no instance removes an address another instance holds
     * ({@link InstanceTable#heldByAnother}). No stale-address cleanup: every address of ours is
     * accounted for.
     */
    private void apply(ReloadSource.Loaded loaded) throws IOException {
        VrrpPlan next = loaded.plan();
        long t0 = clock.getAsLong();
        log.info("Reloading");
        PlanDiff diff = PlanDiff.between(table.plan(), next);
        for (String problem : next.problems()) {
            log.warn("{}", problem);
        }
        for (String line : diff.replaced()) {
            log.info("{}", line);
        }
        // everything that reads or can refuse comes before the first change
        checkGroups(next);
        boolean sourceless = table.entries().stream().anyMatch(e -> e.instance.settings().primaryAddress() == null);
        PrimaryAddress.HostAddresses host = diff.added().isEmpty() && !sourceless ? null : links.hostAddresses();
        Set<InetAddress> allVips = InstanceStarter.allVips(next);
        executor.reloading(true);
        List<SyncGroup> oldGroups = new ArrayList<>();
        if (diff.groupsChange()) {
            for (InstanceEntry e : table.entries()) {
                e.instance.syncGroup().filter(g -> !oldGroups.contains(g)).ifPresent(oldGroups::add);
            }
        }
        // from here on every step is contained per instance: a throw half-way must not leave the
        // table running instances its plan does not list (the next reload would add them twice)
        for (PlanDiff.Kept k : diff.kept()) {
            InstanceEntry e = table.find(k.running().name());
            try {
                reloadKept(e, k, host, allVips);
            } catch (RuntimeException x) {
                log.error("({}) reload failed: {} - it runs on as it was", e.name(), x.toString(), x);
            }
        }
        for (InstancePlan p : diff.removed()) {
            remove(table.find(p.name()));
        }
        table.renumber(diff.added().size());
        List<InstanceEntry> added = new ArrayList<>();
        Set<String> failed = new HashSet<>();
        for (InstancePlan p : diff.added()) {
            InstanceEntry e = addContained(p, host, allVips);
            if (e == null) {
                failed.add(p.name());
            } else {
                added.add(e);
            }
        }
        table.plan(running(next, failed));
        staticsChanged.accept(next.statics());
        if (diff.groupsChange()) {
            regroup(diff, oldGroups);
        }
        rewire(loaded, added);
        long now = clock.getAsLong();
        for (InstanceEntry e : added) {
            try {
                starter.raiseFaults(e, now);
                starter.start(List.of(e));
            } catch (RuntimeException x) {
                log.error("({}) start failed: {}", e.name(), x.toString(), x);
            }
        }
        executor.reloading(false);
        long usec = (clock.getAsLong() - t0) / 1_000;
        detail.detail("Reload finished in " + usec + " usec: " + diff.kept().size() + " instance(s) kept, "
                + diff.added().size() + " added, " + diff.removed().size() + " removed");
        log.info("Reload complete");
    }

    /** Every sync group's members are instances of the plan, or the reload is refused whole. */
    private static void checkGroups(VrrpPlan next) {
        for (SyncGroupPlan g : next.syncGroups()) {
            for (String m : g.members()) {
                if (next.instance(m).isEmpty()) {
                    throw new IllegalArgumentException("sync group " + g.name() + " names " + m
                            + ", which is no instance");
                }
            }
        }
    }

    /**
     * An added instance built, in the table and on its socket; or, if any of that throws, null
     * and nothing of it left behind.
     */
    private InstanceEntry addContained(InstancePlan p, PrimaryAddress.HostAddresses host, Set<InetAddress> allVips) {
        InstanceEntry e = null;
        try {
            e = starter.add(p, host, allVips);
            sockets.attach(e);
            return e;
        } catch (RuntimeException x) {
            log.error("({}) cannot be added: {} - left out until the next reload", p.name(), x.toString(), x);
            if (e != null) {
                sockets.detach(e);
                table.remove(e);
            }
            return null;
        }
    }

    /**
     * The plan the table runs: {@code next} without the instances that could not be added, and
     * without the sync groups they were in (their other members run ungrouped), so that the next
     * reload sees them as added again.
     */
    private static VrrpPlan running(VrrpPlan next, Set<String> failed) {
        if (failed.isEmpty()) {
            return next;
        }
        List<InstancePlan> instances = next.instances().stream().filter(i -> !failed.contains(i.name())).toList();
        List<SyncGroupPlan> groups = next.syncGroups().stream()
                .filter(g -> g.members().stream().noneMatch(failed::contains)).toList();
        return next.withInstances(instances, groups);
    }

    /**
     * The {@link ReloadHook}'s turn; then, if it replaced the interface tracking, what the old one
     * no longer says is taken back and the new one is restated from the links as they are now.
     */
    private void rewire(ReloadSource.Loaded loaded, List<InstanceEntry> added) {
        Set<String> names = new LinkedHashSet<>();
        for (InstanceEntry e : added) {
            names.add(e.name());
        }
        held.removeAll(names); // a name held at start-up may come back as a new instance
        Map<String, Standing> kept = new LinkedHashMap<>();
        for (InstanceEntry e : table.entries()) {
            if (!names.contains(e.name())) {
                kept.put(e.name(), new Standing(e.instance.state(), e.instance.effectivePriority()));
            }
        }
        InterfaceTracking before = links.tracking();
        try {
            hook.get().applied(loaded, Set.copyOf(names), kept);
        } catch (RuntimeException x) {
            log.error("reload hook failed: {}", x.toString(), x);
        }
        InterfaceTracking after = links.tracking();
        if (after != before) {
            links.retrack(before, after, clock.getAsLong());
        }
    }

    /**
     * A kept instance takes its new settings in its current state: a master adds and removes
     * only the VIPs that changed and advertises its new priority at once; nothing else moves.
     * Its primary address stays, unless the configured source changed; one that had none (or no
     * socket) tries again, so a reload can bring it out of that FAULT.
     */
    private void reloadKept(InstanceEntry e, PlanDiff.Kept k, PrimaryAddress.HostAddresses host,
                            Set<InetAddress> allVips) {
        boolean sourceless = e.instance.settings().primaryAddress() == null;
        boolean hadSocket = e.socket != null;
        if (!k.changed() && !sourceless && hadSocket) {
            return;
        }
        long now = clock.getAsLong();
        InstancePlan old = e.plan;
        InetAddress primary = old.settings().primaryAddress();
        InstancePlan next = k.next();
        if (next.source().configured().isPresent()) {
            primary = next.source().configured().get();
        } else if (primary == null) {
            primary = PrimaryAddress.resolve(next, host, allVips).orElse(null);
        }
        e.plan = primary == null ? next : next.withPrimaryAddress(primary);
        boolean installed = e.vipsInstalled;
        if (installed) {
            for (Vip v : k.vips().removed()) {
                log.info("({}) ip address {}, no longer exist", e.name(), v);
            }
            for (Vip v : k.excluded().removed()) {
                log.info("({}) ip address {}, no longer exist", e.name(), v);
            }
        }
        if (!e.plan.settings().equals(e.instance.settings())) {
            executor.deliver(e, new Event.Reload(e.plan.settings()), now);
        }
        if (e.socket == null && primary != null) {
            sockets.attach(e);
        } else if (e.socket != null) {
            sockets.refreshHeartbeatPaths(e);
        }
        if (sourceless && primary != null) {
            executor.deliver(e, new Event.FaultCleared(InstanceStarter.FAULT_NO_SOURCE), now);
        }
        if (!hadSocket && e.socket != null) {
            executor.deliver(e, new Event.FaultCleared(InstanceStarter.FAULT_SOCKET), now);
        }
        if (e.instance.state() == VrrpState.MASTER && installed) {
            e.vipsInstalled = true; // a RemoveVips of dropped VIPs does not mean all are gone
            for (Vip v : k.excluded().added()) {
                executor.addVip(e, v);
            }
            for (Vip v : k.excluded().removed()) {
                executor.removeVip(e, v);
            }
            if (!k.excluded().added().isEmpty() && k.vips().added().isEmpty()
                    && e.plan.settings().garpMasterRepeat() > 0) {
                executor.gratuitousBurst(e, e.plan.settings().garpMasterRepeat());
            }
        }
        if (!old.kernel().routing().equals(next.kernel().routing())) {
            executor.routingChanged(e);
        }
        if (old.configFault() != next.configFault()) {
            executor.deliver(e, next.configFault() ? new Event.FaultRaised(InstanceStarter.FAULT_CONFIG)
                    : new Event.FaultCleared(InstanceStarter.FAULT_CONFIG), now);
        }
    }

    /**
     * An instance gone from the configuration stops as at shutdown (a master sends priority 0 and
     * removes its VIPs), but its notification is not STOP: with {@code notify_deleted} it is
     * DELETED, otherwise FAULT (none if it already was in FAULT), as keepalived 2.2.7
     * ({@code clear_diff_vrrp()}).
     */
    private void remove(InstanceEntry e) {
        try {
            boolean wasFault = e.instance.state() == VrrpState.FAULT;
            boolean deleted = e.plan.notifyScripts().notifyDeleted();
            List<Action> out = new ArrayList<>();
            for (Action a : e.instance.handle(new Event.Shutdown(), clock.getAsLong())) {
                if (a instanceof Action.RunNotify n && n.state() == NotifyState.STOP) {
                    if (deleted || !wasFault) {
                        out.add(new Action.RunNotify(n.instance(), deleted ? NotifyState.DELETED : NotifyState.FAULT,
                                n.priority()));
                    }
                } else {
                    out.add(a);
                }
            }
            executor.execute(out);
        } catch (RuntimeException x) {
            log.error("({}) shutdown failed: {}", e.name(), x.toString(), x);
        }
        sockets.detach(e);
        table.remove(e);
        starter.removed(e.plan);
    }

    /**
     * Sync groups that are added, removed or have other members are formed again around the
     * running members ({@link SyncGroup#reform}); unchanged groups are left alone. An instance
     * that only sat in FAULT because of a group it has left goes back to BACKUP.
     */
    private void regroup(PlanDiff diff, List<SyncGroup> oldGroups) {
        Set<String> touched = new HashSet<>();
        diff.groupsAdded().forEach(g -> touched.add(g.name()));
        diff.groupsChanged().forEach(g -> touched.add(g.name()));
        diff.groupsRemoved().forEach(g -> touched.add(g.name()));
        Map<String, VrrpState> previous = new HashMap<>();
        for (SyncGroup g : oldGroups) {
            if (touched.contains(g.name())) {
                previous.put(g.name(), g.state());
                g.dissolve();
            }
        }
        long now = clock.getAsLong();
        List<Action> out = new ArrayList<>();
        List<SyncGroupPlan> formed = new ArrayList<>(diff.groupsChanged());
        formed.addAll(diff.groupsAdded());
        formed.retainAll(table.plan().syncGroups()); // not those left out with an instance that failed
        for (SyncGroupPlan g : formed) {
            SyncGroup.reform(g.name(), table.members(g), previous.get(g.name()), now, out::add);
        }
        for (InstanceEntry e : table.entries()) {
            SyncGroup.releaseFromGroupFault(e.instance, now, out::add);
        }
        executor.execute(out);
    }
}
