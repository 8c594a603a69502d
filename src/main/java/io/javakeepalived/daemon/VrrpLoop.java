package io.javakeepalived.daemon;

import io.javakeepalived.daemon.dump.ConfiguredGlobals;
import io.javakeepalived.daemon.dump.DumpFiles;
import io.javakeepalived.daemon.dump.VrrpStateSnapshot;
import io.javakeepalived.daemon.model.InstancePlan;
import io.javakeepalived.daemon.model.PlanDiff;
import io.javakeepalived.daemon.model.PrimaryAddress;
import io.javakeepalived.daemon.model.SyncGroupPlan;
import io.javakeepalived.daemon.model.Vip;
import io.javakeepalived.daemon.signal.SignalRequest;
import io.javakeepalived.daemon.model.VrrpPlan;
import io.javakeepalived.net.ErrnoException;
import io.javakeepalived.net.EventFd;
import io.javakeepalived.net.InterfaceAddress;
import io.javakeepalived.net.LinkInfo;
import io.javakeepalived.net.LinkLayerAnnouncer;
import io.javakeepalived.net.NetlinkEvent;
import io.javakeepalived.net.Poller;
import io.javakeepalived.net.RawVrrpSocket;
import io.javakeepalived.net.ReceivedPacketInfo;
import io.javakeepalived.net.Rtnetlink;
import io.javakeepalived.net.RtnetlinkMonitor;
import io.javakeepalived.net.VrrpSocket;
import io.javakeepalived.net.VrrpSocketOptions;
import io.javakeepalived.track.InterfaceTracking;
import io.javakeepalived.track.TrackScriptState;
import io.javakeepalived.vrrp.Action;
import io.javakeepalived.vrrp.Event;
import io.javakeepalived.vrrp.InstanceReceiver;
import io.javakeepalived.vrrp.InstanceSettings;
import io.javakeepalived.vrrp.LogLevel;
import io.javakeepalived.vrrp.NotifyState;
import io.javakeepalived.vrrp.SyncGroup;
import io.javakeepalived.vrrp.TimerKind;
import io.javakeepalived.vrrp.VridDemultiplexer;
import io.javakeepalived.vrrp.VrrpInstance;
import io.javakeepalived.vrrp.VrrpState;
import io.javakeepalived.vrrp.packet.AdvertTemplate;
import io.javakeepalived.vrrp.packet.IpFamily;
import io.javakeepalived.vrrp.packet.RejectReason;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The VRRP loop: one thread that owns every instance, sync group, receiver, VRRP socket and
 * timer, as DESIGN.md lays out. It {@code poll(2)}s the VRRP sockets, the rtnetlink monitor and
 * a wake-up {@link EventFd}; timers come from a {@link TimerQueue}. Each event goes to the
 * core ({@link VrrpInstance#handle}) and the returned {@link Action}s are carried out in order
 * before the next event.
 *
 * <h2>Use</h2>
 * <pre>
 * VrrpLoop loop = new VrrpLoop(plan, VrrpLoop.Options.defaults());
 * signals.start(loop::post);        // any thread may post
 * int status = loop.run();          // on the thread that is to own VRRP; returns after STOP
 * </pre>
 * {@link #run()} opens everything in the calling thread's network namespace, so start it on a
 * thread that is in the right one.
 *
 * <h2>What run() does</h2>
 * <ol>
 * <li>Deletes virtual addresses a killed predecessor left ({@code IFA_PROTO} ours).</li>
 * <li>Resolves each instance's primary address ({@link PrimaryAddress}), opens one
 *     {@link RawVrrpSocket} per (family, interface, unicast/multicast) shared by the VRIDs
 *     reading it, and builds instances, receivers, demultiplexers and sync groups.</li>
 * <li>Raises start-up faults (interface down, no source address, socket failure, configuration
 *     fault), then sends {@link Event.Startup} to every instance.</li>
 * <li>Loops until {@link SignalRequest#STOP}: then {@link Event.Shutdown} to every instance
 *     (a master sends priority 0 and removes its VIPs) and returns 0.</li>
 * </ol>
 *
 * <h2>Dumps</h2>
 * DATA, STATS, STATS_CLEAR and JSON requests are carried out by {@link DumpRequests} on this
 * thread, from a {@link SnapshotBuilder} snapshot, so what a dump shows is consistent.
 * The metrics endpoint gets the same snapshot plus the transition counts ({@link LoopSnapshot})
 * through {@link #requestSnapshot}, answered at the next turn; the loop never formats metrics.
 *
 * <h2>Reload</h2>
 * RELOAD starts a thread that asks {@link Options#reloadSource()} for the new configuration (the
 * file is never read on the loop thread); requests arriving meanwhile become one more reload
 * after it. A rejected configuration leaves everything as it is. A loaded one is applied here as
 * a {@link PlanDiff}: kept instances get {@link Event.Reload} (a master adds and removes only the
 * VIPs that changed and never sends priority 0; no state change, no notify), removed ones
 * {@link Event.Shutdown}, added ones are built and started as at start-up; sync groups that
 * changed are formed again; while this runs, no address another instance holds is removed. No
 * stale-address cleanup runs at reload. Before the added instances start, the {@link ReloadHook}
 * rewires what lives outside the loop (trackers, notify hooks); it may hold added instances in
 * INIT until their weight-0 scripts have reported, and a replaced interface tracking is
 * restated from the links' current state. The {@link Listener} hears the start and the end
 * (systemd's RELOADING=1 / READY=1).
 *
 * <h2>Not done yet</h2>
 * {@code garp_group} pacing per VIP device (the pacing of
 * the instance's interface applies to all its VIPs, see {@link GarpPacer}), the NA Router flag,
 * VMAC.
 *
 * <h2>Rejected packets</h2>
 * Every packet an instance rejects is counted by the core and its line (keepalived's wording)
 * goes through {@link RejectedPacketLog}, rate limited per instance and reason; packets no
 * instance takes (runt, unknown VRID) likewise per socket and reason.
 */
public final class VrrpLoop {

    /**
     * @param logDetail {@code -D}: DETAIL lines of the core are logged at INFO too
     * @param clock     monotonic nanoseconds (timer deadlines are on it)
     * @param log       where keepalived's lines go
     * @param wallClock wall time, for the dumps (last transition, timer deadlines)
     * @param globals   global definitions the dumps show
     * @param dumps     where the dump files go ({@code $TMPDIR} or /tmp by default)
     * @param reloadSource   where a RELOAD request gets the new configuration (read off the loop thread)
     */
    public record Options(boolean logDetail, LongSupplier clock, Logger log, Clock wallClock,
                          ConfiguredGlobals globals, DumpFiles dumps, NotifySink notifySink,
                          ReloadSource reloadSource) {
        public Options {
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(log, "log");
            Objects.requireNonNull(wallClock, "wallClock");
            Objects.requireNonNull(globals, "globals");
            Objects.requireNonNull(dumps, "dumps");
            Objects.requireNonNull(notifySink, "notifySink");
            Objects.requireNonNull(reloadSource, "reloadSource");
        }

        public static Options defaults() {
            return new Options(false, System::nanoTime, LoggerFactory.getLogger("Keepalived_vrrp"),
                    Clock.systemUTC(), ConfiguredGlobals.defaults(), DumpFiles.fromEnvironment(), NotifySink.NONE,
                    ReloadSource.NONE);
        }

        public Options withLogDetail(boolean d) {
            return new Options(d, clock, log, wallClock, globals, dumps, notifySink, reloadSource);
        }

        public Options withLog(Logger l) {
            return new Options(logDetail, clock, l, wallClock, globals, dumps, notifySink, reloadSource);
        }

        public Options withGlobals(ConfiguredGlobals g) {
            return new Options(logDetail, clock, log, wallClock, g, dumps, notifySink, reloadSource);
        }

        public Options withDumps(DumpFiles d) {
            return new Options(logDetail, clock, log, wallClock, globals, d, notifySink, reloadSource);
        }

        public Options withNotifySink(NotifySink n) {
            return new Options(logDetail, clock, log, wallClock, globals, dumps, n, reloadSource);
        }

        public Options withReload(ReloadSource source) {
            return new Options(logDetail, clock, log, wallClock, globals, dumps, notifySink, source);
        }
    }

    /**
     * Where {@link Action.RunNotify} and {@link Action.RunGroupNotify} go. Called on the loop
     * thread, so it must hand the work off and return at once (scripts never run on the loop).
     */
    public interface NotifySink {
        /** Drops notifications (the loop still logs them at debug). */
        NotifySink NONE = action -> { };

        void dispatch(Action notify);
    }

    /**
     * What a service manager is told (systemd readiness and status, see
     * {@code io.javakeepalived.daemon.systemd}). Called on the loop thread with a snapshot of
     * instance name → state; implementations hand the news off and return at once, and never
     * throw (a throw is logged and ignored).
     */
    public interface Listener {
        Listener NONE = new Listener() { };

        /** Every instance has entered its initial state (BACKUP, MASTER or FAULT). */
        default void started(Map<String, VrrpState> states) { }

        /** One or more instances changed state during the latest turn. */
        default void statesChanged(Map<String, VrrpState> states) { }

        /** A reload is starting. */
        default void reloading() { }

        /** A reload is over: {@code applied}, or rejected and the running configuration kept; the states after it. */
        default void reloaded(boolean applied, Map<String, VrrpState> states) { }

        /** The loop is about to release its instances and return. */
        default void stopping() { }
    }

    /**
     * Who rewires what lives outside the loop (trackers, notify hooks) when a reload is applied.
     * Called on the loop thread after the diff is applied and before the instances it added
     * start; it must return at once (hand heavy work to another thread). It may
     * {@link #holdStartup hold} added instances, which then wait in INIT for a posted
     * {@link Event.Startup}, and may {@link #trackInterfaces replace} the interface tracking,
     * which the loop then restates from the links' current state.
     */
    @FunctionalInterface
    public interface ReloadHook {
        /**
         * @param added the instances the reload added (not started yet)
         * @param kept  the instances it kept, with their state and effective priority now
         */
        void applied(ReloadSource.Loaded loaded, Set<String> added, Map<String, Standing> kept);
    }

    /** Where a kept instance stands after a reload. */
    public record Standing(VrrpState state, int effectivePriority) {
    }

    /** An event for one instance from another thread (a tracker's result, ...). */
    private record InstanceEvent(String instance, Event event) {
    }

    private static final int MAX_PACKET = 8192;
    private static final int STATES = VrrpState.values().length;
    private static final String FAULT_NO_SOURCE = "no source address";
    private static final String FAULT_SOCKET = "VRRP socket";
    private static final String FAULT_CONFIG = "configuration";

    /** The running plan as configured (primary addresses unresolved); replaced by a reload. */
    private VrrpPlan plan;
    private final Options options;
    private final Logger log;
    private final LongSupplier clock;
    private final EventFd wake;
    private final ConcurrentLinkedQueue<SignalRequest> inbox = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<InstanceEvent> instanceInbox = new ConcurrentLinkedQueue<>();
    private final RejectedPacketLog rejects;
    private final ConcurrentLinkedQueue<Consumer<LoopSnapshot>> snapshotRequests = new ConcurrentLinkedQueue<>();
    private final Object wakeLock = new Object();
    private volatile boolean finished;
    private volatile long lastTurnNanos;
    private final AtomicReference<ReloadSource.Outcome> reloadOutcome = new AtomicReference<>();
    private volatile Listener listener = Listener.NONE;
    private volatile ReloadHook reloadHook = (loaded, added, kept) -> { };
    private volatile Supplier<List<io.javakeepalived.track.TrackScriptView>> trackScripts = List::of;
    /** Tests only ({@code -Djavakeepalived.test.stallFile=PATH}): the loop stops turning while PATH exists. */
    private final String stallFile = System.getProperty("javakeepalived.test.stallFile");
    private boolean statesChanged;
    private volatile InterfaceTracking interfaceTracking = InterfaceTracking.NONE;
    private final Set<String> heldStartups = ConcurrentHashMap.newKeySet();
    private volatile Runnable whenStarted = () -> { };

    // ---- owned by the loop thread ---------------------------------------------------------
    private final Poller poller = new Poller();
    private final GarpPacer garps;
    private final List<Entry> entries = new ArrayList<>();
    private final Map<String, Entry> byName = new HashMap<>();
    private final Map<VridDemultiplexer.SocketKey, Sock> sockets = new LinkedHashMap<>();
    private final Map<Integer, Sock> socketsByFd = new HashMap<>();
    private final Map<String, LinkInfo> links = new HashMap<>();
    private final Announcers announcers;
    private final DumpRequests dumps;
    private final Map<String, Boolean> linkUsable = new HashMap<>();
    private final ByteBuffer receiveBuffer = ByteBuffer.allocate(MAX_PACKET);
    private final ReceivedPacketInfo receiveInfo = new ReceivedPacketInfo();
    private final byte[] sendArray = new byte[MAX_PACKET];
    private final ByteBuffer sendBuffer = ByteBuffer.wrap(sendArray);
    private TimerQueue timers;
    private Rtnetlink rtnl;
    private VipInstaller vips;
    private RtnetlinkMonitor monitor;
    private boolean stopping;
    private ConfiguredGlobals globals;
    private final ReloadRequests reloads = new ReloadRequests();
    /** Set while a reload is applied: no address another instance holds is removed. */
    private boolean reloading;

    /** One instance and what belongs to it. */
    private static final class Entry {
        int index;
        InstancePlan plan;
        final VrrpInstance instance;
        final InstanceReceiver receiver;
        Sock socket;
        Instant lastTransition;
        boolean vipsInstalled;
        /** State changes since start, [from.ordinal() * STATES + to.ordinal()]; for the metrics. */
        final long[] transitions = new long[STATES * STATES];

        Entry(int index, InstancePlan plan, VrrpInstance instance) {
            this.index = index;
            this.plan = plan;
            this.instance = instance;
            this.receiver = new InstanceReceiver(instance);
        }

        String name() {
            return plan.name();
        }
    }

    /** One VRRP socket and the instances reading it. */
    private static final class Sock {
        final VrrpSocket socket;
        final VridDemultiplexer demux;
        int ipId = 1;

        Sock(VrrpSocket socket, VridDemultiplexer demux) {
            this.socket = socket;
            this.demux = demux;
        }

        int nextIpId() {
            int id = ipId;
            ipId = id == 0xffff ? 1 : id + 1;
            return id;
        }
    }

    /**
     * Prepares the loop; nothing is opened but the wake-up fd, so {@link #post} works at once.
     *
     * @throws ErrnoException if the eventfd cannot be made
     */
    public VrrpLoop(VrrpPlan plan, Options options) throws ErrnoException {
        this.plan = Objects.requireNonNull(plan, "plan");
        this.options = Objects.requireNonNull(options, "options");
        this.log = options.log();
        this.clock = options.clock();
        this.wake = new EventFd();
        this.rejects = new RejectedPacketLog(log, clock);
        this.garps = new GarpPacer(clock);
        this.announcers = new Announcers(links, log);
        this.dumps = new DumpRequests(options.dumps(), log);
        this.globals = options.globals();
    }

    /** Queues a request for the loop; any thread, never blocks. Requests after the loop ended are dropped. */
    public void post(SignalRequest request) {
        Objects.requireNonNull(request, "request");
        if (finished) {
            return;
        }
        inbox.offer(request);
        wakeUp();
    }

    /**
     * Queues an event for the named instance (a tracker result, say); any thread, never blocks.
     * Events for an instance that does not exist (any more) are dropped at delivery.
     */
    public void post(String instance, Event event) {
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(event, "event");
        if (finished) {
            return;
        }
        instanceInbox.offer(new InstanceEvent(instance, event));
        wakeUp();
    }

    /**
     * Asks the loop for a {@link LoopSnapshot}: {@code answer} is called on the loop thread at its
     * next turn, so it must only hand the snapshot over (complete a future) and return. Any thread,
     * never blocks; requests after the loop ended are never answered, so wait with a timeout.
     */
    public void requestSnapshot(Consumer<LoopSnapshot> answer) {
        Objects.requireNonNull(answer, "answer");
        if (finished) {
            return;
        }
        snapshotRequests.offer(answer);
        wakeUp();
    }

    /**
     * Signals the wake-up fd, unless the loop has ended. Under {@link #wakeLock} because the loop
     * closes the fd when it ends: a write racing that close could land on whatever file reuses
     * the descriptor number.
     */
    private void wakeUp() {
        synchronized (wakeLock) {
            if (finished) {
                return;
            }
            try {
                wake.signal();
            } catch (ErrnoException e) {
                log.warn("cannot wake the VRRP loop: {}", e.getMessage());
            }
        }
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
        wakeUp();
    }

    /** Who hears about start-up, state changes, reloads and the stop; set before {@link #run()}. */
    public void setListener(Listener l) {
        listener = Objects.requireNonNull(l, "listener");
    }

    /** Who is told when a reload has been applied; set before {@link #run()}. */
    public void onReload(ReloadHook hook) {
        reloadHook = Objects.requireNonNull(hook, "hook");
    }

    /**
     * Where the dumps and the metrics page read the {@code vrrp_script}s from: the checker loop's
     * published views (any thread, must not block). Set before {@link #run()}.
     */
    public void trackScriptViews(Supplier<List<io.javakeepalived.track.TrackScriptView>> views) {
        trackScripts = Objects.requireNonNull(views, "views");
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

    /** {@code post(STOP)}. */
    public void stop() {
        post(SignalRequest.STOP);
    }

    /** True once {@link #run()} has returned. */
    public boolean isFinished() {
        return finished;
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
            synchronized (wakeLock) {
                finished = true;
            }
            closeAll();
        }
    }

    private int runLoop() {
        try {
            rtnl = Rtnetlink.open();
            vips = new VipInstaller(rtnl, links, log);
            monitor = RtnetlinkMonitor.open();
        } catch (IOException e) {
            log.error("Cannot open rtnetlink: {}", e.getMessage());
            return 1;
        }
        poller.add(wake.fd());
        poller.add(monitor.fd());
        try {
            refreshLinks();
            vips.removeStale();
            buildInstances();
        } catch (IOException e) {
            log.error("VRRP start-up failed: {}", e.getMessage());
            return 1;
        }
        long now = clock.getAsLong();
        InterfaceTracking tracking = interfaceTracking;
        for (String ifname : tracking.interfaces()) {
            deliverAll(tracking.linkState(ifname, Boolean.TRUE.equals(linkUsable.get(ifname))), now);
        }
        for (Entry e : entries) {
            raiseStartupFaults(e, now);
        }
        handleInstanceEvents(); // trackers' starting state (init_fail ...) before anyone starts
        for (Entry e : entries) {
            if (!heldStartups.contains(e.name())) {
                deliver(e, new Event.Startup(), clock.getAsLong());
            }
        }
        try {
            whenStarted.run();
        } catch (RuntimeException x) {
            log.error("start-up hook failed: {}", x.toString(), x);
        }
        statesChanged = false;
        tell(l -> l.started(states()));
        return loop();
    }

    private int loop() {
        while (true) {
            try {
                lastTurnNanos = clock.getAsLong();
                handleRequests();
                handleInstanceEvents();
                if (stopping) {
                    tell(Listener::stopping);
                    shutdownInstances();
                    return 0;
                }
                if (statesChanged) {
                    statesChanged = false;
                    tell(l -> l.statesChanged(states()));
                }
                if (stallFile != null) {
                    stallWhileTestAsks();
                }
                int timeout = GarpPacer.earlier(timers.millisUntilNext(clock.getAsLong()), garps.millisUntilNext());
                poller.poll(timeout);
                for (int i = 0; i < poller.readyCount(); i++) {
                    int fd = poller.readyFd(i);
                    if (fd == wake.fd()) {
                        wake.drain();
                    } else if (fd == monitor.fd()) {
                        monitor.drain(this::onNetlink);
                    } else {
                        Sock s = socketsByFd.get(fd);
                        if (s != null) {
                            readSocket(s);
                        }
                    }
                }
                fireTimers();
                garps.run(this::announce);
                rejects.flush();
            } catch (IOException | RuntimeException e) {
                // keep the VIPs' owner alive: one bad event must not take the daemon down
                log.error("VRRP loop: {}", e.toString(), e);
                if (e instanceof ErrnoException x && x.operation().equals("poll")) {
                    shutdownInstances();
                    return 1;
                }
            }
        }
    }

    private void handleRequests() {
        SignalRequest r;
        while ((r = inbox.poll()) != null) {
            switch (r) {
                case STOP -> stopping = true;
                case RELOAD -> requestReload();
                case DATA, STATS, STATS_CLEAR, JSON -> dumps.write(r, globals, this::snapshot, () -> {
                    for (Entry e : entries) {
                        e.instance.clearCounters();
                    }
                });
                default -> log.warn("Unknown request {}", r);
            }
        }
        Consumer<LoopSnapshot> answer;
        LoopSnapshot shared = null; // requests waiting together share one snapshot
        while ((answer = snapshotRequests.poll()) != null) {
            try {
                if (shared == null) {
                    shared = loopSnapshot();
                }
                answer.accept(shared);
            } catch (RuntimeException x) {
                log.error("metrics snapshot failed: {}", x.toString(), x);
            }
        }
        ReloadSource.Outcome outcome = reloadOutcome.getAndSet(null);
        if (outcome != null) {
            reloadLoaded(outcome);
        }
    }

    private void tell(Consumer<Listener> news) {
        try {
            news.accept(listener);
        } catch (RuntimeException x) {
            log.warn("loop listener failed: {}", x.toString());
        }
    }

    /** The watchdog tests' stalled loop: no turn while the file exists. */
    private void stallWhileTestAsks() {
        while (java.nio.file.Files.exists(java.nio.file.Path.of(stallFile))) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void handleInstanceEvents() {
        InstanceEvent m;
        while ((m = instanceInbox.poll()) != null) {
            Entry e = byName.get(m.instance());
            if (e == null) {
                log.debug("event {} for unknown instance {} dropped", m.event(), m.instance());
                continue;
            }
            deliver(e, m.event(), clock.getAsLong());
        }
    }

    /** The dumps' view of every instance, now. Loop thread only. */
    VrrpStateSnapshot snapshot() {
        List<SnapshotBuilder.Source> sources = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            sources.add(new SnapshotBuilder.Source(e.plan, e.instance, e.lastTransition, e.vipsInstalled,
                    e.socket == null ? -1 : e.socket.socket.fd()));
        }
        return SnapshotBuilder.build(globals, sources, trackScripts.get(), clock.getAsLong(),
                options.wallClock().instant());
    }

    /** {@link #snapshot()} plus the transition counts and the sockets' drops. Loop thread only. */
    private LoopSnapshot loopSnapshot() {
        List<LoopSnapshot.Transitions> counts = new ArrayList<>();
        VrrpState[] states = VrrpState.values();
        for (Entry e : entries) {
            for (int i = 0; i < e.transitions.length; i++) {
                if (e.transitions[i] != 0) {
                    counts.add(new LoopSnapshot.Transitions(e.name(), states[i / STATES], states[i % STATES],
                            e.transitions[i]));
                }
            }
        }
        List<LoopSnapshot.SocketDrops> drops = new ArrayList<>(sockets.size());
        for (Sock k : sockets.values()) {
            drops.add(new LoopSnapshot.SocketDrops(k.demux.key(), k.demux.counters().snapshot()));
        }
        return new LoopSnapshot(snapshot(), counts, drops);
    }

    private void fireTimers() {
        long now = clock.getAsLong();
        for (int slot = timers.pollDue(now); slot >= 0; slot = timers.pollDue(now)) {
            Entry e = entries.get(TimerQueue.ownerOf(slot));
            deliver(e, new Event.TimerFired(TimerQueue.kindOf(slot)), now);
        }
    }

    private void shutdownInstances() {
        for (Entry e : entries) {
            try {
                deliver(e, new Event.Shutdown(), clock.getAsLong());
            } catch (RuntimeException x) {
                log.error("({}) shutdown failed: {}", e.name(), x.toString(), x);
            }
        }
        log.info("Stopped");
    }

    /* Start-up -------------------------------------------------------------------------- */

    private void refreshLinks() throws IOException {
        Map<String, LinkInfo> now = new HashMap<>();
        for (LinkInfo l : rtnl.links()) {
            now.put(l.name(), l);
        }
        links.clear();
        links.putAll(now);
        for (LinkInfo l : now.values()) {
            linkUsable.put(l.name(), l.isUsable());
        }
        linkUsable.keySet().retainAll(now.keySet());
    }

    /** Faults an instance starts with: they decide its first state. */
    private void raiseStartupFaults(Entry e, long now) {
        if (!Boolean.TRUE.equals(linkUsable.get(e.plan.interfaceName()))
                && interfaceTracking.tracksOwnInterface(e.name())) {
            deliver(e, new Event.InterfaceDown(e.plan.interfaceName()), now);
        }
        if (e.plan.configFault()) {
            deliver(e, new Event.FaultRaised(FAULT_CONFIG), now);
        }
        if (e.instance.settings().primaryAddress() == null) {
            deliver(e, new Event.FaultRaised(FAULT_NO_SOURCE), now);
        }
        if (e.socket == null) {
            deliver(e, new Event.FaultRaised(FAULT_SOCKET), now);
        }
    }

    /** The host's usable addresses per interface, as {@link PrimaryAddress} wants them; one dump. */
    private PrimaryAddress.HostAddresses hostAddresses() throws IOException {
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

    /** Every virtual address of a plan: never chosen as a primary address. */
    private static Set<InetAddress> allVips(VrrpPlan p) {
        Set<InetAddress> allVips = new HashSet<>();
        for (InstancePlan i : p.instances()) {
            i.allAddresses().forEach(v -> allVips.add(v.address()));
        }
        return allVips;
    }

    /** A new instance (primary address resolved) at the end of {@link #entries}; no socket yet. */
    private Entry newEntry(InstancePlan p, PrimaryAddress.HostAddresses host, Set<InetAddress> allVips) {
        InstancePlan resolved = PrimaryAddress.resolve(p, host, allVips).map(p::withPrimaryAddress).orElse(p);
        if (resolved.settings().primaryAddress() == null) {
            log.warn("({}) no {} address on {} to send adverts from - staying in FAULT", p.name(),
                    resolved.settings().ipFamily() == IpFamily.IPV6 ? "IPv6 link-local" : "IPv4",
                    p.interfaceName());
        }
        Entry e = new Entry(entries.size(), resolved, new VrrpInstance(resolved.settings()));
        e.lastTransition = options.wallClock().instant();
        entries.add(e);
        byName.put(e.name(), e);
        return e;
    }

    private void buildInstances() throws IOException {
        PrimaryAddress.HostAddresses host = hostAddresses();
        Set<InetAddress> allVips = allVips(plan);
        for (String problem : plan.problems()) {
            log.warn("{}", problem);
        }
        for (InstancePlan p : plan.instances()) {
            newEntry(p, host, allVips);
        }
        timers = new TimerQueue(entries.size());
        for (SyncGroupPlan g : plan.syncGroups()) {
            List<VrrpInstance> members = new ArrayList<>();
            for (String m : g.members()) {
                members.add(byName.get(m).instance);
            }
            new SyncGroup(g.name(), members);
        }
        for (Entry e : entries) {
            attachSocket(e);
        }
    }

    /** Opens the instance's VRRP socket, or joins the one its (family, interface, mode) shares. */
    private void attachSocket(Entry e) {
        InstanceSettings s = e.instance.settings();
        if (s.primaryAddress() == null) {
            return;
        }
        VridDemultiplexer.SocketKey key = e.receiver.socket();
        Sock sock = sockets.get(key);
        if (sock == null) {
            VrrpSocketOptions o = s.wire().unicast()
                    ? VrrpSocketOptions.unicast(key.interfaceName(), s.primaryAddress())
                    : VrrpSocketOptions.multicast(key.interfaceName(), key.family() == IpFamily.IPV6
                            ? s.wire().multicastGroup6() : s.wire().multicastGroup4());
            try {
                RawVrrpSocket raw = RawVrrpSocket.open(o);
                sock = new Sock(raw, new VridDemultiplexer(key));
                sockets.put(key, sock);
                socketsByFd.put(raw.fd(), sock);
                poller.add(raw.fd());
                detail("VRRP sockpool: [" + raw + "]");
            } catch (ErrnoException | IllegalArgumentException x) {
                log.error("({}) cannot open the VRRP socket on {}: {}", e.name(), key.interfaceName(),
                        x.getMessage());
                return;
            }
        }
        try {
            sock.demux.add(e.receiver);
            e.socket = sock;
        } catch (IllegalArgumentException x) {
            log.error("({}) {}", e.name(), x.getMessage());
        }
    }

    /* Events ---------------------------------------------------------------------------- */

    private void deliver(Entry e, Event event, long now) {
        execute(e.instance.handle(event, now));
    }

    private void readSocket(Sock s) throws IOException {
        VridDemultiplexer d = s.demux;
        boolean v6 = s.socket.isIpv6();
        byte[] buf = receiveBuffer.array();
        d.beginRound();
        while (!d.roundOver()) {
            if (!s.socket.receive(receiveBuffer, receiveInfo)) {
                return;
            }
            if (receiveInfo.truncated()) {
                rejects.log(d.key().toString(), RejectReason.LENGTH, "VRRP packet of " + receiveInfo.receivedLength()
                        + " bytes on " + s.socket.interfaceName() + " is too long - ignoring");
                continue;
            }
            int n = receiveInfo.length();
            VridDemultiplexer.Dispatch dispatch = v6
                    ? d.routeIpv6(receiveInfo.source(), receiveInfo.destination(), receiveInfo.ttl(), buf, 0, n)
                    : d.routeIpv4(buf, 0, n);
            if (dispatch instanceof VridDemultiplexer.Dispatch.Deliver del) {
                Entry e = byName.get(del.instance().name());
                if (del.event() instanceof Event.AdvertRejected r) {
                    rejected(e, r, clock.getAsLong());
                } else {
                    deliver(e, del.event(), clock.getAsLong());
                }
            } else if (dispatch instanceof VridDemultiplexer.Dispatch.Dropped drop) {
                if (drop.logged(plan.logUnknownVrids())) {
                    rejects.log(d.key().toString(), drop.rejection().reason(), drop.logLine());
                }
            }
        }
    }

    /** A packet the instance rejects: the core counts it; its log lines go through the rate limit. */
    private void rejected(Entry e, Event.AdvertRejected r, long now) {
        List<Action> actions = e.instance.handle(r, now);
        List<Action> rest = new ArrayList<>(actions.size());
        for (Action a : actions) {
            if (a instanceof Action.Log l && (l.level() == LogLevel.INFO || options.logDetail())) {
                rejects.log(e.name(), r.kind(), l.text());
            } else {
                rest.add(a);
            }
        }
        execute(rest);
    }

    private void onNetlink(NetlinkEvent ev) {
        if (ev instanceof NetlinkEvent.Link l) {
            LinkInfo info = l.link();
            String name = info.name();
            if (l.deleted()) {
                links.remove(name);
            } else {
                LinkInfo old = links.put(name, info);
                if (old != null && !java.util.Arrays.equals(old.mac(), info.mac())) {
                    announcers.close(name);
                }
            }
            linkChanged(name, !l.deleted() && info.isUsable());
        } else if (ev instanceof NetlinkEvent.Overrun) {
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
                    linkChanged(name, li != null && li.isUsable());
                }
            } catch (IOException e) {
                log.error("Cannot re-read the interfaces: {}", e.getMessage());
            }
        }
        // address events: the primary address is fixed at start-up for now
    }

    private void linkChanged(String name, boolean usable) {
        Boolean was = linkUsable.put(name, usable);
        if (was != null && was == usable) {
            return;
        }
        InterfaceTracking tracking = interfaceTracking;
        boolean ours = tracking.tracks(name);
        for (Entry e : entries) {
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
        for (Entry e : entries) {
            if (e.plan.interfaceName().equals(name) && tracking.tracksOwnInterface(e.name())) {
                deliver(e, usable ? new Event.InterfaceUp(name) : new Event.InterfaceDown(name), now);
            }
        }
        deliverAll(tracking.linkState(name, usable), now);
    }

    /** Tracker events for instances by name; unknown names are ignored. */
    private void deliverAll(List<TrackScriptState.Delivery> deliveries, long now) {
        for (TrackScriptState.Delivery d : deliveries) {
            Entry e = byName.get(d.instance());
            if (e != null) {
                deliver(e, d.event(), now);
            }
        }
    }

    /* Actions --------------------------------------------------------------------------- */

    private void execute(List<Action> actions) {
        for (Action a : actions) {
            try {
                executeOne(a);
            } catch (RuntimeException x) {
                log.error("cannot carry out {}: {}", a, x.toString(), x);
            }
        }
    }

    private void executeOne(Action a) {
        if (a instanceof Action.SendAdvert s) {
            sendAdvert(entry(s.instance()), s.priority());
        } else if (a instanceof Action.SendPriorityZeroAdvert s) {
            sendAdvert(entry(s.instance()), 0);
        } else if (a instanceof Action.AddVips v) {
            Entry e = entry(v.instance());
            for (Vip vip : withExcluded(e, v.vips())) {
                vips.add(e.name(), vip);
            }
            e.vipsInstalled = true;
        } else if (a instanceof Action.RemoveVips v) {
            Entry e = entry(v.instance());
            for (Vip vip : withExcluded(e, v.vips())) {
                removeVip(e, vip);
            }
            e.vipsInstalled = false;
        } else if (a instanceof Action.SendGratuitousBurst g) {
            gratuitousBurst(entry(g.instance()), g.count());
        } else if (a instanceof Action.Log l) {
            if (l.level() == LogLevel.INFO) {
                log.info("{}", l.text());
            } else {
                detail(l.text());
            }
        } else if (a instanceof Action.ArmTimer t) {
            timers.arm(entry(t.instance()).index, t.kind(), t.deadlineNanos());
        } else if (a instanceof Action.CancelTimer t) {
            timers.cancel(entry(t.instance()).index, t.kind());
        } else if (a instanceof Action.RunNotify n) {
            log.debug("({}) notify {} {}", n.instance(), n.state(), n.priority());
            options.notifySink().dispatch(n);
        } else if (a instanceof Action.RunGroupNotify n) {
            log.debug("VRRP_Group({}) notify {} 0", n.group(), n.state());
            options.notifySink().dispatch(n);
        } else if (a instanceof Action.StateChanged c) {
            log.debug("({}) state {} -> {}", c.instance(), c.from(), c.to());
            Entry e = entry(c.instance());
            e.lastTransition = options.wallClock().instant();
            e.transitions[c.from().ordinal() * STATES + c.to().ordinal()]++;
            if (c.from() == VrrpState.MASTER) {
                garps.cancel(c.instance()); // keepalived drops queued GARPs on leaving MASTER
            }
            statesChanged = true;
        } else if (a instanceof Action.GroupStateChanged c) {
            log.debug("VRRP_Group({}) state {} -> {}", c.group(), c.from(), c.to());
        }
    }

    private Entry entry(String name) {
        Entry e = byName.get(name);
        if (e == null) {
            throw new IllegalStateException("no instance " + name);
        }
        return e;
    }

    private void detail(String text) {
        if (options.logDetail()) {
            log.info("{}", text);
        } else {
            log.debug("{}", text);
        }
    }

    /** The action's VIPs; when they are the instance's whole list, its excluded VIPs too. */
    private static List<Vip> withExcluded(Entry e, List<?> vips) {
        List<Vip> out = new ArrayList<>(vips.size());
        for (Object o : vips) {
            out.add((Vip) o);
        }
        if (vips.equals(e.instance.settings().vips())) {
            out.addAll(e.plan.excludedVips());
        }
        return out;
    }

    private void sendAdvert(Entry e, int priority) {
        Sock s = e.socket;
        if (s == null) {
            return;
        }
        InstanceSettings settings = e.instance.settings();
        int hopLimit = settings.wire().unicast() ? settings.wire().unicastTtl() : 255;
        for (AdvertTemplate t : e.receiver.sendTemplates()) {
            try {
                sendBuffer.clear();
                if (t.family() == IpFamily.IPV4) {
                    int n = t.writeIpv4Packet(priority, s.nextIpId(), sendArray, 0);
                    sendBuffer.limit(n);
                    s.socket.sendIpv4Datagram(sendBuffer);
                } else {
                    int n = t.writeVrrp(priority, sendArray, 0);
                    sendBuffer.limit(n);
                    s.socket.send(sendBuffer, t.source(), t.destination(), hopLimit);
                }
            } catch (IOException x) {
                log.warn("({}) cannot send advert: {}", e.name(), x.getMessage());
            }
        }
    }

    private void removeVip(Entry e, Vip v) {
        if (reloading && heldByAnother(e, v)) {
            detail("(" + e.name() + ") " + v + " stays: another instance holds it");
            return;
        }
        vips.remove(e.name(), v);
    }

    private void gratuitousBurst(Entry e, int count) {
        List<Vip> all = e.plan.allAddresses();
        Map<String, List<Vip>> byDevice = new LinkedHashMap<>();
        for (Vip v : all) {
            byDevice.computeIfAbsent(v.device(), k -> new ArrayList<>()).add(v);
        }
        for (Map.Entry<String, List<Vip>> d : byDevice.entrySet()) {
            for (Vip v : d.getValue()) {
                detail("(" + e.name() + ") Sending/queueing " + (v.isIpv6() ? "Unsolicited Neighbour Adverts"
                        : "gratuitous ARPs") + " on " + d.getKey() + " for " + v.address().getHostAddress());
            }
        }
        List<GarpPacer.Announcement> round = new ArrayList<>(all.size());
        for (Map.Entry<String, List<Vip>> d : byDevice.entrySet()) {
            for (Vip v : d.getValue()) {
                round.add(new GarpPacer.Announcement(e.name(), d.getKey(), v.address()));
            }
        }
        garps.burst(e.name(), round, count, e.plan.garpInterval().toNanos(), e.plan.gnaInterval().toNanos(),
                this::announce);
    }

    /** Sends one paced announcement, if its instance is still MASTER with its VIPs (as keepalived checks). */
    private void announce(GarpPacer.Announcement a) {
        Entry e = byName.get(a.instance());
        if (e == null || e.instance.state() != VrrpState.MASTER || !e.vipsInstalled) {
            return;
        }
        LinkLayerAnnouncer an = announcers.get(e.name(), a.device(), a.ipv6());
        if (an == null) {
            return;
        }
        try {
            an.announce(a.address());
        } catch (IOException x) {
            log.warn("({}) cannot announce {}: {}", e.name(), a.address().getHostAddress(), x.getMessage());
        }
    }

    /* Reload ---------------------------------------------------------------------------- */

    /** A RELOAD request: start reading the configuration off the loop thread, or queue it. */
    private void requestReload() {
        if (!reloads.request()) {
            log.info("Reload already in progress, request queued");
            return;
        }
        startReload();
    }

    private void startReload() {
        log.info("Reloading ...");
        tell(Listener::reloading);
        ReloadSource source = options.reloadSource();
        Thread t = new Thread(() -> {
            ReloadSource.Outcome o;
            try {
                o = source.load();
            } catch (RuntimeException x) {
                o = new ReloadSource.Rejected(x.toString());
            }
            reloadOutcome.set(o);
            wakeUp();
        }, "reload");
        t.setDaemon(true);
        t.start();
    }

    /** The reload thread is done: apply the new plan or keep the running one. Loop thread. */
    private void reloadLoaded(ReloadSource.Outcome outcome) {
        boolean applied = false;
        if (outcome instanceof ReloadSource.Rejected r) {
            log.error("Reload failed: {} - keeping the running configuration", r.reason());
        } else {
            ReloadSource.Loaded l = (ReloadSource.Loaded) outcome;
            try {
                applyReload(l);
                globals = l.globals();
                applied = true;
            } catch (IOException | RuntimeException x) {
                log.error("Reload failed while applying: {}", x.toString(), x);
            } finally {
                reloading = false;
            }
        }
        boolean done = applied;
        tell(l -> l.reloaded(done, states()));
        if (reloads.finished()) {
            startReload();
        }
    }

    /**
     * Carries out {@link PlanDiff#between} the running plan and {@code next}. Kept instances go
     * first, so that an address they now hold is up before a removed instance lets go of it;
     * while this runs no instance removes an address another instance holds
     * ({@link #heldByAnother}). No stale-address cleanup: every address of ours is accounted for.
     */
    private void applyReload(ReloadSource.Loaded loaded) throws IOException {
        VrrpPlan next = loaded.plan();
        long t0 = clock.getAsLong();
        log.info("Reloading");
        PlanDiff diff = PlanDiff.between(plan, next);
        for (String problem : next.problems()) {
            log.warn("{}", problem);
        }
        for (String line : diff.replaced()) {
            log.info("{}", line);
        }
        reloading = true;
        boolean sourceless = entries.stream().anyMatch(e -> e.instance.settings().primaryAddress() == null);
        PrimaryAddress.HostAddresses host = diff.added().isEmpty() && !sourceless ? null : hostAddresses();
        Set<InetAddress> allVips = allVips(next);
        List<SyncGroup> oldGroups = new ArrayList<>();
        if (diff.groupsChange()) {
            for (Entry e : entries) {
                e.instance.syncGroup().filter(g -> !oldGroups.contains(g)).ifPresent(oldGroups::add);
            }
        }
        for (PlanDiff.Kept k : diff.kept()) {
            reloadKept(byName.get(k.running().name()), k, host, allVips);
        }
        for (InstancePlan p : diff.removed()) {
            removeInstance(byName.get(p.name()));
        }
        // number the survivors 0..n-1 again; the core knows its deadlines, the queue follows
        timers = new TimerQueue(entries.size() + diff.added().size());
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            e.index = i;
            for (Map.Entry<TimerKind, Long> t : e.instance.armedTimers().entrySet()) {
                timers.arm(i, t.getKey(), t.getValue());
            }
        }
        List<Entry> added = new ArrayList<>();
        for (InstancePlan p : diff.added()) {
            Entry e = newEntry(p, host, allVips);
            attachSocket(e);
            added.add(e);
        }
        plan = next;
        if (diff.groupsChange()) {
            regroup(diff, oldGroups);
        }
        rewire(loaded, added);
        long now = clock.getAsLong();
        for (Entry e : added) {
            raiseStartupFaults(e, now);
        }
        for (Entry e : added) {
            if (!heldStartups.contains(e.name())) {
                deliver(e, new Event.Startup(), clock.getAsLong());
            }
        }
        reloading = false;
        long usec = (clock.getAsLong() - t0) / 1_000;
        detail("Reload finished in " + usec + " usec: " + diff.kept().size() + " instance(s) kept, "
                + diff.added().size() + " added, " + diff.removed().size() + " removed");
        log.info("Reload complete");
    }

    /**
     * The {@link ReloadHook}'s turn; then, if it replaced the interface tracking, what the old one
     * no longer says is taken back and the new one is restated from the links as they are now.
     */
    private void rewire(ReloadSource.Loaded loaded, List<Entry> added) {
        Set<String> names = new LinkedHashSet<>();
        for (Entry e : added) {
            names.add(e.name());
        }
        heldStartups.removeAll(names); // a name held at start-up may come back as a new instance
        Map<String, Standing> kept = new LinkedHashMap<>();
        for (Entry e : entries) {
            if (!names.contains(e.name())) {
                kept.put(e.name(), new Standing(e.instance.state(), e.instance.effectivePriority()));
            }
        }
        InterfaceTracking before = interfaceTracking;
        try {
            reloadHook.applied(loaded, Set.copyOf(names), kept);
        } catch (RuntimeException x) {
            log.error("reload hook failed: {}", x.toString(), x);
        }
        InterfaceTracking after = interfaceTracking;
        if (after == before) {
            return;
        }
        long now = clock.getAsLong();
        List<TrackScriptState.Delivery> back = new ArrayList<>();
        for (TrackScriptState.Delivery d : before.withdrawnBy(after)) {
            Entry e = byName.get(d.instance());
            // the own interface's fault is not the tracker's to take back
            if (e != null && !(d.event() instanceof Event.InterfaceUp u
                    && u.ifname().equals(e.plan.interfaceName()))) {
                back.add(d);
            }
        }
        deliverAll(back, now);
        for (String ifname : after.interfaces()) {
            deliverAll(after.linkState(ifname, Boolean.TRUE.equals(linkUsable.get(ifname))), now);
        }
    }

    /**
     * A kept instance takes its new settings in its current state: a master adds and removes
     * only the VIPs that changed and advertises its new priority at once; nothing else moves.
     * Its primary address stays, unless the configured source changed; one that had none (or no
     * socket) tries again, so a reload can bring it out of that FAULT.
     */
    private void reloadKept(Entry e, PlanDiff.Kept k, PrimaryAddress.HostAddresses host, Set<InetAddress> allVips) {
        boolean sourceless = e.instance.settings().primaryAddress() == null;
        boolean hadSocket = e.socket != null;
        if (!k.changed() && !sourceless && hadSocket) {
            return;
        }
        long now = clock.getAsLong();
        InstancePlan old = e.plan;
        InetAddress primary = old.settings().primaryAddress();
        InstancePlan next = k.next();
        if (next.configuredSource().isPresent()) {
            primary = next.configuredSource().get();
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
            deliver(e, new Event.Reload(e.plan.settings()), now);
        }
        if (e.socket == null && primary != null) {
            attachSocket(e);
        }
        if (sourceless && primary != null) {
            deliver(e, new Event.FaultCleared(FAULT_NO_SOURCE), now);
        }
        if (!hadSocket && e.socket != null) {
            deliver(e, new Event.FaultCleared(FAULT_SOCKET), now);
        }
        if (e.instance.state() == VrrpState.MASTER && installed) {
            e.vipsInstalled = true; // a RemoveVips of dropped VIPs does not mean all are gone
            for (Vip v : k.excluded().added()) {
                vips.add(e.name(), v);
            }
            for (Vip v : k.excluded().removed()) {
                removeVip(e, v);
            }
            if (!k.excluded().added().isEmpty() && k.vips().added().isEmpty()
                    && e.plan.settings().garpMasterRepeat() > 0) {
                gratuitousBurst(e, e.plan.settings().garpMasterRepeat());
            }
        }
        if (old.configFault() != next.configFault()) {
            deliver(e, next.configFault() ? new Event.FaultRaised(FAULT_CONFIG) : new Event.FaultCleared(FAULT_CONFIG),
                    now);
        }
    }

    /**
     * An instance gone from the configuration stops as at shutdown (a master sends priority 0 and
     * removes its VIPs), but its notification is not STOP: with {@code notify_deleted} it is
     * DELETED, otherwise FAULT (none if it already was in FAULT), as keepalived 2.2.7
     * ({@code clear_diff_vrrp()}).
     */
    private void removeInstance(Entry e) {
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
            execute(out);
        } catch (RuntimeException x) {
            log.error("({}) shutdown failed: {}", e.name(), x.toString(), x);
        }
        timers.cancelAll(e.index);
        Sock s = e.socket;
        if (s != null) {
            s.demux.remove(e.receiver);
            if (s.demux.receivers().isEmpty()) {
                int fd = s.socket.fd();
                poller.remove(fd);
                socketsByFd.remove(fd);
                sockets.remove(s.demux.key());
                s.socket.close();
            }
            e.socket = null;
        }
        entries.remove(e);
        byName.remove(e.name());
    }

    /** True if an instance other than {@code e} has its addresses up and {@code v} among them. */
    private boolean heldByAnother(Entry e, Vip v) {
        for (Entry o : entries) {
            if (o == e || !o.vipsInstalled) {
                continue;
            }
            for (Vip w : o.plan.allAddresses()) {
                if (w.address().equals(v.address()) && w.device().equals(v.device())) {
                    return true;
                }
            }
        }
        return false;
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
        for (SyncGroupPlan g : formed) {
            List<VrrpInstance> members = new ArrayList<>();
            for (String m : g.members()) {
                members.add(byName.get(m).instance);
            }
            SyncGroup.reform(g.name(), members, previous.get(g.name()), now, out);
        }
        for (Entry e : entries) {
            SyncGroup.releaseFromGroupFault(e.instance, now, out);
        }
        execute(out);
    }

    /** The state of each instance, for tests and dumps: name → state. Loop thread only. */
    Map<String, VrrpState> states() {
        Map<String, VrrpState> out = new LinkedHashMap<>();
        for (Entry e : entries) {
            out.put(e.name(), e.instance.state());
        }
        return out;
    }

    /** Whether a timer is armed, for tests. Loop thread only. */
    boolean timerArmed(String instance, TimerKind kind) {
        return timers != null && timers.isArmed(entry(instance).index, kind);
    }

    private void closeAll() {
        for (Sock s : sockets.values()) {
            s.socket.close();
        }
        sockets.clear();
        socketsByFd.clear();
        announcers.closeAll();
        if (monitor != null) {
            monitor.close();
        }
        if (rtnl != null) {
            rtnl.close();
        }
        wake.close();
    }
}
