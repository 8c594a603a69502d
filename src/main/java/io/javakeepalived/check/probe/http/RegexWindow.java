package io.javakeepalived.check.probe.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A url's {@code regex} matched over a body that streams past a fixed window (keepalived keeps a
 * 4 KiB buffer and asks PCRE2 for partial matches; here {@link Matcher#hitEnd()} says whether
 * more bytes could still complete a match, and only then are the unmatched bytes kept). Bytes are
 * read as ISO-8859-1, one char per byte, so offsets are body byte offsets as in keepalived.
 * Memory is the window, whatever the body's size; it starts small and grows to its capacity
 * only for a longer body, and one Matcher serves all of the body's searches (an exchange with a
 * regex is made every delay_loop).
 */
final class RegexWindow {
    /** keepalived's MAX_BUFFER_LENGTH: how much of the body a match may span. */
    static final int CAPACITY = 4096;
    /** Bytes kept before the next possible match start, for lookbehind and \b. */
    static final int CONTEXT = 256;
    /** The window's first size: most health pages are shorter. */
    private static final int FIRST_CAPACITY = 512;

    private final Pattern pattern;
    private final long minOffset;
    private final long maxOffset;
    private byte[] window = new byte[FIRST_CAPACITY];
    private Matcher matcher;
    private final CharSequence text = new Latin1();
    private int length;
    private long windowStart;  // body offset of window[0]
    private int resumeAt;      // window index: no match can start before it
    private boolean decided;
    private boolean matched;

    /**
     * @param minOffset regex_min_offset: matches must start at or after this body offset
     * @param maxOffset regex_max_offset: matches must start at or before it; 0 = anywhere
     */
    RegexWindow(Pattern pattern, long minOffset, long maxOffset) {
        this.pattern = pattern;
        this.minOffset = minOffset;
        this.maxOffset = maxOffset == 0 ? Long.MAX_VALUE : maxOffset;
    }

    /** Takes all of {@code body}: the next bytes of the body, in order. */
    void feed(ByteBuffer body) {
        while (body.hasRemaining()) {
            if (decided) {
                body.position(body.limit());
                return;
            }
            if (length == window.length) {
                if (window.length < CAPACITY) {
                    window = Arrays.copyOf(window, Math.min(2 * window.length, CAPACITY));
                } else {
                    slide();
                }
            }
            int n = Math.min(body.remaining(), window.length - length);
            body.get(window, length, n);
            length += n;
            search(false);
        }
    }

    /** The body ended: settles a match that needed the end ($, \z) and reports. */
    boolean matchedAtEnd() {
        if (!decided) {
            search(true);
        }
        return matched;
    }

    private void search(boolean atEnd) {
        long from = Math.max(windowStart + resumeAt, minOffset);
        if (from > maxOffset) {
            decided = true; // past regex_max_offset: keepalived stops looking
            return;
        }
        if (from >= windowStart + length) {
            resumeAt = length;
            return;
        }
        if (matcher == null) {
            matcher = pattern.matcher(text);
        } else {
            matcher.reset(); // reads the text's length again: the window filled since the last search
        }
        Matcher m = matcher;
        m.useTransparentBounds(true).useAnchoringBounds(false).region((int) (from - windowStart), length);
        if (m.find()) {
            if (m.requireEnd() && !atEnd) {
                return; // "$" at the end of what has arrived so far; more may follow
            }
            decided = true;
            matched = windowStart + m.start() <= maxOffset;
        } else if (!m.hitEnd()) {
            resumeAt = length; // no start in the window can grow into a match
        }
    }

    /** Makes room, keeping CONTEXT bytes before the first start still possible. */
    private void slide() {
        int keepFrom = resumeAt - CONTEXT;
        if (keepFrom <= 0) {
            // a partial match as long as the window: keepalived discards it too
            keepFrom = length - CONTEXT;
            resumeAt = length;
        }
        System.arraycopy(window, keepFrom, window, 0, length - keepFrom);
        length -= keepFrom;
        resumeAt -= keepFrom;
        windowStart += keepFrom;
    }

    /** The window's bytes as chars without copying (the window is reused, so no String). */
    private final class Latin1 implements CharSequence {
        @Override
        public int length() {
            return length;
        }

        @Override
        public char charAt(int index) {
            return (char) (window[index] & 0xff);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new String(window, start, end - start, StandardCharsets.ISO_8859_1);
        }

        @Override
        public String toString() {
            return subSequence(0, length).toString();
        }
    }
}
