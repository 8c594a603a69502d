/**
 * keepalived's SMTP alerts: one short mail per VRRP state transition of an instance or sync group
 * with {@code smtp_alert}, and (for the LVS checker engine) per real-server or virtual-server
 * change, in keepalived 2.2.7's words, sent off the VRRP loop.
 *
 * <ul>
 * <li>{@link io.javakeepalived.mail.MailSettings}: global_defs' mail keywords with keepalived's
 *     defaults (router_id, sender and HELO name from the host name).</li>
 * <li>{@link io.javakeepalived.mail.AlertTexts}: the subjects and bodies, pure;
 *     {@link io.javakeepalived.mail.VrrpAlerts} decides which notifications become mails
 *     ({@code smtp_alert}, {@code no_email_faults}, one mail per state as keepalived's
 *     {@code last_email_state}).</li>
 * <li>{@link io.javakeepalived.mail.SmtpMessage}: the envelope and the DATA text (headers, CRLF,
 *     dot-stuffing), pure; {@link io.javakeepalived.mail.SmtpSession}: HELO, MAIL, RCPT, DATA,
 *     QUIT over one blocking socket, every step bounded by {@code smtp_connect_timeout}.</li>
 * <li>{@link io.javakeepalived.mail.MailQueue}: the bounded queue and its retry policy on a clock
 *     passed in, pure; {@link io.javakeepalived.mail.AlertMailer}: the one "mail" thread serving
 *     it. The VRRP loop only ever calls {@link io.javakeepalived.mail.AlertMailer#submit}, which
 *     never blocks.</li>
 * </ul>
 *
 * <p>Why a client of our own rather than Eclipse Angus Mail: the daemon needs five commands on one
 * plain connection, and keepalived's log lines name the command that failed and its status code
 * ("Error processing RCPT cmd on SMTP server [..]:25. SMTP status code = 550"); a mail library
 * would bring about 1 MB of jars (jakarta.mail, activation) and hide the dialogue behind
 * exceptions, for features (MIME, TLS, auth) keepalived does not offer either.
 */
package io.javakeepalived.mail;
