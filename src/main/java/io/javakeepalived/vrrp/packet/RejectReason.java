package io.javakeepalived.vrrp.packet;

import java.util.Optional;

/**
 * Why a received packet was not accepted, in keepalived 2.2.7's order of checks
 * ({@code vrrp_get_header()}, the read dispatcher, then {@code vrrp_check_packet()}; the row
 * numbers are those of keepalived-features.md §1b). Each reason knows the counter it bumps
 * (keepalived's, or one of our extras), whether keepalived writes its log line, and whether
 * that line carries the "(instance) " prefix.
 *
 * <p>Every rejection has the same effect on the protocol: the packet is ignored, the state is
 * unchanged and a BACKUP's master-down timer is not reset.
 */
public enum RejectReason {
    // -- codec: before any instance is known -----------------------------------------------
    /** #2: shorter than the IP (+AH) header plus the 8-byte VRRP header. */
    RUNT(2, VrrpCounter.RUNT, LogWhen.ALWAYS, false, false),
    /** Not an IPv4 header a kernel would deliver (version, IHL &lt; 5, protocol not 112/51). Ours. */
    BAD_IP_HEADER(2, VrrpCounter.RUNT, LogWhen.ALWAYS, false, false),

    // -- read dispatcher ---------------------------------------------------------------------
    /** #3: no instance with this VRID (and family) on the socket. */
    UNKNOWN_VRID(3, VrrpCounter.UNKNOWN_VRID, LogWhen.LOG_UNKNOWN_VRIDS, false, false),
    /** #6: IPv6 multicast packet for a unicast instance or vice versa; silently discarded. */
    CAST_DISCARDED(6, null, LogWhen.DETAIL, true, false),

    // -- vrrp_check_packet --------------------------------------------------------------------
    /** #7: IPv4 AH header present but auth type is not AH, or the reverse. */
    AH_MISMATCH(7, VrrpCounter.AUTHTYPE_MISMATCH, LogWhen.ALWAYS, true, false),
    /** #8: received length differs from IP header (+AH) + VRRP header (+v2 auth) + addresses. */
    LENGTH(8, VrrpCounter.PACKET_LEN_ERR, LogWhen.ALWAYS, true, false),
    /** #9: multicast instance and TTL / hop limit not 255. */
    TTL(9, VrrpCounter.IP_TTL_ERR, LogWhen.ALWAYS, true, false),
    /** #10: VRRP version differs from the instance's. */
    VERSION(10, VrrpCounter.VERS_ERR, LogWhen.ALWAYS, true, false),
    /** #11: v2 auth type not 0, 1 or 2. */
    INVALID_AUTH_TYPE(11, VrrpCounter.INVALID_AUTHTYPE, LogWhen.ALWAYS, true, false),
    /** #12: v2 auth type differs from the configured one. */
    AUTH_TYPE_MISMATCH(12, VrrpCounter.AUTHTYPE_MISMATCH, LogWhen.ALWAYS, true, false),
    /** #13: wrong password. */
    AUTH_FAILURE(13, VrrpCounter.AUTH_FAILURE, LogWhen.ALWAYS, true, false),
    /** #14: AH header whose next header is not VRRP; keepalived drops it silently. */
    AH_NOT_VRRP(14, null, LogWhen.NEVER, true, false),
    /** #14: the AH ICV (HMAC-MD5-96) does not verify: another password, or a changed byte. */
    AH_ICV(14, VrrpCounter.AUTH_FAILURE, LogWhen.ALWAYS, true, false),
    /** #14: the AH SPI is not the sender's address; keepalived's line has no instance name. */
    AH_SPI(14, VrrpCounter.AUTH_FAILURE, LogWhen.ALWAYS, false, false),
    /** #14: the AH sequence number is not above the instance's counter: a replay (or a restarted peer). */
    AH_REPLAY(14, VrrpCounter.AUTH_FAILURE, LogWhen.ALWAYS, true, false),
    /**
     * #15: v2 advert interval differs from the configured one. keepalived 2.2.7 has the
     * "Advertisement Interval" counter but never bumps it (measured); we do, on purpose.
     */
    ADVERT_INTERVAL(15, VrrpCounter.ADVERT_INTERVAL_ERR, LogWhen.ALWAYS, true, false),
    /** #16: VRRP type is not 1 (ADVERTISEMENT). */
    INVALID_TYPE(16, VrrpCounter.INVALID_TYPE_RCVD, LogWhen.ALWAYS, true, false),
    /** #17: address count differs from the number of configured VIPs (when addresses are checked). */
    ADDRESS_COUNT(17, VrrpCounter.ADDR_LIST_ERR, LogWhen.ALWAYS, true, false),
    /** #18: IPv4 total length differs from the received length. */
    IP_TOTAL_LENGTH(18, VrrpCounter.PACKET_LEN_ERR, LogWhen.ALWAYS, true, false),
    /** #19: VRRP checksum wrong. */
    CHECKSUM(19, VrrpCounter.CHK_ERR, LogWhen.ALWAYS, true, false),
    /** #20: IPv4 multicast destination on a unicast instance or vice versa. */
    CAST_MISMATCH(20, VrrpCounter.ADDR_LIST_ERR, LogWhen.ALWAYS, true, false),
    /** #21: a configured VIP is missing from the advert. Counted as received first. */
    ADDRESS_LIST(21, VrrpCounter.ADDR_LIST_ERR, LogWhen.ALWAYS, true, true),
    /** #22: unicast source is not a configured peer (check_unicast_src). Counted as received, no error counter. */
    UNICAST_SOURCE(22, null, LogWhen.ALWAYS, true, true),
    /** #23: TTL outside the peer's min_ttl..max_ttl. Counted as received first. */
    TTL_RANGE(23, VrrpCounter.IP_TTL_ERR, LogWhen.ALWAYS, true, true);

    /** When keepalived writes the log line for a reason. */
    public enum LogWhen {
        ALWAYS,
        /** only with global_defs {@code log_unknown_vrids} */
        LOG_UNKNOWN_VRIDS,
        /** only with {@code -D} (detailed log) */
        DETAIL,
        /** never */
        NEVER
    }

    private final int keepalivedRow;
    private final VrrpCounter counter;
    private final LogWhen logWhen;
    private final boolean instancePrefixed;
    private final boolean countedAsReceived;

    RejectReason(int keepalivedRow, VrrpCounter counter, LogWhen logWhen, boolean instancePrefixed,
                 boolean countedAsReceived) {
        this.keepalivedRow = keepalivedRow;
        this.counter = counter;
        this.logWhen = logWhen;
        this.instancePrefixed = instancePrefixed;
        this.countedAsReceived = countedAsReceived;
    }

    /** Row of the check in keepalived-features.md §1b (checks run in increasing row order). */
    public int keepalivedRow() {
        return keepalivedRow;
    }

    /** The error counter this reason bumps, if any. */
    public Optional<VrrpCounter> counter() {
        return Optional.ofNullable(counter);
    }

    /** {@link #counter()} without the Optional: counting is on the per-packet path, which allocates nothing. */
    VrrpCounter counterOrNull() {
        return counter;
    }

    public LogWhen logWhen() {
        return logWhen;
    }

    /** True if keepalived prefixes the log line with "(instance) ". */
    public boolean instancePrefixed() {
        return instancePrefixed;
    }

    /** True if keepalived has already counted the packet in {@code advert_rcvd} when this check fails. */
    public boolean countedAsReceived() {
        return countedAsReceived;
    }
}
