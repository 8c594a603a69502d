package io.javakeepalived.track;

import io.javakeepalived.vrrp.Event;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * keepalived's {@code num_script_init} / {@code num_member_init}: an instance tracking weight-0
 * scripts that have not reported yet stays in INIT (no state, no notify, no adverts) until each
 * of them has; an instance in a sync group waits until every member may start. The gate sits
 * between the trackers and the VRRP loop: it passes every event on and, once the last awaited
 * script of an instance (or of a whole group) has reported, posts {@link Event.Startup} for it,
 * after the events of that report, so the instance starts in the state the script says.
 *
 * <p>Not thread-safe: the checker loop calls it from its one thread.
 */
public final class StartupGate implements CheckerLoop.Sink {

    private final CheckerLoop.Sink next;
    private final Map<String, Set<String>> pending = new LinkedHashMap<>();
    private final Map<String, List<String>> groupOf = new HashMap<>();
    /** Instances added by a reload that the VRRP loop holds in INIT until this gate starts them. */
    private final Set<String> holding = new LinkedHashSet<>();

    /**
     * @param pending instance → the tracker names ({@code script NAME}) whose first report it awaits
     * @param groups  sync group members, each list one group
     */
    public StartupGate(Map<String, Set<String>> pending, List<List<String>> groups, CheckerLoop.Sink next) {
        this.next = Objects.requireNonNull(next, "next");
        pending.forEach((k, v) -> {
            if (!v.isEmpty()) {
                this.pending.put(k, new LinkedHashSet<>(v));
            }
        });
        for (List<String> g : groups) {
            for (String m : g) {
                groupOf.put(m, List.copyOf(g));
            }
        }
    }

    /**
     * The instances the VRRP loop must not start by itself: those awaiting scripts and the other
     * members of their sync groups.
     */
    public Set<String> held() {
        Set<String> out = new LinkedHashSet<>();
        for (String i : pending.keySet()) {
            out.addAll(groupOf.getOrDefault(i, List.of(i)));
        }
        return out;
    }

    @Override
    public void post(String instance, Event event) {
        next.post(instance, event);
        String tracker = event instanceof Event.FaultRaised f ? f.source()
                : event instanceof Event.FaultCleared c ? c.source() : null;
        if (tracker == null) {
            return;
        }
        Set<String> waits = pending.get(instance);
        if (waits == null || !waits.remove(tracker) || !waits.isEmpty()) {
            return;
        }
        pending.remove(instance);
        List<String> members = groupOf.getOrDefault(instance, List.of(instance));
        for (String m : members) {
            if (pending.containsKey(m)) {
                return; // the group waits for its slowest member
            }
        }
        for (String m : new ArrayList<>(members)) {
            holding.remove(m);
            next.post(m, new Event.Startup());
        }
    }

    /**
     * A reload added instances the VRRP loop holds in INIT ({@code held}): each waits for the
     * first report of the weight-0 scripts in {@code pending}, and a sync group of them for its
     * slowest member, as at start-up. Call before the reload's trackers post anything; then
     * {@link #startUnawaited()} once they have stated their starting point.
     *
     * @param groups the new configuration's sync groups, reduced here to their held members
     */
    public void hold(Set<String> held, Map<String, Set<String>> pending, List<List<String>> groups) {
        for (String i : held) {
            this.pending.remove(i);
            groupOf.remove(i);
        }
        for (List<String> g : groups) {
            List<String> members = g.stream().filter(held::contains).toList();
            for (String m : members) {
                groupOf.put(m, members);
            }
        }
        pending.forEach((k, v) -> {
            if (held.contains(k) && !v.isEmpty()) {
                this.pending.put(k, new LinkedHashSet<>(v));
            }
        });
        holding.addAll(held);
    }

    /** Starts the held instances (and groups) that wait for nothing (any more). */
    public void startUnawaited() {
        for (String i : new ArrayList<>(holding)) {
            if (!holding.contains(i)) {
                continue;
            }
            List<String> members = groupOf.getOrDefault(i, List.of(i));
            if (members.stream().noneMatch(pending::containsKey)) {
                for (String m : members) {
                    if (holding.remove(m)) {
                        next.post(m, new Event.Startup());
                    }
                }
            }
        }
    }

    /** For tests and dumps: who still waits for what. */
    Map<String, Set<String>> pending() {
        Map<String, Set<String>> copy = new HashMap<>();
        pending.forEach((k, v) -> copy.put(k, new HashSet<>(v)));
        return copy;
    }
}
