package io.javakeepalived.vrrp;

/**
 * The state word keepalived passes to notify scripts, the notify FIFO and SMTP alerts
 * ({@code INSTANCE <name> <word> <priority>} / {@code GROUP <name> <word> 0}).
 */
public enum NotifyState {
    MASTER,
    BACKUP,
    FAULT,
    /** Graceful shutdown. keepalived runs notify_stop (and generic STOP), never notify_backup. */
    STOP,
    /**
     * A master heard a lower-priority advert. keepalived runs only
     * {@code notify_master_rx_lower_pri} and writes a FIFO line; the generic notify script is
     * not run for it.
     */
    MASTER_RX_LOWER_PRI,
    /**
     * The instance was removed by a reload and has {@code notify_deleted}: keepalived runs its
     * script (if given) and the generic notify with DELETED. Without notify_deleted a removed
     * instance is reported as FAULT, keepalived's old behaviour.
     */
    DELETED,
    /**
     * With {@code notify_priority_changes}: the effective priority of a MASTER changed (a tracker
     * moved it). keepalived writes only the notify FIFO line
     * ({@code INSTANCE "VI_1" MASTER_PRIORITY 90}); no script runs.
     */
    MASTER_PRIORITY,
    /** As {@link #MASTER_PRIORITY}, for an instance in any other state. */
    BACKUP_PRIORITY,
    /**
     * javakeepalived's own: as MASTER the instance heard another MASTER of its VRID, the first
     * advert of a split-brain episode ({@link Action.SplitBrainSeen}). The generic {@code notify}
     * runs with this word and a FIFO line is written; there is no notify_&lt;state&gt; script for
     * it. keepalived has no such event: scripts that switch on the state word see a new one.
     */
    SPLIT_BRAIN;

    /** A priority change (FIFO line only), not a state. */
    public boolean isPriorityChange() {
        return this == MASTER_PRIORITY || this == BACKUP_PRIORITY;
    }
}
