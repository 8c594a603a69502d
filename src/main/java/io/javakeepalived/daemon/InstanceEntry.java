package io.javakeepalived.daemon;

import io.javakeepalived.daemon.model.InstancePlan;
import io.javakeepalived.vrrp.InstanceReceiver;
import io.javakeepalived.vrrp.VrrpInstance;
import io.javakeepalived.vrrp.VrrpState;

import java.time.Instant;
import java.util.List;

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

    InstanceEntry(int index, InstancePlan plan, VrrpInstance instance) {
        this.index = index;
        this.plan = plan;
        this.instance = instance;
        this.receiver = new InstanceReceiver(instance);
    }

    String name() {
        return plan.name();
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
