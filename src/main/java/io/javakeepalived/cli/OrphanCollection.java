package io.javakeepalived.cli;

import io.javakeepalived.sys.OrphanReaper;

import java.util.List;

import org.slf4j.Logger;

/**
 * Runs {@link OrphanReaper} once a second on a thread of its own when the daemon adopts orphans
 * (PID 1 of a container, or a child subreaper); otherwise the init process above collects them
 * and nothing is started. A second is short enough that zombies never pile up, and the thread
 * needs no SIGCHLD handler, which the JVM keeps for itself.
 */
final class OrphanCollection {
    private static final long PERIOD_MILLIS = 1000;

    private OrphanCollection() {
    }

    static void startIfAdopting(Logger log) {
        if (!OrphanReaper.adoptsOrphans()) {
            return;
        }
        log.info("Running as PID 1 or a child subreaper - collecting orphaned processes");
        Thread t = new Thread(() -> collect(log), "reaper");
        t.setDaemon(true);
        t.start();
    }

    private static void collect(Logger log) {
        while (true) {
            try {
                Thread.sleep(PERIOD_MILLIS);
                List<Integer> reaped = OrphanReaper.reapOrphans();
                if (!reaped.isEmpty()) {
                    log.debug("Collected orphaned process(es) {}", reaped);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException | LinkageError e) {
                log.error("Collecting orphaned processes failed, no longer collecting them: {}", e.toString());
                return;
            }
        }
    }
}
