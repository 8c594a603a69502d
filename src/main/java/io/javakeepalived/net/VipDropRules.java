package io.javakeepalived.net;

import java.util.Objects;

/**
 * The nftables table keepalived installs for {@code no_accept} (RFC 5798 Accept_Mode false):
 * {@code table ip NAME} with a set {@code vips} of the VIPs a non-accepting master holds, an input
 * chain dropping what is addressed to them and an output chain dropping what they send, both base
 * chains of type filter at {@code priority} with policy accept.
 *
 * @param table    global_defs {@code nftables} (default {@code keepalived})
 * @param priority global_defs {@code nftables_priority} (default -1: just before filter)
 * @param counters global_defs {@code nftables_counters}: a counter in each drop rule
 */
public record VipDropRules(String table, int priority, boolean counters) {
    public static final String DEFAULT_TABLE = "keepalived";
    public static final int DEFAULT_PRIORITY = -1;

    public VipDropRules {
        Objects.requireNonNull(table, "table");
        if (table.isEmpty() || table.length() >= 256) {
            throw new IllegalArgumentException("nftables table name must have 1 to 255 characters: " + table);
        }
    }
}
