package io.javakeepalived.config.syntax;

import java.util.ArrayList;
import java.util.List;

/**
 * Matches one path component against one component of a glob pattern, like fnmatch(3)
 * with FNM_PERIOD: {@code *} and {@code ?} match any characters, {@code [...]} a set
 * ({@code [!...]} or {@code [^...]} negated, ranges, {@code [:alpha:]}-style classes),
 * backslash quotes the next character, and a name starting with '.' only matches a
 * pattern that starts with a literal '.'.
 */
final class FnMatch {

    private sealed interface Element permits Literal, AnyChar, AnyString, CharSet {
    }

    private record Literal(char c) implements Element {
    }

    private record AnyChar() implements Element {
    }

    private record AnyString() implements Element {
    }

    private record CharSet(List<char[]> ranges, List<String> classes, boolean negated) implements Element {
        boolean matches(char c) {
            boolean in = false;
            for (char[] range : ranges) {
                if (c >= range[0] && c <= range[1]) {
                    in = true;
                    break;
                }
            }
            if (!in) {
                for (String name : classes) {
                    if (inClass(name, c)) {
                        in = true;
                        break;
                    }
                }
            }
            return in != negated;
        }
    }

    private final List<Element> elements;

    private FnMatch(List<Element> elements) {
        this.elements = elements;
    }

    /** Whether the text has an unquoted '*', '?' or '['. */
    static boolean hasMagic(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '*' || c == '?' || c == '[') {
                return true;
            }
        }
        return false;
    }

    /** The text with its quoting backslashes removed. */
    static String unescape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                c = text.charAt(++i);
            }
            out.append(c);
        }
        return out.toString();
    }

    static FnMatch compile(String pattern) {
        List<Element> elements = new ArrayList<>();
        int i = 0;
        int n = pattern.length();
        while (i < n) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < n) {
                elements.add(new Literal(pattern.charAt(i + 1)));
                i += 2;
            } else if (c == '*') {
                if (elements.isEmpty() || !(elements.get(elements.size() - 1) instanceof AnyString)) {
                    elements.add(new AnyString());
                }
                i++;
            } else if (c == '?') {
                elements.add(new AnyChar());
                i++;
            } else if (c == '[') {
                int after = parseSet(pattern, i, elements);
                if (after < 0) {
                    elements.add(new Literal('['));
                    i++;
                } else {
                    i = after;
                }
            } else {
                elements.add(new Literal(c));
                i++;
            }
        }
        return new FnMatch(elements);
    }

    /** Parses the set starting at '[' at {@code open}; returns the index after ']' or -1 if unterminated. */
    private static int parseSet(String pattern, int open, List<Element> elements) {
        int n = pattern.length();
        int i = open + 1;
        boolean negated = false;
        if (i < n && (pattern.charAt(i) == '!' || pattern.charAt(i) == '^')) {
            negated = true;
            i++;
        }
        List<char[]> ranges = new ArrayList<>();
        List<String> classes = new ArrayList<>();
        boolean first = true;
        while (i < n) {
            char c = pattern.charAt(i);
            if (c == ']' && !first) {
                elements.add(new CharSet(ranges, classes, negated));
                return i + 1;
            }
            first = false;
            if (c == '[' && i + 1 < n && pattern.charAt(i + 1) == ':') {
                int close = pattern.indexOf(":]", i + 2);
                if (close > 0) {
                    classes.add(pattern.substring(i + 2, close));
                    i = close + 2;
                    continue;
                }
            }
            if (c == '\\' && i + 1 < n) {
                c = pattern.charAt(++i);
            }
            i++;
            char high = c;
            if (i + 1 < n && pattern.charAt(i) == '-' && pattern.charAt(i + 1) != ']') {
                high = pattern.charAt(i + 1);
                if (high == '\\' && i + 2 < n) {
                    high = pattern.charAt(i + 2);
                    i++;
                }
                i += 2;
            }
            ranges.add(new char[] {c, high});
        }
        return -1;
    }

    boolean matches(String name) {
        if (name.startsWith(".") && !(!elements.isEmpty() && elements.get(0) instanceof Literal literal
                && literal.c() == '.')) {
            return false;
        }
        int e = 0;
        int c = 0;
        int starElement = -1;
        int starChar = -1;
        while (c < name.length()) {
            if (e < elements.size() && elements.get(e) instanceof AnyString) {
                starElement = e++;
                starChar = c;
            } else if (e < elements.size() && matchesOne(elements.get(e), name.charAt(c))) {
                e++;
                c++;
            } else if (starElement >= 0) {
                e = starElement + 1;
                c = ++starChar;
            } else {
                return false;
            }
        }
        while (e < elements.size() && elements.get(e) instanceof AnyString) {
            e++;
        }
        return e == elements.size();
    }

    private static boolean matchesOne(Element element, char c) {
        if (element instanceof Literal literal) {
            return literal.c() == c;
        }
        if (element instanceof AnyChar) {
            return true;
        }
        if (element instanceof CharSet set) {
            return set.matches(c);
        }
        return false;
    }

    private static boolean inClass(String name, char c) {
        return switch (name) {
            case "alpha" -> Character.isLetter(c);
            case "digit" -> c >= '0' && c <= '9';
            case "alnum" -> Character.isLetterOrDigit(c);
            case "upper" -> Character.isUpperCase(c);
            case "lower" -> Character.isLowerCase(c);
            case "space" -> Character.isWhitespace(c);
            case "blank" -> c == ' ' || c == '\t';
            case "xdigit" -> Character.digit(c, 16) >= 0 && c < 128;
            case "punct" -> c > 32 && c < 127 && !Character.isLetterOrDigit(c);
            case "print" -> c >= 32 && c != 127;
            case "graph" -> c > 32 && c != 127;
            case "cntrl" -> c < 32 || c == 127;
            default -> false;
        };
    }
}
