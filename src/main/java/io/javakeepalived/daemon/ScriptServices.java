package io.javakeepalived.daemon;

import io.javakeepalived.check.HealthSnapshot;
import io.javakeepalived.check.HealthVerdicts;
import io.javakeepalived.config.model.GlobalDefs;
import io.javakeepalived.config.model.KeepalivedConfig;
import io.javakeepalived.mail.MailAlerts;
import io.javakeepalived.net.IcmpEcho;
import io.javakeepalived.daemon.dump.DumpFiles;
import io.javakeepalived.notify.NotifyDispatcher;
import io.javakeepalived.script.PosixScriptRunner;
import io.javakeepalived.script.ScriptLog;
import io.javakeepalived.script.ScriptRunner;
import io.javakeepalived.script.SecureScriptRunner;
import io.javakeepalived.config.host.UserDirectory;
import io.javakeepalived.net.IcmpEcho;
import io.javakeepalived.notify.fifo.NotifyFifoWriter;
import io.javakeepalived.sys.FifoSystem;
import io.javakeepalived.sys.ProcessControl;
import io.javakeepalived.track.CheckerLoop;
import io.javakeepalived.track.InterfaceTracking;
import io.javakeepalived.track.PolledTracker;
import io.javakeepalived.track.PolledTrackers;
import io.javakeepalived.track.ReferenceTrackers;
import io.javakeepalived.track.ReloadTracking;
import io.javakeepalived.track.StartupGate;
import io.javakeepalived.track.TrackerLedger;
import io.javakeepalived.track.TrackingPlan;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything that runs operators' scripts or watches health, around one {@link VrrpLoop}: the
 * script runner (with enable_script_security's run-time check), the notify hooks, and the
 * checker loop with its track scripts, polled trackers and start-up gate; plus which interfaces
 * the VRRP loop tracks. {@link #attach} before the loop runs, {@link #shutdown} after it returned.
 *
 * <p>A reload (SIGHUP) that the loop applied rewires all of it to the new configuration: the
 * notify hooks are replaced (hooks already queued run as queued), the interface tracking is
 * replaced and restated, and on the checker loop's thread the scripts carry their verdicts over
 * by name, new ones start as at start-up, removed ones stop, the polled trackers are made again,
 * and whatever no tracker says any more is withdrawn from the instances
 * ({@link io.javakeepalived.track.ReloadTracking}). The notify FIFO stays as it was until a restart.
 */
public final class ScriptServices {

    /** System property: how long one notify hook may run, in seconds (default 30). */
    public static final String NOTIFY_TIMEOUT_PROPERTY = "javakeepalived.notify.timeout";

    /** At stop, how long the queued mails (the STOP alerts) may take: the exit must not wait on a dead server. */
    private static final Duration MAIL_DRAIN = Duration.ofSeconds(5);

    private volatile KeepalivedConfig config;
    private final PosixScriptRunner processes;
    private final ScriptRunner runner;
    private final Duration notifyTimeout;
    private final NotifyHooks hooks;
    /** The notify FIFOs: the VRRP lines go through the hooks, the checkers' LVS lines straight here. */
    private final NotifyFifoWriter fifo;
    private final MailAlerts mail;
    private final Logger log;
    private volatile CheckerLoop checker;
    /** The checker loop's sink chain: ledger, then start-up gate, then the VRRP loop. Checker thread. */
    private TrackerLedger ledger;
    private StartupGate gate;
    private HealthVerdicts verdicts = HealthVerdicts.NONE;
    private boolean runHealthCheckers = true;
    /** Set by attach (on the thread that starts the loops), read by the metrics page's requests. */
    private volatile HealthCheckers healthCheckers;
    /** The reference-address trackers (vrrp_reference). Checker thread. */
    private ReferenceTrackers references;
    /** The daemon's one ICMP echo port, for PING_CHECK and vrrp_reference; empty: this daemon has none. */
    private Optional<Supplier<IcmpEcho>> icmpEcho = Optional.empty();

    private ScriptServices(KeepalivedConfig config, PosixScriptRunner processes, FifoSystem fifos,
                           Duration notifyTimeout, Logger log) {
        this.config = config;
        this.log = log;
        this.processes = processes;
        this.runner = config.global().enableScriptSecurity() ? SecureScriptRunner.around(processes) : processes;
        this.notifyTimeout = notifyTimeout;
        NotifyDispatcher dispatcher = new NotifyDispatcher(runner,
                ScriptLog.slf4j("Keepalived_vrrp"), notifyTimeout);
        // the FIFO script runs under our runner, so that shutdown() ends it with the other scripts
        NotifyFifoWriter fifo = NotifyFifoWriter.fromConfig(config.global().fifos(),
                new NotifyFifoWriter.Context(fifos, processes, ScriptLog.slf4j("Keepalived_vrrp"),
                        UserDirectory.system(), config.global().scriptUser(), System::nanoTime));
        this.fifo = fifo;
        this.hooks = new NotifyHooks(dispatcher, fifo).register(config);
        this.mail = MailAlerts.create(config, LoggerFactory.getLogger("Keepalived_vrrp"));
    }

    /**
     * For {@code config}, with the hook timeout from {@link #NOTIFY_TIMEOUT_PROPERTY}; scripts start
     * through {@code processes} and the notify FIFO is made through {@code fifos} (the native
     * adapters, which the composition root builds).
     */
    public static ScriptServices create(KeepalivedConfig config, ProcessControl processes, FifoSystem fifos,
                                        Logger log) {
        return new ScriptServices(Objects.requireNonNull(config, "config"), PosixScriptRunner.create(processes),
                fifos, notifyTimeout(System.getProperty(NOTIFY_TIMEOUT_PROPERTY), log), log);
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

    /**
     * Where the LVS checkers' verdicts go, and whether they run at all ({@code -P}: VRRP only).
     * Before {@link #attach}.
     */
    public ScriptServices healthCheckers(HealthVerdicts verdicts, boolean run) {
        this.verdicts = Objects.requireNonNull(verdicts, "verdicts");
        this.runHealthCheckers = run;
        return this;
    }

    /**
     * The daemon's ICMP echo port, shared by PING_CHECK and the reference-address trackers, asked
     * for only when a check or tracker needs it, at start or on the reload that adds the first one
     * (the composition root opens it then, and closes it). Before {@link #attach}.
     */
    public ScriptServices icmpEcho(Supplier<IcmpEcho> echo) {
        this.icmpEcho = Optional.of(Objects.requireNonNull(echo, "echo"));
        return this;
    }

    /** The VRRP loop's notify sink: the hooks and the FIFO, then the SMTP alert (keepalived's order). */
    public NotifySink notifySink() {
        return notify -> {
            hooks.dispatch(notify);
            mail.notified(notify);
        };
    }

    /** The mail alerts (the LVS checker engine sends its alerts through {@code mail().mailer()}). */
    public MailAlerts mail() {
        return mail;
    }

    /**
     * Wires the trackers to {@code loop} and starts the checker loop; their starting state is
     * queued for the VRRP loop before it starts its instances. Call before {@code loop.run()}.
     */
    public void attach(VrrpLoop loop) {
        mail.start(); // here, in the net_namespace if there is one, as the mails leave from it
        loop.trackInterfaces(InterfaceTracking.fromConfig(config));
        TrackingPlan plan = TrackingPlan.fromConfig(config);
        gate = new StartupGate(ReferenceTrackers.withAwaited(plan.awaiting(), config), plan.groups(), loop::post);
        loop.holdStartup(gate.held());
        // the ledger and the gate are only touched from the checker loop's thread, or here before it starts
        ledger = new TrackerLedger(gate);
        CheckerLoop c = new CheckerLoop(ledger, ScriptLog.slf4j("Keepalived_vrrp"));
        // made even without scripts, so that a reload can add some
        var scheduler = c.newScheduler(runner);
        for (TrackingPlan.Scheduled s : plan.scripts()) {
            scheduler.add(s.script(), s.state());
        }
        for (PolledTracker p : PolledTrackers.fromConfig(config)) {
            c.add(p);
        }
        Supplier<IcmpEcho> referenceEcho = icmpEcho.orElse(
                () -> ReferenceTrackers.unavailable("no ICMP echo port in this daemon"));
        references = new ReferenceTrackers(referenceEcho, c, ledger, ScriptLog.slf4j("Keepalived_vrrp"));
        for (PolledTracker p : references.replace(config)) {
            c.add(p);
        }
        checker = c;
        // the scheduler outlives reloads (they reconfigure it), so this reads the current scripts
        loop.trackScriptViews(scheduler::published);
        loop.referenceViews(references::published); // one ReferenceTrackers for the daemon's life
        c.start();
        if (runHealthCheckers) {
            Supplier<Optional<IcmpEcho>> pingEcho = () -> icmpEcho.map(Supplier::get);
            healthCheckers = HealthCheckers.start(c, config, runner, notifyTimeout, verdicts, pingEcho, mail.mailer(),
                    fifo::lvs);
            loop.onHostAddresses(healthCheckers::hostAddresses); // ha_suspend
        }
        loop.whenStarted(c::release); // first checks once the instances have started, as keepalived
        loop.onReload((loaded, added, kept) -> loaded.config().ifPresent(next -> reloaded(loop, next, added, kept)));
    }

    /**
     * A reload was applied (VRRP loop thread; returns at once): the notify hooks and the
     * interface tracking are replaced here, the added instances that track weight-0 scripts are
     * held in INIT, and the scripts and polled trackers are rebuilt on the checker loop's thread.
     */
    private void reloaded(VrrpLoop loop, KeepalivedConfig next, Set<String> added,
                          Map<String, Standing> kept) {
        KeepalivedConfig previous = config;
        config = next;
        hooks.reload(previous, next);
        mail.reload(next);
        GlobalDefs.Fifos was = previous.global().fifos();
        GlobalDefs.Fifos now = next.global().fifos();
        if (!now.all().equals(was.all()) || !now.vrrp().equals(was.vrrp()) || !now.lvs().equals(was.lvs())) {
            log.warn("The notify FIFO settings changed - they take effect at the next restart");
        }
        if (now.writeVrrpStatesOnReload()) {
            hooks.restate(kept);
        }
        loop.trackInterfaces(InterfaceTracking.fromConfig(next));
        TrackingPlan plan = TrackingPlan.fromConfig(next);
        Set<String> held = ReloadTracking.held(plan, added);
        loop.holdStartup(held);
        CheckerLoop c = checker;
        c.execute(() -> retrack(c, next, plan, held));
        if (healthCheckers != null) {
            healthCheckers.reload(next);
        }
    }

    /** The checker loop's half of a reload: see {@link ReloadTracking#apply}. Checker thread. */
    private void retrack(CheckerLoop c, KeepalivedConfig next, TrackingPlan plan, Set<String> held) {
        Set<String> instances = new HashSet<>();
        next.instances().forEach(v -> instances.add(v.name()));
        ReloadTracking.apply(plan, held, instances, c.scheduler(), ledger, gate, () -> {
            List<PolledTracker> polled = new ArrayList<>(
                    PolledTrackers.fromConfig(next, ScriptLog.slf4j("Keepalived_vrrp"), true));
            polled.addAll(references.replace(next));
            c.replacePolled(polled);
        });
    }

    /** SIGUSR1: the health checkers' keepalived_check.data, if they run. Any thread. */
    public void dumpCheckers(DumpFiles files) {
        if (healthCheckers != null) {
            healthCheckers.dumpData(files);
        }
    }

    /**
     * The LVS checkers' standing for the metrics page, handed to {@code answer} on the checker
     * loop's thread; {@link HealthSnapshot#EMPTY} at once when no checker runs. Any thread.
     */
    public void healthSnapshot(Consumer<HealthSnapshot> answer) {
        HealthCheckers h = healthCheckers;
        if (h == null) {
            answer.accept(HealthSnapshot.EMPTY);
        } else {
            h.snapshot(answer);
        }
    }

    /**
     * startup_script / shutdown_script of the configuration in force now (a reload's shutdown
     * script is the one run at stop, as in keepalived), through the same runner as the hooks.
     */
    public StartStopScripts startStopScripts() {
        return new StartStopScripts(config.global(), runner, processes.options().killGrace(), log);
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
        if (healthCheckers != null) {
            healthCheckers.stop();
        }
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
        if (!mail.drain(MAIL_DRAIN)) {
            log.warn("SMTP alerts still unsent at exit - dropped");
        }
    }
}
