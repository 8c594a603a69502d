package io.javakeepalived.check;

import io.javakeepalived.check.probe.ProbeIo;
import io.javakeepalived.track.CheckerLoop;

import java.io.IOException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The checker loop seen as a {@link ProbeIo}: its selector, clock, timers and hand-over queue, so
 * that LVS checks run on the same thread as vrrp_script and the polled trackers.
 */
public final class LoopProbeIo implements ProbeIo {

    private final CheckerLoop loop;
    private final HealthOutput output;

    public LoopProbeIo(CheckerLoop loop, HealthOutput output) {
        this.loop = Objects.requireNonNull(loop, "loop");
        this.output = Objects.requireNonNull(output, "output");
    }

    /** The loop's {@link CheckerLoop#turnNanos()}: a probe and the engine read it several times per check. */
    @Override
    public long nanoTime() {
        return loop.turnNanos();
    }

    @Override
    public SelectionKey register(SelectableChannel channel, int interestOps, Consumer<SelectionKey> ready)
            throws IOException {
        return loop.register(channel, interestOps, ready);
    }

    @Override
    public Timer after(long delayNanos, Runnable task) {
        return loop.at(loop.turnNanos() + delayNanos, task)::cancel;
    }

    @Override
    public void handBack(Runnable task) {
        loop.execute(task);
    }

    @Override
    public void log(String line) {
        output.log(line);
    }
}
