package io.javakeepalived.config.bind;

import io.javakeepalived.config.ConfigErrorKind;
import io.javakeepalived.config.SourceLocation;

import java.math.BigInteger;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * keepalived's number readers (lib/parser.c read_int/read_unsigned/read_decimal_unsigned) with
 * their {@code -t} behaviour: a bad number is reported as INVALID_NUMBER and rejected, so the
 * caller applies keepalived's fallback. Messages say what was wrong and what was expected.
 */
final class Numbers {
    /** Timers are read in microseconds (TIMER_HZ_DIGITS = 6). */
    static final int TIMER_DIGITS = 6;
    static final long TIMER_HZ = 1_000_000L;
    static final long UINT_MAX = 0xFFFF_FFFFL;
    static final long INT_MAX = Integer.MAX_VALUE;

    private Numbers() {
    }

    /** strtoul-style unsigned decimal in [min, max]. */
    static OptionalLong unsigned(BindContext ctx, SourceLocation at, String text, long min, long max) {
        String s = text.stripLeading();
        if (s.startsWith("-")) {
            ctx.report(ConfigErrorKind.INVALID_NUMBER, at, "negative number '" + text + "', expected a number in ["
                    + min + ", " + max + "]");
            return OptionalLong.empty();
        }
        BigInteger v = parseInteger(s, false);
        if (v == null) {
            ctx.report(ConfigErrorKind.INVALID_NUMBER, at, "invalid number '" + text + "', expected a number in ["
                    + min + ", " + max + "]");
            return OptionalLong.empty();
        }
        if (v.compareTo(BigInteger.valueOf(UINT_MAX)) > 0) {
            ctx.report(ConfigErrorKind.INVALID_NUMBER, at, "number '" + text
                    + "' outside unsigned integer range, expected a number in [" + min + ", " + max + "]");
            return OptionalLong.empty();
        }
        long val = v.longValue();
        if (val < min || val > max) {
            ctx.report(ConfigErrorKind.INVALID_NUMBER, at, "number '" + text + "' outside range [" + min + ", " + max
                    + "]");
            return OptionalLong.empty();
        }
        return OptionalLong.of(val);
    }

    /** strtol-style signed decimal in [min, max]. */
    static OptionalLong signed(BindContext ctx, SourceLocation at, String text, long min, long max) {
        BigInteger v = parseInteger(text.stripLeading(), true);
        if (v == null) {
            ctx.report(ConfigErrorKind.INVALID_NUMBER, at, "invalid number '" + text + "', expected an integer in ["
                    + min + ", " + max + "]");
            return OptionalLong.empty();
        }
        if (v.bitLength() > 31) {
            ctx.report(ConfigErrorKind.INVALID_NUMBER, at, "number '" + text
                    + "' outside integer range, expected an integer in [" + min + ", " + max + "]");
            return OptionalLong.empty();
        }
        long val = v.longValue();
        if (val < min || val > max) {
            ctx.report(ConfigErrorKind.INVALID_NUMBER, at, "number '" + text + "' outside range [" + min + ", " + max
                    + "]");
            return OptionalLong.empty();
        }
        return OptionalLong.of(val);
    }

    private static BigInteger parseInteger(String s, boolean allowMinus) {
        int i = 0;
        boolean neg = false;
        if (i < s.length() && (s.charAt(i) == '+' || (allowMinus && s.charAt(i) == '-'))) {
            neg = s.charAt(i) == '-';
            i++;
        }
        int start = i;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        if (i == start || i != s.length()) {
            return null;
        }
        BigInteger v = new BigInteger(s.substring(start));
        return neg ? v.negate() : v;
    }

    /**
     * A decimal with up to {@code digits} decimal places, returned scaled by 10^digits
     * (keepalived's read_decimal_unsigned). Too many decimal places is reported and rounded.
     * min and max are in scaled units.
     */
    static OptionalLong decimal(BindContext ctx, SourceLocation at, String text, long min, long max, int digits) {
        String range = "[" + scaled(min, digits) + ", " + scaled(max, digits) + "]";
        if (text.startsWith("-")) {
            ctx.report(ConfigErrorKind.INVALID_NUMBER, at, "negative number '" + text + "', expected a number in "
                    + range);
            return OptionalLong.empty();
        }
        int dot = text.indexOf('.');
        String whole = dot >= 0 ? text.substring(0, dot) : text;
        String frac = dot >= 0 ? text.substring(dot + 1) : "";
        boolean roundUp = false;
        if (frac.length() > digits) {
            ctx.report(ConfigErrorKind.INVALID_NUMBER, at, "number '" + text + "' has too many decimal places,"
                    + " expected at most " + digits + " - rounding");
            roundUp = frac.charAt(digits) >= '5';
            frac = frac.substring(0, digits);
        }
        String all = whole + frac + "0".repeat(digits - frac.length());
        String body = all.startsWith("+") ? all.substring(1) : all;
        boolean valid = body.chars().allMatch(c -> c >= '0' && c <= '9');
        if (!valid) {
            ctx.report(ConfigErrorKind.INVALID_NUMBER, at, "invalid number '" + text + "', expected a decimal number in "
                    + range);
            return OptionalLong.empty();
        }
        BigInteger v = body.isEmpty() ? BigInteger.ZERO : new BigInteger(body);
        if (roundUp) {
            v = v.add(BigInteger.ONE);
        }
        if (v.bitLength() > 63) {
            ctx.report(ConfigErrorKind.INVALID_NUMBER, at, "number '" + text + "' outside unsigned decimal range,"
                    + " expected a number in " + range);
            return OptionalLong.empty();
        }
        long val = v.longValue();
        if (val < min || val > max) {
            ctx.report(ConfigErrorKind.INVALID_NUMBER, at, "number '" + text + "' outside range " + range);
            return OptionalLong.empty();
        }
        return OptionalLong.of(val);
    }

    /** A timer in microseconds (read_timer). max 0 = no limit. */
    static Optional<Duration> timer(BindContext ctx, SourceLocation at, String text, long minMicros, long maxMicros) {
        OptionalLong v = decimal(ctx, at, text, minMicros, maxMicros == 0 ? Long.MAX_VALUE - 1 : maxMicros,
                TIMER_DIGITS);
        return v.isPresent() ? Optional.of(Duration.ofNanos(v.getAsLong() * 1000)) : Optional.empty();
    }

    static String scaled(long v, int digits) {
        if (v >= Long.MAX_VALUE - 1) {
            return "unlimited";
        }
        long p = 1;
        for (int i = 0; i < digits; i++) {
            p *= 10;
        }
        return digits == 0 ? Long.toString(v) : (v / p) + "." + String.format("%0" + digits + "d", v % p);
    }

    /** on/true/yes or off/false/no. */
    static Optional<Boolean> bool(String s) {
        switch (s) {
            case "true", "on", "yes":
                return Optional.of(true);
            case "false", "off", "no":
                return Optional.of(false);
            default:
                return Optional.empty();
        }
    }

    static Duration seconds(long s) {
        return Duration.ofSeconds(s);
    }

    static Duration micros(long us) {
        return Duration.ofNanos(us * 1000);
    }
}
