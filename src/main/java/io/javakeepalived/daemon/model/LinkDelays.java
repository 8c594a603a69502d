package io.javakeepalived.daemon.model;

import java.time.Duration;
import java.util.Objects;

/**
 * One line of {@code interface_up_down_delays}: how long a carrier change of an interface must
 * last before the instances using or tracking it hear of it (keepalived's debounce timers).
 * Zero is no delay.
 *
 * @param down how long the interface must stay down before it counts as down
 * @param up   how long it must stay up before it counts as up again (keepalived 2.2.7 reads a
 *             missing up delay as 0, whatever its manual says, and so do we)
 */
public record LinkDelays(Duration down, Duration up) {
    public static final LinkDelays NONE = new LinkDelays(Duration.ZERO, Duration.ZERO);

    public LinkDelays {
        Objects.requireNonNull(down, "down");
        Objects.requireNonNull(up, "up");
    }

    /** The delay for a change to {@code usable}. */
    public Duration before(boolean usable) {
        return usable ? up : down;
    }

    /**
     * keepalived's cap ({@code check_debounce_timers}): a down delay must end before a backup
     * that stopped hearing this node could time out, i.e. before
     * {@code (down_timer_adverts - 1) × advert_int - advert_int / 256}; an up delay equal to the
     * down delay is cut with it. With {@code down_timer_adverts} 1 there can be no delay at all.
     */
    public LinkDelays cappedFor(Duration advertInterval, int downTimerAdverts) {
        if (downTimerAdverts <= 1) {
            return NONE;
        }
        Duration max = advertInterval.multipliedBy(downTimerAdverts - 1).minus(advertInterval.dividedBy(256));
        if (down.compareTo(max) <= 0) {
            return this;
        }
        return new LinkDelays(max, up.equals(down) ? max : up);
    }
}
