package io.javakeepalived.sys.signal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The hand-over between signal handlers (any thread, any time from the first line of main) and
 * the daemon's loop (which exists later). Implements the {@link SignalSource} contract on
 * holding and early STOP, so every source behaves the same.
 *
 * <p>Before {@link #start}: each request kind is held once, in order of first arrival (at most
 * six entries, so a storm of signals during start-up costs no memory: two JSON asks before the
 * loop runs are answered by one dump, as keepalived would); STOP is handed to
 * {@code stopBeforeStart} instead. After: every request goes straight to the sink.
 */
public final class RequestRelay {

    private final Consumer<? super KeepalivedSignal> stopBeforeStart;
    private final Set<SignalRequest> held = new LinkedHashSet<>();
    private Consumer<? super SignalRequest> sink;

    /**
     * @param stopBeforeStart what to do with TERM/INT before the loop exists; production ends the
     *                        process with exit status 128 + signal number
     */
    public RequestRelay(Consumer<? super KeepalivedSignal> stopBeforeStart) {
        this.stopBeforeStart = Objects.requireNonNull(stopBeforeStart, "stopBeforeStart");
    }

    /** Called by a signal handler: passes the request on, holds it, or ends start-up on STOP. */
    public void offer(KeepalivedSignal signal) {
        SignalRequest request = signal.request();
        synchronized (this) {
            if (sink != null) {
                sink.accept(request);
                return;
            }
            if (request != SignalRequest.STOP) {
                held.add(request);
                return;
            }
        }
        // Outside the lock: in production this is System.exit, which does not return.
        stopBeforeStart.accept(signal);
    }

    /** Hands the held requests to {@code sink}, then forwards every later one. Once only. */
    public synchronized void start(Consumer<? super SignalRequest> sink) {
        Objects.requireNonNull(sink, "sink");
        if (this.sink != null) {
            throw new IllegalStateException("signal requests already started");
        }
        List<SignalRequest> pending = new ArrayList<>(held);
        held.clear();
        this.sink = sink;
        pending.forEach(sink);
    }

    public synchronized boolean started() {
        return sink != null;
    }
}
