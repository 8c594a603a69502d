package io.javakeepalived.net;

import java.util.function.Consumer;

/**
 * ICMP / ICMPv6 echo ("ping") for the whole daemon: one pair of sockets and one receive thread
 * however many checks use it (PING_CHECK, a reference-address tracker), never a thread or a
 * socket per check. {@link IcmpEchoPort} is the real one, built by the composition root.
 */
public interface IcmpEcho extends AutoCloseable {

    /**
     * Sends one echo request now. {@code outcome} is called exactly once, on the port's receive
     * thread, with the reply, the timeout or the send failure, unless {@link Pending#cancel()}
     * comes first; a caller with its own event loop hands it over to that loop. Any thread.
     */
    Pending send(EchoRequest request, Consumer<EchoOutcome> outcome);

    /** Stops the receive thread and closes the sockets; pending requests get no outcome. */
    @Override
    void close();

    /** A request whose outcome has not been delivered yet. */
    @FunctionalInterface
    interface Pending {
        /** The outcome will not be delivered if it has not started to be; harmless afterwards. */
        void cancel();
    }
}
