package io.javakeepalived.check;

import io.javakeepalived.config.model.RealServer;
import io.javakeepalived.config.model.VirtualServer;

/**
 * What the LVS health checkers conclude, for whoever acts on it: the IPVS table (a dead real
 * server leaves it, or gets weight 0 with inhibit_on_failure), the sorry server, mail alerts, the
 * dumps. Called on the checker engine's thread, in the order the verdicts were reached; an
 * implementation must not block (hand the work to its own thread or queue).
 */
public interface HealthVerdicts {

    /**
     * A real server became alive (every checker of it passes) or dead (one checker failed all
     * its retries), or, alive, its weight changed (MISC_CHECK with misc_dynamic).
     *
     * @param weight the weight it should carry now (the configured one unless a checker set it)
     */
    void realServer(VirtualServer virtualServer, RealServer realServer, boolean alive, int weight);

    /**
     * The total weight of the virtual server's alive real servers crossed its quorum (going up
     * past quorum + hysteresis: gained; down below quorum - hysteresis: lost).
     */
    void quorum(VirtualServer virtualServer, boolean gained);

    /** Acts on nothing: for a checker-only test, or before IPVS is wired. */
    HealthVerdicts NONE = new HealthVerdicts() {
        @Override
        public void realServer(VirtualServer virtualServer, RealServer realServer, boolean alive, int weight) {
        }

        @Override
        public void quorum(VirtualServer virtualServer, boolean gained) {
        }
    };
}
