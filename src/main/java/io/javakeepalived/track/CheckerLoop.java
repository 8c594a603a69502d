package io.javakeepalived.track;

import io.javakeepalived.script.ScriptLog;
import io.javakeepalived.script.ScriptResult;
import io.javakeepalived.script.ScriptRunner;
import io.javakeepalived.script.Timers;
import io.javakeepalived.vrrp.Event;

import java.io.IOException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The checker loop of DESIGN.md: one thread that runs every health check on its own schedule and
 * posts what changed to the VRRP loop. It hosts the {@link TrackScriptScheduler} (vrrp_script) and
 * the {@link PolledTracker}s (track_file, track_process); LVS health checks are meant to join it
 * as further timer-driven tasks.
 *
 * <p>It is its own {@link Timers} and {@link Executor}: timer tasks and hand-overs run on this
 * thread, one at a time, so the scheduler's and the trackers' state is only ever touched here.
 * Nothing on it blocks on a script: scripts are child processes started by the
 * {@link ScriptRunner}, whose completions are handed back to this thread ({@link #runner}).
 * (The runner itself waits for each child on a short-lived thread of its own; see
 * {@code PosixScriptRunner}.)
 *
 * <p>Polled trackers run on an absolute grid (start + k·interval; slots already passed are skipped,
 * never caught up), like the scripts. Events go out through the {@link Sink} in the order they
 * were produced.
 *
 * <p>Start-up comes in two steps, so that what the instances see does not depend on how fast the
 * first check finishes: {@link #start()} (before the VRRP loop starts its instances) posts every
 * tracker's starting state (init_fail ...); {@link #release()} (once the VRRP loop has started
 * them, as keepalived runs its first checks after initialising the instances) starts the thread
 * and the first runs and polls.
 *
 * <p>The thread waits in a {@link LoopSelector}, not a park: the LVS health checks register their
 * non-blocking sockets here ({@link #register}), so scripts, trackers and checks share one thread
 * and one clock, and a socket becoming ready wakes it like a due timer does.
 *
 * <p>Liveness: the thread turns at least once a second even when nothing is due, updating
 * {@link #lastTurnNanos()}, so a watchdog can tell a stuck checker loop from an idle one without
 * having to wake it (0 until {@link #release()}).
 */
public final class CheckerLoop implements Timers, Executor, AutoCloseable {

    /** Where events for instances go: the VRRP loop's {@code post(instance, event)}. Any thread, never blocks. */
    @FunctionalInterface
    public interface Sink {
        void post(String instance, Event event);
    }

    /**
     * Told, once a turn, when the turn's first due timer was due and when it ran (one clock): how
     * late the thread got the CPU, for keepalived's real-time step-up of a late checker process.
     */
    @FunctionalInterface
    public interface TimerLateness {
        void fired(long deadlineNanos, long nowNanos);
    }

    /** The longest the thread sleeps without turning. */
    static final long IDLE_TURN_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final LongSupplier clock;
    /** Opened by {@link #start()}, after the trackers' grid is laid, so that its cost does not shift the grid. */
    private volatile LoopSelector selector;
    private final Sink sink;
    private final ScriptLog log;
    private final LoopTimers timers = new LoopTimers();
    private final ConcurrentLinkedQueue<Runnable> handOver = new ConcurrentLinkedQueue<>();
    private final List<PolledTracker> polled = new ArrayList<>();
    private final List<Runnable> parked = new ArrayList<>();
    private boolean released;
    private TrackScriptScheduler scheduler;
    private volatile long lastTurnNanos;
    /** The clock's latest reading on the thread: see {@link #turnNanos()}. */
    private long turnNanos;
    private volatile boolean stopping;
    private volatile Thread thread;
    private volatile TimerLateness lateness = (deadline, now) -> { };

    /**
     * @param clock monotonic nanoseconds
     * @param sink  receives every tracker event
     * @param log   where the checkers' lines go
     */
    public CheckerLoop(LongSupplier clock, Sink sink, ScriptLog log) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.log = Objects.requireNonNull(log, "log");
    }

    /** With System.nanoTime. */
    public CheckerLoop(Sink sink, ScriptLog log) {
        this(System::nanoTime, sink, log);
    }

    /**
     * A runner whose results are handed to this loop's thread: what the scheduler hosted here uses,
     * so that its bookkeeping runs on one thread only.
     */
    public ScriptRunner runner(ScriptRunner processes) {
        Objects.requireNonNull(processes, "processes");
        return run -> {
            CompletableFuture<ScriptResult> here = new CompletableFuture<>();
            Runnable go = () -> processes.run(run).whenComplete((r, x) -> execute(() -> here.complete(
                    r != null ? r : new ScriptResult.NotRun(String.valueOf(x)))));
            synchronized (this) {
                if (!released) {
                    parked.add(go); // started by release(), from the loop thread
                    return here;
                }
            }
            go.run();
            return here;
        };
    }

    /** A scheduler whose timers, results and events are this loop's (before {@link #start()}). */
    public TrackScriptScheduler newScheduler(ScriptRunner processes) {
        if (scheduler != null) {
            throw new IllegalStateException("one scheduler per loop");
        }
        scheduler = new TrackScriptScheduler(runner(processes), this, new TrackScriptScheduler.Listener() {
            @Override
            public void log(ScriptLog.Level level, String line) {
                log.log(level, line);
            }

            @Override
            public void deliver(String instance, Event event) {
                sink.post(instance, event);
            }
        });
        return scheduler;
    }

    /** Who hears how late each turn's first timer ran (see {@link TimerLateness}); set before {@link #release()}. */
    public void watchLateness(TimerLateness watch) {
        lateness = Objects.requireNonNull(watch, "watch");
    }

    /** Adds a polled tracker (before {@link #start()}). */
    public void add(PolledTracker tracker) {
        if (thread != null) {
            throw new IllegalStateException("add trackers before start()");
        }
        polled.add(Objects.requireNonNull(tracker, "tracker"));
    }

    /**
     * Posts every tracker's initial events (init_fail scripts, polled trackers' starting state)
     * from the calling thread, so they are queued for the VRRP loop before anything else, and
     * schedules the first runs and polls, which wait for {@link #release()}.
     */
    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("already started");
        }
        for (PolledTracker p : polled) {
            for (TrackScriptState.Delivery d : p.initialEvents()) {
                sink.post(d.instance(), d.event());
            }
        }
        long origin = clock.getAsLong();
        for (PolledTracker p : polled) {
            long interval = Math.max(1, p.interval().toNanos());
            schedulePoll(p, origin, interval, origin);
        }
        selector = LoopSelector.open(log, this::readClock); // the callbacks' timeouts start after the wait
        Thread t = new Thread(this::loop, "checker");
        t.setDaemon(true);
        thread = t;
        if (scheduler != null) {
            scheduler.start(); // initial events now; its first runs are parked until release()
        }
    }

    /**
     * Starts the thread, the first script runs and the first polls (after {@link #start()}); the
     * thread inherits the caller's network namespace. Any thread; once.
     */
    public void release() {
        List<Runnable> go;
        synchronized (this) {
            if (thread == null) {
                throw new IllegalStateException("start() first");
            }
            if (released) {
                return;
            }
            released = true;
            go = new ArrayList<>(parked);
            parked.clear();
        }
        thread.start();
        for (Runnable r : go) {
            execute(r);
        }
    }

    /**
     * A reload: the polled trackers of the new configuration take over from the running ones,
     * which look no more. The new ones' initial events (on reload: every tracking's weight and
     * fault) are posted now, their first look is one interval away. On this loop's thread only
     * (hand it over with {@link #execute}).
     */
    public void replacePolled(List<PolledTracker> next) {
        if (Thread.currentThread() != thread) {
            throw new IllegalStateException("on the checker loop thread only");
        }
        polled.clear();
        polled.addAll(next);
        for (PolledTracker p : next) {
            for (TrackScriptState.Delivery d : p.initialEvents()) {
                sink.post(d.instance(), d.event());
            }
        }
        long origin = clock.getAsLong();
        for (PolledTracker p : next) {
            long interval = Math.max(1, p.interval().toNanos());
            schedulePoll(p, origin, interval, origin + interval);
        }
    }

    /**
     * Registers a channel with the loop's selector (made non-blocking): {@code ready} runs on this
     * thread whenever one of the key's interest ops is ready. Closing the channel deregisters it.
     * On this loop's thread only.
     */
    public SelectionKey register(SelectableChannel channel, int interestOps, Consumer<SelectionKey> ready)
            throws IOException {
        if (Thread.currentThread() != thread) {
            throw new IllegalStateException("on the checker loop thread only");
        }
        return selector.register(channel, interestOps, ready);
    }

    /** The script scheduler, or null if none was made. */
    public TrackScriptScheduler scheduler() {
        return scheduler;
    }

    private void schedulePoll(PolledTracker p, long origin, long interval, long deadline) {
        at(deadline, () -> {
            if (polled.stream().noneMatch(q -> q == p)) {
                return; // replaced by a reload
            }
            long now = clock.getAsLong();
            long k = Math.floorDiv(now - origin, interval) + 1;
            schedulePoll(p, origin, interval, origin + k * interval);
            List<TrackScriptState.Delivery> out;
            try {
                out = p.poll(now);
            } catch (RuntimeException e) {
                log.log(ScriptLog.Level.WARNING, "tracker " + p.name() + " failed: " + e);
                return;
            }
            for (TrackScriptState.Delivery d : out) {
                sink.post(d.instance(), d.event());
            }
        });
    }

    /** Stops the scheduler and the thread; scripts still running are left to the runner. */
    @Override
    public void close() {
        stopping = true;
        Thread t = thread;
        execute(() -> {
            if (scheduler != null) {
                scheduler.stop();
            }
        });
        if (t != null && t != Thread.currentThread()) {
            wake();
            try {
                t.join(TimeUnit.SECONDS.toMillis(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (selector != null && (t == null || !t.isAlive())) {
            selector.close();
        }
    }

    /** The clock's reading at the start of the thread's latest turn (0 before the first). Any thread. */
    public long lastTurnNanos() {
        return lastTurnNanos;
    }

    /** True while the thread runs. */
    public boolean isRunning() {
        Thread t = thread;
        return t != null && t.isAlive();
    }

    /* Timers and Executor ------------------------------------------------------------------ */

    @Override
    public long nanoTime() {
        return clock.getAsLong();
    }

    /**
     * The clock as this thread last read it: at the start of each turn, after each wait and after
     * each timer task; on another thread, the clock itself. For what would otherwise read the
     * clock several times per check (arming timeouts, scheduling the next check): under a VM's
     * emulated clock source every reading is a system call. It lags the clock by the callbacks run
     * since, which is at most a few milliseconds against timeouts of seconds; and an absolute
     * deadline computed as turnNanos() + (deadline - turnNanos()) stays exactly on its grid.
     */
    public long turnNanos() {
        return Thread.currentThread() == thread ? turnNanos : clock.getAsLong();
    }

    /**
     * Any thread; the task runs on the loop thread. A cancelled timer leaves the queue at once (on
     * the loop thread; from another, after a hand-over), task and all: see {@link LoopTimers}.
     */
    @Override
    public Cancellable at(long deadlineNanos, Runnable task) {
        Timer t = new Timer(deadlineNanos, Objects.requireNonNull(task, "task"));
        if (Thread.currentThread() == thread) {
            timers.add(t);
        } else {
            handOver.add(() -> timers.add(t));
            wake();
        }
        return t;
    }

    /** A queued task that is its own handle: one object per timer, at 1,000 checks a second. */
    private final class Timer extends LoopTimers.Entry implements Cancellable {
        Timer(long deadline, Runnable task) {
            super(deadline, task);
        }

        @Override
        public void cancel() {
            if (Thread.currentThread() == thread) {
                timers.remove(this);
            } else {
                execute(() -> timers.remove(this)); // after the add it follows, or it keeps the add out
            }
        }
    }

    /** The timers queued now (cancelled ones are not). On this loop's thread only. */
    int pendingTimers() {
        return timers.size();
    }

    /** Runs {@code command} on the loop thread, after what is already queued. Any thread. */
    @Override
    public void execute(Runnable command) {
        Objects.requireNonNull(command, "command");
        handOver.add(command);
        wake();
    }

    private void wake() {
        Thread t = thread;
        LoopSelector s = selector;
        if (t != null && s != null && t != Thread.currentThread()) {
            s.wakeup();
        }
    }

    /* The thread ------------------------------------------------------------------------- */

    private void loop() {
        while (!stopping) {
            long now = readClock();
            lastTurnNanos = now;
            Runnable r;
            while ((r = handOver.poll()) != null) {
                runSafely(r);
            }
            now = readClock();
            boolean firstDue = true;
            while (!timers.isEmpty() && timers.peek().deadline - now <= 0) {
                LoopTimers.Entry due = timers.poll();
                if (firstDue) {
                    firstDue = false;
                    lateness.fired(due.deadline, now);
                }
                runSafely(due.task);
                while ((r = handOver.poll()) != null) {
                    runSafely(r);
                }
                now = readClock();
            }
            if (!handOver.isEmpty() || stopping) {
                continue;
            }
            long sleep = IDLE_TURN_NANOS;
            if (!timers.isEmpty()) {
                sleep = Math.min(sleep, timers.peek().deadline - now);
            }
            if (sleep > 0) {
                selector.await(sleep);
            }
        }
        Runnable r;
        while ((r = handOver.poll()) != null) {
            runSafely(r);
        }
    }

    private long readClock() {
        turnNanos = clock.getAsLong();
        return turnNanos;
    }

    private void runSafely(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException | Error e) {
            log.log(ScriptLog.Level.WARNING, "checker loop task failed: " + e);
        }
    }
}
