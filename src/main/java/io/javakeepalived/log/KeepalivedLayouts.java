package io.javakeepalived.log;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/** The layouts of keepalived's console ({@code -l}) and log file ({@code -g}) lines. */
public final class KeepalivedLayouts {

    private KeepalivedLayouts() {
    }

    /** {@code Mon Nov 23 02:17:24 2026: (VI_1) Entering MASTER STATE} + newline. */
    public static LayoutBase<ILoggingEvent> console(ZoneId zone) {
        return new StampLayout(zone, false);
    }

    /** {@code Mon Nov 23 02:17:24.123456789 2026: message} + newline (keepalived's {@code -g}). */
    public static LayoutBase<ILoggingEvent> file(ZoneId zone) {
        return new StampLayout(zone, true);
    }

    /** The console line for a message at {@code t}, without the newline. */
    public static String consoleLine(Instant t, ZoneId zone, String message) {
        return TimeFormats.console(t, zone) + ": " + message;
    }

    /** The log file line for a message at {@code t}, without the newline. */
    public static String fileLine(Instant t, ZoneId zone, String message) {
        return TimeFormats.file(t, zone) + ": " + message;
    }

    private static final class StampLayout extends LayoutBase<ILoggingEvent> {
        private final ZoneId zone;
        private final boolean file;
        private long cachedSecond = Long.MIN_VALUE;
        private String cachedStamp;

        StampLayout(ZoneId zone, boolean file) {
            this.zone = Objects.requireNonNull(zone, "zone");
            this.file = file;
        }

        @Override
        public synchronized String doLayout(ILoggingEvent event) {
            String message = event.getFormattedMessage();
            StringBuilder sb = new StringBuilder(40 + (message == null ? 0 : message.length()));
            Instant t = event.getInstant();
            if (file) {
                sb.append(TimeFormats.file(t, zone));
            } else {
                long s = t.getEpochSecond();
                if (s != cachedSecond) {
                    cachedStamp = TimeFormats.console(Instant.ofEpochSecond(s), zone);
                    cachedSecond = s;
                }
                sb.append(cachedStamp);
            }
            sb.append(": ").append(message).append(CoreConstants.LINE_SEPARATOR);
            IThrowableProxy tp = event.getThrowableProxy();
            if (tp != null) {
                sb.append(ThrowableProxyUtil.asString(tp)).append(CoreConstants.LINE_SEPARATOR);
            }
            return sb.toString();
        }
    }
}
