package io.javakeepalived.check;

import io.javakeepalived.check.probe.CheckerStanding;
import io.javakeepalived.check.probe.ProbeResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The checker kinds and the lines keepalived logs about their attempts (check_tcp.c, check_http.c,
 * check_smtp.c, check_dns.c, check_udp.c, check_ping.c, check_misc.c): a success line when a check
 * passes and the checker was down or had not run; for a failure, the attempt's own line when the
 * kind logs it (see {@link #failureLines}) and a down line when the retries are used up and the
 * checker was up or had not run. This is the one place that decides which line is logged when;
 * probes log only what keepalived logs whatever the checker's standing.
 */
public enum CheckerKind {
    TCP("TCP_CHECK"),
    HTTP("HTTP_GET"),
    SSL("SSL_GET"),
    SMTP("SMTP_CHECK"),
    DNS("DNS_CHECK"),
    UDP("UDP_CHECK"),
    PING("PING_CHECK"),
    MISC("MISC_CHECK"),
    FILE("FILE_CHECK"),
    BFD("BFD_CHECK");

    private final String keyword;

    CheckerKind(String keyword) {
        this.keyword = keyword;
    }

    /** The configuration keyword, as the dump names the method ("Keepalive method = TCP_CHECK"). */
    public String keyword() {
        return keyword;
    }

    /**
     * What one line is about.
     *
     * @param realServer keepalived's FMT_CHK, e.g. {@code [10.0.0.2]:tcp:80}
     * @param virtualServer keepalived's FMT_VS
     * @param program    MISC_CHECK's argv[0], else empty
     */
    public record Subject(String realServer, String virtualServer, String program) {
    }

    /**
     * The line for a check that passed while the checker was down or had not run; DNS_CHECK has
     * none (check_dns.c changes the state silently).
     */
    public Optional<String> successLine(Subject s) {
        return Optional.ofNullable(switch (this) {
            case TCP -> "TCP connection to " + s.realServer() + " success.";
            case UDP -> "UDP connection to " + s.realServer() + " success.";
            case PING -> "ICMP connection to " + s.realServer() + " success.";
            case HTTP, SSL -> "Remote Web server " + s.realServer() + " succeed on service.";
            case SMTP -> "Remote SMTP server " + s.realServer() + " succeed on service.";
            case DNS -> null;
            case MISC -> "Misc check for [" + s.realServer() + " VS " + s.virtualServer() + "] by [" + s.program()
                    + "] succeeded.";
            case FILE -> "FILE_CHECK on service " + s.realServer() + " is up.";
            case BFD -> "BFD_CHECK on service " + s.realServer() + " is up.";
        });
    }

    /**
     * The lines keepalived logs for one failed attempt, in order: the attempt's own line (the
     * probe's {@link io.javakeepalived.check.probe.ProbeResult.Failure#reason()}) when this kind
     * logs it for the checker's standing, then the line that takes the checker down.
     *
     * <ul>
     * <li>TCP, UDP, PING: the attempt's line only with log_all_failures while the checker is up
     *     (check_tcp.c, check_udp.c, check_ping.c); "X_CHECK on service ... failed." to go down.
     * <li>HTTP, SSL: the attempt's line (timeout_epilog) with log_all_failures while up or before
     *     the first result; "HTTP_CHECK on service ... failed." to go down.
     * <li>SMTP, DNS: the attempt's line is the down line too (smtp_final, dns_final): logged while
     *     up or before the first result, with log_all_failures or when it takes the checker down;
     *     DNS then adds " after N retries" if the checker had run.
     * <li>MISC, FILE: no line of its own; its reason goes into the down line.
     * </ul>
     *
     * @param failure   the attempt's result
     * @param standing  where the checker stood before this result
     * @param retry     the checker's retry count
     * @param logAll    log_all_failures (the checker's or the global checker_log_all_failures)
     * @param takesDown this failure takes the checker down (its retries are spent)
     */
    public List<String> failureLines(Subject s, ProbeResult.Failure failure, CheckerStanding standing, int retry,
                                     boolean logAll, boolean takesDown) {
        boolean upOrFirst = standing.up() || !standing.hasRun();
        String reason = failure.reason();
        List<String> lines = new ArrayList<>(2);
        switch (this) {
            case TCP, UDP, PING -> {
                if (standing.up() && logAll) {
                    lines.add(reason);
                }
            }
            case HTTP, SSL -> {
                if (upOrFirst && logAll) {
                    lines.add(reason);
                }
            }
            case SMTP -> {
                if (upOrFirst && (logAll || takesDown)) {
                    lines.add(reason);
                }
                return lines;
            }
            case DNS -> {
                if (upOrFirst && (logAll || takesDown)) {
                    lines.add(takesDown && standing.hasRun() ? reason + " after " + retry + " retries" : reason);
                }
                return lines;
            }
            default -> {
                // MISC, FILE, BFD: the reason is part of the down line
            }
        }
        if (takesDown) {
            lines.add(downLine(s, retry, standing.hasRun() && standing.up(), reason));
        }
        return lines;
    }

    /**
     * The body of the alert mail when this checker brings its real server {@code up} or down
     * (each check_*.c's smtp_alert call), empty for FILE_CHECK and BFD_CHECK, which send none.
     *
     * @param reason the failure's reason when going down
     */
    public Optional<String> alertBody(boolean up, String reason) {
        return Optional.ofNullable(switch (this) {
            case TCP -> up ? "=> TCP CHECK succeed on service <=" : "=> TCP CHECK failed on service <=";
            case UDP -> up ? "=> UDP CHECK succeed on service <=" : "=> UDP CHECK failed on service <=";
            case PING -> up ? "=> ICMP CHECK succeed on service <=" : "=> ICMP CHECK failed on service <=";
            case HTTP, SSL -> up ? "=> CHECK succeed on service <="
                    : "=> CHECK failed on service : HTTP/SSL request failed <=";
            // smtp_final quotes its failure, without the "SMTP_CHECK " its log line starts with
            case SMTP -> up ? "=> CHECK succeed on service <="
                    : "=> CHECK failed on service : " + reason.replaceFirst("^SMTP_CHECK ", "") + " <=";
            case DNS -> up ? "=> DNS_CHECK: succeed on service <=" : "=> DNS_CHECK: failed on service <=";
            case MISC -> "=> MISC CHECK " + (up ? "succeeded" : reason.equals("timed out") ? "timed out" : "failed")
                    + " on service <=";
            case FILE, BFD -> null;
        });
    }

    private String downLine(Subject s, int retry, boolean retried, String reason) {
        String after = retried && retry > 0 ? " failed after " + retry + " retries." : " failed.";
        return switch (this) {
            case TCP, UDP -> name() + "_CHECK on service " + s.realServer() + after;
            case HTTP -> "HTTP_CHECK on service " + s.realServer() + after;
            case SSL -> "SSL_CHECK on service " + s.realServer() + after;
            case PING -> "ICMP CHECK on service " + s.realServer() + (retried && retry > 0
                    ? " of " + s.virtualServer() + " failed after " + retry + " retries." : " failed.");
            // check_misc.c words the last failure the same whether or not retries came before it
            case MISC -> "Misc check for [" + s.realServer() + " VS " + s.virtualServer() + "] by [" + s.program()
                    + "] failed" + (retry > 0 ? " after " + retry + (retry == 1 ? " retry" : " retries")
                    : " with retry disabled") + " (" + reason + ").";
            case FILE -> "FILE_CHECK on service " + s.realServer() + " is down (" + reason + ").";
            case BFD -> "BFD_CHECK on service " + s.realServer() + " is down.";
            case SMTP, DNS -> reason;
        };
    }
}
