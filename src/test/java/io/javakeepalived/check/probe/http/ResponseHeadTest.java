package io.javakeepalived.check.probe.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The head parser fed as a slow server sends: one byte at a time, and against its limits. */
class ResponseHeadTest {

    /** Feeds {@code text} byte by byte; returns what is left after the head (the body so far). */
    private static String feedBytewise(ResponseHead head, String text) {
        StringBuilder rest = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.ISO_8859_1)) {
            ByteBuffer one = ByteBuffer.wrap(new byte[] {b});
            if (head.state() == ResponseHead.State.READING) {
                head.feed(one);
            }
            if (one.hasRemaining()) {
                rest.append((char) (one.get() & 0xff));
            }
        }
        return rest.toString();
    }

    @Test
    void statusHeadersAndTheStartOfTheBodyByteByByte() {
        ResponseHead head = new ResponseHead();
        String rest = feedBytewise(head, "HTTP/1.1 503 Service Unavailable\r\nServer: x\r\nContent-Length: 5\r\n\r\nbusy!");
        assertEquals(ResponseHead.State.COMPLETE, head.state());
        assertEquals(503, head.statusCode());
        assertEquals(OptionalLong.of(5), head.contentLength());
        assertEquals("busy!", rest);
    }

    @Test
    void theBodyStartsRightAfterTheEmptyLineInOneBuffer() {
        ResponseHead head = new ResponseHead();
        ByteBuffer in = ByteBuffer.wrap("HTTP/1.0 200 OK\r\ncontent-length:  12 \r\n\r\n<html>".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(ResponseHead.State.COMPLETE, head.feed(in));
        assertEquals(200, head.statusCode());
        assertEquals(OptionalLong.of(12), head.contentLength());
        assertEquals("<html>", StandardCharsets.ISO_8859_1.decode(in).toString());
    }

    @Test
    void bareLineFeedsEndLinesToo() {
        ResponseHead head = new ResponseHead();
        assertEquals("x", feedBytewise(head, "HTTP/1.0 204 No Content\nA: b\n\nx"));
        assertEquals(204, head.statusCode());
        assertEquals(OptionalLong.empty(), head.contentLength());
    }

    @Test
    void statusCodesKeepaliveCannotReadAreZero() {
        assertEquals(0, status("HTTP/1.1 20 OK"));
        assertEquals(0, status("HTTP/1.1 2000 OK"));
        assertEquals(0, status("HTTP/1.1  200 OK"));
        assertEquals(0, status("garbage"));
        assertEquals(0, status(""));
        assertEquals(0, status("HTTP/1.1 2x0 OK"));
        assertEquals(200, status("HTTP/1.1 200"));
        assertEquals(404, status("HTTP/1.0 404 "));
    }

    private static int status(String line) {
        byte[] b = line.getBytes(StandardCharsets.ISO_8859_1);
        return ResponseHead.parseStatus(b, b.length);
    }

    @Test
    void aStatusLineOfOneMegabyteIsRefusedAtTheLineLimit() {
        ResponseHead head = new ResponseHead();
        byte[] line = new byte[1 << 20];
        java.util.Arrays.fill(line, (byte) 'A');
        ByteBuffer in = ByteBuffer.wrap(line);
        assertEquals(ResponseHead.State.TOO_LARGE, head.feed(in));
        assertEquals(ResponseHead.MAX_LINE, in.position(), "stops reading at the limit");
    }

    @Test
    void aLineJustUnderTheLimitIsTaken() {
        ResponseHead head = new ResponseHead();
        String longHeader = "X: " + "v".repeat(ResponseHead.MAX_LINE - 6) + "\r\n"; // MAX_LINE - 1 bytes
        feedBytewise(head, "HTTP/1.0 200 OK\r\n" + longHeader + "\r\n");
        assertEquals(ResponseHead.State.COMPLETE, head.state());
    }

    @Test
    void headersThatNeverEndAreRefusedAtTheHeaderCount() {
        ResponseHead head = new ResponseHead();
        head.feed(ByteBuffer.wrap("HTTP/1.0 200 OK\r\n".getBytes(StandardCharsets.ISO_8859_1)));
        int taken = 0;
        while (head.state() == ResponseHead.State.READING) {
            head.feed(ByteBuffer.wrap(("X-" + taken + ": y\r\n").getBytes(StandardCharsets.ISO_8859_1)));
            taken++;
            assertTrue(taken <= ResponseHead.MAX_HEADERS + 1, "no limit");
        }
        assertEquals(ResponseHead.State.TOO_LARGE, head.state());
        assertEquals(ResponseHead.MAX_HEADERS + 1, taken);
    }

    @Test
    void anUnreadableContentLengthIsIgnored() {
        ResponseHead head = new ResponseHead();
        feedBytewise(head, "HTTP/1.0 200 OK\r\nContent-Length: 12abc\r\n\r\n");
        assertEquals(OptionalLong.empty(), head.contentLength());
    }

    @Test
    void aLongHeaderLineIsKeptWholeAndTheHeadsAfterItStillCount() {
        ResponseHead head = new ResponseHead();
        String cookie = "Set-Cookie: " + "c".repeat(3000) + "\r\n";
        assertEquals("", feedBytewise(head, "HTTP/1.1 200 OK\r\n" + cookie + "Content-Length: 3\r\n\r\n"));
        assertEquals(ResponseHead.State.COMPLETE, head.state());
        assertEquals(OptionalLong.of(3), head.contentLength());
    }

    @Test
    void contentLengthIsNamedInAnyCaseAndItsValueMustBeDigitsOnly() {
        assertEquals(OptionalLong.of(7), length(" CONTENT-LENGTH :\t7"));
        assertEquals(OptionalLong.of(123456789012345678L), length("Content-length: 123456789012345678"));
        assertEquals(OptionalLong.empty(), length("Content-Length: 1234567890123456789"));
        assertEquals(OptionalLong.empty(), length("Content-Length: 12a"));
        assertEquals(OptionalLong.empty(), length("Content-Length: -1"));
        assertEquals(OptionalLong.empty(), length("Content-Length:"));
        assertEquals(OptionalLong.empty(), length("Content-Lengths: 5"));
        assertEquals(OptionalLong.empty(), length(": 5"));
    }

    @Test
    void aLaterUnreadableContentLengthClearsAnEarlierOne() {
        ResponseHead head = new ResponseHead();
        feedBytewise(head, "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: five\r\n\r\n");
        assertEquals(OptionalLong.empty(), head.contentLength());
    }

    private static OptionalLong length(String header) {
        ResponseHead head = new ResponseHead();
        feedBytewise(head, "HTTP/1.1 200 OK\r\n" + header + "\r\n\r\n");
        assertEquals(ResponseHead.State.COMPLETE, head.state());
        return head.contentLength();
    }
}
