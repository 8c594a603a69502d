package io.javakeepalived.daemon;

import io.javakeepalived.vrrp.Action;

/**
 * Where {@link Action.RunNotify} and {@link Action.RunGroupNotify} go. Called on the VRRP loop
 * thread, so it must hand the work off and return at once (scripts never run on the loop).
 */
@FunctionalInterface
public interface NotifySink {
    /** Drops notifications (the loop still logs them at debug). */
    NotifySink NONE = action -> { };

    void dispatch(Action notify);
}
