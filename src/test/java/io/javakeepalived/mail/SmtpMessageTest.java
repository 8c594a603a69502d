package io.javakeepalived.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

class SmtpMessageTest {
    private static final ZonedDateTime DATE = ZonedDateTime.of(2026, 12, 7, 0, 40, 30, 0, ZoneOffset.ofHours(1));

    @Test
    void theDataIsKeepalivedsHeadersThenTheBodyThenTheTerminatorAllInCrlf() {
        String data = SmtpMessage.data(DATE, "root@node1", List.of("ops@example.com", "oncall@example.com"),
                new Alert("[node1] VRRP Instance VI_1 - Entering MASTER state",
                        "=> VRRP Instance is now owning VRRP VIPs <="));
        // keepalived 2.2.7 smtp.h: SMTP_HEADERS_CMD SMTP_BODY_CMD SMTP_SEND_CMD, byte for byte
        assertEquals("Date: Mon, 07 Dec 2026 00:40:30 +0100\r\n"
                + "From: root@node1\r\n"
                + "Subject: [node1] VRRP Instance VI_1 - Entering MASTER state\r\n"
                + "X-Mailer: Keepalived\r\n"
                + "To: ops@example.com, oncall@example.com\r\n"
                + "\r\n"
                + "=> VRRP Instance is now owning VRRP VIPs <=\r\n"
                + "\r\n.\r\n", data);
    }

    @Test
    void aBodyLineStartingWithADotIsDoubledSoItCannotEndTheMessage() {
        String data = SmtpMessage.data(DATE, "a@b", List.of("c@d"), new Alert("s", "first\n.\n..two\nlast"));
        assertTrue(data.endsWith("\r\n\r\nfirst\r\n..\r\n...two\r\nlast\r\n\r\n.\r\n"), data);
        // the only line that is a lone dot is the terminator
        assertEquals(data.length() - 5, data.indexOf("\r\n.\r\n"));
    }

    @Test
    void bareCrAndLfInTheBodyBecomeCrlfAndHeadersStayOneLine() {
        String data = SmtpMessage.data(DATE, "a@b", List.of("c@d"), new Alert("sub\r\nBcc: x@y", "one\rtwo\nthree"));
        assertTrue(data.contains("one\r\ntwo\r\nthree\r\n"), data);
        assertTrue(data.contains("Subject: sub Bcc: x@y\r\n"), data);
        assertFalse(data.replace("\r\n", "").contains("\n") || data.replace("\r\n", "").contains("\r"), data);
    }

    @Test
    void theEnvelopeAddressIsInAngleBracketsOnce() {
        assertEquals("<ops@example.com>", SmtpMessage.envelope("ops@example.com"));
        assertEquals("<ops@example.com>", SmtpMessage.envelope("Ops Team <ops@example.com>"));
    }
}
