package io.javakeepalived.cli;

import io.javakeepalived.net.ErrnoException;
import io.javakeepalived.net.IcmpEcho;
import io.javakeepalived.net.IcmpEchoPort;
import io.javakeepalived.track.ReferenceTrackers;

import java.util.function.Supplier;

import org.slf4j.Logger;

/**
 * The daemon's one ICMP echo port (the reference-address trackers use it; PING_CHECK is meant to
 * get the same instance), opened the first time one is needed, so a configuration that pings
 * nothing opens no ICMP socket, in the network namespace of the thread that asks (the VRRP loop's
 * start-up, or the checker loop on a reload: both in the daemon's net_namespace). A port that
 * cannot be opened is logged once and replaced by one whose requests all fail, so the checks
 * report their target unreachable with the reason.
 */
final class SharedIcmpEcho implements Supplier<IcmpEcho>, AutoCloseable {

    private final Logger log;
    private IcmpEcho echo;

    SharedIcmpEcho(Logger log) {
        this.log = log;
    }

    @Override
    public synchronized IcmpEcho get() {
        if (echo == null) {
            try {
                echo = IcmpEchoPort.open();
            } catch (ErrnoException | RuntimeException e) {
                log.error("Cannot open an ICMP echo socket: {}", e.getMessage());
                echo = ReferenceTrackers.unavailable("no ICMP echo socket: " + e.getMessage());
            }
        }
        return echo;
    }

    @Override
    public synchronized void close() {
        if (echo != null) {
            echo.close();
        }
    }
}
