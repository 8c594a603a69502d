package io.javakeepalived.daemon.systemd;

import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * A loop the watchdog vouches for: {@code ping} wakes it for one turn, {@code lastTurnNanos}
 * reads the loop clock at the start of its latest turn (0 before the first). The clock must be
 * the watchdog's ({@link System#nanoTime()} in the daemon).
 *
 * @param name what the log calls it ("VRRP loop")
 */
public record Heartbeat(String name, Runnable ping, LongSupplier lastTurnNanos) {
    public Heartbeat {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(ping, "ping");
        Objects.requireNonNull(lastTurnNanos, "lastTurnNanos");
    }
}
