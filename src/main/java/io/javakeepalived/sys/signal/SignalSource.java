package io.javakeepalived.sys.signal;

import java.util.List;
import java.util.function.Consumer;

/**
 * Where the daemon's signal requests come from. The production source is
 * {@code io.javakeepalived.sys.JvmSignalSource}; tests drive the daemon with a manual one.
 *
 * <p>Contract for every implementation:
 * <ul>
 * <li>{@link #start} is called once, when the daemon's loop queue exists. Requests received
 *     before it are held, each kind once, in arrival order, and handed to the sink first: a
 *     DATA or JSON asked for during start-up is answered when the loop runs. A STOP before
 *     {@code start} is not held: the source ends the process as the JVM would have (exit
 *     128+signal, shutdown hooks run), since there is nothing to release yet.</li>
 * <li>The sink is called on an arbitrary thread, possibly several at once, and must do nothing
 *     but enqueue without blocking (e.g. {@code queue::offer} plus a wake-up of the loop).</li>
 * <li>Standard signals that arrive together may be merged into one request (the kernel merges
 *     them); real-time ones (JSON, STATS_CLEAR) arrive once per signal sent.</li>
 * </ul>
 */
public interface SignalSource {

    /** Delivers held requests, then every later request, to {@code sink}. Call once. */
    void start(Consumer<? super SignalRequest> sink);

    /**
     * How each keepalived signal is handled in this process, in {@link KeepalivedSignal} order,
     * for the start-up log; entries with a warning deserve a warning line.
     */
    List<SignalCoverage> coverage();
}
