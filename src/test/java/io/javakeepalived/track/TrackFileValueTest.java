package io.javakeepalived.track;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TrackFileValueTest {

    private static TrackFileValue.Parsed parse(String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        return TrackFileValue.parse(b, b.length);
    }

    private static long value(String s) {
        return ((TrackFileValue.Parsed.Value) parse(s)).value();
    }

    @Test
    void readsLikeStrtolWithBaseZero() {
        assertEquals(10, value("10\n"));
        assertEquals(-5, value("  \t-5 apples"));
        assertEquals(7, value("+7"));
        assertEquals(16, value("0x10"));
        assertEquals(-16, value("-0X10\n"));
        assertEquals(8, value("010"));
        assertEquals(0, value("08"), "octal stops at the 8");
        assertEquals(0, value("0x"), "0x without a hex digit is the 0 before it");
        assertEquals(0, value("abc"));
        assertEquals(0, value(""));
        assertEquals(0, value("\n"));
        assertEquals(12, value("12abc"));
    }

    @Test
    void onlyTheFirst127BytesCount() {
        String s = " ".repeat(127) + "5";
        assertEquals(0, value(s + "  "), "the digit is byte 128");
        assertEquals(5, value(" ".repeat(126) + "5"), "byte 127");
    }

    @Test
    void numbersOutsideThe32BitRangeAreRefused() {
        assertEquals(2147483648L, value("2147483648"), "keepalived accepts INT32_MAX + 1");
        assertEquals(-2147483648L, value("-2147483648"));
        assertEquals(new TrackFileValue.Parsed.Invalid(2147483649L), parse("2147483649"));
        assertEquals(new TrackFileValue.Parsed.Invalid(-2147483649L), parse("-2147483649"));
        assertEquals(new TrackFileValue.Parsed.Invalid(Long.MAX_VALUE), parse("99999999999999999999"));
        assertEquals(new TrackFileValue.Parsed.Invalid(Long.MIN_VALUE), parse("-99999999999999999999"));
    }

    @Test
    void weightedStatusIsValueTimesWeightClampedToMinus254To253() {
        assertEquals(-20, TrackFileValue.status(2, -10, false));
        assertEquals(20, TrackFileValue.status(2, -10, true));
        assertEquals(0, TrackFileValue.status(0, 5, false));
        assertEquals(253, TrackFileValue.status(100, 5, false));
        assertEquals(TrackFileValue.FAULT, TrackFileValue.status(-100, 5, false), "-500 is FAULT");
        assertEquals(TrackFileValue.FAULT, TrackFileValue.status(-254, 1, false));
        assertEquals(-253, TrackFileValue.status(-253, 1, false));
        assertEquals(TrackFileValue.FAULT, TrackFileValue.status(2147483648L, -254, false));
    }

    @Test
    void weightZeroFaultsOnNonZeroOrWithReverseOnZero() {
        assertEquals(0, TrackFileValue.status(0, 0, false));
        assertEquals(TrackFileValue.FAULT, TrackFileValue.status(1, 0, false));
        assertEquals(TrackFileValue.FAULT, TrackFileValue.status(-3, 0, false));
        assertEquals(TrackFileValue.FAULT, TrackFileValue.status(0, 0, true));
        assertEquals(0, TrackFileValue.status(7, 0, true));
    }
}
