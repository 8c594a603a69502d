package io.javakeepalived.vrrp.packet;

/**
 * The per-instance statistics. The first fourteen are keepalived's {@code vrrp->stats} fields,
 * named by their keepalived JSON keys ({@code keepalived.json}) and labelled as its stats file
 * ({@code keepalived.stats}, SIGUSR2) words them; the stats file lists them in an order of its
 * own ({@code StatsDumpWriter}). The last six are extras javakeepalived also counts;
 * keepalived counts the first two only for SNMP and the last four nowhere.
 *
 * <p>An instance has one {@link VrrpCounters} set holding all of them (the state machine's
 * {@code VrrpInstance.counters()}); {@link #RUNT} and {@link #UNKNOWN_VRID} belong to no
 * instance and are counted per socket (the demultiplexer's set).
 */
public enum VrrpCounter {
    ADVERT_RCVD("advert_rcvd", "Advertisements: Received", true),
    ADVERT_SENT("advert_sent", "Advertisements: Sent", true),
    BECOME_MASTER("become_master", "Became master", true),
    RELEASE_MASTER("release_master", "Released master", true),
    PACKET_LEN_ERR("packet_len_err", "Packet Errors: Length", true),
    ADVERT_INTERVAL_ERR("advert_interval_err", "Packet Errors: Advertisement Interval", true),
    IP_TTL_ERR("ip_ttl_err", "Packet Errors: TTL", true),
    INVALID_TYPE_RCVD("invalid_type_rcvd", "Packet Errors: Invalid Type", true),
    ADDR_LIST_ERR("addr_list_err", "Packet Errors: Address List", true),
    INVALID_AUTHTYPE("invalid_authtype", "Authentication Errors: Invalid Type", true),
    AUTHTYPE_MISMATCH("authtype_mismatch", "Authentication Errors: Type Mismatch", true),
    AUTH_FAILURE("auth_failure", "Authentication Errors: Failure", true),
    PRI_ZERO_RCVD("pri_zero_rcvd", "Priority Zero: Received", true),
    PRI_ZERO_SENT("pri_zero_sent", "Priority Zero: Sent", true),
    /** Checksum errors (keepalived: {@code chk_err}, SNMP vrrpv3StatisticsRcvdChecksumErrors only). */
    CHK_ERR("chk_err", "Checksum Errors", false),
    /** Wrong VRRP version (keepalived: {@code vers_err}, SNMP only). */
    VERS_ERR("vers_err", "Version Errors", false),
    /** Too short to hold the IP (+AH) + VRRP header, or an unusable IP header. */
    RUNT("runt", "Runt Packets", false),
    /** VRID with no instance on the socket (keepalived logs it only with log_unknown_vrids). */
    UNKNOWN_VRID("unknown_vrid", "Unknown VRID", false),
    /**
     * Packets for the instance that were not accepted, whatever the reason (also those with no
     * counter of their own, such as a unicast source that is not a peer).
     */
    ADVERT_REJECTED("advert_rejected", "Rejected Adverts", false),
    /** Accepted adverts that came over a heartbeat path ({@code heartbeat_path}); also in advert_rcvd. */
    HEARTBEAT_PATH_RCVD("heartbeat_path_rcvd", "Heartbeat Path Adverts", false);

    private final String key;
    private final String label;
    private final boolean keepalivedStat;

    VrrpCounter(String key, String label, boolean keepalivedStat) {
        this.key = key;
        this.label = label;
        this.keepalivedStat = keepalivedStat;
    }

    /** keepalived's JSON key (our own snake_case name for the extras). */
    public String key() {
        return key;
    }

    /**
     * Human label; for keepalived's counters the keepalived.stats wording, "Section: Line" for
     * a line under a section header, the bare line for the two that stand alone.
     */
    public String label() {
        return label;
    }

    /** True for the fourteen counters keepalived writes to keepalived.stats / keepalived.json. */
    public boolean inKeepalivedStats() {
        return keepalivedStat;
    }
}
