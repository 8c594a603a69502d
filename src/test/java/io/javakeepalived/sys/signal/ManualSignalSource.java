package io.javakeepalived.sys.signal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A {@link SignalSource} for the daemon's tests: {@link #send} plays a signal arriving, with
 * the same holding and early-STOP behaviour as the production source (both use
 * {@link RequestRelay}). An early STOP is recorded in {@link #earlyStops()} instead of exiting.
 */
public final class ManualSignalSource implements SignalSource {

    private final List<KeepalivedSignal> earlyStops = new ArrayList<>();
    private final RequestRelay relay = new RequestRelay(this::recordEarlyStop);

    /** As if {@code signal} had been sent to the process. */
    public void send(KeepalivedSignal signal) {
        relay.offer(signal);
    }

    /** STOPs that arrived before {@link #start}; production would have exited 128+n. */
    public synchronized List<KeepalivedSignal> earlyStops() {
        return List.copyOf(earlyStops);
    }

    public boolean started() {
        return relay.started();
    }

    @Override
    public void start(Consumer<? super SignalRequest> sink) {
        relay.start(sink);
    }

    @Override
    public List<SignalCoverage> coverage() {
        List<SignalCoverage> all = new ArrayList<>();
        for (KeepalivedSignal s : KeepalivedSignal.values()) {
            all.add(new SignalCoverage(s, SignalCoverage.Handling.DELIVERED, "test", ""));
        }
        return all;
    }

    private synchronized void recordEarlyStop(KeepalivedSignal signal) {
        earlyStops.add(signal);
    }
}
