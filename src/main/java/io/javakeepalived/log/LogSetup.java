package io.javakeepalived.log;

import io.javakeepalived.sys.SyslogTransport;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.LayoutBase;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * Programmatic logback set-up in keepalived's forms; no XML is read. Call
 * {@link #configure(LogOptions, Function)} once at start-up, after the command line is parsed,
 * with the native datagram transport (built by the composition root, {@code cli}):
 * <pre>
 * LogHandle logs = LogSetup.configure(LogOptions.fromSwitches(cli.logConsole, cli.logDetail,
 *         cli.noSyslog, cli.logFacility, cli.logFile), UnixDatagramTransport::new);
 * </pre>
 * Until then the {@link DefaultLogConfigurator} sends INFO lines to stderr in the console form.
 * Levels: ERROR/WARN/INFO are keepalived's LOG_ERR/LOG_WARNING/LOG_INFO lines; lines keepalived
 * prints only with {@code -D} are logged at INFO with {@link LogMarkers#DETAIL}; DEBUG is
 * javakeepalived's own and off unless {@link LogOptions#debug()}.
 */
public final class LogSetup {

    private static volatile DetailFilter current = new DetailFilter(false);

    private LogSetup() {
    }

    /** True if {@code -D} lines are logged; a cheap guard for costly arguments. */
    public static boolean detailEnabled() {
        return current.detail();
    }

    /**
     * Replaces the whole logback configuration with the appenders {@code options} ask for.
     * Never throws for an unreachable syslog socket (lines are then counted as failed) or an
     * unwritable log file (reported in {@link LogHandle#problems()}).
     *
     * @param syslogTransport opens the datagram transport to {@link LogOptions#syslogSocket()};
     *                        called only when syslog is on
     */
    public static LogHandle configure(LogOptions options, Function<Path, ? extends SyslogTransport> syslogTransport) {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (!(factory instanceof LoggerContext)) {
            return new LogHandle(null, null, List.of("SLF4J is not bound to logback: " + factory.getClass().getName()));
        }
        LoggerContext ctx = (LoggerContext) factory;
        ctx.reset();
        DetailFilter detail = new DetailFilter(options.detail());
        detail.setContext(ctx);
        detail.start();
        ctx.addTurboFilter(detail);
        current = detail;

        Logger root = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(options.debug() ? Level.DEBUG : Level.INFO);
        List<String> problems = new ArrayList<>();

        SyslogAppender syslog = null;
        if (options.syslog()) {
            syslog = new SyslogAppender(
                    new SyslogFormat(options.ident(), options.pid(), options.facility(), options.zone()),
                    syslogTransport.apply(options.syslogSocket()));
            syslog.setContext(ctx);
            syslog.start();
            root.addAppender(syslog);
        }
        if (options.console()) {
            root.addAppender(consoleAppender(ctx, options.consoleStream(), KeepalivedLayouts.console(options.zone())));
        }
        if (options.logFile() != null) {
            Appender<ILoggingEvent> file = fileAppender(ctx, options, problems);
            if (file != null) {
                root.addAppender(file);
            }
        }
        return new LogHandle(ctx, syslog, problems);
    }

    /** Back to the start-up configuration ({@link DefaultLogConfigurator}): INFO to stderr. */
    public static void configureDefault() {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (factory instanceof LoggerContext) {
            LoggerContext ctx = (LoggerContext) factory;
            ctx.reset();
            DefaultLogConfigurator c = new DefaultLogConfigurator();
            c.setContext(ctx);
            c.configure(ctx);
        }
    }

    static void defaultFilter(DetailFilter filter) {
        current = filter;
    }

    static OutputStreamAppender<ILoggingEvent> consoleAppender(LoggerContext ctx, OutputStream out,
            LayoutBase<ILoggingEvent> layout) {
        OutputStreamAppender<ILoggingEvent> a = new OutputStreamAppender<>();
        a.setName("CONSOLE");
        a.setContext(ctx);
        a.setEncoder(encoder(ctx, layout));
        a.setOutputStream(new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                out.flush(); // stderr stays open when logging is reconfigured
            }
        });
        a.setImmediateFlush(true);
        a.start();
        return a;
    }

    private static Appender<ILoggingEvent> fileAppender(LoggerContext ctx, LogOptions options, List<String> problems) {
        OutputStream out;
        try {
            out = LogFileOpener.open(options.logFile());
        } catch (IOException e) {
            problems.add("cannot open log file " + options.logFile() + ": " + e.getMessage());
            return null;
        }
        OutputStreamAppender<ILoggingEvent> a = new OutputStreamAppender<>();
        a.setName("FILE");
        a.setContext(ctx);
        a.setEncoder(encoder(ctx, KeepalivedLayouts.file(options.zone())));
        a.setOutputStream(out);
        a.setImmediateFlush(true);
        a.start();
        return a;
    }

    private static LayoutWrappingEncoder<ILoggingEvent> encoder(LoggerContext ctx, LayoutBase<ILoggingEvent> layout) {
        layout.setContext(ctx);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> e = new LayoutWrappingEncoder<>();
        e.setContext(ctx);
        e.setLayout(layout);
        e.setCharset(StandardCharsets.UTF_8);
        e.start();
        return e;
    }

    /** What {@link #configure} set up. */
    public static final class LogHandle implements AutoCloseable {
        private final LoggerContext ctx;
        private final SyslogAppender syslog;
        private final List<String> problems;

        LogHandle(LoggerContext ctx, SyslogAppender syslog, List<String> problems) {
            this.ctx = ctx;
            this.syslog = syslog;
            this.problems = List.copyOf(problems);
        }

        /** The syslog appender (for its sent/dropped/failed counts), if syslog is on. */
        public Optional<SyslogAppender> syslog() {
            return Optional.ofNullable(syslog);
        }

        /** Set-up problems to report (e.g. the log file could not be opened); empty if none. */
        public List<String> problems() {
            return problems;
        }

        /** Flushes and stops every appender (at exit). */
        @Override
        public void close() {
            if (ctx != null) {
                ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAndStopAllAppenders();
            }
        }
    }
}
