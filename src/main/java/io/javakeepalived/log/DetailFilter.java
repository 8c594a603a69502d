package io.javakeepalived.log;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.Marker;

/**
 * Refuses {@link LogMarkers#DETAIL} calls unless {@code -D} was given. As a turbo filter it runs
 * before logback builds the event, so a refused line is never formatted, and
 * {@code log.isInfoEnabled(LogMarkers.DETAIL)} answers false.
 */
final class DetailFilter extends TurboFilter {

    private volatile boolean detail;

    DetailFilter(boolean detail) {
        this.detail = detail;
        setName("keepalived-detail");
    }

    boolean detail() {
        return detail;
    }

    void setDetail(boolean detail) {
        this.detail = detail;
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (marker == null || detail) {
            return FilterReply.NEUTRAL;
        }
        return LogMarkers.has(marker, LogMarkers.DETAIL) ? FilterReply.DENY : FilterReply.NEUTRAL;
    }
}
