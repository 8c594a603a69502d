package io.javakeepalived.daemon.systemd;

import io.javakeepalived.daemon.LoopListener;
import io.javakeepalived.vrrp.VrrpState;

import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The VRRP loop's news as sd_notify messages: READY=1 once every instance has entered its
 * initial state (so {@code systemctl start} returns when VRRP runs, not when the JVM does),
 * STATUS= when the summary changes, RELOADING=1/READY=1 around a reload, STOPPING=1 when the
 * release begins. Runs on the loop thread; each call is one non-blocking datagram at most.
 */
public final class SystemdLoopListener implements LoopListener {
    private final ServiceNotifier notifier;
    private final LongSupplier monotonicNanos;
    private String lastStatus;

    /**
     * @param monotonicNanos CLOCK_MONOTONIC in nanoseconds ({@link System#nanoTime()} is that
     *                       clock on Linux HotSpot) for RELOADING's MONOTONIC_USEC
     */
    public SystemdLoopListener(ServiceNotifier notifier, LongSupplier monotonicNanos) {
        this.notifier = notifier;
        this.monotonicNanos = monotonicNanos;
    }

    @Override
    public void started(Map<String, VrrpState> states) {
        lastStatus = StateSummary.of(states);
        notifier.ready(lastStatus);
    }

    @Override
    public void statesChanged(Map<String, VrrpState> states) {
        String s = StateSummary.of(states);
        if (!s.equals(lastStatus)) {
            lastStatus = s;
            notifier.status(s);
        }
    }

    @Override
    public void reloading() {
        notifier.reloading(monotonicNanos.getAsLong() / 1000);
    }

    @Override
    public void reloaded(boolean applied, Map<String, VrrpState> states) {
        lastStatus = StateSummary.of(states);
        notifier.ready(lastStatus);
    }

    @Override
    public void stopping() {
        notifier.stopping();
    }
}
