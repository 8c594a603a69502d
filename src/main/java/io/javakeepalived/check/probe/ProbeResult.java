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
     * It did not. {@code reason} is keepalived's line for this failed attempt ("TCP connection to
     * [10.0.0.2]:tcp:80 timeout."), which the engine logs when keepalived would; for MISC_CHECK and
     * FILE_CHECK the phrase their down line quotes. See the package documentation.
     */
    record Failure(String reason) implements ProbeResult {
        public Failure {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
