package io.javakeepalived.mail;

import io.javakeepalived.vrrp.NotifyState;

import java.util.Optional;

/**
 * keepalived 2.2.7's alert subjects and bodies (smtp.c {@code smtp_alert}, vrrp_notify.c
 * {@code vrrp_smtp_notifier} / {@code vrrp_sync_smtp_notifier}, the checkers' calls), word for
 * word, so that mail filters written for keepalived keep matching.
 */
public final class AlertTexts {

    private AlertTexts() {
    }

    /**
     * {@code [router] VRRP Instance VI_1 - Entering MASTER state}; empty for a state keepalived
     * sends no mail for (a lower-priority advert, a priority change).
     */
    public static Optional<Alert> instance(String routerId, String instance, NotifyState state) {
        String prefix = "[" + routerId + "] VRRP Instance " + instance + " - ";
        return switch (state) {
            case MASTER -> alert(prefix + "Entering MASTER state", "=> VRRP Instance is now owning VRRP VIPs <=");
            case BACKUP -> alert(prefix + "Entering BACKUP state",
                    "=> VRRP Instance is no longer owning VRRP VIPs <=");
            case FAULT -> alert(prefix + "Entering FAULT state", "=> VRRP Instance is no longer owning VRRP VIPs <=");
            case STOP -> alert(prefix + "Stopping", "=> VRRP Instance stopping <=");
            case DELETED -> alert(prefix + "Deleted", "=> VRRP Deleted at reload <=");
            // javakeepalived's own event (keepalived has no such mail)
            case SPLIT_BRAIN -> alert(prefix + "Split brain", "=> Another MASTER of the VRRP Instance was heard <=");
            case MASTER_RX_LOWER_PRI, MASTER_PRIORITY, BACKUP_PRIORITY -> Optional.empty();
        };
    }

    /** {@code [router] VRRP Group G1 - Entering MASTER state}; empty where keepalived sends none. */
    public static Optional<Alert> group(String routerId, String group, NotifyState state) {
        String prefix = "[" + routerId + "] VRRP Group " + group + " - ";
        return switch (state) {
            case MASTER -> alert(prefix + "Entering MASTER state",
                    "=> All VRRP group instances are now in MASTER state <=");
            case BACKUP -> alert(prefix + "Entering BACKUP state",
                    "=> All VRRP group instances are now in BACKUP state <=");
            case FAULT -> alert(prefix + "Entering FAULT state",
                    "=> All VRRP group instances are now in FAULT state <=");
            case STOP -> alert(prefix + "Stopping", "=> All VRRP group instances are now stopping <=");
            case DELETED, MASTER_RX_LOWER_PRI, MASTER_PRIORITY, BACKUP_PRIORITY, SPLIT_BRAIN -> Optional.empty();
        };
    }

    /**
     * A checker's verdict on a real server:
     * {@code [router] Realserver [10.0.0.2]:tcp:80 of virtual server [10.0.0.1]:tcp:80 - DOWN}.
     *
     * @param realServer    as keepalived's FMT_RS writes it, e.g. {@code [10.0.0.2]:tcp:80}
     * @param virtualServer as FMT_VS writes it, e.g. {@code [10.0.0.1]:tcp:80} or {@code FWM 7}
     * @param body          the checker's line, e.g. {@code => TCP CHECK failed on service <=}
     */
    public static Alert realServer(String routerId, String realServer, String virtualServer, boolean up,
                                   String body) {
        return new Alert("[" + routerId + "] Realserver " + realServer + " of virtual server " + virtualServer
                + " - " + (up ? "UP" : "DOWN"), body);
    }

    /**
     * A virtual server's quorum: {@code [router] Virtualserver [10.0.0.1]:tcp:80 - UP} with
     * keepalived's body ({@code => Gained quorum 1+0=1 <= 1 for VS [10.0.0.1]:tcp:80 <=}).
     */
    public static Alert virtualServer(String routerId, String virtualServer, boolean up, String body) {
        return new Alert("[" + routerId + "] Virtualserver " + virtualServer + " - " + (up ? "UP" : "DOWN"), body);
    }

    private static Optional<Alert> alert(String subject, String body) {
        return Optional.of(new Alert(subject, body));
    }
}
