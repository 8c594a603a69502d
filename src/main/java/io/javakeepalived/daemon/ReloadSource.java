package io.javakeepalived.daemon;

import io.javakeepalived.daemon.dump.ConfiguredGlobals;
import io.javakeepalived.config.model.KeepalivedConfig;
import io.javakeepalived.daemon.model.VrrpPlan;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a reload gets the new configuration from. The VRRP loop calls {@link #load()} on a
 * thread of its own when a RELOAD request arrives, never on the loop thread: reading and
 * checking a configuration can take far longer than an advert interval.
 *
 * <p>The daemon's source reads the same file with the same options as start-up did and logs
 * its diagnostics (with file:line) itself; tests hand plans in directly.
 */
@FunctionalInterface
public interface ReloadSource {

    /** No reload possible: every request is rejected and the daemon runs on unchanged. */
    ReloadSource NONE = () -> new Rejected("no configuration source to reload from");

    /**
     * Loads the configuration again. Called on a reload thread; may block; should not throw (a
     * RuntimeException counts as a rejection).
     */
    Outcome load();

    /** What a load produced. */
    sealed interface Outcome permits Loaded, Rejected {
    }

    /**
     * A configuration the daemon can run.
     *
     * @param plan    what the VRRP loop runs from now on
     * @param globals the global definitions the dumps show from now on
     * @param config  the configuration the plan was made from, for what is wired outside the
     *                VRRP loop (trackers, notify hooks; see {@link ReloadHook}); empty
     *                when a test hands a plan in directly
     */
    record Loaded(VrrpPlan plan, ConfiguredGlobals globals, Optional<KeepalivedConfig> config) implements Outcome {
        public Loaded {
            Objects.requireNonNull(plan, "plan");
            Objects.requireNonNull(globals, "globals");
            Objects.requireNonNull(config, "config");
        }

        /** A plan without its configuration. */
        public Loaded(VrrpPlan plan, ConfiguredGlobals globals) {
            this(plan, globals, Optional.empty());
        }
    }

    /**
     * The new configuration is refused whole (fatal error, cannot run); the running one stays.
     *
     * @param reason one line for the log (the details were logged by the source)
     */
    record Rejected(String reason) implements Outcome {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
