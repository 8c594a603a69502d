package io.javakeepalived.vrrp;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The deadlines of an instance's armed timers, one slot per {@link TimerKind}. Plain longs, not
 * a map of boxed ones: a backup re-arms its Master_Down_Timer on every advert it hears, and a
 * {@code Long} per re-arm was garbage at every advert (issue 14).
 */
final class ArmedTimers {
    private static final TimerKind[] KINDS = TimerKind.values();

    private final long[] deadlines = new long[KINDS.length];
    private final boolean[] armed = new boolean[KINDS.length];

    boolean isArmed(TimerKind kind) {
        return armed[kind.ordinal()];
    }

    /** The deadline of an armed timer (meaningless when {@link #isArmed} is false). */
    long deadline(TimerKind kind) {
        return deadlines[kind.ordinal()];
    }

    void arm(TimerKind kind, long deadline) {
        deadlines[kind.ordinal()] = deadline;
        armed[kind.ordinal()] = true;
    }

    /** Forgets the timer; returns whether it was armed. */
    boolean remove(TimerKind kind) {
        boolean was = armed[kind.ordinal()];
        armed[kind.ordinal()] = false;
        return was;
    }

    /** The armed timers, a copy. */
    Map<TimerKind, Long> asMap() {
        Map<TimerKind, Long> out = new EnumMap<>(TimerKind.class);
        for (TimerKind k : KINDS) {
            if (armed[k.ordinal()]) {
                out.put(k, deadlines[k.ordinal()]);
            }
        }
        return Collections.unmodifiableMap(out);
    }
}
