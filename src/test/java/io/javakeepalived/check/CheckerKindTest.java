package io.javakeepalived.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.javakeepalived.check.probe.CheckerStanding;
import io.javakeepalived.check.probe.ProbeResult;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Which of keepalived's lines each checker kind logs for a failed attempt, and when. */
class CheckerKindTest {

    private static final CheckerKind.Subject RS = new CheckerKind.Subject("[10.0.0.2]:tcp:80", "[10.0.0.1]:tcp:80", "");
    private static final CheckerStanding UP = new CheckerStanding(true, true);
    private static final CheckerStanding DOWN = new CheckerStanding(false, true);
    private static final CheckerStanding FIRST = new CheckerStanding(true, false);
    private static final CheckerStanding ALPHA_FIRST = new CheckerStanding(false, false);

    private static List<String> lines(CheckerKind kind, String reason, CheckerStanding standing, boolean logAll,
                                      boolean takesDown) {
        return kind.failureLines(RS, new ProbeResult.Failure(reason), standing, 3, logAll, takesDown);
    }

    @Test
    void tcpLogsTheAttemptOnlyWithLogAllFailuresWhileUpThenItsDownLine() {
        String t = "TCP connection to [10.0.0.2]:tcp:80 timeout.";
        assertEquals(List.of(), lines(CheckerKind.TCP, t, UP, false, false));
        assertEquals(List.of(t), lines(CheckerKind.TCP, t, UP, true, false));
        assertEquals(List.of(t, "TCP_CHECK on service [10.0.0.2]:tcp:80 failed after 3 retries."),
                lines(CheckerKind.TCP, t, UP, true, true));
        assertEquals(List.of("TCP_CHECK on service [10.0.0.2]:tcp:80 failed."),
                lines(CheckerKind.TCP, t, ALPHA_FIRST, true, true), "check_tcp.c: is_up, not has_run, for the attempt");
        assertEquals(List.of(), lines(CheckerKind.TCP, t, DOWN, true, false));
    }

    @Test
    void httpLogsTheAttemptWithLogAllFailuresBeforeTheFirstResultToo() {
        String t = "Timeout connecting server [10.0.0.2]:tcp:80.";
        assertEquals(List.of(t, "HTTP_CHECK on service [10.0.0.2]:tcp:80 failed."),
                lines(CheckerKind.HTTP, t, ALPHA_FIRST, true, true));
        assertEquals(List.of("SSL_CHECK on service [10.0.0.2]:tcp:80 failed after 3 retries."),
                lines(CheckerKind.SSL, t, UP, false, true));
    }

    @Test
    void smtpsLineIsItsDownLine() {
        String t = "SMTP_CHECK Read timeout from server [10.0.0.2]:25";
        assertEquals(List.of(), lines(CheckerKind.SMTP, t, UP, false, false), "a retry is silent");
        assertEquals(List.of(t), lines(CheckerKind.SMTP, t, UP, true, false));
        assertEquals(List.of(t), lines(CheckerKind.SMTP, t, UP, false, true));
        assertEquals(List.of(), lines(CheckerKind.SMTP, t, DOWN, true, false));
    }

    @Test
    void dnsAddsItsRetriesToTheLineThatTakesItDown() {
        String t = "DNS_CHECK ([10.0.0.2]:udp:53) read timeout from socket";
        assertEquals(List.of(t + " after 3 retries"), lines(CheckerKind.DNS, t, UP, false, true));
        assertEquals(List.of(t), lines(CheckerKind.DNS, t, FIRST, false, true));
        assertEquals(List.of(t), lines(CheckerKind.DNS, t, UP, true, false));
        assertEquals(Optional.empty(), CheckerKind.DNS.successLine(RS), "check_dns.c logs no success");
    }

    @Test
    void miscAndFileQuoteTheirReasonInTheDownLineOnly() {
        assertEquals(List.of(), lines(CheckerKind.MISC, "exited with status 1", UP, true, false));
        assertEquals(List.of("FILE_CHECK on service [10.0.0.2]:tcp:80 is down (value 0 in /f)."),
                lines(CheckerKind.FILE, "value 0 in /f", UP, true, true));
    }
}
