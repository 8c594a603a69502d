package io.javakeepalived.daemon;

import io.javakeepalived.config.model.KeepalivedConfig;
import io.javakeepalived.config.model.SyncGroup;
import io.javakeepalived.config.model.VrrpInstance;
import io.javakeepalived.notify.NotifyDispatcher;
import io.javakeepalived.notify.fifo.NotifyFifoWriter;
import io.javakeepalived.vrrp.Action;
import io.javakeepalived.vrrp.NotifyState;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The VRRP loop's {@link NotifySink}: every {@link Action.RunNotify} and
 * {@link Action.RunGroupNotify} goes to the notify FIFO (a line, never blocking) and to the
 * {@link NotifyDispatcher}, which queues the hooks and runs them as child processes on its own
 * threads; the loop thread never waits for a script.
 *
 * <p>At stop the loop reports STOP for every instance (notify_stop and the generic notify); then
 * {@link #drain(Duration)} waits for every queued hook, each bounded by its own timeout, so the
 * daemon exits only once they have ended or been killed.
 */
public final class NotifyHooks implements NotifySink, AutoCloseable {

    private final NotifyDispatcher dispatcher;
    private final NotifyFifoWriter fifo;

    public NotifyHooks(NotifyDispatcher dispatcher, NotifyFifoWriter fifo) {
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
        this.fifo = Objects.requireNonNull(fifo, "fifo");
    }

    /** Registers the hooks of every instance and sync group of {@code config}. */
    public NotifyHooks register(KeepalivedConfig config) {
        for (VrrpInstance v : config.instances()) {
            dispatcher.setInstanceScripts(v.name(), v.notifyScripts());
        }
        for (SyncGroup g : config.syncGroups()) {
            dispatcher.setGroupScripts(g.name(), g.notifyScripts());
        }
        return this;
    }

    /**
     * A reload: the hooks of {@code next} replace those of {@code previous} (changed, added), and
     * instances and sync groups gone are forgotten. Hooks already queued run as they were queued,
     * in order, with the scripts of when they were queued.
     */
    public NotifyHooks reload(KeepalivedConfig previous, KeepalivedConfig next) {
        register(next);
        Set<String> instances = new HashSet<>();
        next.instances().forEach(v -> instances.add(v.name()));
        Set<String> groups = new HashSet<>();
        next.syncGroups().forEach(g -> groups.add(g.name()));
        for (VrrpInstance v : previous.instances()) {
            if (!instances.contains(v.name())) {
                dispatcher.removeInstance(v.name());
            }
        }
        for (SyncGroup g : previous.syncGroups()) {
            if (!groups.contains(g.name())) {
                dispatcher.removeGroup(g.name());
            }
        }
        return this;
    }

    /**
     * {@code fifo_write_vrrp_states_on_reload}: after a reload, each kept instance's state line
     * ({@code INSTANCE "name" STATE priority}) goes to the FIFO again, so that its reader can
     * resynchronise; no script runs. keepalived writes it for the instances that do not notify at
     * reload; here every kept instance that has a state gets one, masters included (keepalived
     * skips a master it keeps, which looks accidental). Added instances notify as they start.
     */
    public void restate(Map<String, Standing> kept) {
        kept.forEach((name, s) -> {
            switch (s.state()) {
                case MASTER -> fifo.instance(name, NotifyState.MASTER, s.effectivePriority());
                case BACKUP -> fifo.instance(name, NotifyState.BACKUP, s.effectivePriority());
                case FAULT -> fifo.instance(name, NotifyState.FAULT, s.effectivePriority());
                case INIT -> { }
            }
        });
    }

    /** On the loop thread; returns at once. */
    @Override
    public void dispatch(Action notify) {
        if (notify instanceof Action.RunNotify n && n.state().isPriorityChange()) {
            // keepalived writes the FIFO line only: no notify script runs for a priority change
            fifo.instancePriority(n.instance(), n.state() == NotifyState.MASTER_PRIORITY, n.priority());
            return;
        }
        if (notify instanceof Action.RunNotify n) {
            fifo.instance(n.instance(), n.state(), n.priority());
        } else if (notify instanceof Action.RunGroupNotify g) {
            fifo.group(g.group(), g.state());
        }
        dispatcher.dispatch(notify);
    }

    /**
     * Waits until every hook queued so far has ended (the STOP hooks at shutdown), at most
     * {@code limit}.
     *
     * @return true if they all ended in time
     */
    public boolean drain(Duration limit) {
        try {
            dispatcher.idle().get(limit.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            return true; // idle() never fails; nothing left to wait for
        }
    }

    @Override
    public void close() {
        fifo.close();
    }
}
