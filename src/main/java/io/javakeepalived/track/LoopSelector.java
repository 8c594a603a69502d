package io.javakeepalived.track;

import io.javakeepalived.script.ScriptLog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The checker loop's selector: the LVS checks' non-blocking channels, the loop's wait for the next
 * due timer or ready channel, and the wake-up when another thread hands work over. The ready
 * channels' callbacks run on the waiting thread, through the selector's per-key action made once:
 * at 1,000 checks a second no selected-key set is copied and no callback wrapped per wait.
 */
final class LoopSelector {
    private final Selector selector;
    private final ScriptLog log;
    /** Runs once per wait, before the first callback: the loop reads its clock there. */
    private final Runnable woke;
    private final Consumer<SelectionKey> onReady = this::ready;
    private boolean wokeRun;

    private LoopSelector(Selector selector, ScriptLog log, Runnable woke) {
        this.selector = selector;
        this.log = log;
        this.woke = woke;
    }

    static LoopSelector open(ScriptLog log, Runnable woke) {
        try {
            return new LoopSelector(Selector.open(), log, woke);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the checker loop's selector", e);
        }
    }

    /** See {@link CheckerLoop#register}. On the waiting thread. */
    SelectionKey register(SelectableChannel channel, int interestOps, Consumer<SelectionKey> ready)
            throws IOException {
        channel.configureBlocking(false);
        return channel.register(selector, interestOps, Objects.requireNonNull(ready, "ready"));
    }

    /** Waits up to {@code nanos} (rounded up to a millisecond) and runs the ready channels' callbacks. */
    void await(long nanos) {
        wokeRun = false;
        try {
            selector.select(onReady, Math.max(1, (nanos + 999_999) / 1_000_000));
        } catch (IOException e) {
            log.log(ScriptLog.Level.WARNING, "checker loop select failed: " + e);
        }
    }

    /** Ends a wait in progress, or makes the next one return at once. Any thread. */
    void wakeup() {
        selector.wakeup();
    }

    /** Closes every channel still registered (a check in flight at exit) and the selector. */
    void close() {
        try {
            for (SelectionKey k : selector.keys()) {
                k.channel().close();
            }
            selector.close();
        } catch (IOException e) {
            log.log(ScriptLog.Level.WARNING, "closing the checker loop's selector: " + e);
        }
    }

    private void ready(SelectionKey k) {
        if (!k.isValid()) {
            return; // closed by an earlier callback of the same wait
        }
        if (!wokeRun) {
            wokeRun = true;
            woke.run();
        }
        @SuppressWarnings("unchecked")
        Consumer<SelectionKey> ready = (Consumer<SelectionKey>) k.attachment();
        try {
            ready.accept(k);
        } catch (RuntimeException | Error e) {
            log.log(ScriptLog.Level.WARNING, "checker loop channel callback failed: " + e);
        }
    }
}
