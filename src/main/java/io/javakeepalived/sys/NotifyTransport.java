package io.javakeepalived.sys;

/**
 * Carries one sd_notify datagram ({@code KEY=VALUE} lines) to the service manager. Never blocks
 * for long and never throws: a notification that cannot be delivered is lost, as with
 * sd_notify(3).
 */
public interface NotifyTransport extends AutoCloseable {

    /** Sends {@code message} as one datagram; false if it could not be sent. */
    boolean send(String message);

    /** The socket's address as {@code $NOTIFY_SOCKET} gave it, for log lines. */
    String target();

    /** The last error's text, or null. */
    String lastError();

    @Override
    void close();
}
