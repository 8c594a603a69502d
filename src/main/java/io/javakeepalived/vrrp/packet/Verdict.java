package io.javakeepalived.vrrp.packet;

/** Outcome of {@link AdvertValidator#validate}: accepted, or a {@link Rejection}. */
public sealed interface Verdict permits Verdict.Accepted, Rejection {

    /**
     * The packet passed every check keepalived makes; the state machine may act on it.
     *
     * @param advert                      the advert
     * @param meta                        where it came from
     * @param switchToOldUnicastChecksum  true once, when a VRRPv3 unicast advert only verified with
     *                                    the pre-1.3.6 checksum (multicast group as pseudo-header
     *                                    destination) and the policy allowed detection: from now
     *                                    on the instance must use
     *                                    {@link ReceivePolicy.OldUnicastChecksum#DETECTED} for
     *                                    receiving and the multicast group as checksum destination
     *                                    for sending; keepalived logs
     *                                    {@link #OLD_CHECKSUM_LOG} then
     */
    record Accepted(Advert advert, ReceiveMeta meta, boolean switchToOldUnicastChecksum) implements Verdict {

        public static final String OLD_CHECKSUM_LOG = "Setting unicast VRRPv3 checksum to old version";

        /** A priority-0 advert: the master is leaving (counted in pri_zero_rcvd). */
        public boolean priorityZero() {
            return advert.priority() == 0;
        }
    }
}
