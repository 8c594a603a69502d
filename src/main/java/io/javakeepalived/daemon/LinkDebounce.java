package io.javakeepalived.daemon;

import io.javakeepalived.daemon.model.LinkDelays;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code interface_up_down_delays}, as keepalived's {@code update_interface_flags} does it: a
 * carrier change of an interface counts only once it has lasted the interface's down (or up)
 * delay; one that is undone before is dropped ("Delay timer for eth0 cancelled"), so a blip
 * causes no transition. The delays apply only once the interface has been seen up: a link that
 * was never up comes up at once. Pure bookkeeping on the loop's monotonic clock; the loop asks
 * {@link #nanosUntilNext} how long it may sleep and collects {@link #due} changes. Loop thread only.
 */
final class LinkDebounce {

    /** A change of {@code ifname} that now counts. */
    record Change(String ifname, boolean usable) {
    }

    /** What to do with a reported change. */
    enum Verdict {
        /** it counts now */
        NOW,
        /** it counts if it lasts: see {@link #due} */
        DELAYED,
        /** it undid the change that was waiting: nothing counts */
        CANCELLED,
        /** it is no change */
        NOTHING
    }

    private record Pending(boolean usable, long dueNanos) {
    }

    private final Map<String, Pending> pending = new HashMap<>();
    private final Set<String> seenUp = new HashSet<>();

    /** The interface is (or was once) up: its later changes may be delayed. */
    void seenUp(String ifname) {
        seenUp.add(ifname);
    }

    /**
     * The kernel reports {@code ifname} {@code usable} (or not); the instances last heard
     * {@code counted}.
     */
    Verdict report(String ifname, boolean usable, boolean counted, LinkDelays delays, long now) {
        Pending p = pending.get(ifname);
        if (p != null) {
            if (p.usable() == usable) {
                return Verdict.NOTHING; // the same change again: its timer keeps running
            }
            pending.remove(ifname);
            return usable == counted ? Verdict.CANCELLED : Verdict.NOW;
        }
        if (usable == counted) {
            return Verdict.NOTHING;
        }
        long delay = delays.before(usable).toNanos();
        if (delay > 0 && seenUp.contains(ifname)) {
            pending.put(ifname, new Pending(usable, now + delay));
            return Verdict.DELAYED;
        }
        if (usable) {
            seenUp.add(ifname);
        }
        return Verdict.NOW;
    }

    /** Drops what waits for {@code ifname} (the interface is gone: that counts at once). */
    void cancel(String ifname) {
        pending.remove(ifname);
    }

    /** The changes that have lasted their delay, removed from the waiting ones. */
    List<Change> due(long now) {
        if (pending.isEmpty()) {
            return List.of(); // every turn of the loop asks: nothing made when nothing waits
        }
        List<Change> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, Pending>> it = pending.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Pending> e = it.next();
            if (e.getValue().dueNanos() - now <= 0) {
                it.remove();
                out.add(new Change(e.getKey(), e.getValue().usable()));
                if (e.getValue().usable()) {
                    seenUp.add(e.getKey());
                }
            }
        }
        return out;
    }

    /** Nanoseconds until the next waiting change is due (0 if one is), or -1 if none waits. */
    long nanosUntilNext(long now) {
        if (pending.isEmpty()) {
            return -1; // asked every turn: no iterator when nothing waits
        }
        long best = -1;
        for (Pending p : pending.values()) {
            long d = Math.max(0, p.dueNanos() - now);
            if (best < 0 || d < best) {
                best = d;
            }
        }
        return best;
    }
}
