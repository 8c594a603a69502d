package io.javakeepalived.daemon.systemd;

import io.javakeepalived.daemon.LoopListener;
import io.javakeepalived.sys.NotifyTransport;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;

/**
 * What the daemon does for systemd, in one place for its start-up code: the loop listener
 * (READY/STATUS/RELOADING/STOPPING) and, when WatchdogSec is set for this process, the
 * watchdog thread. Outside systemd ({@code $NOTIFY_SOCKET} unset) both do nothing.
 */
public final class SystemdService implements AutoCloseable {
    private final ServiceNotifier notifier;
    private final Optional<Duration> watchdogTimeout;
    private final Logger log;
    private Watchdog watchdog;

    SystemdService(ServiceNotifier notifier, Optional<Duration> watchdogTimeout, Logger log) {
        this.notifier = notifier;
        this.watchdogTimeout = watchdogTimeout;
        this.log = log;
    }

    /**
     * @param transport the notify socket ({@code SdNotifySocket.fromEnvironment()})
     * @param env       the environment ({@code $WATCHDOG_USEC}, {@code $WATCHDOG_PID})
     * @param pid       this process
     */
    public static SystemdService of(Optional<NotifyTransport> transport, Map<String, String> env, long pid,
                                    Logger log) {
        transport.ifPresent(t -> log.debug("systemd notify socket {}", t.target()));
        Optional<Duration> timeout = transport.isPresent() ? WatchdogSettings.timeout(env, pid) : Optional.empty();
        return new SystemdService(new ServiceNotifier(transport, log), timeout, log);
    }

    /** The VRRP loop's listener. */
    public LoopListener loopListener() {
        return new SystemdLoopListener(notifier, System::nanoTime);
    }

    /** Starts the watchdog over these loops if systemd asked for one; otherwise nothing. */
    public void startWatchdog(List<Heartbeat> loops) {
        if (watchdogTimeout.isPresent() && watchdog == null) {
            watchdog = Watchdog.start(loops, watchdogTimeout.get(), notifier, log);
        }
    }

    /**
     * The VRRP loop has ended (systemd has had STOPPING=1 and no longer watches): there are no
     * turns left to prove, so no more pings, and no stall reported while the hooks finish.
     */
    public void stopWatchdog() {
        if (watchdog != null) {
            watchdog.close();
            watchdog = null;
        }
    }

    @Override
    public void close() {
        stopWatchdog();
        notifier.close();
    }
}
