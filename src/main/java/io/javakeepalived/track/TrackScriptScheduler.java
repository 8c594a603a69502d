package io.javakeepalived.track;

import io.javakeepalived.config.model.VrrpScript;
import io.javakeepalived.script.ScriptLog;
import io.javakeepalived.script.ScriptResult;
import io.javakeepalived.script.ScriptRun;
import io.javakeepalived.script.ScriptRunner;
import io.javakeepalived.script.Timers;
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
        // replaced in place by a reload, so that a run still going reports to the new state
        VrrpScript script;
        TrackScriptState state;
        long intervalNanos;
        Duration timeout;
        long originNanos;
        boolean running;
        boolean removed;
        long runStartNanos;
        Timers.Cancellable next;
        TrackScriptView.Phase phase;
        /** What {@link #published()} shows of it; remade only when something in it changed. */
        TrackScriptView view;

        Entry(VrrpScript script, TrackScriptState state, TrackScriptView.Phase phase) {
            configure(script, state);
            this.phase = phase;
            refresh();
        }

        void refresh() {
            view = new TrackScriptView(script, state.result(), state.ok(), running, phase, state.tracking());
        }

        void configure(VrrpScript script, TrackScriptState state) {
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
    /** Every script's latest view, in configuration order; replaced whenever one of them changes. */
    private volatile List<TrackScriptView> published = List.of();

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
        entries.put(script.name(), new Entry(script, state,
                script.initFail() ? TrackScriptView.Phase.INIT_FAILED : TrackScriptView.Phase.INIT));
        publish();
    }

    /**
     * Every script as it stands, in configuration order, for the status dumps and the metrics
     * page. Any thread, lock-free: the list is immutable and replaced (not changed) each time a
     * script starts or ends a run or is added or removed, so reading it never waits for a run.
     */
    public List<TrackScriptView> published() {
        return published;
    }

    private void publish() {
        List<TrackScriptView> out = new ArrayList<>(entries.size());
        for (Entry e : entries.values()) {
            out.add(e.view);
        }
        published = List.copyOf(out);
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

    /**
     * A reload (SIGHUP) with the new configuration's scripts and trackings ({@code next}, fresh
     * states): a script known by name takes over its predecessor's verdict
     * ({@link TrackScriptState#reloaded}, keepalived's {@code clear_diff_script()}, which matches
     * by name only), a run of it still going reports to the new state; a new one starts as at
     * start-up; a script gone is stopped and the result of its run still going is dropped. Nothing
     * is delivered or run yet: {@link #resume()} does that, once the caller has seen the states.
     *
     * @return the scripts with the states they go on with, in the new configuration's order
     */
    public synchronized List<TrackingPlan.Scheduled> reload(List<TrackingPlan.Scheduled> next) {
        Map<String, Entry> old = new LinkedHashMap<>(entries);
        entries.clear();
        List<TrackingPlan.Scheduled> out = new ArrayList<>();
        for (TrackingPlan.Scheduled s : next) {
            Entry e = old.remove(s.script().name());
            TrackScriptState state = s.state();
            if (e != null) {
                state = TrackScriptState.reloaded(e.state, s.script(), s.state().tracking(),
                        line -> listener.log(ScriptLog.Level.INFO, line));
                if (e.next != null) {
                    e.next.cancel();
                    e.next = null;
                }
                e.configure(s.script(), state);
                // keepalived's clear_diff_script(): one still in its first start-up stays there
                e.phase = e.phase == TrackScriptView.Phase.INIT ? TrackScriptView.Phase.INIT : reloadPhase(s.script());
                e.refresh();
            } else {
                e = new Entry(s.script(), state, reloadPhase(s.script()));
            }
            entries.put(s.script().name(), e);
            out.add(new TrackingPlan.Scheduled(s.script(), state));
        }
        for (Entry gone : old.values()) {
            gone.removed = true;
            if (gone.next != null) {
                gone.next.cancel();
                gone.next = null;
            }
        }
        publish();
        return out;
    }

    private static TrackScriptView.Phase reloadPhase(VrrpScript script) {
        return script.initFail() ? TrackScriptView.Phase.INIT_FAILED : TrackScriptView.Phase.INIT_RELOAD;
    }

    /**
     * After {@link #reload}: delivers every script's starting events (the restated weights and
     * faults of the scripts it kept, init_fail ones of new scripts), then runs each script now
     * (one whose run is still going at its next slot) and schedules the rest.
     */
    public synchronized void resume() {
        for (Entry e : entries.values()) {
            for (TrackScriptState.Delivery d : e.state.initialEvents()) {
                listener.deliver(d.instance(), d.event());
            }
        }
        if (stopped) {
            return;
        }
        long now = timers.nanoTime();
        for (Entry e : new ArrayList<>(entries.values())) {
            e.originNanos = now;
            if (e.running) {
                e.next = timers.at(now + e.intervalNanos, () -> tick(e));
            } else {
                tick(e);
            }
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
        if (stopped || e.removed) {
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
        e.refresh();
        publish();
        listener.log(ScriptLog.Level.DEBUG, "Running vrrp script " + name);
        runner.run(new ScriptRun("VRRP_Script(" + name + ")", e.script.script(), e.timeout))
                .whenComplete((r, x) -> finished(e, r != null ? r : new ScriptResult.NotRun(String.valueOf(x))));
    }

    private synchronized void finished(Entry e, ScriptResult r) {
        e.running = false;
        if (stopped || e.removed) {
            return;
        }
        TrackScriptState.Update u = e.state.record(r);
        e.phase = TrackScriptView.Phase.DONE;
        e.refresh();
        publish();
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
