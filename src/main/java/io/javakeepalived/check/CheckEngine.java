package io.javakeepalived.check;

import io.javakeepalived.check.probe.ServiceNames;

import io.javakeepalived.check.probe.Probe;
import io.javakeepalived.check.probe.ProbeIo;
import io.javakeepalived.check.probe.ProbeResult;
import io.javakeepalived.config.model.Checker;
import io.javakeepalived.config.model.KeepalivedConfig;
import io.javakeepalived.config.model.RealServer;
import io.javakeepalived.config.model.VirtualServer;
import io.javakeepalived.config.model.VirtualServerGroup;

import java.net.InetAddress;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongUnaryOperator;

/**
 * The LVS checker engine: every real server's checkers, each on its own schedule, all on the one
 * thread behind {@code host} (the checker loop), with no thread per check. Each attempt is a fresh
 * {@link Probe}; its result goes through {@link CheckerHealth}'s arithmetic to the real server,
 * the quorum and the verdicts.
 *
 * <p>Schedule (keepalived's register_checkers_thread and epilogs, on an absolute grid): the first
 * attempt one second after start plus a random part of warmup; each next one delay_loop (after a
 * failure that uses a retry: delay_before_retry) after the previous attempt was due, or at once if
 * that moment has passed — slots are skipped, never caught up. An attempt that has not reported by
 * its plan's limit is aborted, logged and counted as a failure. A checker of an
 * {@code ha_suspend} virtual server whose address is not on the host ({@link HaSuspend}) is
 * suspended: its turns come and go without a check, and its real server stays as it stood.
 *
 * <p>Everything here runs on the host's thread: {@link #start}, {@link #replace}, {@link #stop}
 * and the dump must be called there.
 */
public final class CheckEngine {

    /** keepalived's BOOTSTRAP_DELAY before the first checks. */
    static final Duration BOOTSTRAP_DELAY = Duration.ofSeconds(1);

    private final ProbeIo host;
    private final HealthOutput output;
    private final HealthVerdicts verdicts;
    private final LongUnaryOperator warmupDraw;
    /** In configuration order (CheckerHealth has identity equality), so lines and first checks follow the file. */
    private final Map<CheckerHealth, CheckRun> runs = new LinkedHashMap<>();
    private List<VirtualServerHealth> pools = List.of();
    private Map<String, VirtualServerGroup> groups = Map.of();
    /** The host's addresses as last told; null until then. */
    private Set<InetAddress> hostAddresses;

    /**
     * @param warmupDraw given warmup in nanoseconds (positive), a delay in [0, warmup)
     */
    public CheckEngine(ProbeIo host, HealthOutput output, HealthVerdicts verdicts, LongUnaryOperator warmupDraw) {
        this.host = Objects.requireNonNull(host, "host");
        this.output = Objects.requireNonNull(output, "output");
        this.verdicts = Objects.requireNonNull(verdicts, "verdicts");
        this.warmupDraw = Objects.requireNonNull(warmupDraw, "warmupDraw");
    }

    /** Builds every virtual server's pool from {@code config}, states it, and schedules the first checks. */
    public void start(KeepalivedConfig config, CheckPlanner probes) {
        if (!runs.isEmpty()) {
            throw new IllegalStateException("already started");
        }
        pools = build(config, probes);
        long now = host.nanoTime();
        for (VirtualServerHealth vs : pools) {
            for (RealServerHealth rs : vs.realServers()) {
                verdicts.realServer(vs.config(), rs.config(), rs.alive(), rs.weight());
            }
            vs.startQuorum();
        }
        for (CheckRun run : runs.values()) {
            activate(run);
            schedule(run, firstDeadline(run, now));
        }
    }

    /**
     * The host's addresses now (at start-up and after each change): the checkers of ha_suspend
     * virtual servers wake or sleep, with keepalived's lines. Any time, before start too.
     */
    public void hostAddresses(Set<InetAddress> addresses) {
        hostAddresses = Set.copyOf(addresses);
        for (CheckRun run : runs.values()) {
            boolean suspend = !HaSuspend.active(run.virtualServer, groups, hostAddresses);
            if (suspend != run.suspended) {
                run.suspended = suspend;
                CheckerKind.Subject s = run.health.subject();
                output.log((suspend ? "Suspending" : "Activating") + " healthchecker for service " + s.realServer()
                        + " for VS " + s.virtualServer());
            }
        }
    }

