package io.javakeepalived.track;

import io.javakeepalived.config.model.TrackProcess;
import io.javakeepalived.script.ScriptLog;
import io.javakeepalived.vrrp.Event;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Every {@code vrrp_track_process} at once: one /proc scan per look counts the matching
 * processes of each ({@link ProcessMatch}), {@link ProcessQuorum} decides, with the delays, when
 * each gains or loses its quorum, and the tracking instances get their weights and faults.
 *
 * <p>keepalived follows forks and exits through the proc connector (netlink); that needs a
 * privileged netlink socket and native code outside the net/sys packages, and loses events when
 * its buffer overflows. A scan every {@link #DEFAULT_INTERVAL} is simple and self-correcting; it
 * reads {@code /proc/PID/stat} for each process (and {@code cmdline} only when some tracker
 * matches full commands). The price is up to one interval of latency and the scan's CPU time.
 *
 * <p>Weights follow the track_script rules ({@link TrackScriptState#contribution},
 * {@link TrackScriptState#faulted}) with "has quorum" as OK: weight w &gt; 0 adds w while in
 * quorum, w &lt; 0 adds w while not, reverse negates; weight 0 holds the instance in FAULT while
 * the quorum is missing (reverse: while it is there). Events go out under {@code process NAME}.
 * Logs keepalived's {@code Quorum gained for tracked process NAME} / {@code Quorum lost ...}.
 * Used on the checker loop thread only.
 */
public final class ProcessTracker implements PolledTracker {

    /** How often /proc is scanned unless told otherwise. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);

    /** A configured process and who tracks it. */
    public record Spec(TrackProcess process, List<TrackScriptState.Tracking> tracking) {
        public Spec {
            Objects.requireNonNull(process, "process");
            tracking = List.copyOf(tracking);
        }
    }

    private static final class Entry {
        final Spec spec;
        final ProcessMatch match;
        final ProcessQuorum quorum;

        Entry(Spec spec) {
            this.spec = spec;
            this.match = ProcessMatch.of(spec.process());
            TrackProcess p = spec.process();
            this.quorum = new ProcessQuorum(p.quorum(), p.quorumMax().map(Integer::longValue).orElse(Long.MAX_VALUE),
                    p.forkDelay().map(Duration::toNanos).orElse(0L),
                    p.terminateDelay().map(Duration::toNanos).orElse(0L));
        }
    }

    private final List<Entry> entries = new ArrayList<>();
    private final ProcScanner scanner;
    private final Duration interval;
    private final ScriptLog log;
    private final boolean needComm;
    private final int cmdlineBytes;
    private boolean started;
    private boolean restate;
    private long lastScanNanos;
    private int lastScanSize;
    private boolean scanFailed;

    public ProcessTracker(List<Spec> specs, ProcScanner scanner, Duration interval, ScriptLog log) {
        this.scanner = Objects.requireNonNull(scanner, "scanner");
        this.interval = Objects.requireNonNull(interval, "interval");
        this.log = Objects.requireNonNull(log, "log");
        boolean comm = false;
        int bytes = 0;
        for (Spec s : specs) {
            Entry e = new Entry(s);
            entries.add(e);
            comm |= e.match.usesComm();
            bytes = Math.max(bytes, e.match.cmdlineBytes());
            if (e.match.usesComm() && s.process().process().getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 15) {
                log.log(ScriptLog.Level.WARNING, "Track process " + s.process().name() + ": process name "
                        + s.process().process() + " is longer than the 15 bytes the kernel keeps of a process"
                        + " name, so it never matches; use full_command");
            }
        }
        this.needComm = comm;
        this.cmdlineBytes = bytes;
    }

    /**
     * Makes {@link #initialEvents()} state every tracking instance's weight and fault, zero and
     * clear ones included: after a reload the instances may carry what an earlier tracker said.
     */
    public ProcessTracker restating() {
        restate = true;
        return this;
    }

    /** The tracker name in events: {@code process NAME}. */
    public static String trackerName(String process) {
        return "process " + process;
    }

    @Override
    public String name() {
        return "track_process";
    }

    @Override
    public Duration interval() {
        return interval;
    }

    /** The processes counted for a tracker at the last scan. */
    public Optional<Integer> count(String process) {
        return entries.stream().filter(e -> e.spec.process().name().equals(process)).findFirst()
                .map(e -> e.quorum.count());
    }

    /** How long the last scan took, in nanoseconds, and how many processes it saw. */
    public long lastScanNanos() {
        return lastScanNanos;
    }

    public int lastScanSize() {
        return lastScanSize;
    }

    /**
     * Scans once and states where each instance starts (keepalived's
     * {@code initialise_process_tracking_priorities()}: no delay at start-up).
     */
    @Override
    public List<TrackScriptState.Delivery> initialEvents() {
        started = true;
        int[] counts = counts();
        if (counts == null) {
            counts = new int[entries.size()];
        }
        List<TrackScriptState.Delivery> out = new ArrayList<>();
        for (int k = 0; k < entries.size(); k++) {
            Entry e = entries.get(k);
            e.quorum.start(counts[k]);
            boolean ok = e.quorum.haveQuorum();
            String tracker = trackerName(e.spec.process().name());
            for (TrackScriptState.Tracking t : e.spec.tracking()) {
                if (t.weight() == 0) {
                    if (TrackScriptState.faulted(t.reverse(), ok)) {
                        log.log(ScriptLog.Level.INFO, "(" + t.instance() + ") entering FAULT state (tracked process "
                                + e.spec.process().name() + " quorum not achieved)");
                        out.add(new TrackScriptState.Delivery(t.instance(), new Event.FaultRaised(tracker)));
                    } else if (restate) {
                        out.add(new TrackScriptState.Delivery(t.instance(), new Event.FaultCleared(tracker)));
                    }
                } else {
                    int c = TrackScriptState.contribution(t.weight(), t.reverse(), ok);
                    if (c != 0 || restate) {
                        out.add(new TrackScriptState.Delivery(t.instance(), new Event.WeightChanged(tracker, c)));
                    }
                }
            }
        }
        return out;
    }

    @Override
    public List<TrackScriptState.Delivery> poll(long nowNanos) {
        if (!started) {
            throw new IllegalStateException("initialEvents() first");
        }
        int[] counts = counts();
        if (counts == null) {
            return List.of(); // no /proc to look at: keep what we know rather than lose every quorum
        }
        List<TrackScriptState.Delivery> out = new ArrayList<>();
        for (int k = 0; k < entries.size(); k++) {
            Entry e = entries.get(k);
            boolean was = e.quorum.haveQuorum();
            boolean delaying = e.quorum.delaying();
            Optional<Boolean> changed = e.quorum.update(counts[k], nowNanos);
            String pname = e.spec.process().name();
            if (changed.isEmpty()) {
                if (e.quorum.delaying() && !delaying) {
                    log.log(ScriptLog.Level.DEBUG, "Tracked process " + pname + " count now " + counts[k]
                            + ", quorum " + (was ? "lost" : "gained") + " once the delay has passed");
                }
                continue;
            }
            boolean ok = changed.get();
            log.log(ScriptLog.Level.INFO, "Quorum " + (ok ? "gained" : "lost") + " for tracked process " + pname);
            String tracker = trackerName(pname);
            for (TrackScriptState.Tracking t : e.spec.tracking()) {
                if (t.weight() == 0) {
                    out.add(new TrackScriptState.Delivery(t.instance(), TrackScriptState.faulted(t.reverse(), ok)
                            ? new Event.FaultRaised(tracker) : new Event.FaultCleared(tracker)));
                } else {
                    int before = TrackScriptState.contribution(t.weight(), t.reverse(), !ok);
                    int after = TrackScriptState.contribution(t.weight(), t.reverse(), ok);
                    if (before != after) {
                        out.add(new TrackScriptState.Delivery(t.instance(), new Event.WeightChanged(tracker, after)));
                    }
                }
            }
        }
        return out;
    }

    /** The count of each entry, or null if /proc could not be listed. */
    private int[] counts() {
        long t0 = System.nanoTime();
        List<ProcEntry> procs = scanner.scan(needComm, cmdlineBytes);
        if (procs == null) {
            if (!scanFailed) {
                log.log(ScriptLog.Level.WARNING, "Unable to list processes - process tracking keeps its last state");
            }
            scanFailed = true;
            return null;
        }
        scanFailed = false;
        int[] counts = new int[entries.size()];
        for (ProcEntry p : procs) {
            for (int k = 0; k < entries.size(); k++) {
                if (entries.get(k).match.matches(p)) {
                    counts[k]++;
                }
            }
        }
        lastScanNanos = System.nanoTime() - t0;
        lastScanSize = procs.size();
        return counts;
    }
}
