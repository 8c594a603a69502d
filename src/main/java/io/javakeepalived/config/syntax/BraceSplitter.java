package io.javakeepalived.config.syntax;

/**
 * Cuts a line at its first brace, as keepalived does, so that every unquoted {@code {} and
 * {@code }} ends up as a line of its own: {@code group { VI_1 VI_2 }} becomes
 * {@code group}, then {@code {}, then {@code VI_1 VI_2}, then {@code }}. The part after the
 * cut (the residue) goes back through the whole line processing.
 *
 * <p>Braces inside double quotes do not count, and a backslash hides the next character
 * (the same quote rules as {@link Decommenter}).
 */
final class BraceSplitter {

    enum Kind { WORDS, BLOCK_START, BLOCK_END }

    /**
     * @param kind    what the head is: words, or a lone brace
     * @param head    the words before the first brace (null for a brace)
     * @param residue the rest of the line to process next, or null when nothing is left
     */
    record Split(Kind kind, String head, String residue) {
    }

    private BraceSplitter() {
    }

    static Split split(String line) {
        int at = firstBrace(line);
        if (at < 0) {
            return new Split(Kind.WORDS, trimTrailing(line), null);
        }
        if (at == 0) {
            Kind kind = line.charAt(0) == '{' ? Kind.BLOCK_START : Kind.BLOCK_END;
            int from = 1;
            while (from < line.length() && Decommenter.isBlank(line.charAt(from))) {
                from++;
            }
            return new Split(kind, null, emptyToNull(trimTrailing(line.substring(from))));
        }
        return new Split(Kind.WORDS, trimTrailing(line.substring(0, at)),
                emptyToNull(trimTrailing(line.substring(at))));
    }

    private static int firstBrace(String line) {
        boolean inQuote = false;
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == '"') {
                inQuote = !inQuote;
            } else if (!inQuote && (c == '{' || c == '}')) {
                return i;
            }
            i++;
        }
        return -1;
    }

    private static String trimTrailing(String s) {
        int end = s.length();
        while (end > 0 && Decommenter.isBlank(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end);
    }

    private static String emptyToNull(String s) {
        return s.isEmpty() ? null : s;
    }
}
