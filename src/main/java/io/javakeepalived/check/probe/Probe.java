package io.javakeepalived.check.probe;

import java.util.function.Consumer;

/**
 * One attempt of one checker against one real server (keepalived: one "check" of a checker;
 * the retries around it are the engine's business). A fresh probe is made for every attempt.
 *
 * <p>Runs entirely on the engine's thread: {@link #start} and every callback it registers
 * through {@link ProbeIo} are called there, so a probe needs no locking. It must not block,
 * must bound what it reads (a hostile server costs one socket and one timeout), and must arm
 * its own timeouts with {@link ProbeIo#after} (connect_timeout and the protocol's read limits),
 * because the wording of a timeout is the checker's, as in keepalived's log.
 */
public interface Probe {

    /**
     * Starts the attempt. {@code done} is called exactly once, on the engine's thread, unless
     * {@link #abort()} comes first; the probe has closed everything it opened before calling it.
     * Never throws for a network failure: that is a {@link ProbeResult.Failure}.
     */
    void start(ProbeIo io, Consumer<ProbeResult> done);

    /**
     * The engine gives up on this attempt (its outer deadline passed, the checker was removed by
     * a reload, shutdown): close every channel and cancel every timer, and never call
     * {@code done}. Harmless after {@code done} was called.
     */
    void abort();
}
