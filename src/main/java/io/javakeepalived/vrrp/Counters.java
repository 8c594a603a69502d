package io.javakeepalived.vrrp;

/**
 * The statistics the state machine owns, named after keepalived's {@code vrrp->stats}
 * fields (keepalived.stats / JSON). Packet-error counters belong to the receive path.
 *
 * @param becomeMaster     transitions into MASTER ({@code become_master})
 * @param releaseMaster    transitions out of MASTER to BACKUP or FAULT ({@code release_master})
 * @param advertSent       adverts sent, priority 0 included ({@code advert_sent})
 * @param priZeroSent      priority-0 adverts sent ({@code pri_zero_sent})
 * @param advertReceived   accepted adverts processed in BACKUP or MASTER ({@code advert_rcvd})
 * @param priZeroReceived  accepted priority-0 adverts ({@code pri_zero_rcvd})
 * @param advertRejected   {@link Event.AdvertRejected} seen (no keepalived equivalent; the
 *                         receive path keeps the per-reason counters)
 */
public record Counters(long becomeMaster, long releaseMaster, long advertSent, long priZeroSent,
                       long advertReceived, long priZeroReceived, long advertRejected) {
}
