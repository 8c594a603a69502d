package io.javakeepalived.vrrp;

/**
 * Where {@link VrrpInstance#handle(Event, long, ActionSink)} writes its answer, in order. The
 * caller owns it and may reuse it from one event to the next: the core keeps nothing of it.
 *
 * <p>A timer re-arm is the one action the core writes for nearly every advert (a backup's
 * Master_Down_Timer on each advert heard, a master's Adver_Timer on each advert sent), and its
 * deadline differs every time, so no record can be shared for it: {@link #armTimer} lets a
 * sink take it as plain values. By default it is an {@link Action.ArmTimer} like any other.
 */
@FunctionalInterface
public interface ActionSink {

    void add(Action action);

    /** {@code add(new Action.ArmTimer(instance, kind, deadlineNanos))}, unless the sink does better. */
    default void armTimer(VrrpInstance instance, TimerKind kind, long deadlineNanos) {
        add(new Action.ArmTimer(instance, kind, deadlineNanos));
    }
}
