package io.javakeepalived.testsupport;

import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

/** A logger of its own (DEBUG and up, not passed to the root) whose events a test reads. */
public final class CapturedLogger {
    private final Logger logger;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    public CapturedLogger(String name) {
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        logger = ctx.getLogger(name + "." + System.nanoTime());
        logger.setLevel(Level.DEBUG);
        logger.setAdditive(false);
        appender.setContext(ctx);
        appender.start();
        logger.addAppender(appender);
    }

    public org.slf4j.Logger logger() {
        return logger;
    }

    /** The events so far (a copy: the logging thread may be appending). */
    public List<ILoggingEvent> events() {
        synchronized (appender) { // AppenderBase.doAppend holds the appender's lock
            return List.copyOf(appender.list);
        }
    }

    /** The formatted messages so far. */
    public List<String> messages() {
        return events().stream().map(ILoggingEvent::getFormattedMessage).toList();
    }
}
