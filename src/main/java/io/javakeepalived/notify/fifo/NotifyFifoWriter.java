package io.javakeepalived.notify.fifo;

import io.javakeepalived.config.host.UserDirectory;
import io.javakeepalived.config.model.GlobalDefs;
import io.javakeepalived.script.ScriptLog;
import io.javakeepalived.script.ScriptRunner;
import io.javakeepalived.sys.FifoSystem;
import io.javakeepalived.vrrp.NotifyState;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Writes keepalived's notify FIFO lines ({@code notify_fifo} / {@code vrrp_notify_fifo} /
 * {@code lvs_notify_fifo}): a VRRP line goes to notify_fifo and vrrp_notify_fifo, as keepalived's
 * VRRP process writes it to both; an LVS line (a virtual or real server up or down) to
 * notify_fifo and lvs_notify_fifo, as its checker process does. The line format is {@link FifoLine}'s; each FIFO is a {@link NotifyFifo}. Writes never
 * block (a full FIFO drops the line and says so); they may be called from any thread.
 *
 * <p>The FIFO's owner when we create it: its configured user (and group, else the user's primary
 * group), else the default script user ({@code script_user}, else {@code keepalived_script} if it
 * exists), else ours — as keepalived resolves it. If the same path is given for notify_fifo and
 * vrrp_notify_fifo (or lvs_notify_fifo), the latter is ignored with keepalived's log line.
 */
public class NotifyFifoWriter implements AutoCloseable {

    /** What the writer needs from its surroundings. */
    public record Context(FifoSystem system, ScriptRunner runner, ScriptLog log, UserDirectory users,
                          Optional<GlobalDefs.ScriptUser> scriptUser, LongSupplier nanoTime) {
        public Context {
            Objects.requireNonNull(system, "system");
            Objects.requireNonNull(runner, "runner");
            Objects.requireNonNull(log, "log");
            Objects.requireNonNull(users, "users");
            Objects.requireNonNull(scriptUser, "scriptUser");
            Objects.requireNonNull(nanoTime, "nanoTime");
        }
    }

    /** Every FIFO, once. */
    private final List<NotifyFifo> fifos;
    /** Where VRRP lines go: notify_fifo, vrrp_notify_fifo. */
    private final List<NotifyFifo> vrrpFifos;
    /** Where LVS lines go: notify_fifo, lvs_notify_fifo. */
    private final List<NotifyFifo> lvsFifos;

    private NotifyFifoWriter(List<NotifyFifo> vrrpFifos, List<NotifyFifo> lvsFifos) {
        this.vrrpFifos = List.copyOf(vrrpFifos);
        this.lvsFifos = List.copyOf(lvsFifos);
        List<NotifyFifo> all = new ArrayList<>(vrrpFifos);
        lvsFifos.stream().filter(f -> !all.contains(f)).forEach(all::add);
        this.fifos = List.copyOf(all);
    }

    /** A writer with no FIFO; for test doubles that override what they record. */
    protected NotifyFifoWriter() {
        this(List.of(), List.of());
    }

    /**
     * The writer for {@code notify_fifo} / {@code vrrp_notify_fifo} / {@code lvs_notify_fifo}, in
     * the given surroundings; opens the FIFOs now. One that writes nothing if none is set.
     */
    public static NotifyFifoWriter fromConfig(GlobalDefs.Fifos fifos, Context ctx) {
        List<NotifyFifo> vrrp = new ArrayList<>();
        List<NotifyFifo> lvs = new ArrayList<>();
        fifos.all().ifPresent(f -> {
            NotifyFifo all = fifo("", f, ctx);
            vrrp.add(all);
            lvs.add(all);
        });
        own(fifos, fifos.vrrp(), "vrrp", ctx).ifPresent(vrrp::add);
        own(fifos, fifos.lvs(), "LVS", ctx).ifPresent(lvs::add);
        NotifyFifoWriter w = new NotifyFifoWriter(vrrp, lvs);
        for (NotifyFifo f : w.fifos) {
            f.open();
        }
        return w;
    }

    /** vrrp_notify_fifo or lvs_notify_fifo, unless it is notify_fifo's path (keepalived's line then). */
    private static Optional<NotifyFifo> own(GlobalDefs.Fifos fifos, Optional<GlobalDefs.NotifyFifo> own, String what,
                                            Context ctx) {
        if (own.isEmpty()) {
            return Optional.empty();
        }
        GlobalDefs.NotifyFifo f = own.get();
        if (fifos.all().isPresent() && fifos.all().get().path().equals(f.path())) {
            ctx.log().log(ScriptLog.Level.INFO, "notify FIFO " + f.path() + " has been specified for global and " + what
                    + " FIFO - ignoring " + what + " FIFO");
            return Optional.empty();
        }
        return Optional.of(fifo(what.equals("LVS") ? "lvs_" : "vrrp_", f, ctx));
    }

    private static NotifyFifo fifo(String type, GlobalDefs.NotifyFifo f, Context ctx) {
        UserDirectory users = ctx.users();
        int uid = -1;
        int gid = -1;
        Optional<UserDirectory.User> owner = f.user().isPresent() ? users.user(f.user().get())
                : ctx.scriptUser().isPresent() ? users.user(ctx.scriptUser().get().user())
                : users.user("keepalived_script");
        Optional<String> group = f.user().isPresent() ? f.group()
                : ctx.scriptUser().flatMap(GlobalDefs.ScriptUser::group);
        if (owner.isPresent()) {
            uid = owner.get().uid();
            gid = owner.get().gid();
        }
        if (group.isPresent()) {
            gid = users.group(group.get()).orElse(gid);
        }
        return new NotifyFifo(type, Path.of(f.path()), f.script(), uid, gid, users.processUid(), users.processGid(),
                ctx.system(), ctx.runner(), ctx.log(), ctx.nanoTime());
    }

    /** {@code INSTANCE "name" STATE priority}. Never blocks. */
    public void instance(String name, NotifyState state, int priority) {
        write(FifoLine.instance(name, FifoLine.word(state), priority));
    }

    /** {@code GROUP "name" STATE 0}. Never blocks. */
    public void group(String name, NotifyState state) {
        write(FifoLine.group(name, FifoLine.word(state)));
    }

    /**
     * {@code INSTANCE "name" MASTER_PRIORITY priority} (or {@code BACKUP_PRIORITY}): the effective
     * priority changed, written with {@code notify_priority_changes}.
     */
    public void instancePriority(String name, boolean master, int priority) {
        write(FifoLine.instance(name, master ? "MASTER_PRIORITY" : "BACKUP_PRIORITY", priority));
    }

    /** {@code INSTANCE "name" DELETED priority}: the instance went away on a reload ({@code notify_deleted}). */
    public void instanceDeleted(String name, int priority) {
        write(FifoLine.instance(name, "DELETED", priority));
    }

    /** An LVS line ({@link FifoLine#virtualServer} / {@link FifoLine#realServer}). Never blocks. */
    public void lvs(String line) {
        for (NotifyFifo f : lvsFifos) {
            f.write(line);
        }
    }

    /** Whether any FIFO is configured. */
    public boolean enabled() {
        return !fifos.isEmpty();
    }

    /** Lines dropped in all (a full FIFO). */
    public long dropped() {
        long n = 0;
        for (NotifyFifo f : fifos) {
            n += f.dropped();
        }
        return n;
    }

    private void write(String line) {
        for (NotifyFifo f : vrrpFifos) {
            f.write(line);
        }
    }

    @Override
    public void close() {
        for (NotifyFifo f : fifos) {
            f.close();
        }
    }
}
