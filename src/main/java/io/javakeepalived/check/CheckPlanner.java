package io.javakeepalived.check;

import io.javakeepalived.config.model.Checker;
import io.javakeepalived.config.model.RealServer;
import io.javakeepalived.config.model.VirtualServer;

import java.util.Optional;

/** Configured checker → how the engine runs it ({@link Probes} in the daemon, scripted probes in tests). */
@FunctionalInterface
public interface CheckPlanner {

    /** How to run {@code checker}, or empty if its kind cannot be run (it is then logged and skipped). */
    Optional<CheckPlan> plan(Checker checker, RealServer rs, VirtualServer vs);
}
