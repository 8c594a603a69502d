package io.javakeepalived.log;

import org.slf4j.Marker;
import org.slf4j.MarkerFactory;

/**
 * Markers that carry what keepalived expresses with its {@code -D} switch and with syslog
 * severities that SLF4J has no level for.
 *
 * <ul>
 * <li>{@link #DETAIL}: a line keepalived prints only with {@code -D} ({@code --log-detail}), at
 * severity info: {@code log.info(LogMarkers.DETAIL, "({}) setting VIPs.", name)}. Without
 * {@code -D} the call is refused before its message is formatted.</li>
 * <li>{@link #NOTICE}, {@link #CRIT}, {@link #ALERT}, {@link #EMERG}: override the syslog
 * severity derived from the level (keepalived logs a few lines at LOG_NOTICE or LOG_ALERT).</li>
 * </ul>
 */
public final class LogMarkers {

    /** A line keepalived logs only with {@code -D}. */
    public static final Marker DETAIL = MarkerFactory.getDetachedMarker("DETAIL");
    /** Syslog severity notice (5). */
    public static final Marker NOTICE = MarkerFactory.getDetachedMarker("NOTICE");
    /** Syslog severity crit (2). */
    public static final Marker CRIT = MarkerFactory.getDetachedMarker("CRIT");
    /** Syslog severity alert (1). */
    public static final Marker ALERT = MarkerFactory.getDetachedMarker("ALERT");
    /** Syslog severity emerg (0). */
    public static final Marker EMERG = MarkerFactory.getDetachedMarker("EMERG");

    private LogMarkers() {
    }

    static boolean has(Marker marker, Marker wanted) {
        return marker != null && (marker == wanted || marker.contains(wanted));
    }
}
