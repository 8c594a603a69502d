package io.javakeepalived.daemon;

import io.javakeepalived.vrrp.Action;
import io.javakeepalived.vrrp.ActionSink;
import io.javakeepalived.vrrp.TimerKind;
import io.javakeepalived.vrrp.VrrpInstance;

import java.util.Arrays;
import java.util.List;

/**
 * The actions the core answered one event with, in order, kept in arrays that live from one
 * event to the next: the executor reuses one batch, so an advert sent or heard costs no list.
 * A timer re-arm is kept as its three values rather than an {@link Action.ArmTimer} (see
 * {@link ActionSink#armTimer}); {@link #action} is null at its place.
 */
final class ActionBatch implements ActionSink {
    private Action[] actions = new Action[16];
    private VrrpInstance[] timerOwners = new VrrpInstance[16];
    private TimerKind[] timerKinds = new TimerKind[16];
    private long[] deadlines = new long[16];
    private int size;

    @Override
    public void add(Action action) {
        makeRoom();
        actions[size++] = action;
    }

    @Override
    public void armTimer(VrrpInstance instance, TimerKind kind, long deadlineNanos) {
        makeRoom();
        timerOwners[size] = instance;
        timerKinds[size] = kind;
        deadlines[size] = deadlineNanos;
        size++;
    }

    void addAll(List<Action> list) {
        for (int i = 0; i < list.size(); i++) {
            add(list.get(i));
        }
    }

    int size() {
        return size;
    }

    /** The action at {@code i}, or null where a timer is re-armed ({@link #timerOwner} ...). */
    Action action(int i) {
        return actions[i];
    }

    VrrpInstance timerOwner(int i) {
        return timerOwners[i];
    }

    TimerKind timerKind(int i) {
        return timerKinds[i];
    }

    long deadline(int i) {
        return deadlines[i];
    }

    /** Empty again, holding on to no action or instance of the last event. */
    void clear() {
        Arrays.fill(actions, 0, size, null);
        Arrays.fill(timerOwners, 0, size, null);
        size = 0;
    }

    private void makeRoom() {
        if (size == actions.length) {
            int n = size * 2;
            actions = Arrays.copyOf(actions, n);
            timerOwners = Arrays.copyOf(timerOwners, n);
            timerKinds = Arrays.copyOf(timerKinds, n);
            deadlines = Arrays.copyOf(deadlines, n);
        }
        actions[size] = null;
    }
}
