package io.javakeepalived.vrrp;

/**
 * The states of a VRRP instance (RFC 3768/5798 section 6.4) and of a sync group.
 *
 * <p>{@link #INIT} is RFC "Initialize": before {@code Startup} and again after
 * {@code Shutdown}. {@link #FAULT} is keepalived's addition: a failing unweighted tracker
 * (interface down, weight-0 script, ...) keeps the instance out of the election; it neither
 * sends nor listens.
 */
public enum VrrpState {
    INIT,
    BACKUP,
    MASTER,
    FAULT
}
