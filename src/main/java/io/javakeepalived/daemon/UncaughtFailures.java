package io.javakeepalived.daemon;

import java.util.Objects;
import java.util.Set;
import java.util.function.IntConsumer;

import org.slf4j.Logger;

/**
 * The daemon's default uncaught-exception handler. Any thread that dies of an exception is
 * logged with its stack trace (the JVM would print it on stderr, which syslog never sees). A
 * loop thread (the VRRP loop, the checker loop) that dies takes the daemon with it, exit status
 * 1: without its VRRP loop the node would keep its VIPs and send no adverts, without its checker
 * loop no tracker would move a priority again, and systemd, seeing the process alive, would
 * never restart it. The next start removes the VIPs left behind.
 */
public final class UncaughtFailures implements Thread.UncaughtExceptionHandler {
    /** The status the daemon exits with when a loop thread dies. */
    public static final int LOOP_DIED = 1;

    private final Set<String> loopThreads;
    private final Logger log;
    private final IntConsumer exit;

    /**
     * @param loopThreads the names of the threads whose death ends the daemon
     * @param exit        ends the process ({@code System::exit} in the daemon)
     */
    public UncaughtFailures(Set<String> loopThreads, Logger log, IntConsumer exit) {
        this.loopThreads = Set.copyOf(loopThreads);
        this.log = Objects.requireNonNull(log, "log");
        this.exit = Objects.requireNonNull(exit, "exit");
    }

    /** Installs a handler for these loop threads as the JVM's default, exiting with {@link System#exit}. */
    public static void install(Set<String> loopThreads, Logger log) {
        Thread.setDefaultUncaughtExceptionHandler(new UncaughtFailures(loopThreads, log, System::exit));
    }

    @Override
    public void uncaughtException(Thread t, Throwable e) {
        boolean loop = loopThreads.contains(t.getName());
        try {
            log.error("Thread {} died: {}{}", t.getName(), e.toString(), loop ? " - exiting, status " + LOOP_DIED : "",
                    e);
        } finally {
            if (loop) {
                exit.accept(LOOP_DIED);
            }
        }
    }
}
