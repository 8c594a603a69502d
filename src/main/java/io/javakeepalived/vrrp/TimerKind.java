package io.javakeepalived.vrrp;

/**
 * The timers an instance asks its owner to run. At most one timer of each kind is armed
 * per instance; arming a kind again replaces the earlier deadline.
 */
public enum TimerKind {
    /** RFC Master_Down_Timer: in BACKUP, fires when the master is presumed dead. */
    MASTER_DOWN,
    /** RFC Adver_Timer: in MASTER, fires when the next regular advert is due. */
    ADVERT,
    /** Second gratuitous ARP/NA burst, garp_master_delay after becoming master. */
    GARP_MASTER_DELAY,
    /** Second burst, garp_lower_prio_delay after a master heard a lower-priority advert. */
    GARP_LOWER_PRIO_DELAY,
    /** Periodic burst while master, every garp_master_refresh. */
    GARP_REFRESH
}
