package io.javakeepalived.daemon.systemd;

import io.javakeepalived.sys.NotifyTransport;

import java.util.Optional;

import org.slf4j.Logger;

/**
 * The sd_notify(3) messages javakeepalived sends, over a {@link NotifyTransport}. Without a
 * transport ({@code $NOTIFY_SOCKET} unset: not started by systemd, or Type=simple) every call
 * does nothing, as sd_notify does. Thread-safe: the VRRP loop and the watchdog thread both
 * send.
 *
 * <p>A failed send is logged once, and again only after a send has succeeded in between, so
 * that a service manager gone away cannot flood the log at the watchdog's pace.
 */
public final class ServiceNotifier implements AutoCloseable {
    private final Optional<NotifyTransport> transport;
    private final Logger log;
    private boolean failing;

    public ServiceNotifier(Optional<NotifyTransport> transport, Logger log) {
        this.transport = transport;
        this.log = log;
    }

    /** A notifier that sends nothing. */
    public static ServiceNotifier none(Logger log) {
        return new ServiceNotifier(Optional.empty(), log);
    }

    /** True when there is a service manager to tell. */
    public boolean active() {
        return transport.isPresent();
    }

    /** Start-up (or a reload) is over; {@code status} is the one-line summary. */
    public void ready(String status) {
        send("READY=1\nSTATUS=" + oneLine(status));
    }

    /** The summary changed. */
    public void status(String status) {
        send("STATUS=" + oneLine(status));
    }

    /**
     * A reload starts. {@code monotonicUsec} is CLOCK_MONOTONIC in microseconds, which systemd
     * (Type=notify-reload) uses to tell this reload from an earlier one.
     */
    public void reloading(long monotonicUsec) {
        send("RELOADING=1\nMONOTONIC_USEC=" + monotonicUsec + "\nSTATUS=Reloading the configuration");
    }

    /** Shutdown starts: systemd shows "deactivating" instead of waiting in silence. */
    public void stopping() {
        send("STOPPING=1\nSTATUS=Stopping: releasing the virtual addresses");
    }

    /** The watchdog keep-alive. */
    public void watchdog() {
        send("WATCHDOG=1");
    }

    private synchronized void send(String message) {
        if (transport.isEmpty()) {
            return;
        }
        NotifyTransport t = transport.get();
        if (t.send(message)) {
            log.debug("sd_notify: {}", message.replace('\n', ' '));
            failing = false;
        } else if (!failing) {
            failing = true;
            log.warn("Cannot notify systemd at {}: {}", t.target(), t.lastError());
        }
    }

    private static String oneLine(String s) {
        return s.replace('\n', ' ');
    }

    @Override
    public void close() {
        transport.ifPresent(NotifyTransport::close);
    }
}
