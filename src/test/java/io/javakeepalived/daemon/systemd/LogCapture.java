package io.javakeepalived.daemon.systemd;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** A logger of its own whose lines ("LEVEL text") a test can read. */
final class LogCapture {
    final Logger logger;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    LogCapture(String name) {
        logger = (Logger) LoggerFactory.getLogger(name + "." + System.nanoTime());
        logger.setLevel(ch.qos.logback.classic.Level.DEBUG);
        logger.setAdditive(false);
        appender.start();
        logger.addAppender(appender);
    }

    synchronized List<String> lines() {
        return appender.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.INFO))
                .map(e -> e.getLevel() + " " + e.getFormattedMessage()).toList();
    }
}
