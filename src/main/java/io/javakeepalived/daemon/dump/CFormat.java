package io.javakeepalived.daemon.dump;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The few printf and time conversions of keepalived's dumps, in the C locale. */
final class CFormat {

    /** asctime-style {@code Mon Nov 23 02:17:24} (day space-padded). */
    private static final DateTimeFormatter ASCTIME = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss", Locale.US);
    private static final DateTimeFormatter YEAR = DateTimeFormatter.ofPattern("uuuu", Locale.US);

    private CFormat() {
    }

    /** C's {@code %g}: six significant digits, trailing zeros removed, exponent form outside 1e-4..1e6. */
    static String g(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == 0) {
            return (1 / v < 0) ? "-0" : "0";
        }
        BigDecimal rounded = new BigDecimal(v).round(new MathContext(6, RoundingMode.HALF_EVEN));
        int exp = rounded.precision() - rounded.scale() - 1;
        if (exp < -4 || exp >= 6) {
            String mant = stripZeros(rounded.movePointLeft(exp).setScale(5, RoundingMode.UNNECESSARY).toPlainString());
            int a = Math.abs(exp);
            return mant + "e" + (exp < 0 ? '-' : '+') + (a < 10 ? "0" : "") + a;
        }
        return stripZeros(rounded.setScale(5 - exp, RoundingMode.UNNECESSARY).toPlainString());
    }

    private static String stripZeros(String s) {
        if (s.indexOf('.') < 0) {
            return s;
        }
        int end = s.length();
        while (s.charAt(end - 1) == '0') {
            end--;
        }
        if (s.charAt(end - 1) == '.') {
            end--;
        }
        return s.substring(0, end);
    }

    /** C's {@code %f}. */
    static String f(double v) {
        return new BigDecimal(v).setScale(6, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** {@code %ld.%6.6ld} of a timeval. */
    static String secondsDotMicros(Instant t) {
        long micros = t.getNano() / 1000;
        return t.getEpochSecond() + "." + pad6(micros);
    }

    /** keepalived's {@code ctime_us_r}: {@code Mon Nov 23 02:17:24.334966 2026}. */
    static String ctimeMicros(Instant t, ZoneId zone) {
        var z = t.atZone(zone);
        return ASCTIME.format(z) + "." + pad6(t.getNano() / 1000) + " " + YEAR.format(z);
    }

    private static String pad6(long micros) {
        String s = Long.toString(micros);
        return "000000".substring(s.length()) + s;
    }
}
