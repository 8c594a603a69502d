package io.javakeepalived.notify.fifo;

import io.javakeepalived.config.model.ScriptCommand;
import io.javakeepalived.script.ScriptLog;
import io.javakeepalived.script.ScriptRun;
import io.javakeepalived.script.ScriptRunner;
import io.javakeepalived.sys.FifoSystem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * One notify FIFO, opened as keepalived 2.2.7's {@code fifo_open()} does: created with mkfifo
 * (mode 0644 under keepalived's umask 0177: 0600) if nothing is at the path, given to the FIFO's user and group if we
 * created it, then the {@code notify_fifo_script} started with the FIFO's path as its last argument,
 * then the FIFO opened read-write and non-blocking.
 *
 * <p>Holding the read side too means the open never waits for a reader and a write never fails
 * for want of one: lines wait in the pipe (64 KiB, some 2000 lines) until a reader comes, so a
 * reader started after the daemon, or restarted, still gets the transitions it missed. When the
 * pipe is full the line is dropped, never waited for: {@link #dropped()} counts them and the log
 * says so at most once a minute ({@code vrrp notify fifo PATH is full (no reader?) - N line(s)
 * dropped}). Differences from keepalived, which opens once and then writes blindly: before each
 * write the path is checked, and if the FIFO was removed or replaced (a reader that recreates it)
 * it is opened again (created again if missing), so the reader that came back gets the lines; and
 * something at the path that is not a FIFO is refused rather than written into, as is a FIFO that
 * belongs to someone other than us or the FIFO's user or is writable by others (checked with
 * fstat on the opened descriptor): keepalived uses whatever it finds, so a local user could read
 * the state lines or feed forged ones to the root FIFO script.
 *
 * <p>{@link #close()} removes the FIFO if we created it (first, so that a reader that loops
 * reopening it cannot reopen this one), then closes it: the script then reads end of file.
 * Thread-safe; writes are short and never block.
 */
final class NotifyFifo implements AutoCloseable {

    /** keepalived's default umask (lib/utils.c umask_val), under which its FIFOs are made. */
    static final int KEEPALIVED_UMASK = 0177;

    /**
     * keepalived's mkfifo mode S_IRUSR | S_IWUSR | S_IRGRP | S_IROTH under its umask: 0600. Only
     * the owner (root, or the FIFO's user) may read the state lines or write lines of their own.
     */
    static final int MODE = 0644 & ~KEEPALIVED_UMASK;

    /** The script runs as long as the daemon does; the runner needs some timeout. */
    static final Duration SCRIPT_TIMEOUT = Duration.ofDays(3650);

    static final long DROP_LOG_INTERVAL_NANOS = 60_000_000_000L;

    private final String type;
    private final Path path;
    private final Optional<ScriptCommand> script;
    private final int uid;
    private final int gid;
    private final int ourUid;
    private final int ourGid;
    private final FifoSystem sys;
    private final ScriptRunner runner;
    private final ScriptLog log;
    private final LongSupplier nanoTime;

    private FifoSystem.Channel channel;
    private Object identity;
    private boolean created;
    private boolean disabled;
    private long dropped;
    private long droppedUnlogged;
    private long lastDropLog;
    private boolean droppedEver;
    private long written;

    /**
     * @param type   keepalived's prefix for log lines: {@code ""} for notify_fifo, {@code "vrrp_"}
     * @param uid    the owner to give a FIFO we create (-1: ours)
     * @param gid    its group (-1: ours)
     */
    NotifyFifo(String type, Path path, Optional<ScriptCommand> script, int uid, int gid, int ourUid, int ourGid,
               FifoSystem sys, ScriptRunner runner, ScriptLog log, LongSupplier nanoTime) {
        this.type = Objects.requireNonNull(type, "type");
        this.path = Objects.requireNonNull(path, "path");
        this.script = Objects.requireNonNull(script, "script");
        this.uid = uid;
        this.gid = gid;
        this.ourUid = ourUid;
        this.ourGid = ourGid;
        this.sys = Objects.requireNonNull(sys, "sys");
        this.runner = Objects.requireNonNull(runner, "runner");
        this.log = Objects.requireNonNull(log, "log");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    }

    Path path() {
        return path;
    }

    /** Creates, starts the script, opens. After a failure the FIFO is off (keepalived forgets it). */
    synchronized void open() {
        if (!create()) {
            disabled = true;
            return;
        }
        script.ifPresent(this::startScript);
        if (!openChannel()) {
            if (created) {
                unlink();
            }
            disabled = true;
        }
    }

    /** Writes one line; drops it if the FIFO is full. */
    synchronized void write(String line) {
        if (disabled) {
            return;
        }
        if (!current() && !reopen()) {
            drop();
            return;
        }
        byte[] bytes = line.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try {
            int n = channel.write(bytes);
            if (n < 0) {
                drop();
            } else {
                written++;
            }
        } catch (IOException e) {
            log.log(ScriptLog.Level.WARNING, "Write to " + type + "notify fifo " + path + " failed: " + e.getMessage());
            channel.close();
            channel = null;
            drop();
        }
    }

    /** Lines dropped because the FIFO was full (or could not be reopened). */
    synchronized long dropped() {
        return dropped;
    }

    /** Lines written. */
    synchronized long written() {
        return written;
    }

    /** Whether the FIFO is in use (false after a failure to create or open it). */
    synchronized boolean active() {
        return !disabled && channel != null;
    }

    @Override
    public synchronized void close() {
        if (created) {
            unlink();
            created = false;
        }
        if (channel != null) {
            channel.close();
            channel = null;
        }
        disabled = true;
    }

    private boolean create() {
        try {
            if (sys.mkfifo(path.toString(), MODE)) {
                created = true;
                if (uid != -1 && uid != ourUid || gid != -1 && gid != ourGid) {
                    try {
                        sys.chown(path.toString(), uid != ourUid ? uid : -1, gid != ourGid ? gid : -1);
                    } catch (IOException e) {
                        log.log(ScriptLog.Level.WARNING, "Failed to set uid:gid for fifo " + path + ": "
                                + e.getMessage());
                    }
                }
            } else {
                created = false;
            }
            return true;
        } catch (IOException e) {
            log.log(ScriptLog.Level.WARNING, "Unable to create " + type + "notify fifo " + path + ": " + e.getMessage());
            return false;
        }
    }

    private boolean openChannel() {
        try {
            if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)
                    && !Files.readAttributes(path, java.nio.file.attribute.BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS).isOther()) {
                log.log(ScriptLog.Level.WARNING, "Unable to open " + type + "notify fifo " + path
                        + " - it is not a FIFO");
                return false;
            }
            channel = sys.open(path.toString());
            Optional<String> unsafe = unsafe(channel.stat());
            if (unsafe.isPresent()) {
                log.log(ScriptLog.Level.WARNING, "Unable to open " + type + "notify fifo " + path + " - "
                        + unsafe.get() + ": refusing it, others could read the state lines or feed the fifo"
                        + " script forged ones");
                channel.close();
                channel = null;
                return false;
            }
            identity = identity();
            return true;
        } catch (IOException e) {
            log.log(ScriptLog.Level.WARNING, "Unable to open " + type + "notify fifo " + path + " - " + e.getMessage());
            return false;
        }
    }

    /**
     * Why an opened FIFO must not be used: not a FIFO, not ours (root's) nor its configured user's,
     * or writable by others. Checked on the open descriptor, so a swap of the path after the
     * open cannot slip through.
     */
    private Optional<String> unsafe(FifoSystem.Stat st) {
        if (!st.fifo()) {
            return Optional.of("it is not a FIFO");
        }
        if (st.uid() != ourUid && (uid == -1 || st.uid() != uid)) {
            return Optional.of("it is owned by uid " + st.uid() + ", not by uid " + ourUid
                    + (uid != -1 && uid != ourUid ? " or the fifo's user " + uid : ""));
        }
        if ((st.mode() & 0002) != 0) {
            return Optional.of("it is writable by others (mode " + String.format("%04o", st.mode()) + ")");
        }
        return Optional.empty();
    }

    /** Whether the open channel is still the FIFO at the path. */
    private boolean current() {
        if (channel == null) {
            return false;
        }
        try {
            return Objects.equals(identity(), identity);
        } catch (IOException e) {
            return false;
        }
    }

    private boolean reopen() {
        if (channel != null) {
            channel.close();
            channel = null;
        }
        if (!create()) {
            return false;
        }
        if (!openChannel()) {
            return false;
        }
        log.log(ScriptLog.Level.INFO, "Reopened " + type + "notify fifo " + path + (created ? " (created again)" : ""));
        return true;
    }

    private Object identity() throws IOException {
        try {
            Map<String, Object> a = Files.readAttributes(path, "unix:dev,ino", LinkOption.NOFOLLOW_LINKS);
            return List.of(a.get("dev"), a.get("ino"));
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private void startScript(ScriptCommand command) {
        runner.run(new ScriptRun(type + "notify_fifo_script", command, List.of(path.toString()), SCRIPT_TIMEOUT))
                .whenComplete((r, x) -> log.log(ScriptLog.Level.INFO, "vrrp notify fifo script terminated"
                        + (r != null ? " (" + r.describe() + ")" : "")));
    }

    private void unlink() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            log.log(ScriptLog.Level.WARNING, "Unable to remove " + type + "notify fifo " + path + ": " + e.getMessage());
        }
    }

    private void drop() {
        dropped++;
        droppedUnlogged++;
        long now = nanoTime.getAsLong();
        if (!droppedEver || now - lastDropLog >= DROP_LOG_INTERVAL_NANOS) {
            log.log(ScriptLog.Level.WARNING, type + "notify fifo " + path + " is full (no reader?) - "
                    + droppedUnlogged + " line(s) dropped, " + dropped + " in all");
            droppedEver = true;
            lastDropLog = now;
            droppedUnlogged = 0;
        }
    }
}
