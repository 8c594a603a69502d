package io.javakeepalived.check.probe.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The regex over a streamed body: found across reads, within offsets, in bounded memory. */
class RegexWindowTest {

    private static boolean matches(String regex, String body, int chunk, long min, long max) {
        RegexWindow w = new RegexWindow(Pattern.compile(regex), min, max);
        byte[] bytes = body.getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < bytes.length; i += chunk) {
            w.feed(ByteBuffer.wrap(bytes, i, Math.min(chunk, bytes.length - i)));
        }
        return w.matchedAtEnd();
    }

    @Test
    void aMatchSplitOverManyReadsIsFound() {
        String body = "<html>" + "x".repeat(3000) + "status: healthy" + "y".repeat(3000) + "</html>";
        assertTrue(matches("status: (healthy|ok)", body, 1, 0, 0));
        assertTrue(matches("status: (healthy|ok)", body, 7, 0, 0));
        assertTrue(matches("status: (healthy|ok)", body, 4096, 0, 0));
        assertFalse(matches("status: sick", body, 1, 0, 0));
    }

    @Test
    void aMatchFarBeyondTheWindowIsFoundWithTheWindowKeptSmall() {
        String body = "z".repeat(1_000_000) + "MARK-42" + "z".repeat(10_000);
        assertTrue(matches("MARK-[0-9]+", body, 1000, 0, 0));
        assertTrue(matches("MARK-[0-9]+", body, 4096, 0, 0));
    }

    @Test
    void regexMinAndMaxOffsetBoundWhereAMatchMayStart() {
        String body = "ok....................ok";  // matches at 0 and 22
        assertTrue(matches("ok", body, 3, 0, 0));
        assertTrue(matches("ok", body, 3, 1, 0), "the second one, at 22");
        assertFalse(matches("ok", body, 3, 23, 0));
        assertTrue(matches("ok", body, 3, 22, 22));
        assertFalse(matches("ok", "..ok", 1, 0, 1), "starts at 2, after regex_max_offset 1");
        assertTrue(matches("ok", "..ok", 1, 0, 2));
    }

    @Test
    void anchorsMeanTheBodyNotTheWindow() {
        String body = "a".repeat(10_000) + "END";
        assertTrue(matches("END$", body, 100, 0, 0));
        assertFalse(matches("a$", body, 100, 0, 0), "the end of a read is not the end of the body");
        assertFalse(matches("^END", body, 100, 0, 0));
        assertTrue(matches("^aaa", body, 100, 0, 0));
    }

    @Test
    void lookbehindSeesBytesOfTheEarlierRead() {
        String body = "x".repeat(5000) + "name=alive";
        assertTrue(matches("(?<=name=)alive", body, 5001, 0, 0));
    }
}
