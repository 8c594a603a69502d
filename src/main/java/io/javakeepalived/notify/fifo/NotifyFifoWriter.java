package io.javakeepalived.notify.fifo;

import io.javakeepalived.config.model.GlobalDefs;
import io.javakeepalived.vrrp.NotifyState;

/**
 * Writes keepalived's notify FIFO lines ({@code notify_fifo} / {@code vrrp_notify_fifo}).
 * Placeholder: writes nothing until the FIFO slice lands.
 */
public class NotifyFifoWriter implements AutoCloseable {

    /** The writer for {@code notify_fifo} / {@code vrrp_notify_fifo}; one that writes nothing if neither is set. */
    public static NotifyFifoWriter fromConfig(GlobalDefs.Fifos fifos) {
        return new NotifyFifoWriter();
    }

    /** {@code INSTANCE "name" STATE priority}. Never blocks. */
    public void instance(String name, NotifyState state, int priority) {
    }

    /** {@code GROUP "name" STATE 0}. Never blocks. */
    public void group(String name, NotifyState state) {
    }

    @Override
    public void close() {
    }
}
