package io.javakeepalived.track;

import io.javakeepalived.script.ScriptLog;
import io.javakeepalived.vrrp.Event;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * One {@code track_file}: the integer in the file, turned into weights and faults for the
 * instances that track it ({@link TrackFileValue} has keepalived's arithmetic).
 *
 * <p>keepalived watches the file's directory with inotify and reads the file when a writer closes
 * it. Here the file is polled, every {@link #DEFAULT_INTERVAL} by default: one stat(2) per look,
 * and the file is read only when its identity, size or modification time changed (or changed so
 * recently that a second write in the same timestamp tick could hide behind it). inotify would
 * need native calls outside the net/sys packages for a saving of a few microseconds a second; the
 * price of polling is up to one interval of latency.
 *
 * <p>Missing, unreadable or non-regular (a FIFO, a directory) files count as 0, as in keepalived
 * (a deleted file is 0 there too). An empty file that was modified in the last
 * {@link #SETTLE_MILLIS} ms is taken as a writer between truncating and writing ({@code echo 5 > f})
 * and looked at again next time, so it does not flap through 0. A number keepalived refuses is
 * logged ({@code Invalid number N read from PATH - ignoring}) and the previous value stays.
 *
 * <p>Events go out under the tracker name {@code file NAME}: {@link Event.WeightChanged} when an
 * instance's contribution changes, {@link Event.FaultRaised}/{@link Event.FaultCleared} when its
 * status enters or leaves -254 (the contribution is withdrawn while in FAULT, as keepalived
 * subtracts it). Used on the checker loop thread only.
 */
public final class FileTracker implements PolledTracker {

    /** How often the file is looked at unless told otherwise. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofMillis(500);

    /** How long an empty file is given to receive what its writer is writing. */
    static final long SETTLE_MILLIS = 200;

    private record Stamp(Object key, long mtimeMillis, long size) {
    }

    private final String name;
    private final Path path;
    private final List<TrackScriptState.Tracking> tracking;
    private final Duration interval;
    private final ScriptLog log;
    private final LongSupplier wallMillis;
    private final int[] status;
    private long value;
    private Stamp stamp;
    private long stampReadAtMillis;
    private boolean started;
    private boolean restate;

    public FileTracker(String name, Path path, List<TrackScriptState.Tracking> tracking, Duration interval,
                       ScriptLog log) {
        this(name, path, tracking, interval, log, System::currentTimeMillis);
    }

    FileTracker(String name, Path path, List<TrackScriptState.Tracking> tracking, Duration interval, ScriptLog log,
                LongSupplier wallMillis) {
        this.name = Objects.requireNonNull(name, "name");
        this.path = Objects.requireNonNull(path, "path");
        this.tracking = List.copyOf(tracking);
        this.interval = Objects.requireNonNull(interval, "interval");
        this.log = Objects.requireNonNull(log, "log");
        this.wallMillis = wallMillis;
        this.status = new int[this.tracking.size()];
    }

    /**
     * Makes {@link #initialEvents()} state every tracking instance's weight and fault, zero and
     * clear ones included: after a reload the instances may carry what an earlier tracker said.
     */
    public FileTracker restating() {
        restate = true;
        return this;
    }

    /** The tracker name in events: {@code file NAME}. */
    public static String trackerName(String file) {
        return "file " + file;
    }

    @Override
    public String name() {
        return trackerName(name);
    }

    public Path path() {
        return path;
    }

    public List<TrackScriptState.Tracking> tracking() {
        return tracking;
    }

    /** The value last read (0 before the first look). */
    public long value() {
        return value;
    }

    @Override
    public Duration interval() {
        return interval;
    }

    /**
     * Reads the file and states where each instance starts: FAULT for those it fails, the
     * contribution for the others (keepalived's {@code initialise_vrrp_file_tracking_priorities()}).
     */
    @Override
    public List<TrackScriptState.Delivery> initialEvents() {
        started = true;
        Long v = read();
        value = v == null ? 0 : v;
        String tracker = name();
        List<TrackScriptState.Delivery> out = new ArrayList<>();
        for (int i = 0; i < tracking.size(); i++) {
            TrackScriptState.Tracking t = tracking.get(i);
            status[i] = TrackFileValue.status(value, t.weight(), t.reverse());
            if (status[i] == TrackFileValue.FAULT) {
                long shown = t.weight() == 0 ? TrackFileValue.FAULT : value * t.weight() * (t.reverse() ? -1 : 1);
                log.log(ScriptLog.Level.INFO, "(" + t.instance() + "): entering FAULT state (tracked file " + name
                        + " has status " + shown + ")");
                if (restate && t.weight() != 0) {
                    out.add(new TrackScriptState.Delivery(t.instance(), new Event.WeightChanged(tracker, 0)));
                }
                out.add(new TrackScriptState.Delivery(t.instance(), new Event.FaultRaised(tracker)));
            } else {
                if (status[i] != 0 || restate && t.weight() != 0) {
                    out.add(new TrackScriptState.Delivery(t.instance(), new Event.WeightChanged(tracker, status[i])));
                }
                if (restate) {
                    out.add(new TrackScriptState.Delivery(t.instance(), new Event.FaultCleared(tracker)));
                }
            }
        }
        return out;
    }

    @Override
    public List<TrackScriptState.Delivery> poll(long nowNanos) {
        if (!started) {
            throw new IllegalStateException("initialEvents() first");
        }
        Long v = read();
        if (v == null || v == value) {
            return List.of();
        }
        log.log(ScriptLog.Level.INFO, "Track file " + name + " (" + path + ") now " + v + " (was " + value + ")");
        value = v;
        String tracker = name();
        List<TrackScriptState.Delivery> out = new ArrayList<>();
        for (int i = 0; i < tracking.size(); i++) {
            TrackScriptState.Tracking t = tracking.get(i);
            int previous = status[i];
            int now = TrackFileValue.status(v, t.weight(), t.reverse());
            if (now == previous) {
                continue;
            }
            status[i] = now;
            String vi = t.instance();
            if (now == TrackFileValue.FAULT) {
                log.log(ScriptLog.Level.DEBUG, "(" + vi + "): tracked file " + name + " now FAULT state");
                if (previous != 0) {
                    out.add(new TrackScriptState.Delivery(vi, new Event.WeightChanged(tracker, 0)));
                }
                out.add(new TrackScriptState.Delivery(vi, new Event.FaultRaised(tracker)));
            } else if (previous == TrackFileValue.FAULT) {
                log.log(ScriptLog.Level.DEBUG, "(" + vi + "): tracked file " + name + " leaving FAULT state");
                if (now != 0) {
                    out.add(new TrackScriptState.Delivery(vi, new Event.WeightChanged(tracker, now)));
                }
                out.add(new TrackScriptState.Delivery(vi, new Event.FaultCleared(tracker)));
            } else {
                out.add(new TrackScriptState.Delivery(vi, new Event.WeightChanged(tracker, now)));
            }
        }
        return out;
    }

    /** The file's value now; null to keep the previous one (refused number, or a write in progress). */
    private Long read() {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            stamp = null;
            return 0L;
        } catch (IOException e) {
            stamp = null;
            return 0L;
        }
        if (!a.isRegularFile()) {
            stamp = null;
            return 0L;
        }
        long now = wallMillis.getAsLong();
        Stamp s = new Stamp(a.fileKey(), a.lastModifiedTime().toMillis(), a.size());
        if (s.equals(stamp) && stampReadAtMillis - s.mtimeMillis() > SETTLE_MILLIS) {
            return value;
        }
        if (a.size() == 0 && now - s.mtimeMillis() < SETTLE_MILLIS && now >= s.mtimeMillis()) {
            return null; // truncated, its content not written yet: look again next time
        }
        byte[] buf;
        try (InputStream in = Files.newInputStream(path)) {
            buf = in.readNBytes(TrackFileValue.READ_LIMIT);
        } catch (IOException e) {
            stamp = null;
            return 0L;
        }
        stamp = s;
        stampReadAtMillis = now;
        TrackFileValue.Parsed p = TrackFileValue.parse(buf, buf.length);
        if (p instanceof TrackFileValue.Parsed.Invalid inv) {
            log.log(ScriptLog.Level.INFO, "Invalid number " + inv.shown() + " read from " + path + " - ignoring");
            return null;
        }
        return ((TrackFileValue.Parsed.Value) p).value();
    }
}
