package io.javakeepalived.daemon;

import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;

/**
 * Reads the configuration for a reload on a thread of its own (never on the loop thread) and
 * hands the {@link ReloadSource.Outcome} over, waking the loop. Whatever the reading throws -
 * an Error too (a StackOverflowError deep in a definition, an OutOfMemoryError the JVM
 * survived) - becomes a rejection: a reading thread that died without an outcome would leave
 * the loop waiting for it, and every later SIGHUP queued behind it, for good.
 */
final class ReloadReader {
    private final ReloadSource source;
    private final Runnable wakeUp;
    private final Logger log;
    private final AtomicReference<ReloadSource.Outcome> outcome = new AtomicReference<>();

    /** @param wakeUp wakes the loop when the reading is done (called on the reading thread) */
    ReloadReader(ReloadSource source, Runnable wakeUp, Logger log) {
        this.source = source;
        this.wakeUp = wakeUp;
        this.log = log;
    }

    /** Starts reading; the outcome is {@link #take() taken} once the loop is woken. */
    void start() {
        Thread t = new Thread(this::read, "reload");
        t.setDaemon(true);
        t.start();
    }

    /** The outcome of the latest reading, once, or null while it runs. */
    ReloadSource.Outcome take() {
        return outcome.getAndSet(null);
    }

    private void read() {
        ReloadSource.Outcome o;
        try {
            o = source.load();
        } catch (Throwable x) { // NOPMD: see the class comment - nothing may end this thread without an outcome
            log.error("Reading the configuration failed: {}", x.toString(), x);
            o = new ReloadSource.Rejected(x.toString());
        }
        outcome.set(o);
        wakeUp.run();
    }
}
