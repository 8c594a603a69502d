package io.javakeepalived.daemon;

import io.javakeepalived.daemon.dump.DumpFiles;
import io.javakeepalived.daemon.dump.ConfiguredGlobals;
import io.javakeepalived.daemon.dump.VrrpStateSnapshot;
import io.javakeepalived.sys.signal.SignalRequest;
import io.javakeepalived.track.ReferenceView;
import io.javakeepalived.track.TrackScriptView;
import io.javakeepalived.vrrp.VrrpInstance;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.slf4j.Logger;

/**
 * What the dumps and the metrics page see, taken on the loop thread so that it is consistent:
 * the {@link SnapshotBuilder} view of every instance for DATA, STATS, STATS_CLEAR and JSON
 * ({@link DumpRequests}), and that plus the transition counts and the sockets' drops
 * ({@link LoopSnapshot}) for whoever {@link VrrpLoop#requestSnapshot asked}. Loop thread only.
 */
final class LoopSnapshots {
    private final InstanceTable table;
    private final SocketPool sockets;
    private final DumpRequests dumps;
    private final Supplier<List<TrackScriptView>> trackScripts;
    private Supplier<List<ReferenceView>> references = List::of;
    private final LongSupplier clock;
    private final Clock wallClock;
    private final Logger log;
    private ConfiguredGlobals globals;

    /** @param trackScripts the checker loop's published {@code vrrp_script} views (must not block) */
    LoopSnapshots(InstanceTable table, SocketPool sockets, DumpFiles files, ConfiguredGlobals globals,
                  Supplier<List<TrackScriptView>> trackScripts, LongSupplier clock, Clock wallClock, Logger log) {
        this.table = table;
        this.sockets = sockets;
        this.dumps = new DumpRequests(files, log);
        this.globals = globals;
        this.trackScripts = trackScripts;
        this.clock = clock;
        this.wallClock = wallClock;
        this.log = log;
    }

    /** Where the reference trackers' published views come from (must not block). */
    void references(Supplier<List<ReferenceView>> views) {
        references = views;
    }

    /** A reload was applied: the dumps show its global definitions from now on. */
    void globals(ConfiguredGlobals next) {
        globals = next;
    }

    /** Writes the dump a DATA, STATS, STATS_CLEAR or JSON request asks for. */
    void dump(SignalRequest r) {
        dumps.write(r, globals, this::snapshot, () -> {
            for (InstanceEntry e : table.entries()) {
                e.instance.clearCounters();
            }
        });
    }

    /** Answers the snapshot requests waiting in {@code inbox}; requests waiting together share one snapshot. */
    void answer(LoopInbox inbox) {
        Consumer<LoopSnapshot> answer;
        LoopSnapshot shared = null;
        while ((answer = inbox.nextSnapshotRequest()) != null) {
            try {
                if (shared == null) {
                    shared = loopSnapshot();
                }
                answer.accept(shared);
            } catch (RuntimeException x) {
                log.error("metrics snapshot failed: {}", x.toString(), x);
            }
        }
    }

    /** The dumps' view of every instance, now. */
    VrrpStateSnapshot snapshot() {
        List<SnapshotBuilder.Source> sources = new ArrayList<>(table.entries().size());
        for (InstanceEntry e : table.entries()) {
            sources.add(new SnapshotBuilder.Source(e.plan, e.instance, e.lastTransition, e.vipsInstalled,
                    e.socket == null ? -1 : e.socket.socket.fd()));
        }
        return SnapshotBuilder.build(globals, sources, trackScripts.get(), references.get(), clock.getAsLong(),
                wallClock.instant())
                .withStaticAddressesAndSockPool(SnapshotBuilder.staticAddresses(table.plan().statics()), sockets.dumped())
                .withSyncGroups(SyncGroupSnapshots.of(table.plan().syncGroups(), this::running));
    }

    private VrrpInstance running(String name) {
        InstanceEntry e = table.find(name);
        return e == null ? null : e.instance;
    }

    /** {@link #snapshot()} plus the transition counts and the sockets' drops. */
    private LoopSnapshot loopSnapshot() {
        List<LoopSnapshot.Transitions> counts = new ArrayList<>();
        for (InstanceEntry e : table.entries()) {
            e.transitionsInto(counts);
        }
        return new LoopSnapshot(snapshot(), counts, sockets.drops());
    }
}
