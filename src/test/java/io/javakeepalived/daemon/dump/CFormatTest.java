package io.javakeepalived.daemon.dump;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Expected values are what glibc's printf prints for the same doubles. */
class CFormatTest {

    @Test
    void percentG() {
        assertEquals("0", CFormat.g(0));
        assertEquals("5", CFormat.g(5));
        assertEquals("1", CFormat.g(1));
        assertEquals("0.5", CFormat.g(0.5));
        assertEquals("0.25", CFormat.g(0.25));
        assertEquals("4.5", CFormat.g(4.5));
        assertEquals("100000", CFormat.g(100000));
        assertEquals("123457", CFormat.g(123456.7));
        assertEquals("1e+06", CFormat.g(1e6));
        assertEquals("1.23457e+06", CFormat.g(1234567));
        assertEquals("0.0001", CFormat.g(0.0001));
        assertEquals("1e-05", CFormat.g(0.00001));
        assertEquals("2.5e-05", CFormat.g(0.000025));
        assertEquals("0.333333", CFormat.g(1.0 / 3));
        assertEquals("-3", CFormat.g(-3));
        assertEquals("1e+100", CFormat.g(1e100));
        assertEquals("0.125", CFormat.g(0.125));
        assertEquals("1.7954e+09", CFormat.g(1795400244.334966));
    }

    @Test
    void percentF() {
        assertEquals("0.000000", CFormat.f(0));
        assertEquals("1795400244.334966", CFormat.f(1795400244 + 334966 / 1e6));
        assertEquals("0.000001", CFormat.f(0.0000005000000001));
        assertEquals("2.500000", CFormat.f(2.5));
    }

    @Test
    void timevalStamps() {
        Instant t = Instant.ofEpochSecond(1795400244L, 334_966_999L);
        assertEquals("1795400244.334966", CFormat.secondsDotMicros(t));
        assertEquals("Mon Nov 23 02:17:24.334966 2026", CFormat.ctimeMicros(t, ZoneOffset.UTC));
        assertEquals("Thu Jan  1 00:00:00.000007 1970", CFormat.ctimeMicros(Instant.ofEpochSecond(0, 7000), ZoneOffset.UTC));
    }

    @Test
    void commandTextLikeCmdStr() {
        assertEquals("'/tmp/rk/bin/notify.sh' 'a' 'notify_master'",
                NotifyScript.of(0, 0, "/tmp/rk/bin/notify.sh", "a", "notify_master").commandText());
        assertEquals("</dev/tcp/127.0.0.1/80", NotifyScript.of(0, 0, "</dev/tcp/127.0.0.1/80").commandText());
        assertEquals("'x' '>y'", NotifyScript.of(0, 0, "x", ">y").commandText());
    }
}
