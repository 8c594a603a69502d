package io.javakeepalived.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import org.slf4j.LoggerFactory;

/**
 * The daemon's log output: keepalived's console form ({@code -l}),
 * {@code Mon Nov 23 02:17:24 2026: (VI_1) Entering MASTER STATE}. Syslog is not implemented
 * yet, so the console is used with or without {@code -l}; under systemd the journal gets it.
 */
final class LogSetup {
    static final String CONSOLE_PATTERN = "%d{EEE MMM dd HH:mm:ss yyyy}: %msg%n";

    private LogSetup() {
    }

    /** Replaces logback's default configuration: INFO and up, keepalived's console pattern, stdout. */
    static void console() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx)) {
            return; // another slf4j binding: leave it alone
        }
        ctx.reset();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(ctx);
        encoder.setPattern(CONSOLE_PATTERN);
        encoder.start();
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(ctx);
        console.setName("console");
        console.setEncoder(encoder);
        console.start();
        Logger root = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(console);
    }
}
