package io.javakeepalived.config.syntax;

/**
 * Strips comments and surrounding blanks from one line, the way keepalived does before it
 * looks at a line at all.
 *
 * <ul>
 *   <li>{@code !} and {@code #} start a comment anywhere, except inside double quotes.
 *       Single quotes do not protect them (keepalived tracks only double quotes here).</li>
 *   <li>A backslash takes the next character out of play: {@code \"} does not open or close
 *       a quote, and outside quotes {@code \#} and {@code \!} lose the backslash and stay as
 *       a literal {@code #} / {@code !}.</li>
 *   <li>A backslash at the very end of the line (even one inside a comment) is kept, with
 *       the blanks before it removed; it marks the line as continued, which matters only
 *       inside a multi-line definition.</li>
 *   <li>Leading and trailing spaces and tabs are removed.</li>
 * </ul>
 */
final class Decommenter {

    private Decommenter() {
    }

    static String strip(String line) {
        int start = 0;
        while (start < line.length() && isBlank(line.charAt(start))) {
            start++;
        }
        StringBuilder out = new StringBuilder(line.length() - start);
        boolean inQuote = false;
        boolean continued = false;
        int commentAt = -1;
        int i = start;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '"') {
                if (commentAt < 0) {
                    inQuote = !inQuote;
                }
                out.append(c);
                i++;
            } else if (c == '\\') {
                if (i + 1 >= line.length()) {
                    continued = true;
                    break;
                }
                char next = line.charAt(i + 1);
                if (!inQuote && (next == '#' || next == '!')) {
                    out.append(next);
                } else {
                    out.append(c).append(next);
                }
                i += 2;
            } else {
                if (!inQuote && commentAt < 0 && (c == '!' || c == '#')) {
                    commentAt = out.length();
                }
                out.append(c);
                i++;
            }
        }
        if (commentAt >= 0) {
            out.setLength(commentAt);
        }
        int end = out.length();
        while (end > 0 && isBlank(out.charAt(end - 1))) {
            end--;
        }
        out.setLength(end);
        if (continued) {
            out.append('\\');
        }
        return out.toString();
    }

    static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }
}
