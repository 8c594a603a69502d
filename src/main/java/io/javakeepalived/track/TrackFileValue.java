package io.javakeepalived.track;

/**
 * What keepalived 2.2.7 makes of a track file's bytes and of the value in it (track_file.c,
 * {@code process_track_file()} and {@code update_track_file_status()}). Pure.
 *
 * <h2>Reading</h2>
 * At most the first 127 bytes count. They are read as C's {@code strtol(buf, NULL, 0)} does:
 * leading white space, an optional sign, then {@code 0x}/{@code 0X} for hexadecimal, a leading
 * {@code 0} for octal, decimal otherwise, up to the first character that is not a digit of that
 * base. So {@code "10\n"} is 10, {@code " -5 apples"} is -5, {@code "0x10"} is 16, {@code "010"}
 * is 8, {@code "08"} is 0 (octal stops at the 8) and {@code "abc"} or an empty file is 0. A
 * number outside [-2^31, 2^31] (including one too large for 64 bits) is refused: keepalived logs
 * {@code Invalid number N read from PATH - ignoring} and keeps the previous value.
 *
 * <h2>Status</h2>
 * For a tracking instance with weight w and the reverse flag: with w ≠ 0 the status is
 * value × w (× -1 with reverse) clamped to [-254, 253]; -254 means FAULT, any other status is the
 * contribution to the priority. With w = 0 a non-zero value is FAULT (with reverse: a zero value
 * is), otherwise the contribution is 0.
 */
public final class TrackFileValue {

    /** Bytes keepalived reads from a track file. */
    public static final int READ_LIMIT = 127;

    /** The status that means FAULT. */
    public static final int FAULT = -254;

    private TrackFileValue() {
    }

    /** A parsed file: a value, or a number keepalived refuses ({@code shown} as it logs it). */
    public sealed interface Parsed {
        record Value(long value) implements Parsed {
        }

        record Invalid(long shown) implements Parsed {
        }
    }

    /** Parses the first {@code length} bytes of {@code buf} (capped at {@link #READ_LIMIT}). */
    public static Parsed parse(byte[] buf, int length) {
        int n = Math.min(Math.min(length, buf.length), READ_LIMIT);
        int i = 0;
        while (i < n && isSpace(buf[i])) {
            i++;
        }
        boolean negative = false;
        if (i < n && (buf[i] == '+' || buf[i] == '-')) {
            negative = buf[i] == '-';
            i++;
        }
        int base = 10;
        if (i < n && buf[i] == '0') {
            if (i + 2 < n && (buf[i + 1] == 'x' || buf[i + 1] == 'X') && digit(buf[i + 2], 16) >= 0) {
                base = 16;
                i += 2;
            } else {
                base = 8;
            }
        }
        // accumulate as a negative number so that Long.MIN_VALUE fits, as strtol's overflow rules need
        long acc = 0;
        boolean overflow = false;
        long limit = negative ? Long.MIN_VALUE : -Long.MAX_VALUE;
        long multMin = limit / base;
        while (i < n) {
            int d = digit(buf[i], base);
            if (d < 0) {
                break;
            }
            if (!overflow) {
                if (acc < multMin) {
                    overflow = true;
                } else {
                    acc *= base;
                    if (acc < limit + d) {
                        overflow = true;
                    } else {
                        acc -= d;
                    }
                }
            }
            i++;
        }
        if (overflow) {
            return new Parsed.Invalid(negative ? Long.MIN_VALUE : Long.MAX_VALUE);
        }
        long value = negative ? acc : -acc;
        if (value < Integer.MIN_VALUE || value > (long) Integer.MAX_VALUE + 1) {
            return new Parsed.Invalid(value);
        }
        return new Parsed.Value(value);
    }

    /**
     * The status for one tracking instance: a contribution in [-253, 253], or {@link #FAULT}.
     */
    public static int status(long value, int weight, boolean reverse) {
        if (weight == 0) {
            boolean fault = reverse ? value == 0 : value != 0;
            return fault ? FAULT : 0;
        }
        long s = value * weight * (reverse ? -1L : 1L);
        return (int) Math.max(FAULT, Math.min(253, s));
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == 0x0b || b == '\f';
    }

    private static int digit(byte b, int base) {
        int d;
        if (b >= '0' && b <= '9') {
            d = b - '0';
        } else if (b >= 'a' && b <= 'z') {
            d = b - 'a' + 10;
        } else if (b >= 'A' && b <= 'Z') {
            d = b - 'A' + 10;
        } else {
            return -1;
        }
        return d < base ? d : -1;
    }
}
