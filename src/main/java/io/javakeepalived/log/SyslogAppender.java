package io.javakeepalived.log;

import io.javakeepalived.sys.SyslogTransport;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Logback appender writing each event as one RFC 3164 datagram in keepalived's form (see
 * {@link SyslogFormat}) to a {@link SyslogTransport}, normally {@code /dev/log}. It never
 * throws and never waits on a full socket: such lines are dropped and counted
 * ({@link #dropped()}); lines that found no receiver are counted in {@link #failed()}.
 * A throwable is rendered on the same line ({@code message: java.io.IOException: text}).
 */
public final class SyslogAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {

    private final SyslogFormat format;
    private final SyslogTransport transport;
    private final Object lock = new Object();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    public SyslogAppender(SyslogFormat format, SyslogTransport transport) {
        this.format = Objects.requireNonNull(format, "format");
        this.transport = Objects.requireNonNull(transport, "transport");
        setName("SYSLOG");
    }

    @Override
    protected void append(ILoggingEvent event) {
        try {
            String message = messageOf(event);
            int severity = Severity.of(event);
            SyslogTransport.Outcome outcome;
            synchronized (lock) {
                byte[] bytes = format.datagram(event.getTimeStamp(), severity, message);
                outcome = transport.send(ByteBuffer.wrap(bytes));
            }
            switch (outcome) {
                case SENT: sent.incrementAndGet(); break;
                case DROPPED_FULL: dropped.incrementAndGet(); break;
                default: failed.incrementAndGet(); break;
            }
        } catch (RuntimeException | LinkageError e) {
            failed.incrementAndGet();
        }
    }

    static String messageOf(ILoggingEvent event) {
        String m = event.getFormattedMessage();
        if (m == null) {
            m = "";
        }
        IThrowableProxy t = event.getThrowableProxy();
        if (t == null) {
            return m;
        }
        String tm = t.getMessage();
        return m + ": " + t.getClassName() + (tm == null ? "" : ": " + tm);
    }

    /** Datagrams handed to the kernel. */
    public long sent() {
        return sent.get();
    }

    /** Lines dropped because the receiver's queue was full. */
    public long dropped() {
        return dropped.get();
    }

    /** Lines lost because no receiver could be reached (or an internal error). */
    public long failed() {
        return failed.get();
    }

    @Override
    public void stop() {
        super.stop();
        transport.close();
    }
}
