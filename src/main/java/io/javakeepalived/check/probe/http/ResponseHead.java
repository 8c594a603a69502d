package io.javakeepalived.check.probe.http;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.OptionalLong;

/**
 * The status line and headers of a response, read as they arrive and never holding more than one
 * line: a server that sends a 1 MB status line or headers without end is cut off at a limit
 * (keepalived's CVE-2018-19115 was an overflow on a long status line).
 *
 * <p>One is made per exchange, a thousand a second on a busy checker, so it allocates little: the
 * line buffer starts small and grows only for a long line (most status and header lines are
 * under 100 bytes), and headers are parsed in place, with no String or regex per line.
 */
final class ResponseHead {
    /** Longest status line or header line accepted, in bytes, line ending included. */
    static final int MAX_LINE = 4096;
    /** Most header lines accepted. */
    static final int MAX_HEADERS = 100;
    /** The line buffer's first size: it doubles up to MAX_LINE when a line needs it. */
    private static final int FIRST_LINE_CAPACITY = 128;
    private static final byte[] CONTENT_LENGTH = {'c', 'o', 'n', 't', 'e', 'n', 't', '-', 'l', 'e', 'n', 'g', 't', 'h'};
    /** Most digits of a Content-Length read: 18 always fit a long. */
    private static final int MAX_LENGTH_DIGITS = 18;

    enum State {
        /** Still reading the status line or the headers. */
        READING,
        /** The empty line after the headers was read; what follows is the body. */
        COMPLETE,
        /** A line or the header count went past its limit: the response is refused. */
        TOO_LARGE
    }

    private byte[] line = new byte[FIRST_LINE_CAPACITY];
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
                if (lineLength == line.length) {
                    line = Arrays.copyOf(line, Math.min(2 * line.length, MAX_LINE));
                }
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
            header(n);
        }
    }

    /**
     * A Content-Length header sets the length: its name compared without case and its value
     * trimmed as String.trim() would (bytes up to the space); a value that is not 1 to 18 digits
     * clears it. Any other header is ignored.
     */
    private void header(int n) {
        int colon = 0;
        while (colon < n && line[colon] != ':') {
            colon++;
        }
        if (colon == 0 || colon == n) {
            return;
        }
        int nameFrom = skipBlanks(0, colon);
        int nameTo = trimBlanks(nameFrom, colon);
        if (!isContentLength(nameFrom, nameTo)) {
            return;
        }
        int from = skipBlanks(colon + 1, n);
        int to = trimBlanks(from, n);
        contentLength = to - from >= 1 && to - from <= MAX_LENGTH_DIGITS ? digits(from, to) : -1;
    }

    private boolean isContentLength(int from, int to) {
        if (to - from != CONTENT_LENGTH.length) {
            return false;
        }
        for (int i = 0; i < CONTENT_LENGTH.length; i++) {
            byte b = line[from + i];
            if (b != CONTENT_LENGTH[i] && !(b >= 'A' && b <= 'Z' && b + ('a' - 'A') == CONTENT_LENGTH[i])) {
                return false;
            }
        }
        return true;
    }

    /** The number in line[from, to), or -1 when a byte is not a digit. */
    private long digits(int from, int to) {
        long value = 0;
        for (int i = from; i < to; i++) {
            if (!digit(line[i])) {
                return -1;
            }
            value = value * 10 + (line[i] - '0');
        }
        return value;
    }

    private int skipBlanks(int from, int to) {
        while (from < to && blank(line[from])) {
            from++;
        }
        return from;
    }

    private int trimBlanks(int from, int to) {
        while (to > from && blank(line[to - 1])) {
            to--;
        }
        return to;
    }

    /** What String.trim() removes: ISO-8859-1 chars up to the space. */
    private static boolean blank(byte b) {
        return (b & 0xff) <= ' ';
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
