package io.javakeepalived.daemon;

import io.javakeepalived.daemon.model.PlanDiff;
import io.javakeepalived.daemon.model.PrimaryAddress;
import io.javakeepalived.sys.signal.SignalRequest;
import io.javakeepalived.daemon.model.VrrpPlan;
import io.javakeepalived.net.ErrnoException;
import io.javakeepalived.net.LinkInfo;
import io.javakeepalived.net.LinkMonitor;
import io.javakeepalived.net.NativeNetwork;
import io.javakeepalived.net.PollSet;
import io.javakeepalived.net.RtnetlinkSession;
import io.javakeepalived.track.InterfaceTracking;
import io.javakeepalived.track.ReferenceView;
import io.javakeepalived.track.TrackScriptView;
import io.javakeepalived.vrrp.Event;

import java.io.IOException;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.slf4j.Logger;

/**
 * The VRRP loop: one thread that owns every instance, sync group, receiver, VRRP socket and
 * timer, as DESIGN.md lays out. It {@code ppoll(2)}s the VRRP sockets, the rtnetlink monitor and
 * a wake-up fd; timers come from a {@link TimerQueue}. Each event goes to the core
 * ({@link io.javakeepalived.vrrp.VrrpInstance#handle}) and the returned actions are carried out
 * in order before the next event.
 *
 * <h2>Parts</h2>
 * This class is the thread and the order of its work; each job is a class of its own, all of
 * them owned by the loop thread:
 * <ul>
 * <li>{@link LoopInbox}: the queues other threads post to, and the wake-up fd;</li>
 * <li>{@link InstanceTable}: the running plan, its instances by name and their timer slots;</li>
 * <li>{@link SocketPool}: one VRRP socket per (family, interface, unicast/multicast), read and
 *     demultiplexed by VRID;</li>
 * <li>{@link ActionExecutor}: the core's actions carried out (adverts, VIPs, GARP/NA bursts,
 *     timers, notify, log lines);</li>
 * <li>{@link LinkWatch}: rtnetlink link and address events turned into instance events, with
 *     {@link LinkDebounce}, {@link VipWatch} (deleted VIPs restored) and {@link SourceWatch}
 *     (late interfaces and addresses);</li>
 * <li>{@link InstanceStarter}: instances built, given their start-up faults and started;</li>
 * <li>{@link ReloadApplier}: a RELOAD read off the loop thread and applied as a diff;</li>
 * <li>{@link LoopSnapshots}: the dumps' and the metrics' view.</li>
 * </ul>
 *
 * <h2>Use</h2>
 * <pre>
 * VrrpLoop loop = new VrrpLoop(plan, LoopOptions.defaults(), new LinuxNetwork()); // in cli
 * signals.start(loop::post);        // any thread may post
 * int status = loop.run();          // on the thread that is to own VRRP; returns after STOP
 * </pre>
 * {@link #run()} opens everything in the calling thread's network namespace, so start it on a
 * thread that is in the right one.
 *
 * <h2>What run() does</h2>
 * <ol>
 * <li>Deletes virtual addresses, routes and rules a killed predecessor left (protocol 18 ours),
 *     keeping the static ones this configuration holds, and installs the static addresses,
 *     routes and rules ({@link StaticSetup}).</li>
 * <li>Resolves each instance's primary address ({@link PrimaryAddress}), opens one
 *     VRRP socket per (family, interface, unicast/multicast) shared by the VRIDs
 *     reading it, and builds instances, receivers, demultiplexers and sync groups.</li>
 * <li>Raises start-up faults (interface down, no source address, socket failure, configuration
 *     fault), then sends {@link Event.Startup} to every instance.</li>
 * <li>Loops until {@link SignalRequest#STOP}: then {@link Event.Shutdown} to every instance
 *     (a master sends priority 0 and removes its VIPs), then the static addresses, routes and rules
 *     go, and it returns 0.</li>
 * </ol>
 *
 * <h2>Dumps</h2>
 * DATA, STATS, STATS_CLEAR and JSON requests are carried out by {@link DumpRequests} on this
 * thread, from a {@link SnapshotBuilder} snapshot, so what a dump shows is consistent.
 * The metrics endpoint gets the same snapshot plus the transition counts ({@link LoopSnapshot})
 * through {@link #requestSnapshot}, answered at the next turn; the loop never formats metrics.
 *
 * <h2>Reload</h2>
 * RELOAD is read off the loop thread and applied here as a {@link PlanDiff} by the
 * {@link ReloadApplier}; the {@link ReloadHook} rewires what lives outside the loop, and the
 * {@link LoopListener} hears the start and the end (systemd's RELOADING=1 / READY=1).
 *
 * <h2>Not done yet</h2>
 * {@code garp_group} pacing per VIP device (the pacing of
 * the instance's interface applies to all its VIPs, see {@link GarpPacer}), the NA Router flag,
 * VMAC.
 *
 * <h2>Rejected packets</h2>
 * Counted by the core; their lines (keepalived's wording) go through the {@link RejectedPacketLog},
 * rate limited per instance, or per socket for packets no instance takes, and reason.
 */
