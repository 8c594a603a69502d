package io.javakeepalived.check.probe.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * The status line and headers of a response, read as they arrive and never holding more than one
 * line: a server that sends a 1 MB status line or headers without end is cut off at a limit
 * (keepalived's CVE-2018-19115 was an overflow on a long status line).
 */
final class ResponseHead {
    /** Longest status line or header line accepted, in bytes, line ending included. */
    static final int MAX_LINE = 4096;
    /** Most header lines accepted. */
    static final int MAX_HEADERS = 100;

    enum State {
        /** Still reading the status line or the headers. */
        READING,
        /** The empty line after the headers was read; what follows is the body. */
        COMPLETE,
        /** A line or the header count went past its limit: the response is refused. */
        TOO_LARGE
    }

    private final byte[] line = new byte[MAX_LINE];
    private int lineLength;
    private int headers = -1; // -1 while on the status line
    private State state = State.READING;
    private int statusCode;
    private long contentLength = -1;

    /**
     * Consumes bytes of {@code in} up to the end of the head (or of {@code in}); after
     * {@link State#COMPLETE} the bytes left in {@code in} are the start of the body.
     */
    State feed(ByteBuffer in) {
        while (state == State.READING && in.hasRemaining()) {
            byte b = in.get();
            if (b == '\n') {
                endOfLine();
            } else if (lineLength == MAX_LINE - 1) { // keep room for the '\n' that ends it
                state = State.TOO_LARGE;
            } else {
                line[lineLength++] = b;
            }
        }
        return state;
    }

    State state() {
        return state;
    }

    /**
     * The status code as keepalived reads it: the three digits after the first space of the
     * status line, or 0 when they are not there (which no status_code list accepts).
     */
    int statusCode() {
        return statusCode;
    }

    /** The Content-Length header, if the server sent a readable one. */
    OptionalLong contentLength() {
        return contentLength < 0 ? OptionalLong.empty() : OptionalLong.of(contentLength);
    }

    private void endOfLine() {
        int n = lineLength > 0 && line[lineLength - 1] == '\r' ? lineLength - 1 : lineLength;
        lineLength = 0;
        if (headers < 0) {
            statusCode = parseStatus(line, n);
            headers = 0;
        } else if (n == 0) {
            state = State.COMPLETE;
        } else if (++headers > MAX_HEADERS) {
            state = State.TOO_LARGE;
        } else {
            header(new String(line, 0, n, StandardCharsets.ISO_8859_1));
        }
    }

    private void header(String text) {
        int colon = text.indexOf(':');
        if (colon > 0 && text.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals("content-length")) {
            String value = text.substring(colon + 1).trim();
            contentLength = value.matches("[0-9]{1,18}") ? Long.parseLong(value) : -1;
        }
    }

    /**
     * keepalived's extract_status_code(): skip the version, one space, then exactly three
     * digits. keepalived also wants a space after them; an empty reason phrase without that space
     * ("HTTP/1.0 200") is accepted here too, as servers send it.
     */
    static int parseStatus(byte[] text, int length) {
        int i = 0;
        while (i < length && text[i] != ' ') {
            i++;
        }
        if (i + 4 > length || !digit(text[i + 1]) || !digit(text[i + 2]) || !digit(text[i + 3])) {
            return 0;
        }
        if (i + 4 < length && text[i + 4] != ' ') {
            return 0;
        }
        return (text[i + 1] - '0') * 100 + (text[i + 2] - '0') * 10 + (text[i + 3] - '0');
    }

    private static boolean digit(byte b) {
        return b >= '0' && b <= '9';
    }
}
