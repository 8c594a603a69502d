package io.javakeepalived.notify.fifo;

import io.javakeepalived.vrrp.NotifyState;

import java.util.Objects;

/**
 * keepalived 2.2.7's notify FIFO line ({@code notify_fifo()} in vrrp_notify.c):
 * {@code TYPE "NAME" STATE PRIORITY\n} with TYPE {@code INSTANCE} or {@code GROUP}, the name in
 * double quotes as is, and for a group priority 0. The state words keepalived writes: MASTER,
 * BACKUP, FAULT, STOP, DELETED, MASTER_RX_LOWER_PRI, and with notify_priority_changes
 * MASTER_PRIORITY / BACKUP_PRIORITY; and javakeepalived's SPLIT_BRAIN. The checker's lines
 * (ipwrapper.c {@code notify_fifo_vs} / {@code notify_fifo_rs}) have no quotes and no priority:
 * {@code VS [10.0.0.1]:tcp:80 UP}, {@code RS [10.0.1.1]:tcp:8080 [10.0.0.1]:tcp:80 DOWN}. Pure.
 */
public final class FifoLine {

    private FifoLine() {
    }

    /** The word for a notify state. */
    public static String word(NotifyState state) {
        return state.name();
    }

    /** {@code INSTANCE "name" WORD prio\n}. */
    public static String instance(String name, String word, int priority) {
        return line("INSTANCE", name, word, priority);
    }

    /** {@code GROUP "name" WORD 0\n}. */
    public static String group(String name, String word) {
        return line("GROUP", name, word, 0);
    }

    /** {@code VS name UP|DOWN\n}: the virtual server's quorum, {@code name} as keepalived's FMT_VS. */
    public static String virtualServer(String name, boolean up) {
        return "VS " + name + " " + upDown(up) + "\n";
    }

    /** {@code RS rs vs UP|DOWN\n}: a real server, named as keepalived's FMT_RS, of a virtual server. */
    public static String realServer(String realServer, String virtualServer, boolean up) {
        return "RS " + realServer + " " + virtualServer + " " + upDown(up) + "\n";
    }

    private static String upDown(boolean up) {
        return up ? "UP" : "DOWN";
    }

    private static String line(String type, String name, String word, int priority) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(word, "word");
        return type + " \"" + name + "\" " + word + " " + priority + "\n";
    }
}
