package io.javakeepalived.log;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.slf4j.Marker;

/** Syslog severities (RFC 3164 §4.1.1) and the mapping from a logging event. */
public final class Severity {

    public static final int EMERG = 0;
    public static final int ALERT = 1;
    public static final int CRIT = 2;
    public static final int ERR = 3;
    public static final int WARNING = 4;
    public static final int NOTICE = 5;
    public static final int INFO = 6;
    public static final int DEBUG = 7;

    private Severity() {
    }

    /**
     * ERROR → err, WARN → warning, INFO → info (also for {@link LogMarkers#DETAIL} lines, as
     * keepalived logs them at LOG_INFO), DEBUG/TRACE → debug; a severity marker overrides.
     */
    public static int of(ILoggingEvent event) {
        int fromMarker = fromMarkers(event.getMarkerList());
        if (fromMarker >= 0) {
            return fromMarker;
        }
        return of(event.getLevel());
    }

    static int of(Level level) {
        switch (level.toInt()) {
            case Level.ERROR_INT: return ERR;
            case Level.WARN_INT: return WARNING;
            case Level.INFO_INT: return INFO;
            default: return DEBUG;
        }
    }

    private static int fromMarkers(java.util.List<Marker> markers) {
        if (markers == null || markers.isEmpty()) {
            return -1;
        }
        for (Marker m : markers) {
            if (LogMarkers.has(m, LogMarkers.EMERG)) {
                return EMERG;
            }
            if (LogMarkers.has(m, LogMarkers.ALERT)) {
                return ALERT;
            }
            if (LogMarkers.has(m, LogMarkers.CRIT)) {
                return CRIT;
            }
            if (LogMarkers.has(m, LogMarkers.NOTICE)) {
                return NOTICE;
            }
        }
        return -1;
    }
}
