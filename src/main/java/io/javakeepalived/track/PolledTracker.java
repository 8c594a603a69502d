package io.javakeepalived.track;

import java.time.Duration;
import java.util.List;

/**
 * A tracker the checker loop looks at on a fixed grid ({@code track_file}, {@code track_process}):
 * it reads what it tracks and says which instances' weight or fault changed since the last look.
 * Called on the checker loop thread only; must not block for long (a file read, a /proc scan).
 */
public interface PolledTracker {

    /** The tracker's name for logs ({@code file NAME}, {@code process NAME}). */
    String name();

    /** How often to look. */
    Duration interval();

    /** Events (initial weights, faults) to deliver before the first look. */
    List<TrackScriptState.Delivery> initialEvents();

    /**
     * Looks once.
     *
     * @param nowNanos the checker loop's monotonic clock
     * @return the events to post to the VRRP loop: only changes since the last look
     */
    List<TrackScriptState.Delivery> poll(long nowNanos);
}
