package io.javakeepalived.check.probe.socket;

import io.javakeepalived.check.probe.ProbeIo;

import java.time.Duration;

/**
 * The one deadline a probe has at a time (connect, then each read or write step): arming it
 * again replaces the previous one, so a step that ends early never fires a stale timeout.
 */
public final class StepTimer {
    private final ProbeIo io;
    private ProbeIo.Timer pending;

    public StepTimer(ProbeIo io) {
        this.io = io;
    }

    public void arm(Duration timeout, Runnable onTimeout) {
        cancel();
        ProbeIo.Timer[] self = new ProbeIo.Timer[1];
        self[0] = io.after(timeout.toNanos(), () -> {
            if (pending == self[0]) {
                pending = null;
                onTimeout.run();
            }
        });
        pending = self[0];
    }

    public void cancel() {
        if (pending != null) {
            pending.cancel();
            pending = null;
        }
    }
}
