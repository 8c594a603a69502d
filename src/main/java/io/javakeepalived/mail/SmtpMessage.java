package io.javakeepalived.mail;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The text of one alert on the wire, pure: the envelope addresses of MAIL FROM / RCPT TO and the
 * DATA payload as keepalived 2.2.7's {@code body_cmd} writes it:
 *
 * <pre>
 * Date: Mon, 07 Dec 2026 00:40:30 +0000
 * From: keepalived@node1
 * Subject: [node1] VRRP Instance VI_1 - Entering MASTER state
 * X-Mailer: Keepalived
 * To: ops@example.com, oncall@example.com
 *
 * =&gt; VRRP Instance is now owning VRRP VIPs &lt;=
 *
 * .
 * </pre>
 *
 * Every line ends in CRLF. Unlike keepalived, a body line that starts with a dot is doubled
 * (RFC 5321 4.5.2), so a body can never end the message early, and bare CR or LF are made CRLF.
 */
public final class SmtpMessage {

    /** keepalived's {@code strftime("%a, %d %b %Y %H:%M:%S %z")}, English names whatever the locale. */
    private static final DateTimeFormatter RFC822 = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z",
            Locale.ROOT);

    private SmtpMessage() {
    }

    /**
     * The address in angle brackets as MAIL FROM and RCPT TO need it: {@code a@b} becomes
     * {@code <a@b>}; {@code Ops Team <a@b>} keeps its own brackets (keepalived after 2.2.7).
     */
    public static String envelope(String address) {
        String a = address.strip();
        int open = a.lastIndexOf('<');
        if (a.endsWith(">") && open >= 0) {
            return a.substring(open);
        }
        return "<" + a + ">";
    }

    /** The DATA payload, terminator ({@code CRLF . CRLF}) included. */
    public static String data(ZonedDateTime date, String from, List<String> to, Alert alert) {
        StringBuilder sb = new StringBuilder(256);
        sb.append("Date: ").append(RFC822.format(date)).append("\r\n");
        sb.append("From: ").append(oneLine(from)).append("\r\n");
        sb.append("Subject: ").append(oneLine(alert.subject())).append("\r\n");
        sb.append("X-Mailer: Keepalived\r\n");
        sb.append("To: ").append(String.join(", ", to.stream().map(SmtpMessage::oneLine).toList())).append("\r\n");
        sb.append("\r\n");
        for (String line : alert.body().split("\r\n|\r|\n", -1)) {
            if (line.startsWith(".")) {
                sb.append('.');
            }
            sb.append(line).append("\r\n");
        }
        return sb.append("\r\n.\r\n").toString();
    }

    /** A header value may not break the header block (an instance name never has CR/LF; be sure). */
    private static String oneLine(String s) {
        return s.replaceAll("[\r\n]+", " ");
    }
}
