package io.javakeepalived.check.probe;

import java.util.Objects;
import java.util.OptionalInt;

/** How one attempt ended. */
public sealed interface ProbeResult {

    /**
     * The real server answered as the checker requires.
     *
     * @param newWeight a weight the check sets (MISC_CHECK with misc_dynamic: exit status - 2),
     *                  empty to leave the weight alone
     */
    record Success(OptionalInt newWeight) implements ProbeResult {
        private static final Success PLAIN = new Success(OptionalInt.empty());

        public Success {
            Objects.requireNonNull(newWeight, "newWeight");
        }

        public static Success plain() {
            return PLAIN;
        }
    }

    /**
     * It did not. {@code reason} completes keepalived's failure line for this checker kind
     * (e.g. "connection refused", "timeout", "status code 503"); the probe has already logged
     * any line keepalived logs for the failure itself.
     */
    record Failure(String reason) implements ProbeResult {
        public Failure {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
