package io.javakeepalived.check;

import io.javakeepalived.check.probe.CheckerStanding;
import io.javakeepalived.check.probe.Probe;
import io.javakeepalived.config.model.Checker;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

/**
 * How the engine runs one configured checker: its kind, its schedule, a fresh probe per attempt
 * (told where the checker stands, which only HTTP_GET / SSL_GET use),
 * and the outer limit after which an attempt that never reported is aborted and counted as a
 * failure (the probe's own timeouts should always come first).
 *
 * @param program MISC_CHECK's program for its lines, else empty
 */
public record CheckPlan(CheckerKind kind, Checker.Timing timing, Function<CheckerStanding, Probe> probes,
                        Duration attemptLimit, String program) {
    public CheckPlan {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(timing, "timing");
        Objects.requireNonNull(probes, "probes");
        Objects.requireNonNull(attemptLimit, "attemptLimit");
        Objects.requireNonNull(program, "program");
    }
}
