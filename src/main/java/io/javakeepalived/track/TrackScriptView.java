package io.javakeepalived.track;

import io.javakeepalived.config.model.VrrpScript;

import java.util.List;
import java.util.Objects;

/**
 * One {@code vrrp_script} as the status dumps and the metrics page show it: its configuration,
 * keepalived's {@code result} counter, whether a run is going, and who tracks it. Immutable, so
 * that the checker loop can publish it and the VRRP loop can read it without a lock
 * ({@link TrackScriptScheduler#published()}).
 *
 * @param script   the configured script
 * @param result   keepalived's {@code result} counter
 * @param ok       {@code result >= rise}
 * @param running  a run of it is going now
 * @param phase    its start-up phase (keepalived's {@code init_state})
 * @param tracking the instances tracking it, with the weights in force
 */
public record TrackScriptView(VrrpScript script, int result, boolean ok, boolean running, Phase phase,
                              List<TrackScriptState.Tracking> tracking) {

    /** keepalived's {@code init_state}. */
    public enum Phase {
        /** No result yet since start-up. */
        INIT,
        /** No result yet; {@code init_fail} made it start failed. */
        INIT_FAILED,
        /** No result yet; the script came with a reload. */
        INIT_RELOAD,
        /** It has reported. */
        DONE
    }

    public TrackScriptView {
        Objects.requireNonNull(script, "script");
        Objects.requireNonNull(phase, "phase");
        tracking = List.copyOf(tracking);
    }

    public String name() {
        return script.name();
    }
}
