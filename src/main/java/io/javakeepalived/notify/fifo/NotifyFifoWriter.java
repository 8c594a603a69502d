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
 * Writes keepalived's notify FIFO lines ({@code notify_fifo} / {@code vrrp_notify_fifo}): each
 * line goes to both FIFOs when both are configured, as keepalived's VRRP process writes it to
 * both. The line format is {@link FifoLine}'s; each FIFO is a {@link NotifyFifo}. Writes never
 * block (a full FIFO drops the line and says so); they may be called from any thread.
 *
 * <p>The FIFO's owner when we create it: its configured user (and group, else the user's primary
 * group), else the default script user ({@code script_user}, else {@code keepalived_script} if it
 * exists), else ours — as keepalived resolves it. If the same path is given for notify_fifo and
 * vrrp_notify_fifo, the vrrp one is ignored with keepalived's log line.
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

    private final List<NotifyFifo> fifos;

    private NotifyFifoWriter(List<NotifyFifo> fifos) {
        this.fifos = List.copyOf(fifos);
    }

    /** A writer with no FIFO; for test doubles that override what they record. */
    protected NotifyFifoWriter() {
        this(List.of());
    }

    /**
     * The writer for {@code notify_fifo} / {@code vrrp_notify_fifo}, in the given surroundings;
     * opens the FIFOs now. One that writes nothing if neither is set.
     */
    public static NotifyFifoWriter fromConfig(GlobalDefs.Fifos fifos, Context ctx) {
        List<NotifyFifo> out = new ArrayList<>();
        fifos.all().ifPresent(f -> out.add(fifo("", f, ctx)));
        fifos.vrrp().ifPresent(f -> {
            if (fifos.all().isPresent() && fifos.all().get().path().equals(f.path())) {
                ctx.log().log(ScriptLog.Level.INFO, "notify FIFO " + f.path()
                        + " has been specified for global and vrrp FIFO - ignoring vrrp FIFO");
            } else {
                out.add(fifo("vrrp_", f, ctx));
            }
        });
        for (NotifyFifo f : out) {
            f.open();
        }
        return new NotifyFifoWriter(out);
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
        for (NotifyFifo f : fifos) {
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
