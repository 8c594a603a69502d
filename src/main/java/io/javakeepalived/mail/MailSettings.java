package io.javakeepalived.mail;

import io.javakeepalived.config.model.GlobalDefs;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the alerts need from global_defs, with keepalived 2.2.7's defaults filled in
 * (global_data.c): {@code router_id}, the HELO name and the sender default to the host's name
 * ({@code smtp_helo_name} = the name, {@code notification_email_from} = {@code USER@name}).
 *
 * @param server         smtp_server; empty = no mail is sent
 * @param recipients     notification_email; empty = no mail is sent
 * @param from           notification_email_from
 * @param heloName       what HELO announces
 * @param connectTimeout smtp_connect_timeout: bounds the connect and every reply
 * @param routerId       the bracketed name that starts every subject
 * @param noEmailFaults  no_email_faults: no mail for entering FAULT
 */
public record MailSettings(Optional<GlobalDefs.SmtpServer> server, List<String> recipients, String from,
                           String heloName, Duration connectTimeout, String routerId, boolean noEmailFaults) {

    public MailSettings {
        Objects.requireNonNull(server, "server");
        recipients = List.copyOf(recipients);
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(heloName, "heloName");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(routerId, "routerId");
    }

    /**
     * From the configuration; {@code localName} is the host's name and {@code user} the name of the
     * user the daemon runs as (keepalived's {@code getpwuid(getuid())}).
     */
    public static MailSettings of(GlobalDefs g, String localName, String user) {
        return new MailSettings(g.smtpServer(), g.notificationEmails(),
                g.notificationEmailFrom().orElse(user + "@" + localName), g.smtpHeloName().orElse(localName),
                g.smtpConnectTimeout(), g.routerId().orElse(localName), g.noEmailFaults());
    }

    /** keepalived sends nothing without a server or without a recipient. */
    public boolean sends() {
        return server.isPresent() && !recipients.isEmpty();
    }

    /** The server as keepalived's log lines write it: {@code [10.0.0.1]:25}. */
    public String serverText() {
        return server.map(s -> "[" + s.host() + "]:" + s.port()).orElse("[none]");
    }
}
