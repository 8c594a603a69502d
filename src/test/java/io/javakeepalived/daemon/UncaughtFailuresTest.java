package io.javakeepalived.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A dying thread is logged; a dying loop thread ends the daemon with status 1. */
class UncaughtFailuresTest {
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private final List<Integer> exits = new ArrayList<>();

    private void die(String threadName) throws InterruptedException {
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger logger = ctx.getLogger("test.uncaught." + System.nanoTime());
        logger.setAdditive(false);
        lines.setContext(ctx);
        lines.start();
        logger.addAppender(lines);
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
                lines.list.get(0).getFormattedMessage());
        assertNotNull(lines.list.get(0).getThrowableProxy());
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
                lines.list.get(0).getFormattedMessage());
    }
}
