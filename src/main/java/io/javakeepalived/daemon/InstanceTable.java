package io.javakeepalived.daemon;

import io.javakeepalived.daemon.model.InstancePlan;
import io.javakeepalived.daemon.model.SyncGroupPlan;
import io.javakeepalived.daemon.model.VrrpPlan;
import io.javakeepalived.vrrp.TimerKind;
import io.javakeepalived.vrrp.Vip;
import io.javakeepalived.vrrp.VrrpInstance;
import io.javakeepalived.vrrp.VrrpState;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.Objects;

/**
 * The running plan and its instances: in configuration order (their index is their owner number
 * in the {@link TimerQueue}), by name (for messages from outside the loop) and by core instance
 * (for the {@link io.javakeepalived.vrrp.Action}s, which carry it). Loop thread only.
 */
final class InstanceTable {
    /** The running plan as configured (primary addresses unresolved); replaced by a reload. */
    private VrrpPlan plan;
    private final List<InstanceEntry> entries = new ArrayList<>();
    private final List<InstanceEntry> view = Collections.unmodifiableList(entries);
    private final Map<String, InstanceEntry> byName = new HashMap<>();
    private final Map<VrrpInstance, InstanceEntry> byInstance = new IdentityHashMap<>();
    private TimerQueue timers;

    InstanceTable(VrrpPlan plan) {
        this.plan = Objects.requireNonNull(plan, "plan");
    }

    VrrpPlan plan() {
        return plan;
    }

    void plan(VrrpPlan next) {
        plan = Objects.requireNonNull(next, "plan");
    }

    /** Every instance, in order; read-only and live. */
    List<InstanceEntry> entries() {
        return view;
    }

    /** The instance called {@code name}, or null. */
    InstanceEntry find(String name) {
        return byName.get(name);
    }

    /** The entry of the instance an action carries: it must be in the table. */
    InstanceEntry entryOf(VrrpInstance instance) {
        InstanceEntry e = byInstance.get(instance);
        if (e == null) {
            throw new IllegalStateException("no instance " + instance);
        }
        return e;
    }

    /** A new instance at the end. */
    InstanceEntry add(InstancePlan resolved, Instant now) {
        InstanceEntry e = new InstanceEntry(entries.size(), resolved, new VrrpInstance(resolved.settings()));
        e.lastTransition = now;
        entries.add(e);
        byName.put(e.name(), e);
        byInstance.put(e.instance, e);
        return e;
    }

    /** Forgets an instance; its timers are cancelled. */
    void remove(InstanceEntry e) {
        timers.cancelAll(e.index);
        entries.remove(e);
        byName.remove(e.name());
        byInstance.remove(e.instance);
    }

    /** The instances of a sync group, in its order. */
    List<VrrpInstance> members(SyncGroupPlan g) {
        List<VrrpInstance> members = new ArrayList<>();
        for (String m : g.members()) {
            members.add(byName.get(m).instance);
        }
        return members;
    }

    TimerQueue timers() {
        return timers;
    }

    /** Start-up: a timer queue for the instances there are. */
    void makeTimers() {
        timers = new TimerQueue(entries.size());
    }

    /**
     * After a reload removed instances: numbers the survivors 0..n-1 again, in a new queue with room
     * for {@code coming} more; the core knows its deadlines, the queue follows.
     */
    void renumber(int coming) {
        timers = new TimerQueue(entries.size() + coming);
        for (int i = 0; i < entries.size(); i++) {
            InstanceEntry e = entries.get(i);
            e.index = i;
            for (Entry<TimerKind, Long> t : e.instance.armedTimers().entrySet()) {
                timers.arm(i, t.getKey(), t.getValue());
            }
        }
    }

    /** True if an instance other than {@code e} has its addresses up and {@code v} among them. */
    boolean heldByAnother(InstanceEntry e, Vip v) {
        for (InstanceEntry o : entries) {
            if (o == e || !o.vipsInstalled) {
                continue;
            }
            for (Vip w : o.plan.allAddresses()) {
                if (w.address().equals(v.address()) && w.device().equals(v.device())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The state of each instance: name → state. */
    Map<String, VrrpState> states() {
        Map<String, VrrpState> out = new LinkedHashMap<>();
        for (InstanceEntry e : entries) {
            out.put(e.name(), e.instance.state());
        }
        return out;
    }
}