public final class VrrpLoop {

    private final VrrpPlan plan;
    private final LoopOptions options;
    private final Logger log;
    private final LongSupplier clock;
    private final NativeNetwork network;
    private final LoopInbox inbox;
    private final RejectedPacketLog rejects;
    private final TurnFailures failures;
    private volatile long lastTurnNanos;
    private volatile LoopListener listener = LoopListener.NONE;
    private volatile ReloadHook reloadHook = ReloadHook.NONE;
    private volatile Supplier<List<TrackScriptView>> trackScripts = List::of;
    private volatile Supplier<List<ReferenceView>> references = List::of;
    private volatile InterfaceTracking interfaceTracking = InterfaceTracking.NONE;
    private final Set<String> heldStartups = ConcurrentHashMap.newKeySet();
    private volatile Runnable whenStarted = () -> { };
    private Consumer<Set<InetAddress>> hostAddresses;
    private volatile StopRelease stopRelease = StopRelease.RELEASE;
    private volatile LoopScheduling scheduling = LoopScheduling.NONE;

    // ---- made by run(), owned by the loop thread -------------------------------------------
    private final PollSet poller;
    private RtnetlinkSession rtnl;
    private VmacLinks vmacs;
    private LinkMonitor monitor;
    private Announcers announcers;
    private VipInstaller vips;
    private StaticSetup statics;
    private AcceptModeFirewall firewall;
    private InstanceTable table;
    private SocketPool sockets;
    private ActionExecutor executor;
    private LinkWatch links;
    private InstanceStarter starter;
    private LoopSnapshots snapshots;
    private ReloadApplier reloads;
    private boolean stopping;
    private PromoteSecondaries promoteSecondaries;

    /**
     * Prepares the loop; nothing is opened but the wake-up fd, so {@link #post} works at once.
     *
     * @param network where the loop opens its sockets (the real one is built by {@code cli})
     * @throws ErrnoException if the wake-up fd cannot be made
     */
    public VrrpLoop(VrrpPlan plan, LoopOptions options, NativeNetwork network) throws ErrnoException {
        this.plan = Objects.requireNonNull(plan, "plan");
        this.options = Objects.requireNonNull(options, "options");
        this.log = options.log();
        this.clock = options.clock();
        this.network = Objects.requireNonNull(network, "network");
        this.inbox = new LoopInbox(network.openWakeUp(), log);
        this.poller = network.newPollSet();
        this.rejects = new RejectedPacketLog(log, clock);
        this.failures = new TurnFailures(log, clock);
    }

    /** Queues a request for the loop; any thread, never blocks. Requests after the loop ended are dropped. */
    public void post(SignalRequest request) {
        inbox.post(request);
    }

    /**
     * Queues an event for the named instance (a tracker result, say); any thread, never blocks.
     * Events for an instance that does not exist (any more) are dropped at delivery.
     */
    public void post(String instance, Event event) {
        inbox.post(instance, event);
    }

    /**
     * Asks the loop for a {@link LoopSnapshot}: {@code answer} is called on the loop thread at its
     * next turn, so it must only hand the snapshot over (complete a future) and return. Any thread,
     * never blocks; requests after the loop ended are never answered, so wait with a timeout.
     */
    public void requestSnapshot(Consumer<LoopSnapshot> answer) {
        inbox.requestSnapshot(answer);
    }

    /**
     * The loop clock's reading at the start of the loop's latest turn (0 before the first): a
     * watchdog compares it with the clock to see that the loop still turns. Any thread.
     */
    public long lastTurnNanos() {
        return lastTurnNanos;
    }

