package io.javakeepalived.mail;

import io.javakeepalived.config.model.KeepalivedConfig;
import io.javakeepalived.vrrp.Action;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Objects;

import org.slf4j.Logger;

/**
 * The daemon's mail alerts: the VRRP loop hands it every notification ({@link #notified}, on the
 * loop thread, returns at once); the ones {@link VrrpAlerts} picks go to the {@link AlertMailer}.
 * The LVS checker engine reaches the same mailer through {@link #mailer()}.
 */
public final class MailAlerts implements AutoCloseable {

    private final String localName;
    private final String user;
    private final VrrpAlerts vrrp = new VrrpAlerts();
    private final AlertMailer mailer;

    private MailAlerts(KeepalivedConfig config, String localName, String user, AlertMailer mailer) {
        this.localName = localName;
        this.user = user;
        this.mailer = mailer;
        vrrp.configure(config, mailer.settings());
    }

    /**
     * For {@code config}; the host's name and the process's user fill keepalived's defaults. The
     * mail thread starts with {@link #start()}; alerts raised before wait for it.
     */
    public static MailAlerts create(KeepalivedConfig config, Logger log) {
        String name = localName();
        String user = System.getProperty("user.name", "root");
        return new MailAlerts(config, name, user,
                AlertMailer.overSmtp(MailSettings.of(config.global(), name, user), log));
    }

    /**
     * Starts the mail thread (idle without smtp_server, so that a reload can add one), in the
     * calling thread's network namespace: keepalived in a {@code net_namespace} mails from there.
     */
    public void start() {
        mailer.startThread();
    }

    /**
     * The host's name (keepalived's {@code uname} node name; keepalived then asks the resolver for
     * its canonical name, which Java cannot, so a node name without domain stays short).
     */
    static String localName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            String msg = e.getMessage(); // "name: Name or service not known": the name is there
            int colon = msg == null ? -1 : msg.indexOf(':');
            return colon > 0 ? msg.substring(0, colon) : "unknown";
        }
    }

    /** A VRRP notification (VRRP loop thread); a mail is queued if keepalived would send one. */
    public void notified(Action notify) {
        vrrp.alertFor(notify).ifPresent(mailer::submit);
    }

    /** A reload was applied (VRRP loop thread): new settings for the mails from now on. */
    public void reload(KeepalivedConfig next) {
        MailSettings settings = MailSettings.of(Objects.requireNonNull(next, "next").global(), localName, user);
        mailer.configure(settings);
        vrrp.configure(next, settings);
    }

    /** Where checker alerts go. */
    public AlertMailer mailer() {
        return mailer;
    }

    /** At stop: the queued mails (STOP alerts) get a last attempt, at most {@code limit}. */
    public boolean drain(Duration limit) {
        return mailer.drain(limit);
    }

    @Override
    public void close() {
        mailer.close();
    }
}
