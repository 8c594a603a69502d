package io.javakeepalived.check.probe.smtp;

import java.nio.ByteBuffer;

/**
 * Assembles one SMTP reply from the bytes a server sends, bounded: RFC 5321 replies are one or
 * more lines "CODE-text" ending with "CODE text" (or a bare "CODE"). keepalived looks only at the
 * first line and so fails a multi-line greeting ("220-..."); we read to the last line, which is
 * what servers mean, and take its code.
 *
 * <p>A line longer than {@link #MAX_LINE} (keepalived's SMTP_BUFF_MAX) or a reply of more than
 * {@link #MAX_LINES} lines makes the reply {@link #MALFORMED}: a hostile server cannot make us
 * hold more than one line.
 */
final class SmtpReply {
    static final int MAX_LINE = 512;
    static final int MAX_LINES = 64;
    /** The code of a reply that is not SMTP. */
    static final int MALFORMED = -1;

    private final byte[] line = new byte[MAX_LINE];
    private int lineLength;
    private int lines;
    private boolean overflowed;
    private int code = Integer.MIN_VALUE;

    /**
     * Consumes bytes from {@code in} up to the end of the reply; returns true once the reply is
     * complete (then {@link #code()} is final and the rest of {@code in} is left unread).
     */
    boolean feed(ByteBuffer in) {
        while (in.hasRemaining() && !complete()) {
            byte b = in.get();
            if (b == '\n') {
                endLine();
            } else if (lineLength < MAX_LINE) {
                line[lineLength++] = b;
            } else {
                overflowed = true;
                code = MALFORMED;
            }
        }
        return complete();
    }

    boolean complete() {
        return code != Integer.MIN_VALUE;
    }

    /** The reply code (200..599 in practice) or {@link #MALFORMED}. */
    int code() {
        return code;
    }

    /** Whether a line was longer than {@link #MAX_LINE} (keepalived logs that). */
    boolean overflowed() {
        return overflowed;
    }

    private void endLine() {
        int len = lineLength;
        if (len > 0 && line[len - 1] == '\r') {
            len--;
        }
        lineLength = 0;
        lines++;
        int c = threeDigits(len);
        if (c < 0) {
            code = MALFORMED;
            return;
        }
        boolean last = len == 3 || line[3] == ' ';
        boolean more = len > 3 && line[3] == '-';
        if (!last && !more) {
            code = MALFORMED;
        } else if (last) {
            code = c;
        } else if (lines >= MAX_LINES) {
            code = MALFORMED;
        }
    }

    private int threeDigits(int len) {
        if (len < 3) {
            return -1;
        }
        int c = 0;
        for (int i = 0; i < 3; i++) {
            int d = line[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            c = c * 10 + d;
        }
        return c;
    }
}
