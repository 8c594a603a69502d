package io.javakeepalived.net;

/** How one {@link EchoRequest} ended. */
public sealed interface EchoOutcome {

    /** The target answered; {@code roundTripNanos} after the request left. */
    record Reply(long roundTripNanos) implements EchoOutcome {
    }

    /** No answer within the request's timeout. */
    record TimedOut() implements EchoOutcome {
    }

    /** The request could not be sent (no route, no such interface, ...); ready to log. */
    record SendFailed(String reason) implements EchoOutcome {
    }
}
