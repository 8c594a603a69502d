package io.javakeepalived.check;

import io.javakeepalived.config.model.ScriptCommand;

/**
 * Where the health core's effects go besides the verdicts: keepalived's lines and the
 * notify_up/notify_down/quorum_up/quorum_down scripts. Called on the checker engine's thread;
 * must not block.
 */
public interface HealthOutput {

    /** A line at INFO, in keepalived's wording. */
    void log(String line);

    /**
     * Runs an operator's script as keepalived's notify_exec does: the configured command line,
     * nothing appended.
     *
     * @param label how the runner's own lines name it, e.g. {@code RS [10.0.0.2]:tcp:80 notify_up}
     */
    void runScript(String label, ScriptCommand command);
}
