package io.javakeepalived.check;

import io.javakeepalived.config.model.ScriptCommand;

/**
 * Where the health core's effects go besides the verdicts: keepalived's lines, the
 * notify_up/notify_down/quorum_up/quorum_down scripts the alert mails and the notify FIFO lines. Called on the checker
 * engine's thread; must not block.
 */
public interface HealthOutput {

    /** A line at INFO, in keepalived's wording. */
    void log(String line);

    /**
     * Runs an operator's script as keepalived's notify_exec does: the configured command line,
     * nothing appended.
     *
     * @param label how the runner's own lines name it, e.g. {@code RS [10.0.0.2]:tcp:80 notify_up}
     */
    void runScript(String label, ScriptCommand command);

    /**
     * keepalived's checker alert (smtp_alert with SMTP_MSG_RS): a checker changed its real server's
     * standing. Queued for the mail thread.
     *
     * @param up   whether the real server is alive now (the subject's UP / DOWN)
     * @param body the checker's words, e.g. {@code => TCP CHECK failed on service <=}
     */
    void mailRealServer(String realServer, String virtualServer, boolean up, String body);

    /** keepalived's quorum alert (SMTP_MSG_VS): the virtual server gained ({@code up}) or lost its quorum. */
    void mailQuorum(String virtualServer, boolean up, String body);

    /**
     * A line for notify_fifo and lvs_notify_fifo ({@code VS [10.0.0.1]:tcp:80 UP},
     * {@code RS [10.0.1.1]:tcp:80 [10.0.0.1]:tcp:80 DOWN}), written where keepalived writes it:
     * with each real server's and virtual server's notifies, whether or not a script is set.
     * Nothing by default: outputs without FIFOs need not care.
     */
    default void fifo(String line) {
    }
}
