package io.javakeepalived.daemon;

import io.javakeepalived.daemon.model.InstancePlan;
import io.javakeepalived.vrrp.InstanceReceiver;
import io.javakeepalived.vrrp.Vip;
import io.javakeepalived.vrrp.VrrpInstance;
import io.javakeepalived.vrrp.VrrpState;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One running instance and what the loop keeps beside it. Loop thread only. */
final class InstanceEntry {
    private static final int STATES = VrrpState.values().length;

    /** Its owner number in the {@link TimerQueue}: its place in the {@link InstanceTable}. */
    int index;
    /** As configured, primary address resolved; a reload may replace it. */
    InstancePlan plan;
    final VrrpInstance instance;
    final InstanceReceiver receiver;
    /** The VRRP socket it reads and sends on; null while it has none (FAULT). */
    SharedSocket socket;
    Instant lastTransition;
    boolean vipsInstalled;
    /** State changes since start, [from.ordinal() * STATES + to.ordinal()]; for the metrics. */
    private final long[] transitions = new long[STATES * STATES];
    /** {@link #announcementRound()}, and the plan it was made for. */
    private List<GarpPacer.Announcement> round;
    private InstancePlan roundOf;

    InstanceEntry(int index, InstancePlan plan, VrrpInstance instance) {
        this.index = index;
        this.plan = plan;
        this.instance = instance;
        this.receiver = new InstanceReceiver(instance);
    }

    String name() {
        return plan.name();
    }

    /**
     * One gratuitous ARP / NA for each of its addresses, grouped by interface: one round of a
     * burst. Made once per plan: a master hearing lower priorities bursts on every advert
     * (garp_lower_prio_repeat), and the round was most of what such an advert cost (issue 14).
     */
    List<GarpPacer.Announcement> announcementRound() {
        if (roundOf != plan) {
            Map<String, List<Vip>> byDevice = new LinkedHashMap<>();
            for (Vip v : plan.allAddresses()) { // no lambda: this may run on a takeover, before the first GARP
                List<Vip> onDevice = byDevice.get(v.device());
                if (onDevice == null) {
                    onDevice = new ArrayList<>();
                    byDevice.put(v.device(), onDevice);
                }
                onDevice.add(v);
            }
            List<GarpPacer.Announcement> r = new ArrayList<>();
            for (Map.Entry<String, List<Vip>> d : byDevice.entrySet()) {
                for (Vip v : d.getValue()) {
                    r.add(new GarpPacer.Announcement(name(), d.getKey(), v.address()));
                }
            }
            round = List.copyOf(r);
            roundOf = plan;
        }
        return round;
    }

    void countTransition(VrrpState from, VrrpState to) {
        transitions[from.ordinal() * STATES + to.ordinal()]++;
    }

    /** Adds a {@link LoopSnapshot.Transitions} to {@code out} for each (from, to) that happened. */
    void transitionsInto(List<LoopSnapshot.Transitions> out) {
        VrrpState[] states = VrrpState.values();
        for (int i = 0; i < transitions.length; i++) {
            if (transitions[i] != 0) {
                out.add(new LoopSnapshot.Transitions(name(), states[i / STATES], states[i % STATES], transitions[i]));
            }
        }
    }
}