    /**
     * Wakes the loop for one turn that does nothing else; a watchdog pings, then checks that
     * {@link #lastTurnNanos()} moved past the time of its ping. Any thread, never blocks.
     */
    public void ping() {
        inbox.wakeUp();
    }

    /** Who hears about start-up, state changes, reloads and the stop; set before {@link #run()}. */
    public void setListener(LoopListener l) {
        listener = Objects.requireNonNull(l, "listener");
    }

    /**
     * Who is told when a reload has been applied; set before {@link #run()}. Hooks add up (the
     * trackers' and the IPVS table's), told in the order they were set.
     */
    public void onReload(ReloadHook hook) {
        Objects.requireNonNull(hook, "hook");
        reloadHook = reloadHook == ReloadHook.NONE ? hook : reloadHook.andThen(hook);
    }

    /**
     * Where the dumps and the metrics page read the {@code vrrp_script}s from: the checker loop's
     * published views (any thread, must not block). Set before {@link #run()}.
     */
    public void trackScriptViews(Supplier<List<TrackScriptView>> views) {
        trackScripts = Objects.requireNonNull(views, "views");
    }

    /**
     * Where the dumps and the metrics page read the reference trackers from: the checker loop's
     * published views (any thread, must not block). Set before {@link #run()}.
     */
    public void referenceViews(Supplier<List<ReferenceView>> views) {
        references = Objects.requireNonNull(views, "views");
    }

    /**
     * {@code track_interface} and {@code dont_track_primary}: which link events reach which
     * instances beyond their own interface. Set before {@link #run()}, or from a
     * {@link ReloadHook}.
     */
    public void trackInterfaces(InterfaceTracking tracking) {
        this.interfaceTracking = Objects.requireNonNull(tracking, "tracking");
    }

    /**
     * Instances {@link #run()} does not start by itself: they stay in INIT until someone posts
     * {@link Event.Startup} for them (the checker loop, once their weight-0 scripts have
     * reported, as keepalived waits for them). Call before {@link #run()}.
     */
    public void holdStartup(Set<String> instances) {
        heldStartups.addAll(instances);
    }

    /**
     * Runs {@code r} on the loop thread once the instances have been started (not if start-up
     * fails); it must return at once. Call before {@link #run()}.
     */
    public void whenStarted(Runnable r) {
        this.whenStarted = Objects.requireNonNull(r, "r");
    }

    /**
     * {@code -V} (--dont-release-vrrp): at STOP a master sends no priority 0 and leaves its VIPs
     * up. Call before {@link #run()}.
     */
    public void keepVipsAtStop() {
        stopRelease = StopRelease.KEEP;
    }

    /**
     * Who hears of the host's addresses (ha_suspend's checkers): all of them at start-up, then
     * again after each change, on the loop thread; it must hand them off and return. Call before
     * {@link #run()}.
     */
    public void onHostAddresses(Consumer<Set<InetAddress>> listener) {
        hostAddresses = Objects.requireNonNull(listener, "listener");
    }

    /**
     * How this loop's thread is scheduled (vrrp_rt_priority, max_auto_priority ...): told when
     * the turns start and how late each wait ended. Call before {@link #run()}.
     */
    public void schedule(LoopScheduling s) {
        scheduling = Objects.requireNonNull(s, "scheduling");
    }

    /** {@code post(STOP)}. */
    public void stop() {
        post(SignalRequest.STOP);
    }

    /** True once {@link #run()} has returned. */
    public boolean isFinished() {
        return inbox.isFinished();
    }

    /**
     * Runs the loop on the calling thread until a STOP request has been carried out.
     *
     * @return the exit status: 0 after a clean stop, 1 if the loop could not start or failed
     */
    public int run() {
        try {
            return runLoop();
        } finally {
            inbox.finish();
            closeAll();
        }
    }

