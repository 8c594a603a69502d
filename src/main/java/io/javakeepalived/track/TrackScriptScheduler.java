package io.javakeepalived.track;

import io.javakeepalived.config.model.VrrpScript;
import io.javakeepalived.notify.ScriptLog;
import io.javakeepalived.notify.ScriptResult;
import io.javakeepalived.notify.ScriptRun;
import io.javakeepalived.notify.ScriptRunner;
import io.javakeepalived.notify.Timers;
import io.javakeepalived.vrrp.Event;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs every {@code vrrp_script} on its own schedule and turns the results into events
 * (keepalived's {@code vrrp_script_thread()}).
 *
 * <p>The first run is at {@link #start()}; then one every {@code interval} on an absolute grid
 * (start + k·interval), so a slow script or a late timer does not make the schedule drift; slots
 * that have already passed are skipped. Each run gets the script's {@code timeout}, after which
 * the runner ends its process group. While a run is still going, a slot is skipped and logged
 * {@code Track script chk is already running, expect idle - skipping run} (or {@code is being
 * timed out} once its timeout has passed), keepalived's wording; keepalived 2.2.7 logs that line
 * but then starts another run anyway.
 *
 * <p>Results are counted by each script's {@link TrackScriptState}; its log lines and events go to
 * the {@link Listener}, called on the runner's or the timers' threads, one call at a time and in
 * order (under this object's lock): hand events to the daemon's loop, do not block.
 */
public final class TrackScriptScheduler {

    /** Where the scheduler's output goes. */
    public interface Listener {
        void log(ScriptLog.Level level, String line);

        /** An event for the named instance. */
        void deliver(String instance, Event event);
    }

    private final class Entry {
        final VrrpScript script;
        final TrackScriptState state;
        final long intervalNanos;
        final Duration timeout;
        long originNanos;
        boolean running;
        long runStartNanos;
        Timers.Cancellable next;

        Entry(VrrpScript script, TrackScriptState state) {
            this.script = script;
            this.state = state;
            Duration interval = script.interval() == null || script.interval().isZero() || script.interval().isNegative()
                    ? Duration.ofSeconds(1) : script.interval();
            this.intervalNanos = interval.toNanos();
            this.timeout = script.timeout() == null || script.timeout().isZero() || script.timeout().isNegative()
                    ? interval : script.timeout();
        }
    }

    private final ScriptRunner runner;
    private final Timers timers;
    private final Listener listener;
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private boolean started;
    private boolean stopped;

    public TrackScriptScheduler(ScriptRunner runner, Timers timers, Listener listener) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.timers = Objects.requireNonNull(timers, "timers");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** Adds a script (before {@link #start()}); its state says who tracks it. */
    public synchronized void add(VrrpScript script, TrackScriptState state) {
        if (started) {
            throw new IllegalStateException("add scripts before start()");
        }
        if (!script.name().equals(state.name())) {
            throw new IllegalArgumentException(script.name() + " vs " + state.name());
        }
        entries.put(script.name(), new Entry(script, state));
    }

    /** The counter of a script, for status dumps. */
    public synchronized Optional<TrackScriptState> state(String script) {
        Entry e = entries.get(script);
        return e == null ? Optional.empty() : Optional.of(e.state);
    }

    /**
     * Delivers every script's initial events ({@link TrackScriptState#initialEvents()}), then
     * runs each script once now and schedules the rest.
     */
    public synchronized void start() {
        if (started) {
            throw new IllegalStateException("already started");
        }
        started = true;
        for (Entry e : entries.values()) {
            for (TrackScriptState.Delivery d : e.state.initialEvents()) {
                listener.deliver(d.instance(), d.event());
            }
        }
        long now = timers.nanoTime();
        for (Entry e : new ArrayList<>(entries.values())) {
            e.originNanos = now;
            tick(e);
        }
    }

    /** No more runs; results of runs still going are dropped. */
    public synchronized void stop() {
        stopped = true;
        for (Entry e : entries.values()) {
            if (e.next != null) {
                e.next.cancel();
                e.next = null;
            }
        }
    }

    private synchronized void tick(Entry e) {
        if (stopped) {
            return;
        }
        long now = timers.nanoTime();
        long k = Math.floorDiv(now - e.originNanos, e.intervalNanos) + 1;
        e.next = timers.at(e.originNanos + k * e.intervalNanos, () -> tick(e));
        String name = e.script.name();
        if (e.running) {
            boolean overdue = now - e.runStartNanos >= e.timeout.toNanos();
            listener.log(ScriptLog.Level.INFO, "Track script " + name + " is "
                    + (overdue ? "being timed out" : "already running") + ", expect idle - skipping run");
            return;
        }
        e.running = true;
        e.runStartNanos = now;
        listener.log(ScriptLog.Level.DEBUG, "Running vrrp script " + name);
        runner.run(new ScriptRun("VRRP_Script(" + name + ")", e.script.script(), e.timeout))
                .whenComplete((r, x) -> finished(e, r != null ? r : new ScriptResult.NotRun(String.valueOf(x))));
    }

    private synchronized void finished(Entry e, ScriptResult r) {
        e.running = false;
        if (stopped) {
            return;
        }
        TrackScriptState.Update u = e.state.record(r);
        for (String line : u.log()) {
            listener.log(ScriptLog.Level.INFO, line);
        }
        if (!r.output().isEmpty()) {
            // with the line that says something changed; otherwise only with -D (it would repeat every interval)
            boolean loud = !r.succeeded() && !u.log().isEmpty();
            listener.log(loud ? ScriptLog.Level.INFO : ScriptLog.Level.DEBUG,
                    "VRRP_Script(" + e.script.name() + ") output: " + r.output().replace("\n", " | "));
        }
        for (TrackScriptState.Delivery d : u.events()) {
            listener.deliver(d.instance(), d.event());
        }
    }
}