    /**
     * A reload: the pools of {@code next} replace the running ones. A real server that stays (same
     * virtual server, address, protocol and port) keeps its standing and weight; its checkers keep
     * theirs in order when the kind at the same place is the same, and keep their schedule. New
     * ones start as at start-up; the checks of removed ones stop.
     */
    public void replace(KeepalivedConfig next, CheckPlanner probes) {
        Map<String, RealServerHealth> previous = new HashMap<>();
        Map<String, VirtualServerHealth> previousPools = new HashMap<>();
        for (VirtualServerHealth vs : pools) {
            previousPools.put(vs.name(), vs);
            vs.realServers().forEach(rs -> previous.put(key(vs, rs), rs));
        }
        Map<CheckRun, CheckRun> carried = new HashMap<>();
        Map<CheckerHealth, CheckRun> before = new IdentityHashMap<>(runs);
        runs.clear();
        List<VirtualServerHealth> built = build(next, probes);
        long now = host.nanoTime();
        for (VirtualServerHealth vs : built) {
            for (RealServerHealth rs : vs.realServers()) {
                RealServerHealth old = previous.get(key(vs, rs));
                if (old == null) {
                    verdicts.realServer(vs.config(), rs.config(), rs.alive(), rs.weight());
                    continue;
                }
                List<CheckerHealth> was = old.checkers();
                List<CheckerHealth> kept = rs.checkers();
                for (int i = 0; i < kept.size() && i < was.size(); i++) {
                    if (kept.get(i).kind() == was.get(i).kind()) {
                        kept.get(i).carryOver(was.get(i));
                        carried.put(runs.get(kept.get(i)), before.get(was.get(i)));
                    }
                }
                rs.carryOver(old);
            }
            VirtualServerHealth old = previousPools.get(vs.name());
            if (old != null) {
                vs.carryOver(old);
            } else {
                vs.startQuorum();
            }
        }
        before.values().forEach(CheckRun::stop);
        pools = built;
        for (CheckRun run : runs.values()) {
            CheckRun old = carried.get(run);
            if (old == null) {
                activate(run);
                schedule(run, firstDeadline(run, now));
            } else {
                run.suspended = !HaSuspend.active(run.virtualServer, groups, hostAddresses);
                schedule(run, old.current == null ? old.deadline : now);
            }
        }
    }

    /** Stops every check (aborting attempts in flight) and runs omega's down notifiers. */
    public void stop() {
        runs.values().forEach(CheckRun::stop);
        runs.clear();
        pools.forEach(VirtualServerHealth::stop);
    }

    /** The pools as they stand (for the dump). */
    public List<VirtualServerHealth> pools() {
        return pools;
    }

    /** The running checkers in configuration order, for keepalived_check.data. */
    public List<CheckDataDump.Entry> dumpEntries() {
        List<CheckDataDump.Entry> out = new ArrayList<>();
        for (VirtualServerHealth vs : pools) {
            for (RealServerHealth rs : vs.realServers()) {
                for (CheckerHealth c : rs.checkers()) {
                    CheckRun run = runs.get(c);
                    if (run != null) {
                        out.add(new CheckDataDump.Entry(c, run.plan, run.config));
                    }
                }
            }
        }
        return out;
    }

    /** The number of checkers being run. */
    public int checkerCount() {
        return runs.size();
    }

    private List<VirtualServerHealth> build(KeepalivedConfig config, CheckPlanner probes) {
        List<VirtualServerHealth> built = new ArrayList<>();
        Map<String, VirtualServerGroup> byName = new HashMap<>();
        config.virtualServerGroups().forEach(g -> byName.put(g.name(), g));
        groups = byName;
        for (VirtualServer vsc : config.virtualServers()) {
            VirtualServerHealth vs = new VirtualServerHealth(vsc, output, verdicts,
                    config.global().otherSettings().containsKey("no_checker_emails"));
            for (RealServer rsc : vsc.realServers()) {
                String rsName = ServiceNames.realServer(rsc, vsc);
                List<CheckerHealth> checkers = new ArrayList<>();
                List<CheckPlan> plans = new ArrayList<>();
                List<Checker> configs = new ArrayList<>();
                for (Checker c : rsc.checkers()) {
                    var plan = probes.plan(c, rsc, vsc);
                    if (plan.isEmpty()) {
                        output.log(Probes.kind(c).keyword() + " for service " + rsName + " of VS " + vs.name()
                                + " is not implemented - not checked");
                        continue;
                    }
                    CheckPlan p = plan.get();
                    checkers.add(new CheckerHealth(p.kind(), new CheckerKind.Subject(rsName, vs.name(), p.program()),
                            p.timing()));
                    plans.add(p);
                    configs.add(c);
                }
                RealServerHealth rs = new RealServerHealth(vs, rsc, checkers);
                vs.add(rs);
                for (int i = 0; i < checkers.size(); i++) {
                    runs.put(checkers.get(i), new CheckRun(checkers.get(i), plans.get(i), configs.get(i), vsc));
                }
            }
            built.add(vs);
        }
        return built;
    }

