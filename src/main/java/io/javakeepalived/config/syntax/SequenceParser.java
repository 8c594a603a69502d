package io.javakeepalived.config.syntax;

import io.javakeepalived.config.ConfigErrorKind;
import io.javakeepalived.config.SourceLocation;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the head of a {@code ~SEQ(...)}, {@code ~SEQx(...)} or {@code ~LST(...)} line and
 * turns it into a {@link SequenceGenerator} for the rest of the line.
 *
 * <pre>
 * ~SEQ(VAR, END) TEXT              START is 1 (or -1 when END &lt; 0), STEP is 1 or -1
 * ~SEQ(VAR, START, END) TEXT       STEP is 1 or -1, towards END
 * ~SEQ(VAR, START, STEP, END) TEXT
 * ~SEQx(...)                       VAR is written in lower-case hex (no 0x), values must be &gt;= 0
 * ~LST(VAR, V1, V2, ...) TEXT
 * ~LST({VAR1, VAR2}, {V1, V2}, {V3, V4}, ...) TEXT      missing values are empty
 * </pre>
 *
 * Numbers are read like C's strtol with base 0 (so {@code 0x10} and {@code 010} work) and
 * may be definitions ({@code ~SEQ(i, $FIRST, $LAST)}).
 */
final class SequenceParser {

    private static final String SEQ_FORM = "expected ~SEQ(VAR, [START, [STEP,]] END) TEXT";
    private static final String LST_FORM = "expected ~LST(VAR, VALUE, ...) TEXT or ~LST({VAR, ...}, {VALUE, ...}, ...) TEXT";

    private final Definitions definitions;
    private final DefinitionExpander expander;
    private final Reporter reporter;

    SequenceParser(Definitions definitions, DefinitionExpander expander, Reporter reporter) {
        this.definitions = definitions;
        this.expander = expander;
        this.reporter = reporter;
    }

    /** A generator for a line starting "~SEQ", or null after reporting why there is none. */
    SequenceGenerator parseSeq(String line, SourceLocation location, int depth) {
        int p = 4;
        boolean hex = false;
        if (p < line.length() && line.charAt(p) == 'x') {
            hex = true;
            p++;
        }
        p = skipBlanks(line, p);
        if (p >= line.length() || line.charAt(p) != '(') {
            return invalidSeq(line, location, "'(' is missing");
        }
        p = skipBlanks(line, p + 1);
        int variableStart = p;
        while (p < line.length() && " \t,)".indexOf(line.charAt(p)) < 0) {
            p++;
        }
        String variable = line.substring(variableStart, p);
        p = skipBlanks(line, p);
        if (variable.isEmpty() || p >= line.length() || line.charAt(p) != ',') {
            return invalidSeq(line, location, "the variable or its ',' is missing");
        }
        p = skipBlanks(line, p + 1);
        int close = line.indexOf(')', p);
        if (close < 0) {
            return invalidSeq(line, location, "')' is missing");
        }
        DefinitionExpander.Outcome outcome = expander.expand(line.substring(p, close + 1), false);
        if (outcome.error() != null) {
            reporter.error(ConfigErrorKind.GENERAL_ERROR, location, outcome.error());
            return null;
        }
        String numbers = outcome.line();

        long start;
        long step;
        long end;
        CNumber one = CNumber.parse(numbers, 0);
        int q = skipBlanks(numbers, one.end());
        if (q < numbers.length() && numbers.charAt(q) == ')') {
            end = one.value();
            step = end < 1 ? -1 : 1;
            start = end < 0 ? -1 : 1;
        } else {
            if (q >= numbers.length() || numbers.charAt(q) != ',') {
                return invalidSeq(line, location, "a number is not followed by ',' or ')'");
            }
            CNumber two = CNumber.parse(numbers, q + 1);
            q = skipBlanks(numbers, two.end());
            if (q < numbers.length() && numbers.charAt(q) == ')') {
                start = one.value();
                end = two.value();
                step = start <= end ? 1 : -1;
            } else {
                if (q >= numbers.length() || numbers.charAt(q) != ',') {
                    return invalidSeq(line, location, "a number is not followed by ',' or ')'");
                }
                CNumber three = CNumber.parse(numbers, q + 1);
                q = skipBlanks(numbers, three.end());
                if (q >= numbers.length() || numbers.charAt(q) != ')') {
                    return invalidSeq(line, location, "too many numbers or ')' is missing");
                }
                start = one.value();
                step = two.value();
                end = three.value();
                if (step == 0 || (start < end && step < 0) || (start > end && step > 0)) {
                    reporter.error(ConfigErrorKind.GENERAL_ERROR, location, "Invalid ~SEQ values '" + abbreviate(line)
                            + "', expected a non-zero STEP that goes from START towards END");
                    return null;
                }
            }
        }
        if (hex && (start < 0 || end < 0)) {
            reporter.error(ConfigErrorKind.GENERAL_ERROR, location, "~SEQx is only valid for positive numbers '"
                    + abbreviate(line) + "', expected START and END >= 0");
            return null;
        }
        String text = line.substring(skipBlanks(line, close + 1));
        return SequenceGenerator.sequence(definitions, variable, start, step, end, hex, text, location, depth);
    }

