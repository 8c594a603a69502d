package io.javakeepalived.check.probe.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SmtpReplyTest {

    private static ByteBuffer bytes(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static int codeOf(String s) {
        SmtpReply r = new SmtpReply();
        assertTrue(r.feed(bytes(s)), "complete: " + s);
        return r.code();
    }

    @Test
    void aOneLineReplyGivesItsCode() {
        assertEquals(220, codeOf("220 mail.example.org ESMTP Postfix\r\n"));
        assertEquals(250, codeOf("250 hello\n"));
    }

    @Test
    void aBareCodeIsAReply() {
        // RFC 5321 allows "CODE CRLF"; keepalived's strtoul test trips on the CR, we do not.
        assertEquals(220, codeOf("220\r\n"));
    }

    @Test
    void aMultiLineReplyEndsAtItsLastLine() {
        SmtpReply r = new SmtpReply();
        assertFalse(r.feed(bytes("220-mail.example.org ESMTP\r\n220-no UCE\r\n")));
        assertTrue(r.feed(bytes("220 ready\r\nleft over")));
        assertEquals(220, r.code());
    }

    @Test
    void theReplyLeavesWhatFollowsItUnread() {
        SmtpReply r = new SmtpReply();
        ByteBuffer in = bytes("250 ok\r\n221 bye\r\n");
        assertTrue(r.feed(in));
        assertEquals("221 bye\r\n", StandardCharsets.ISO_8859_1.decode(in).toString());
    }

    @Test
    void bytesArrivingOneByOneMakeTheSameReply() {
        SmtpReply r = new SmtpReply();
        byte[] all = "220-a\r\n220 b\r\n".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < all.length; i++) {
            assertEquals(i == all.length - 1, r.feed(ByteBuffer.wrap(all, i, 1)), "after byte " + i);
        }
        assertEquals(220, r.code());
    }

    @Test
    void notSmtpIsMalformed() {
        assertEquals(SmtpReply.MALFORMED, codeOf("HTTP/1.0 400 Bad Request\r\n"));
        assertEquals(SmtpReply.MALFORMED, codeOf("22\r\n"));
        assertEquals(SmtpReply.MALFORMED, codeOf("2200 x\r\n"));
        assertEquals(SmtpReply.MALFORMED, codeOf("\r\n"));
    }

    @Test
    void anOverlongLineIsMalformedAtOnceWithoutWaitingForItsEnd() {
        SmtpReply r = new SmtpReply();
        assertTrue(r.feed(bytes("220 " + "x".repeat(SmtpReply.MAX_LINE))));
        assertEquals(SmtpReply.MALFORMED, r.code());
        assertTrue(r.overflowed());
    }

    @Test
    void aLineOfExactlyTheLimitIsFine() {
        assertEquals(220, codeOf("220 " + "x".repeat(SmtpReply.MAX_LINE - 5) + "\r\n"));
    }

    @Test
    void endlessContinuationLinesAreCutOff() {
        SmtpReply r = new SmtpReply();
        assertTrue(r.feed(bytes("220-more\r\n".repeat(SmtpReply.MAX_LINES + 5))));
        assertEquals(SmtpReply.MALFORMED, r.code());
    }
}
