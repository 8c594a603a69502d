package io.javakeepalived.config.bind;

import io.javakeepalived.config.ConfigFatalException;
import io.javakeepalived.config.ConfigNode;

import java.util.OptionalLong;
import java.util.function.Function;

/**
 * The handler keepalived writes out for most number keywords: read the first parameter
 * (read_unsigned_strvec, read_int_strvec, read_decimal_unsigned_strvec), and when it is not a
 * number in range, report_config_error in that keyword's own words and leave the setting as it
 * was. The words differ from keyword to keyword (and operators grep for them), so the caller
 * gives them; everything else is written once here.
 *
 * <p>The parameter is required: when it is missing keepalived stops at once
 * ({@link Args#need}). The number reader itself reports the INVALID_NUMBER line first, as
 * keepalived's -t does, then the keyword's complaint follows as a GENERAL_ERROR.
 */
final class NumberArg {
    private NumberArg() {
    }

    /** strtoul-style, in [min, max]; {@code complaint} turns the text given into the keyword's message. */
    static OptionalLong unsigned(ConfigNode n, BindContext c, String expected, long min, long max,
                                 Function<String, String> complaint) throws ConfigFatalException {
        String v = Args.need(n, 0, expected);
        return complainIfEmpty(n, c, v, Numbers.unsigned(c, n.location(), v, min, max), complaint);
    }

    /** strtol-style, in [min, max]. */
    static OptionalLong signed(ConfigNode n, BindContext c, String expected, long min, long max,
                               Function<String, String> complaint) throws ConfigFatalException {
        String v = Args.need(n, 0, expected);
        return complainIfEmpty(n, c, v, Numbers.signed(c, n.location(), v, min, max), complaint);
    }

    /** A decimal scaled by 10^digits, min and max in scaled units ({@link Numbers#decimal}). */
    static OptionalLong decimal(ConfigNode n, BindContext c, String expected, long min, long max, int digits,
                                Function<String, String> complaint) throws ConfigFatalException {
        String v = Args.need(n, 0, expected);
        return complainIfEmpty(n, c, v, Numbers.decimal(c, n.location(), v, min, max, digits), complaint);
    }

    private static OptionalLong complainIfEmpty(ConfigNode n, BindContext c, String v, OptionalLong read,
                                                Function<String, String> complaint) {
        if (read.isEmpty()) {
            c.error(n, complaint.apply(v));
        }
        return read;
    }
}
