package io.javakeepalived.cli;

import io.javakeepalived.daemon.LoopListener;
import io.javakeepalived.vrrp.VrrpState;

import java.util.Map;
import java.util.Objects;

/**
 * A {@link LoopListener} that passes everything on and, once every instance has entered its
 * initial state, runs one task on a thread of its own. What an operator wants to read but the
 * election does not need (the configuration's findings, which read the file again) goes here,
 * so that it costs nothing between exec and the first advert.
 */
final class AfterStart implements LoopListener {
    private final LoopListener next;
    private final Runnable task;
    private boolean done;

    AfterStart(LoopListener next, Runnable task) {
        this.next = Objects.requireNonNull(next, "next");
        this.task = Objects.requireNonNull(task, "task");
    }

    @Override
    public void started(Map<String, VrrpState> states) {
        next.started(states);
        if (!done) {
            done = true;
            Thread t = new Thread(task, "after-start");
            t.setDaemon(true); // a stop during it must not wait for it
            t.start();
        }
    }

    @Override
    public void statesChanged(Map<String, VrrpState> states) {
        next.statesChanged(states);
    }

    @Override
    public void reloading() {
        next.reloading();
    }

    @Override
    public void reloaded(boolean applied, Map<String, VrrpState> states) {
        next.reloaded(applied, states);
    }

    @Override
    public void stopping() {
        next.stopping();
    }
}
