package io.javakeepalived.track;

import io.javakeepalived.config.model.KeepalivedConfig;
import io.javakeepalived.config.model.ReferenceAddress;
import io.javakeepalived.config.model.SyncGroup;
import io.javakeepalived.config.model.TrackedObject;
import io.javakeepalived.config.model.VrrpInstance;
import io.javakeepalived.net.EchoOutcome;
import io.javakeepalived.net.IcmpEcho;
import io.javakeepalived.script.ScriptLog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The {@link ReferenceTracker}s a configuration asks for, and the ones running now. A reference is
 * checked once per interface it is tracked over (its own {@code interface}, else each tracking
 * instance's), so an instance's verdict says whether the reference answers over the instance's own
 * link; references nobody tracks are not checked. A reload makes them again: a tracker whose
 * reference (same name, address) and interface remain keeps its verdict, so kept instances see no
 * blip; the others stop.
 *
 * <p>The ICMP echo port is asked for only when some reference is tracked, so a daemon without
 * references opens no ICMP socket.
 *
 * <p>Not thread-safe: the checker loop's thread (or the starting thread before it runs).
 */
public final class ReferenceTrackers {

    private record Key(String name, Optional<String> interfaceName) {
    }

    private final Supplier<IcmpEcho> echo;
    private final Executor loop;
    private final CheckerLoop.Sink sink;
    private final ScriptLog log;
    /** Replaced whole on a reload (checker loop thread); read by the VRRP loop through {@link #published()}. */
    private volatile Map<Key, ReferenceTracker> running = Map.of();

    /**
     * @param echo the daemon's ICMP echo port, opened on first use
     * @param loop the checker loop
     * @param sink the checker loop's sink
     */
    public ReferenceTrackers(Supplier<IcmpEcho> echo, Executor loop, CheckerLoop.Sink sink, ScriptLog log) {
        this.echo = Objects.requireNonNull(echo, "echo");
        this.loop = Objects.requireNonNull(loop, "loop");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.log = Objects.requireNonNull(log, "log");
    }

    /**
     * The trackers for {@code config}, which replace the running ones (those are retired).
     * On a reload, those kept carry their verdicts over and restate them in {@code initialEvents()}.
     */
    public List<PolledTracker> replace(KeepalivedConfig config) {
        Map<Key, List<TrackScriptState.Tracking>> trackings = trackings(config);
        Map<Key, ReferenceTracker> next = new LinkedHashMap<>();
        IcmpEcho port = trackings.isEmpty() ? null : echo.get();
        trackings.forEach((key, tracking) -> {
            ReferenceAddress r = config.reference(key.name()).orElseThrow();
            ReferenceHealth health = new ReferenceHealth(r.name(), ReferenceTracker.where(r, key.interfaceName()),
                    r.timeout(), r.rise(), r.fall(), tracking);
            ReferenceTracker before = running.get(key);
            if (before != null && before.reference().address().equals(r.address())) {
                health.carriedFrom(before.health());
            }
            next.put(key, new ReferenceTracker(r, key.interfaceName(), health, port, loop, sink, log));
        });
        running.values().forEach(ReferenceTracker::retire);
        running = next;
        return List.copyOf(next.values());
    }

    /**
     * Every running tracker as it stood after its last outcome, in configuration order: for the
     * dumps and /metrics. Any thread; never blocks.
     */
    public List<ReferenceView> published() {
        List<ReferenceView> out = new ArrayList<>();
        for (ReferenceTracker t : running.values()) {
            out.add(t.published());
        }
        return out;
    }

    /**
     * {@code scripts} (instance → the weight-0 trackers whose first report it awaits before it leaves
     * INIT, {@link TrackingPlan#awaiting()}) with each instance's weight-0 references added
     * ({@code reference NAME}): at start an instance waits for the first outcome, as for a weight-0
     * vrrp_script, so a node that cannot reach its reference never starts as BACKUP or MASTER.
     * (Instances a reload adds are not held for their references: they get the verdict one round
     * trip after they start.)
     */
    public static Map<String, Set<String>> withAwaited(Map<String, Set<String>> scripts, KeepalivedConfig config) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        scripts.forEach((k, v) -> out.put(k, new LinkedHashSet<>(v)));
        for (Map.Entry<String, List<TrackedObject>> e : trackedBy(config).entrySet()) {
            for (TrackedObject t : e.getValue()) {
                if (t.weight() == 0) {
                    out.computeIfAbsent(e.getKey(), k -> new LinkedHashSet<>())
                            .add(ReferenceHealth.trackerName(t.name()));
                }
            }
        }
        return out;
    }

    private static Map<Key, List<TrackScriptState.Tracking>> trackings(KeepalivedConfig config) {
        Map<Key, List<TrackScriptState.Tracking>> out = new LinkedHashMap<>();
        Map<String, VrrpInstance> instances = new LinkedHashMap<>();
        config.instances().forEach(v -> instances.put(v.name(), v));
        for (Map.Entry<String, List<TrackedObject>> e : trackedBy(config).entrySet()) {
            VrrpInstance v = instances.get(e.getKey());
            for (TrackedObject t : e.getValue()) {
                Optional<ReferenceAddress> r = config.reference(t.name());
                if (r.isEmpty() || v == null) {
                    continue;
                }
                Optional<String> via = r.get().interfaceName().or(v::interfaceName);
                out.computeIfAbsent(new Key(t.name(), via), k -> new ArrayList<>())
                        .add(TrackScriptState.Tracking.of(v.name(), t));
            }
        }
        return out;
    }

    /**
     * Instance → the references it tracks, as keepalived links a sync group's trackers
     * ({@code sync_group_tracking_init}): its own track_reference lines first, then each sync
     * group's lines for every member that does not track that reference itself. A group's weight
     * 0 reference thus puts every member in FAULT, and the group follows; a weighted one moves each
     * member's priority (the binder has cleared it when a member owns its addresses).
     */
    static Map<String, List<TrackedObject>> trackedBy(KeepalivedConfig config) {
        Map<String, List<TrackedObject>> out = new LinkedHashMap<>();
        for (VrrpInstance v : config.instances()) {
            out.put(v.name(), new ArrayList<>(v.trackers().references()));
        }
        for (SyncGroup g : config.syncGroups()) {
            for (TrackedObject t : g.trackers().references()) {
                for (String m : g.members()) {
                    List<TrackedObject> own = out.computeIfAbsent(m, k -> new ArrayList<>());
                    if (own.stream().noneMatch(x -> x.name().equals(t.name()))) {
                        own.add(t);
                    }
                }
            }
        }
        return out;
    }

    /**
     * An echo port that cannot send: what the trackers get when the ICMP socket could not be
     * opened. Every request fails at once with {@code reason}, so weight-0 trackers hold their
     * instances in FAULT and say why, rather than leaving them to fight for the VIP unchecked.
     */
    public static IcmpEcho unavailable(String reason) {
        Objects.requireNonNull(reason, "reason");
        return new IcmpEcho() {
            @Override
            public Pending send(io.javakeepalived.net.EchoRequest request, java.util.function.Consumer<EchoOutcome> outcome) {
                outcome.accept(new EchoOutcome.SendFailed(reason));
                return () -> { };
            }

            @Override
            public void close() {
            }
        };
    }
}
