package io.javakeepalived.daemon;

import io.javakeepalived.testsupport.CapturedLogger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** A dying thread is logged; a dying loop thread ends the daemon with status 1. */
class UncaughtFailuresTest {
    private final CapturedLogger lines = new CapturedLogger("test.uncaught");
    private final List<Integer> exits = new ArrayList<>();

    private void die(String threadName) throws InterruptedException {
        org.slf4j.Logger logger = lines.logger();
        UncaughtFailures handler = new UncaughtFailures(Set.of("vrrp", "checker"), logger, exits::add);
        Thread t = new Thread(() -> {
            throw new IllegalStateException("bug");
        }, threadName);
        t.setUncaughtExceptionHandler(handler); // the default is the JVM's: leave it to the daemon
        t.start();
        t.join();
    }

    @Test
    void aDyingCheckerLoopEndsTheDaemonWithStatus1() throws Exception {
        die("checker");
        assertEquals(List.of(1), exits);
        assertEquals("Thread checker died: java.lang.IllegalStateException: bug - exiting, status 1",
                lines.events().get(0).getFormattedMessage());
        assertNotNull(lines.events().get(0).getThrowableProxy());
    }

    @Test
    void aDyingVrrpLoopEndsTheDaemonWithStatus1() throws Exception {
        die("vrrp");
        assertEquals(List.of(1), exits);
    }

    @Test
    void anotherDyingThreadIsLoggedOnly() throws Exception {
        die("metrics-1");
        assertEquals(List.of(), exits);
        assertEquals("Thread metrics-1 died: java.lang.IllegalStateException: bug",
                lines.events().get(0).getFormattedMessage());
    }
}