    /** A generator for a line starting "~LST", or null after reporting why there is none. */
    SequenceGenerator parseLst(String line, SourceLocation location, int depth) {
        int n = line.length();
        int p = skipBlanks(line, 4);
        if (p >= n || line.charAt(p) != '(') {
            return invalidLst(line, location);
        }
        p = skipBlanks(line, p + 1);
        char endChar = ',';
        if (p < n && line.charAt(p) == '{') {
            endChar = '}';
            p = skipBlanks(line, p + 1);
        }
        List<String> variables = new ArrayList<>();
        while (true) {
            int start = p;
            while (p < n && " \t,}".indexOf(line.charAt(p)) < 0) {
                p++;
            }
            variables.add(line.substring(start, p));
            p = skipBlanks(line, p);
            if (p >= n) {
                return invalidLst(line, location);
            }
            if (line.charAt(p) == endChar) {
                break;
            }
            if (line.charAt(p) != ',') {
                return invalidLst(line, location);
            }
            p = skipBlanks(line, p + 1);
        }
        if (line.charAt(p) == '}') {
            p = skipBlanks(line, p + 1);
        }
        if (p >= n || line.charAt(p) != ',') {
            return invalidLst(line, location);
        }
        p = skipBlanks(line, p + 1);

        List<List<String>> valueSets = new ArrayList<>();
        while (true) {
            endChar = ',';
            if (p < n && line.charAt(p) == '{') {
                endChar = '}';
                p = skipBlanks(line, p + 1);
            }
            List<String> values = new ArrayList<>();
            while (true) {
                int start = p;
                while (p < n && " \t,})".indexOf(line.charAt(p)) < 0) {
                    p++;
                }
                values.add(line.substring(start, p));
                p = skipBlanks(line, p);
                if (p >= n) {
                    return invalidLst(line, location);
                }
                char c = line.charAt(p);
                if (c == endChar || (c == ')' && endChar == ',')) {
                    break;
                }
                if (c != ',') {
                    return invalidLst(line, location);
                }
                p = skipBlanks(line, p + 1);
                if (values.size() >= variables.size()) {
                    reporter.error(ConfigErrorKind.GENERAL_ERROR, location, "~LST specification has too many values '"
                            + abbreviate(line) + "', expected at most " + variables.size() + " value(s) per set");
                    return null;
                }
            }
            while (values.size() < variables.size()) {
                values.add("");
            }
            valueSets.add(values);
            if (endChar == '}' && line.charAt(p) == '}') {
                p = skipBlanks(line, p + 1);
            }
            if (p >= n) {
                return invalidLst(line, location);
            }
            if (line.charAt(p) == ')') {
                break;
            }
            if (line.charAt(p) != ',') {
                return invalidLst(line, location);
            }
            p = skipBlanks(line, p + 1);
        }
        String text = line.substring(skipBlanks(line, p + 1));
        return SequenceGenerator.list(definitions, variables, valueSets, text, location, depth);
    }

    private SequenceGenerator invalidSeq(String line, SourceLocation location, String why) {
        reporter.error(ConfigErrorKind.GENERAL_ERROR, location,
                "Invalid ~SEQ specification '" + abbreviate(line) + "' (" + why + "), " + SEQ_FORM);
        return null;
    }

    private SequenceGenerator invalidLst(String line, SourceLocation location) {
        reporter.error(ConfigErrorKind.GENERAL_ERROR, location,
                "Invalid ~LST specification '" + abbreviate(line) + "', " + LST_FORM);
        return null;
    }

    private static int skipBlanks(String s, int p) {
        while (p < s.length() && Decommenter.isBlank(s.charAt(p))) {
            p++;
        }
        return p;
    }

    private static String abbreviate(String s) {
        return DefinitionExpander.abbreviate(s);
    }

    /** A number read the way C's strtol(s, &end, 0) reads it; no digits gives 0 and end = start. */
    record CNumber(long value, int end) {

        static CNumber parse(String s, int from) {
            int n = s.length();
            int i = from;
            while (i < n && Tokenizer.isWhitespace(s.charAt(i))) {
                i++;
            }
            boolean negative = false;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                negative = s.charAt(i) == '-';
                i++;
            }
            int base = 10;
            if (i + 1 < n && s.charAt(i) == '0' && (s.charAt(i + 1) == 'x' || s.charAt(i + 1) == 'X')
                    && i + 2 < n && Character.digit(s.charAt(i + 2), 16) >= 0 && s.charAt(i + 2) < 128) {
                base = 16;
                i += 2;
            } else if (i < n && s.charAt(i) == '0') {
                base = 8;
            }
            int digitsStart = i;
            long value = 0;
            boolean overflow = false;
            while (i < n && s.charAt(i) < 128 && Character.digit(s.charAt(i), base) >= 0) {
                int digit = Character.digit(s.charAt(i), base);
                if (value > (Long.MAX_VALUE - digit) / base) {
                    overflow = true;
                } else {
                    value = value * base + digit;
                }
                i++;
            }
            if (i == digitsStart) {
                return new CNumber(0, from);
            }
            if (overflow) {
                return new CNumber(negative ? Long.MIN_VALUE : Long.MAX_VALUE, i);
            }
            return new CNumber(negative ? -value : value, i);
        }
    }
}