    /**
     * keepalived's line for a checker that has not run yet (register_checkers_thread): "Deactivating"
     * for one that ha_suspend holds back.
     */
    private void activate(CheckRun run) {
        run.suspended = !HaSuspend.active(run.virtualServer, groups, hostAddresses);
        CheckerKind.Subject s = run.health.subject();
        output.log((run.suspended ? "Deactivating" : "Activating") + " healthchecker for service " + s.realServer()
                + " for VS " + s.virtualServer());
    }

    private static String key(VirtualServerHealth vs, RealServerHealth rs) {
        return vs.name() + " " + rs.name();
    }

    private long firstDeadline(CheckRun run, long now) {
        long warmup = run.plan.timing().warmup().toNanos();
        return now + BOOTSTRAP_DELAY.toNanos() + (warmup > 0 ? warmupDraw.applyAsLong(warmup) : 0);
    }

    private void schedule(CheckRun run, long deadline) {
        run.deadline = deadline;
        run.timer = host.after(Math.max(0, deadline - host.nanoTime()), () -> attempt(run));
    }

    private void attempt(CheckRun run) {
        if (run.stopped) {
            return;
        }
        run.timer = null;
        if (run.suspended) {
            // keepalived: a disabled checker only sets its next turn
            long due = run.deadline + Math.max(1, run.plan.timing().delayLoop().toNanos());
            schedule(run, Math.max(due, host.nanoTime()));
            return;
        }
        Probe probe = run.plan.probes().apply(run.health.standing());
        run.current = probe;
        run.limit = host.after(run.plan.attemptLimit().toNanos(), () -> {
            if (run.current == probe) {
                probe.abort();
                // a probe that outlives its own timeouts is a defect worth a line whatever the standing
                String line = run.plan.kind().keyword() + " on service " + run.health.subject().realServer()
                        + " did not report within " + run.plan.attemptLimit().toMillis() + " ms";
                output.log(line + " - counted as failed");
                finish(run, probe, new ProbeResult.Failure(line));
            }
        });
        try {
            probe.start(host, result -> finish(run, probe, result));
        } catch (RuntimeException e) {
            probe.abort();
            finish(run, probe, new ProbeResult.Failure(e.toString()));
        }
    }

    private void finish(CheckRun run, Probe probe, ProbeResult result) {
        if (run.current != probe || run.stopped) {
            return; // late, or the checker was removed
        }
        run.current = null;
        if (run.limit != null) {
            run.limit.cancel();
            run.limit = null;
        }
        CheckerHealth.Next next = run.health.onResult(result);
        Duration delay = next == CheckerHealth.Next.RETRY ? run.plan.timing().delayBeforeRetry()
                : run.plan.timing().delayLoop();
        long due = run.deadline + Math.max(1, delay.toNanos());
        long now = host.nanoTime();
        schedule(run, due - now < 0 ? now : due);
    }

    /** One checker's schedule and the attempt in flight. Engine thread only. */
    private static final class CheckRun {
        final CheckerHealth health;
        final CheckPlan plan;
        final Checker config;
        final VirtualServer virtualServer;
        long deadline;
        /** ha_suspend: the address is not on the host. */
        boolean suspended;
        ProbeIo.Timer timer;
        ProbeIo.Timer limit;
        Probe current;
        boolean stopped;

        CheckRun(CheckerHealth health, CheckPlan plan, Checker config, VirtualServer virtualServer) {
            this.health = health;
            this.plan = plan;
            this.config = config;
            this.virtualServer = virtualServer;
        }

        void stop() {
            stopped = true;
            if (timer != null) {
                timer.cancel();
            }
            if (limit != null) {
                limit.cancel();
            }
            if (current != null) {
                current.abort();
                current = null;
            }
        }
    }
}
