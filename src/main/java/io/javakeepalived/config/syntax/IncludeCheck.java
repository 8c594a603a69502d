package io.javakeepalived.config.syntax;

import io.javakeepalived.config.ConfigErrorKind;
import io.javakeepalived.config.SourceLocation;

import java.util.List;

/**
 * keepalived's include checks: which include problems count as configuration errors
 * (ConfigErrorKind.FILE_NOT_FOUND) rather than being merely logged. A plain {@code include}
 * checks nothing; the variants add checks, and {@code include_check} in global_defs sets the
 * checks for the rest of the file it appears in (and the files that file includes).
 */
final class IncludeCheck {
    /** A match that is a directory, not a regular non-executable file, or unreadable. */
    static final int READABLE = 0x01;
    /** No file matches a pattern without wildcards. */
    static final int MATCH = 0x02;
    /** No file matches, even with wildcards. */
    static final int WILDCARD_MATCH = 0x04;
    /** A brace alternative matches nothing. */
    static final int BRACE_MATCH = 0x08;
    static final int ALL = READABLE | MATCH | WILDCARD_MATCH | BRACE_MATCH;

    private IncludeCheck() {
    }

    /**
     * The checks an include line asks for ({@code include}, {@code includer}, {@code includem},
     * {@code includew}, {@code includeb}, {@code includea}), or -1 if the line is not an
     * include. The pattern starts after the keyword and the blanks following it.
     */
    static int typeOf(String line) {
        if (!line.startsWith("include") || line.length() < 8) {
            return -1;
        }
        char c = line.charAt(7);
        if (Tokenizer.isWhitespace(c)) {
            return 0;
        }
        if (line.length() < 9 || !Tokenizer.isWhitespace(line.charAt(8))) {
            return -1;
        }
        return switch (c) {
            case 'r' -> READABLE;
            case 'm' -> READABLE | MATCH;
            case 'w' -> READABLE | MATCH | WILDCARD_MATCH;
            case 'b' -> READABLE | BRACE_MATCH;
            case 'a' -> ALL;
            default -> -1;
        };
    }

    /** The pattern of an include line whose {@link #typeOf} is not -1. */
    static String patternOf(String line) {
        int p = Tokenizer.isWhitespace(line.charAt(7)) ? 8 : 9;
        while (p < line.length() && Decommenter.isBlank(line.charAt(p))) {
            p++;
        }
        return line.substring(p);
    }

    /**
     * Applies an {@code include_check [[+|-]read|match|wildcard_match|brace_match ...]}
     * line to the current checks and returns the new ones. No option means all checks; a
     * bare option sets the checks (to it plus READABLE), '+' adds and '-' removes one.
     */
    static int apply(int current, List<String> words, SourceLocation location, Reporter reporter) {
        if (words.size() <= 1) {
            return ALL;
        }
        int checks = current;
        for (int i = 1; i < words.size(); i++) {
            String word = words.get(i);
            int mode = 0;
            String name = word;
            if (word.startsWith("-")) {
                mode = -1;
                name = word.substring(1);
            } else if (word.startsWith("+")) {
                mode = 1;
                name = word.substring(1);
            } else if (i == 1) {
                checks = 0;
            } else {
                reporter.error(ConfigErrorKind.GENERAL_ERROR, location, "Duplicate include_check '" + word
                        + "' specified - ignoring, expected further options to start with '+' or '-'");
                continue;
            }
            int flag = switch (name) {
                case "read" -> READABLE;
                case "match" -> MATCH;
                case "wildcard_match" -> WILDCARD_MATCH;
                case "brace_match" -> BRACE_MATCH;
                default -> 0;
            };
            if (flag == 0) {
                reporter.error(ConfigErrorKind.GENERAL_ERROR, location, "Unknown include_check type '" + name
                        + "' - ignoring, expected read, match, wildcard_match or brace_match");
                continue;
            }
            if (mode == 0) {
                checks = READABLE | flag;
            } else if (mode > 0) {
                checks |= flag;
            } else {
                checks &= ~flag;
            }
        }
        return checks;
    }
}