    private int runLoop() {
        try {
            rtnl = network.openRtnetlink();
            monitor = network.openLinkMonitor();
        } catch (IOException e) {
            log.error("Cannot open rtnetlink: {}", e.getMessage());
            return 1;
        }
        assemble();
        poller.add(inbox.fd());
        poller.add(links.fd());
        try {
            links.refresh();
            promoteSecondaries.apply(table.plan());
            vips.removeStale(statics::isStatic);
            statics.start();
            firewall.start(plan.instances());
            starter.buildAll();
        } catch (IOException e) {
            log.error("VRRP start-up failed: {}", e.getMessage());
            return 1;
        }
        long now = clock.getAsLong();
        links.restate(links.tracking(), now);
        for (InstanceEntry e : table.entries()) {
            starter.raiseFaults(e, now);
        }
        handleInstanceEvents(); // trackers' starting state (init_fail ...) before anyone starts
        starter.start(table.entries());
        try {
            whenStarted.run();
        } catch (RuntimeException x) {
            log.error("start-up hook failed: {}", x.toString(), x);
        }
        executor.takeStatesChanged();
        tell(l -> l.started(table.states()));
        return loop();
    }

    /** Makes the parts, once rtnetlink is open; none of them opens anything yet. */
    private void assemble() {
        DetailLog detail = new DetailLog(log, options.logDetail());
        Map<String, LinkInfo> linkView = new HashMap<>();
        announcers = new Announcers(linkView, network, log);
        table = new InstanceTable(plan);
        promoteSecondaries = new PromoteSecondaries(network.sysctls(), log);
        firewall = new AcceptModeFirewall(plan.noAccept(), network, log);
        vips = new VipInstaller(rtnl, linkView, log, firewall);
        RoutingRequests routing = new RoutingRequests(rtnl, log);
        statics = new StaticSetup(plan.statics(), vips, routing, linkView, log);
        executor = new ActionExecutor(table, vips, new VirtualRoutes(routing), announcers, clock,
                options.notifySink(), rejects, detail, options.wallClock());
        sockets = new SocketPool(network, poller, table, executor, rejects, detail, clock);
        HeartbeatPaths paths = new HeartbeatPaths(network, poller, () -> links.hostAddresses(), table, executor,
                rejects, detail, clock);
        sockets.withHeartbeatPaths(paths);
        executor.sendAlsoOn(paths);
        links = new LinkWatch(linkView, rtnl, monitor, announcers, table, executor, () -> interfaceTracking, log,
                clock);
        links.watch(new VipWatch(table, linkView, vips, executor, log), new SourceWatch(table, sockets, executor, log));
        links.onAddressDeleted(statics::addressDeleted);
        if (hostAddresses != null) {
            links.onHostAddresses(hostAddresses);
        }
        vmacs = new VmacLinks(rtnl, network.sysctls(), log);
        starter = new InstanceStarter(table, sockets, links, executor, vmacs, heldStartups, log, clock,
                options.wallClock());
        snapshots = new LoopSnapshots(table, sockets, options.dumps(), options.globals(), () -> trackScripts.get(),
                clock, options.wallClock(), log);
        snapshots.references(() -> references.get());
        reloads = new ReloadApplier(options.reloadSource(), inbox::wakeUp, table, sockets, links, executor, starter,
                snapshots, () -> reloadHook, heldStartups, this::tell, detail, clock);
        reloads.onStaticsChanged(statics::reload);
    }

    /**
     * The turns. Each step is contained on its own ({@link TurnFailures}): an exception while
     * reading one socket neither skips the other sockets nor the timers. Only a failing poll
     * ends the loop at once; {@link TurnFailures#GIVE_UP_AFTER} failing turns in a row end it too,
     * and meanwhile the watchdog hears of no turn.
     */
    private int loop() {
        try {
            scheduling.turnsStart();
        } catch (RuntimeException e) {
            log.error("VRRP loop: scheduling settings not applied: {}", e.toString(), e); // VRRP runs all the same
        }
        while (true) {
            long start = clock.getAsLong();
            if (failures.vouching()) {
                lastTurnNanos = start;
            }
            try {
                handleRequests();
                handleInstanceEvents();
                if (stopping) {
                    tell(LoopListener::stopping);
                    shutdownInstances();
                    return 0;
                }
                if (executor.takeStatesChanged()) {
                    tell(l -> l.statesChanged(table.states()));
                }
            } catch (RuntimeException | StackOverflowError e) {
                failures.failed("handling requests", e);
            }
            long timeout = failures.vouching() ? GarpPacer.earlier(GarpPacer.earlier(
                    table.timers().nanosUntilNext(clock.getAsLong()), executor.nanosUntilNextAnnouncement()),
                    links.nanosUntilNextChange()) : Math.min(10_000_000, table.timers().nanosUntilNext(clock.getAsLong()));
            long waitStart = clock.getAsLong();
            try {
                poller.pollNanos(timeout); // to the nanosecond: poll(2)'s whole milliseconds made timers late
            } catch (IOException | RuntimeException e) {
                log.error("VRRP loop: {} - stopping", e.toString(), e);
                shutdownInstances();
                return 1;
            }
            try {
                if (timeout >= 0) {
                    scheduling.woke(waitStart + timeout, clock.getAsLong());
                }
            } catch (RuntimeException e) {
                failures.failed("scheduling", e);
            }
            for (int i = 0; i < poller.readyCount(); i++) {
                readReady(poller.readyFd(i));
            }
            try {
                links.changesDue();
            } catch (RuntimeException | StackOverflowError e) {
                failures.failed("link changes", e);
            }
            try {
                fireTimers();
            } catch (RuntimeException | StackOverflowError e) {
                failures.failed("timers", e);
            }
            try {
                executor.announceDue();
                rejects.flush();
                executor.flushLogs();
                failures.flush();
            } catch (RuntimeException | StackOverflowError e) {
                failures.failed("announcements", e);
            }
            if (failures.endTurn()) {
                log.error("VRRP loop: {} turns in a row failed - stopping, exit status 1", failures.inARow());
                shutdownInstances();
                return 1;
            }
        }
    }

