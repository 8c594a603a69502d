package io.javakeepalived.vrrp;

/**
 * The protocol's timer arithmetic (RFC 3768 §6.1, RFC 5798 §6.1), in nanoseconds, exact
 * wherever the RFC value is a whole number of nanoseconds.
 *
 * <ul>
 * <li>v2 Skew_Time = (256 − Priority) / 256 s, whatever the advert interval;</li>
 * <li>v3 Skew_Time = ((256 − Priority) × Master_Adver_Interval) / 256;</li>
 * <li>Master_Down_Interval = down_timer_adverts (RFC: 3) × Master_Adver_Interval + Skew_Time.</li>
 * </ul>
 * Examples: v2 priority 100 → 3.609375 s; v2 priority 90 → 3.6484375 s; v3 priority 90 at
 * 10 cs → 0.36484375 s.
 */
public final class VrrpTiming {
    public static final long NANOS_PER_CENTISECOND = 10_000_000L;
    public static final long NANOS_PER_SECOND = 1_000_000_000L;

    private VrrpTiming() {
    }

    public static long centisToNanos(int centiseconds) {
        return centiseconds * NANOS_PER_CENTISECOND;
    }

    /**
     * Skew_Time for a priority value.
     *
     * @param version                 2 or 3
     * @param priority                the (effective) priority, 0..255
     * @param masterAdverIntervalCs   Master_Adver_Interval in centiseconds (ignored for v2)
     */
    public static long skewNanos(int version, int priority, int masterAdverIntervalCs) {
        long weight = 256L - priority;
        if (version == 2) {
            return weight * NANOS_PER_SECOND / 256;
        }
        return weight * masterAdverIntervalCs * NANOS_PER_CENTISECOND / 256;
    }

    /** Master_Down_Interval = downTimerAdverts × Master_Adver_Interval + Skew_Time. */
    public static long masterDownNanos(int version, int priority, int masterAdverIntervalCs,
                                       int downTimerAdverts) {
        return downTimerAdverts * centisToNanos(masterAdverIntervalCs)
                + skewNanos(version, priority, masterAdverIntervalCs);
    }
}
