package io.javakeepalived.daemon;

import io.javakeepalived.vrrp.VrrpState;

import java.util.Map;

/**
 * What a service manager is told about the VRRP loop (systemd readiness and status, see
 * {@code io.javakeepalived.daemon.systemd}). Called on the loop thread with a snapshot of
 * instance name → state; implementations hand the news off and return at once, and never
 * throw (a throw is logged and ignored).
 */
public interface LoopListener {
    LoopListener NONE = new LoopListener() { };

    /** Every instance has entered its initial state (BACKUP, MASTER or FAULT). */
    default void started(Map<String, VrrpState> states) { }

    /** One or more instances changed state during the latest turn. */
    default void statesChanged(Map<String, VrrpState> states) { }

    /** A reload is starting. */
    default void reloading() { }

    /** A reload is over: {@code applied}, or rejected and the running configuration kept; the states after it. */
    default void reloaded(boolean applied, Map<String, VrrpState> states) { }

    /** The loop is about to release its instances and return. */
    default void stopping() { }
}
