package io.javakeepalived.daemon;

import io.javakeepalived.config.model.KeepalivedConfig;
import io.javakeepalived.notify.NotifyDispatcher;
import io.javakeepalived.notify.PosixScriptRunner;
import io.javakeepalived.notify.ScriptLog;
import io.javakeepalived.notify.ScriptRunner;
import io.javakeepalived.notify.SecureScriptRunner;
import io.javakeepalived.config.host.UserDirectory;
import io.javakeepalived.notify.fifo.NotifyFifoWriter;
import io.javakeepalived.sys.NativeFifos;
import io.javakeepalived.track.CheckerLoop;
import io.javakeepalived.track.InterfaceTracking;
import io.javakeepalived.track.PolledTracker;
import io.javakeepalived.track.PolledTrackers;
import io.javakeepalived.track.StartupGate;
import io.javakeepalived.track.TrackingPlan;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;

/**
 * Everything that runs operators' scripts or watches health, around one {@link VrrpLoop}: the
 * script runner (with enable_script_security's run-time check), the notify hooks, and the
 * checker loop with its track scripts, polled trackers and start-up gate; plus which interfaces
 * the VRRP loop tracks. {@link #attach} before the loop runs, {@link #shutdown} after it returned.
 */
public final class ScriptServices {

    /** System property: how long one notify hook may run, in seconds (default 30). */
    public static final String NOTIFY_TIMEOUT_PROPERTY = "javakeepalived.notify.timeout";

    private final KeepalivedConfig config;
    private final PosixScriptRunner processes;
    private final ScriptRunner runner;
    private final Duration notifyTimeout;
    private final NotifyHooks hooks;
    private volatile CheckerLoop checker;

    private ScriptServices(KeepalivedConfig config, PosixScriptRunner processes, Duration notifyTimeout) {
        this.config = config;
        this.processes = processes;
        this.runner = config.global().enableScriptSecurity() ? SecureScriptRunner.around(processes) : processes;
        this.notifyTimeout = notifyTimeout;
        NotifyDispatcher dispatcher = new NotifyDispatcher(runner,
                ScriptLog.slf4j("Keepalived_vrrp"), notifyTimeout);
        // the FIFO script runs under our runner, so that shutdown() ends it with the other scripts
        NotifyFifoWriter fifo = NotifyFifoWriter.fromConfig(config.global().fifos(),
                new NotifyFifoWriter.Context(NativeFifos.system(), processes, ScriptLog.slf4j("Keepalived_vrrp"),
                        UserDirectory.system(), config.global().scriptUser(), System::nanoTime));
        this.hooks = new NotifyHooks(dispatcher, fifo).register(config);
    }

    /** For {@code config}, with the hook timeout from {@link #NOTIFY_TIMEOUT_PROPERTY}. */
    public static ScriptServices create(KeepalivedConfig config, Logger log) {
        return new ScriptServices(Objects.requireNonNull(config, "config"), PosixScriptRunner.create(),
                notifyTimeout(System.getProperty(NOTIFY_TIMEOUT_PROPERTY), log));
    }

    static Duration notifyTimeout(String value, Logger log) {
        if (value == null || value.isBlank()) {
            return NotifyDispatcher.DEFAULT_TIMEOUT;
        }
        try {
            double s = Double.parseDouble(value.trim());
            if (s > 0 && s <= 3600) {
                return Duration.ofNanos((long) (s * 1e9));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        log.warn("{}={} is not a number of seconds in (0, 3600] - using {} s", NOTIFY_TIMEOUT_PROPERTY, value,
                NotifyDispatcher.DEFAULT_TIMEOUT.toSeconds());
        return NotifyDispatcher.DEFAULT_TIMEOUT;
    }

    /** The VRRP loop's notify sink. */
    public VrrpLoop.NotifySink notifySink() {
        return hooks;
    }

    /**
     * Wires the trackers to {@code loop} and starts the checker loop; their starting state is
     * queued for the VRRP loop before it starts its instances. Call before {@code loop.run()}.
     */
    public void attach(VrrpLoop loop) {
        loop.trackInterfaces(InterfaceTracking.fromConfig(config));
        TrackingPlan plan = TrackingPlan.fromConfig(config);
        StartupGate gate = new StartupGate(plan.awaiting(), plan.groups(), loop::post);
        loop.holdStartup(gate.held());
        // the gate is only touched from the checker loop's thread, or here before it starts
        CheckerLoop c = new CheckerLoop(gate, ScriptLog.slf4j("Keepalived_vrrp"));
        if (!plan.isEmpty()) {
            var scheduler = c.newScheduler(runner);
            for (TrackingPlan.Scheduled s : plan.scripts()) {
                scheduler.add(s.script(), s.state());
            }
        }
        for (PolledTracker p : PolledTrackers.fromConfig(config)) {
            c.add(p);
        }
        checker = c;
        c.start();
        loop.whenStarted(c::release); // first checks once the instances have started, as keepalived
    }

    /** The checker loop, or null before {@link #attach}. */
    public CheckerLoop checker() {
        return checker;
    }

    /**
     * For the watchdog: the checker loop's latest turn on {@link System#nanoTime()}; until the
     * loop runs (before {@link #attach}, or before the VRRP loop releases it) there is nothing to
     * prove, so "now".
     */
    public long checkerLastTurnNanos() {
        CheckerLoop c = checker;
        long t = c == null ? 0 : c.lastTurnNanos();
        return t == 0 ? System.nanoTime() : t;
    }

    /**
     * After the VRRP loop has stopped: no more checks, wait for the queued hooks (notify_stop
     * included) each up to its timeout, then end whatever still runs (track scripts) and reap it.
     */
    public void shutdown(Logger log) {
        if (checker != null) {
            checker.close();
        }
        Duration perHook = notifyTimeout.plus(processes.options().killGrace()).plusSeconds(1);
        if (!hooks.drain(perHook.multipliedBy(3))) {
            log.warn("Notify scripts still running at exit - ending them");
        }
        try {
            processes.terminateAll().get(processes.options().killGrace().toMillis() + 3000, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            log.warn("Scripts still running at exit: {}", e.toString());
        }
        hooks.close();
    }
}
