package io.javakeepalived.check;

/**
 * The checker kinds and the lines keepalived logs when one of them changes its mind about a real
 * server (check_tcp.c, check_http.c, check_misc.c ...): a success line when a check passes and
 * the checker was down or had not run, a failure line when it fails with its retries used up and
 * the checker was up or had not run. Nothing is logged while a checker stays where it is.
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

    /** The line for a check that passed while the checker was down or had not run. */
    public String successLine(Subject s) {
        return switch (this) {
            case TCP -> "TCP connection to " + s.realServer() + " success.";
            case UDP -> "UDP connection to " + s.realServer() + " success.";
            case PING -> "ICMP connection to " + s.realServer() + " success.";
            case HTTP, SSL -> "Remote Web server " + s.realServer() + " succeed on service.";
            case SMTP -> "Remote SMTP server " + s.realServer() + " succeed on service.";
            case DNS -> "DNS_CHECK on service " + s.realServer() + " succeed.";
            case MISC -> "Misc check for [" + s.realServer() + " VS " + s.virtualServer() + "] by [" + s.program()
                    + "] succeeded.";
            case FILE -> "FILE_CHECK on service " + s.realServer() + " is up.";
            case BFD -> "BFD_CHECK on service " + s.realServer() + " is up.";
        };
    }

    /**
     * The line for the failure that takes the checker down.
     *
     * @param retry   the checker's retry count
     * @param retried whether retries were made before this verdict (the checker had run and was up)
     * @param reason  the probe's failure reason (MISC_CHECK puts it in its line)
     */
    public String failureLine(Subject s, int retry, boolean retried, String reason) {
        String after = retried && retry > 0 ? " failed after " + retry + " retries." : " failed.";
        return switch (this) {
            case TCP, UDP, SMTP, DNS -> name() + "_CHECK on service " + s.realServer() + after;
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
        };
    }
}
