package io.javakeepalived.check.probe;

import java.io.IOException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.util.function.Consumer;

/**
 * What the engine lends a {@link Probe}: its selector, its clock, its timers and its log. Every
 * callback runs on the engine's thread; only {@link #handBack} may be called from another thread.
 */
public interface ProbeIo {

    /** Monotonic nanoseconds, the engine's clock. */
    long nanoTime();

    /**
     * Registers a non-blocking channel with the engine's selector. {@code ready} is called with
     * the key whenever one of the key's interest ops is ready; change them with
     * {@link SelectionKey#interestOps(int)}. Closing the channel deregisters it.
     */
    SelectionKey register(SelectableChannel channel, int interestOps, Consumer<SelectionKey> ready)
            throws IOException;

    /** Runs {@code task} once on the engine's thread after {@code delayNanos}. */
    Timer after(long delayNanos, Runnable task);

    /**
     * Runs {@code task} on the engine's thread soon: how work finished elsewhere (a MISC_CHECK
     * script's exit, seen by the script runner) comes back. Any thread; never blocks.
     */
    void handBack(Runnable task);

    /**
     * Logs a line at INFO that keepalived logs whatever the checker's retries and standing (e.g.
     * "send ICMP packet fail"). Not for a failure's own line (that is the failure's reason, which
     * the engine logs when keepalived would) nor for the up/down lines, which are the engine's:
     * see the package documentation.
     */
    void log(String line);

    /** A pending {@link #after} task. */
    @FunctionalInterface
    interface Timer {
        /** The task will not run if it has not started; harmless if it has. */
        void cancel();
    }
}
