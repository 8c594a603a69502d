package io.javakeepalived.vrrp;

/** How loud a {@link Action.Log} line is. keepalived logs all of them at LOG_INFO. */
public enum LogLevel {
    /** Logged by keepalived 2.2.7 without options (state changes, elections, priority). */
    INFO,
    /** Logged by keepalived only with {@code -D/--log-detail} (timeouts, VIP set/remove, prio 0). */
    DETAIL
}