    /** One ready fd, contained: what it throws is this turn's failure, not the other fds'. */
    private void readReady(int fd) {
        try {
            if (fd == inbox.fd()) {
                inbox.drain();
            } else if (fd == links.fd()) {
                links.drain();
            } else {
                sockets.readable(fd);
            }
        } catch (IOException | RuntimeException | StackOverflowError e) {
            failures.failed(fd == inbox.fd() ? "wake-up" : fd == links.fd() ? "rtnetlink" : sockets.describe(fd), e);
        }
    }

    private void handleRequests() {
        SignalRequest r;
        while ((r = inbox.nextRequest()) != null) {
            switch (r) {
                case STOP -> stopping = true;
                case RELOAD -> reloads.request();
                case DATA, STATS, STATS_CLEAR, JSON -> snapshots.dump(r);
                default -> log.warn("Unknown request {}", r);
            }
        }
        snapshots.answer(inbox);
        reloads.applyIfRead();
        promoteSecondaries.apply(table.plan()); // instances a reload added
    }

    private void tell(Consumer<LoopListener> news) {
        try {
            news.accept(listener);
        } catch (RuntimeException x) {
            log.warn("loop listener failed: {}", x.toString());
        }
    }

    private void handleInstanceEvents() {
        LoopInbox.InstanceEvent m;
        while ((m = inbox.nextInstanceEvent()) != null) {
            InstanceEntry e = table.find(m.instance());
            if (e == null) {
                log.debug("event {} for unknown instance {} dropped", m.event(), m.instance());
                continue;
            }
            executor.deliver(e, m.event(), clock.getAsLong());
        }
    }

    private void fireTimers() {
        long now = clock.getAsLong();
        for (int slot = table.timers().pollDue(now); slot >= 0; slot = table.timers().pollDue(now)) {
            InstanceEntry e = table.entries().get(TimerQueue.ownerOf(slot));
            executor.deliver(e, Event.TimerFired.of(TimerQueue.kindOf(slot)), now);
        }
    }

    private void shutdownInstances() {
        for (InstanceEntry e : table.entries()) {
            try {
                executor.execute(stopRelease.filter(e.instance.handle(new Event.Shutdown(), clock.getAsLong())));
            } catch (RuntimeException x) {
                log.error("({}) shutdown failed: {}", e.name(), x.toString(), x);
            }
        }
        statics.stop();
        vmacs.removeAll(); // after the instances' last adverts and VIPs went out on them
        if (stopRelease == StopRelease.RELEASE) {
            promoteSecondaries.restore();
        }
        log.info("Stopped");
    }

    private void closeAll() {
        if (firewall != null) {
            firewall.stop(); // after the instances' shutdown took the VIPs down
        }
        if (sockets != null) {
            sockets.closeAll();
        }
        if (announcers != null) {
            announcers.closeAll();
        }
        if (monitor != null) {
            monitor.close();
        }
        if (rtnl != null) {
            rtnl.close();
        }
        inbox.close();
    }
}
