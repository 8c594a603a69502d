package io.javakeepalived.config.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Splits a line into words with keepalived's quoting rules (keepalived.conf(5), "Quoted
 * strings"):
 *
 * <ul>
 *   <li>words are separated by space, tab, form feed, vertical tab, CR or LF;</li>
 *   <li>{@code "..."} and {@code '...'} quote: the quote characters are removed and the
 *       whitespace between them is kept, so {@code abcd" efg "h} is the single word
 *       {@code abcd efg h};</li>
 *   <li>a backslash escapes, inside and outside quotes: {@code \a \b \E \f \n \r \t \v},
 *       {@code \NNN} (up to three octal digits), {@code \xHH} (up to two hex digits),
 *       {@code \cC} (control-C); any other {@code \C} is a literal C, so {@code \\} is a
 *       backslash and {@code \"} a quote character that neither opens nor closes a quote.
 *       A byte value from {@code \NNN}/{@code \xHH} becomes the char with that code
 *       (0-255).</li>
 * </ul>
 *
 * <p>The binder needs {@link #splitQuotedEscaped(String)} for the second split keepalived
 * makes of script strings ({@code notify_master "/bin/x.sh 'a b' c"} gives the word
 * {@code /bin/x.sh 'a b' c}, which splits again into the script and its arguments).
 */
public final class Tokenizer {

    /**
     * The outcome of splitting one line.
     *
     * @param words             the complete words; on an unmatched quote, the words before
     *                          the word that holds it
     * @param unmatchedQuote    the quote character left open, or 0
     * @param trailingBackslash whether the text ends with a backslash that escapes nothing
     */
    record Result(List<String> words, char unmatchedQuote, boolean trailingBackslash) {
    }

    private Tokenizer() {
    }

    /**
     * keepalived's strict split (its alloc_strvec_quoted_escaped), as used for script
     * command lines: empty when a quote is not closed or the text ends with a lone
     * backslash, which is when keepalived refuses the script.
     */
    public static Optional<List<String>> splitQuotedEscaped(String text) {
        Result result = split(text);
        if (result.unmatchedQuote() != 0 || result.trailingBackslash()) {
            return Optional.empty();
        }
        return Optional.of(result.words());
    }

    /** Lenient split: a trailing lone backslash stays a literal backslash. */
    static Result split(String text) {
        List<String> words = new ArrayList<>();
        boolean trailingBackslash = false;
        int i = 0;
        int n = text.length();
        while (true) {
            while (i < n && isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            StringBuilder word = new StringBuilder();
            char quote = 0;
            while (i < n) {
                char c = text.charAt(i);
                if (quote == 0 && isWhitespace(c)) {
                    break;
                }
                if (c == '\\') {
                    if (i + 1 >= n) {
                        trailingBackslash = true;
                        word.append('\\');
                        i++;
                        continue;
                    }
                    i = appendEscape(text, i + 1, word);
                } else if (quote != 0 && c == quote) {
                    quote = 0;
                    i++;
                } else if (quote == 0 && (c == '"' || c == '\'')) {
                    quote = c;
                    i++;
                } else {
                    word.append(c);
                    i++;
                }
            }
            if (quote != 0) {
                return new Result(List.copyOf(words), quote, trailingBackslash);
            }
            words.add(word.toString());
        }
        return new Result(List.copyOf(words), (char) 0, trailingBackslash);
    }

    /** Decodes the escape whose first character (after the backslash) is at {@code i}. */
    private static int appendEscape(String text, int i, StringBuilder out) {
        int n = text.length();
        char c = text.charAt(i);
        if (c == 'x' && i + 1 < n && hexValue(text.charAt(i + 1)) >= 0) {
            int value = 0;
            int j = i + 1;
            for (int digits = 0; digits < 2 && j < n && hexValue(text.charAt(j)) >= 0; digits++, j++) {
                value = value * 16 + hexValue(text.charAt(j));
            }
            out.append((char) value);
            return j;
        }
        if (c == 'c' && i + 1 < n) {
            out.append((char) (text.charAt(i + 1) & 0x1f));
            return i + 2;
        }
        if (c >= '0' && c <= '7') {
            int value = 0;
            int j = i;
            for (int digits = 0; digits < 3 && j < n && text.charAt(j) >= '0' && text.charAt(j) <= '7'; digits++, j++) {
                value = value * 8 + (text.charAt(j) - '0');
            }
            out.append((char) (value & 0xff));
            return j;
        }
        out.append(switch (c) {
            case 'a' -> (char) 7;
            case 'b' -> '\b';
            case 'E' -> (char) 0x1b;
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'v' -> (char) 0x0b;
            default -> c;
        });
        return i + 1;
    }

    private static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\f' || c == '\n' || c == '\r' || c == 0x0b;
    }
}
