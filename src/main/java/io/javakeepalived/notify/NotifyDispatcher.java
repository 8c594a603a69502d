package io.javakeepalived.notify;

import io.javakeepalived.config.model.NotifyScripts;
import io.javakeepalived.config.model.ScriptCommand;
import io.javakeepalived.script.Durations;
import io.javakeepalived.script.ScriptLog;
import io.javakeepalived.script.ScriptResult;
import io.javakeepalived.script.ScriptRun;
import io.javakeepalived.script.ScriptRunner;
import io.javakeepalived.script.Timers;
import io.javakeepalived.vrrp.Action;
import io.javakeepalived.vrrp.NotifyState;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Runs the notify hooks of instances and sync groups, in order.
 *
 * <p>keepalived forks notify_&lt;state&gt; and the generic {@code notify} at the same moment and
 * never looks back (its users see BACKUP's script finish after MASTER's). Here every instance
 * and every sync group has a queue: its transitions are handled strictly in the order they were
 * reported, one hook at a time. For each transition notify_&lt;state&gt; runs first, then the
 * generic {@code notify} with {@code INSTANCE NAME STATE PRIO} appended ({@code GROUP NAME STATE 0}
 * for groups; {@code MASTER_RX_LOWER_PRI} runs only its own script, as in keepalived; javakeepalived's {@code SPLIT_BRAIN} only the generic one). A hook that
 * hangs is ended at its timeout (SIGTERM to its process group, SIGKILL 2 s later) and the next one
 * runs. Different instances and groups run in parallel.
 *
 * <p>Bounded whatever the network or the hooks do ({@link NotifyQueue}): a transition equal to the
 * last one waiting joins it (a flood of lower-priority adverts at a master queues one
 * {@code MASTER_RX_LOWER_PRI} run, not one per advert); at most {@link #MAX_WAITING} transitions wait
 * per instance or group, the oldest waiting one dropped first (logged once, summed up when the queue
 * drains); and a hook that is still running {@link #GIVE_UP_GRACE} after its timeout has shrugged off
 * SIGKILL (D state, hung NFS): the queue logs that it gives up on it and runs the next hook, so
 * one stuck process cannot hold back every later notify_master of its instance.
 *
 * <p>Every hook that ran is logged with how it ended, and every hook that should have run but did
 * not is logged with why (disabled when the configuration was loaded, missing, not executable,
 * could not be started). Nothing here blocks the caller: {@link #notifyInstance} queues and
 * returns.
 */
public final class NotifyDispatcher {

    /** How long one hook may run; keepalived has no limit (and no ordering to protect). */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    /**
     * How many transitions of one instance or group may wait behind a running hook. A flapping
     * peer or a hung hook cannot grow it further; the oldest waiting one is dropped (logged).
     */
    static final int MAX_WAITING = 8;

    /**
     * A hook still running this long after its timeout has ignored SIGTERM and SIGKILL (a process
     * in D state, on hung NFS): the queue stops waiting for it (the runner sends SIGKILL 2 s after
     * the timeout and repeats it; the rest covers reaping on a busy machine).
     */
    static final Duration GIVE_UP_GRACE = Duration.ofSeconds(5);

    /** One script to run for a transition. */
    private record Hook(String hookName, ScriptCommand command, List<String> extraArgs) {
    }

    private final ScriptRunner runner;
    private final ScriptLog log;
    private final Duration timeout;
    private final Timers timers;
    private final Map<String, NotifyTarget> targets = new HashMap<>();
    private final Map<String, NotifyQueue> queues = new HashMap<>();

    /**
     * @param timeout how long one hook may run before its process group is ended
     * @param timers  for giving up on a hook that does not end even then
     */
    public NotifyDispatcher(ScriptRunner runner, ScriptLog log, Duration timeout, Timers timers) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.log = Objects.requireNonNull(log, "log");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.timers = Objects.requireNonNull(timers, "timers");
    }

    public NotifyDispatcher(ScriptRunner runner, ScriptLog log, Duration timeout) {
        this(runner, log, timeout, Timers.system());
    }

    /** With {@link #DEFAULT_TIMEOUT} and slf4j logging. */
    public NotifyDispatcher(ScriptRunner runner) {
        this(runner, ScriptLog.slf4j(NotifyDispatcher.class.getName()), DEFAULT_TIMEOUT);
    }

    /**
     * Sets (or replaces, on reload) an instance's hooks.
     *
     * @param disabled hook name ({@code notify_master}, {@code notify} ...) → why it was dropped
     *                 when the configuration was loaded (script security, not found ...); logged
     *                 each time that hook would have run
     */
    public synchronized void setInstanceScripts(String instance, NotifyScripts scripts, Map<String, String> disabled) {
        targets.put(instanceKey(instance), new NotifyTarget(instanceKey(instance), "(" + instance + ")", "INSTANCE",
                instance, scripts, Map.copyOf(disabled)));
    }

    public void setInstanceScripts(String instance, NotifyScripts scripts) {
        setInstanceScripts(instance, scripts, Map.of());
    }

    /** Sets (or replaces) a sync group's hooks; see {@link #setInstanceScripts(String, NotifyScripts, Map)}. */
    public synchronized void setGroupScripts(String group, NotifyScripts scripts, Map<String, String> disabled) {
        targets.put(groupKey(group), new NotifyTarget(groupKey(group), "VRRP_Group(" + group + ")", "GROUP", group,
                scripts, Map.copyOf(disabled)));
    }

    public void setGroupScripts(String group, NotifyScripts scripts) {
        setGroupScripts(group, scripts, Map.of());
    }

    /** Forgets an instance (removed by reload); hooks already queued still run. */
    public synchronized void removeInstance(String instance) {
        targets.remove(instanceKey(instance));
    }

    public synchronized void removeGroup(String group) {
        targets.remove(groupKey(group));
    }

    /**
     * Queues the hooks of an instance's transition.
     *
     * @param priority what the generic notify gets as PRIO
     * @return completes when this transition's hooks have all ended (never exceptionally)
     */
    public CompletableFuture<Void> notifyInstance(String instance, NotifyState state, int priority) {
        return enqueue(instanceKey(instance), state, priority);
    }

    /** Queues the hooks of a sync group's transition (the generic notify gets PRIO 0). */
    public CompletableFuture<Void> notifyGroup(String group, NotifyState state) {
        return enqueue(groupKey(group), state, 0);
    }

    /**
     * Handles {@link Action.RunNotify} and {@link Action.RunGroupNotify}.
     *
     * @return false for any other action (left to the caller)
     */
    public boolean dispatch(Action action) {
        if (action instanceof Action.RunNotify n) {
            notifyInstance(n.instance(), n.state(), n.priority());
            return true;
        }
        if (action instanceof Action.RunGroupNotify g) {
            notifyGroup(g.group(), g.state());
            return true;
        }
        return false;
    }

    /** Completes when everything queued so far has ended (for shutdown: let the STOP hooks run). */
    public CompletableFuture<Void> idle() {
        List<CompletableFuture<Void>> all = new ArrayList<>();
        synchronized (this) {
            queues.values().forEach(q -> all.addAll(q.pending()));
        }
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new));
    }

    private static String instanceKey(String name) {
        return "INSTANCE " + name;
    }

    private static String groupKey(String name) {
        return "GROUP " + name;
    }

    private CompletableFuture<Void> enqueue(String key, NotifyState state, int priority) {
        Objects.requireNonNull(state, "state");
        NotifyQueue.Transition t;
        Optional<NotifyQueue.Transition> dropped;
        Optional<NotifyQueue.Transition> start;
        int waiting;
        boolean firstDrop;
        synchronized (this) {
            t = new NotifyQueue.Transition(state, priority, targets.get(key), new CompletableFuture<>());
            NotifyQueue q = queues.computeIfAbsent(key, k -> new NotifyQueue(MAX_WAITING));
            dropped = q.offer(t);
            waiting = q.waiting();
            firstDrop = q.droppedSinceIdle() == 1;
            start = q.startIfIdle();
        }
        dropped.ifPresent(d -> {
            if (firstDrop && d.target() != null) { // the rest are counted, and summed up once it drains
                log.log(ScriptLog.Level.WARNING, d.target().logPrefix() + " notify queue full (" + waiting
                        + " transitions waiting) - dropping the hooks of the oldest, " + d.state());
            }
            d.done().complete(null);
        });
        start.ifPresent(s -> run(key, s));
        return t.done();
    }

    /** Runs a transition's hooks, then the next waiting transition of the same queue. */
    private void run(String key, NotifyQueue.Transition t) {
        NotifyTarget target = t.target();
        CompletableFuture<Void> hooksDone;
        if (target == null) {
            log.log(ScriptLog.Level.DEBUG, key + " has no notify scripts registered - nothing to run for " + t.state());
            hooksDone = CompletableFuture.completedFuture(null);
        } else {
            hooksDone = runAll(target, hooks(target, t.state(), t.priority()), 0);
        }
        hooksDone.whenComplete((v, e) -> {
            if (e != null && target != null) {
                log.log(ScriptLog.Level.WARNING, target.logPrefix() + " notify " + t.state() + " failed: " + e);
            }
            t.done().complete(null);
            Optional<NotifyQueue.Transition> next;
            long dropped = 0;
            synchronized (this) {
                NotifyQueue q = queues.get(key);
                next = q.finished();
                if (q.idle()) {
                    dropped = q.takeDropped();
                    queues.remove(key);
                }
            }
            if (dropped > 1 && target != null) {
                log.log(ScriptLog.Level.WARNING, target.logPrefix() + " notify queue: the hooks of " + dropped
                        + " transitions were dropped while it was full");
            }
            next.ifPresent(n -> run(key, n));
        });
    }

    private List<Hook> hooks(NotifyTarget t, NotifyState state, int priority) {
        List<Hook> hooks = new ArrayList<>();
        NotifyScripts s = t.scripts();
        String specific;
        Optional<ScriptCommand> cmd;
        switch (state) {
            case MASTER -> {
                specific = "notify_master";
                cmd = s.master();
            }
            case BACKUP -> {
                specific = "notify_backup";
                cmd = s.backup();
            }
            case FAULT -> {
                specific = "notify_fault";
                cmd = s.fault();
            }
            case STOP -> {
                specific = "notify_stop";
                cmd = s.stop();
            }
            case MASTER_RX_LOWER_PRI -> {
                specific = "notify_master_rx_lower_pri";
                cmd = s.masterRxLowerPriority();
            }
            case DELETED -> {
                specific = "notify_deleted";
                cmd = s.deleted();
            }
            case SPLIT_BRAIN -> {
                // javakeepalived's own event: the generic notify only, there is no notify_split_brain
                specific = null;
                cmd = Optional.empty();
            }
            default -> throw new IllegalArgumentException("state " + state);
        }
        if (specific != null) {
            add(hooks, t, specific, cmd, List.of());
        }
        if (state != NotifyState.MASTER_RX_LOWER_PRI) {
            add(hooks, t, "notify", s.generic(), List.of(t.kind(), t.name(), state.name(), Integer.toString(priority)));
        }
        return hooks;
    }

    private static void add(List<Hook> hooks, NotifyTarget t, String name, Optional<ScriptCommand> cmd, List<String> extra) {
        if (cmd.isPresent()) {
            hooks.add(new Hook(name, cmd.get(), extra));
        } else if (t.disabled().containsKey(name)) {
            hooks.add(new Hook(name, null, extra));
        }
    }

    private CompletableFuture<Void> runAll(NotifyTarget t, List<Hook> hooks, int i) {
        if (i >= hooks.size()) {
            return CompletableFuture.completedFuture(null);
        }
        Hook h = hooks.get(i);
        String label = t.logPrefix() + " " + h.hookName();
        if (h.command() == null) {
            log.log(ScriptLog.Level.WARNING, label + " not run: " + t.disabled().get(h.hookName()));
            return runAll(t, hooks, i + 1);
        }
        ScriptRun run = new ScriptRun(label, h.command(), h.extraArgs(), timeout);
        log.log(ScriptLog.Level.DEBUG, label + " running " + quoted(run.argv()));
        CompletableFuture<ScriptResult> f;
        try {
            f = runner.run(run);
        } catch (RuntimeException e) {
            f = CompletableFuture.completedFuture(new ScriptResult.NotRun(e.toString()));
        }
        return endedOrGivenUp(label, run, f).thenCompose(v -> runAll(t, hooks, i + 1));
    }

    /**
     * Completes when the hook has ended and was reported, or when it has run {@link #GIVE_UP_GRACE}
     * past its timeout (it is then logged as given up on, and reported late if it ever ends).
     */
    private CompletableFuture<Void> endedOrGivenUp(String label, ScriptRun run, CompletableFuture<ScriptResult> f) {
        CompletableFuture<Void> settled = new CompletableFuture<>();
        Duration giveUpAfter = timeout.plus(GIVE_UP_GRACE);
        Timers.Cancellable giveUp = timers.after(giveUpAfter, () -> {
            if (settled.complete(null)) {
                log.log(ScriptLog.Level.WARNING, label + " " + quoted(run.argv()) + " is still running "
                        + Durations.text(giveUpAfter) + " after it was started (" + Durations.text(timeout)
                        + " timeout, then SIGTERM and SIGKILL to its process group: stuck in the kernel?)"
                        + " - giving up on it and running the next hook");
            }
        });
        f.exceptionally(e -> new ScriptResult.NotRun(e.toString())).thenAccept(r -> {
            giveUp.cancel();
            report(label, run, r);
            settled.complete(null);
        });
        return settled;
    }

    private void report(String label, ScriptRun run, ScriptResult r) {
        String what = label + " " + quoted(run.argv());
        if (r instanceof ScriptResult.NotRun n) {
            log.log(ScriptLog.Level.WARNING, label + " not run: " + n.reason());
        } else if (r instanceof ScriptResult.Exited e) {
            log.log(e.status() == 0 ? ScriptLog.Level.INFO : ScriptLog.Level.WARNING,
                    what + " " + e.describe() + " after " + Durations.text(e.elapsed()));
        } else if (r instanceof ScriptResult.Signaled s) {
            log.log(ScriptLog.Level.WARNING, what + " " + s.describe() + " after " + Durations.text(s.elapsed()));
        } else {
            log.log(ScriptLog.Level.WARNING, what + " " + r.describe());
        }
        if (!r.output().isEmpty()) {
            log.log(r.succeeded() ? ScriptLog.Level.DEBUG : ScriptLog.Level.WARNING,
                    label + " output: " + r.output().replace("\n", " | "));
        }
    }

    /** argv as a shell would need it typed, for log lines: {@code /x.sh arg1 'two words'}. */
    static String quoted(List<String> argv) {
        StringBuilder sb = new StringBuilder();
        for (String a : argv) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            if (!a.isEmpty() && a.chars().allMatch(c -> Character.isLetterOrDigit(c) || "/._-=:,+@%".indexOf(c) >= 0)) {
                sb.append(a);
            } else {
                sb.append('\'').append(a.replace("'", "'\\''")).append('\'');
            }
        }
        return sb.toString();
    }
}
