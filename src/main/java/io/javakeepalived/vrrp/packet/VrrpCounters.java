package io.javakeepalived.vrrp.packet;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Mutable counter set of one VRRP instance. Not thread-safe: owned by the VRRP loop like the
 * rest of the instance state; hand other threads a {@link #snapshot()}.
 */
public final class VrrpCounters {

    private static final VrrpCounter[] ALL = VrrpCounter.values();
    private final long[] values = new long[ALL.length];

    public long get(VrrpCounter counter) {
        return values[counter.ordinal()];
    }

    public void increment(VrrpCounter counter) {
        values[counter.ordinal()]++;
    }

    /**
     * Counts one validated packet the way keepalived does: an accepted advert bumps
     * {@code advert_rcvd} (and {@code pri_zero_rcvd} at priority 0); a rejection bumps its
     * reason's counter, plus {@code advert_rcvd} for the reasons checked after keepalived has
     * already counted the packet as received (address list, unicast source, TTL range).
     */
    public void record(Verdict verdict) {
        if (verdict instanceof Verdict.Accepted accepted) {
            increment(VrrpCounter.ADVERT_RCVD);
            if (accepted.priorityZero()) {
                increment(VrrpCounter.PRI_ZERO_RCVD);
            }
        } else if (verdict instanceof Rejection rejection) {
            record(rejection);
        }
    }

    /** Counts a rejection (see {@link #record(Verdict)}). */
    public void record(Rejection rejection) {
        RejectReason reason = rejection.reason();
        if (reason.countedAsReceived()) {
            increment(VrrpCounter.ADVERT_RCVD);
        }
        countIn(reason);
    }

    private void countIn(RejectReason reason) {
        VrrpCounter c = reason.counterOrNull();
        if (c != null) {
            increment(c);
        }
    }

    /**
     * Counts a packet for this instance that was not accepted: {@code advert_rejected} always,
     * then as {@link #record(Rejection)} does (the reason's counter, and {@code advert_rcvd}
     * where keepalived had already counted the packet). {@code reason} may be null for a
     * rejection of unknown kind: then only {@code advert_rejected} moves.
     */
    public void recordRejected(RejectReason reason) {
        increment(VrrpCounter.ADVERT_REJECTED);
        if (reason != null) {
            if (reason.countedAsReceived()) {
                increment(VrrpCounter.ADVERT_RCVD);
            }
            countIn(reason);
        }
    }

    /** Zeroes every counter (keepalived's STATS_CLEAR signal). */
    public void clear() {
        Arrays.fill(values, 0);
    }

    /** One advert sent with {@code priority}: {@code advert_sent}, and {@code pri_zero_sent} if 0. */
    public void advertSent(int priority) {
        increment(VrrpCounter.ADVERT_SENT);
        if (priority == 0) {
            increment(VrrpCounter.PRI_ZERO_SENT);
        }
    }

    public void becameMaster() {
        increment(VrrpCounter.BECOME_MASTER);
    }

    public void releasedMaster() {
        increment(VrrpCounter.RELEASE_MASTER);
    }

    /** An immutable copy of all counters, in {@link VrrpCounter} order. */
    public Map<VrrpCounter, Long> snapshot() {
        EnumMap<VrrpCounter, Long> copy = new EnumMap<>(VrrpCounter.class);
        for (VrrpCounter c : ALL) {
            copy.put(c, values[c.ordinal()]);
        }
        return Collections.unmodifiableMap(copy);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("VrrpCounters{");
        for (VrrpCounter c : ALL) {
            if (values[c.ordinal()] != 0) {
                sb.append(c.key()).append('=').append(values[c.ordinal()]).append(' ');
            }
        }
        return sb.append('}').toString();
    }
}
