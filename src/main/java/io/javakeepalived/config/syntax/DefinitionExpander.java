package io.javakeepalived.config.syntax;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Replaces uses of definitions in a line: {@code $NAME} when followed by a blank, ',', ')'
 * or the end of the line, and {@code ${NAME}} anywhere. Undefined names stay as written.
 *
 * <p>Replacement is recursive the way keepalived's is: after replacing, scanning resumes at
 * the start of the inserted text, so definitions inside a value are expanded at use time
 * with the values current then. A value that starts with '~' stops the scan (the line is a
 * ~SEQ/~LST whose own variables must not be replaced yet).
 *
 * <p>A multi-line definition can only be used at the very end of a line: its first line
 * replaces the use, its further lines come out afterwards as lines of their own. Such
 * pending lines are collected in {@link Outcome#pendingLines()}, outermost first.
 *
 * <p>keepalived can loop forever on a self-referencing definition; here each line may
 * perform at most {@value #MAX_REPLACEMENTS} replacements and grow to at most
 * {@value #MAX_LINE_LENGTH} characters.
 */
final class DefinitionExpander {
    static final int MAX_REPLACEMENTS = 10_000;
    static final int MAX_LINE_LENGTH = SourceFile.MAX_LINE_LENGTH;

    /**
     * @param line         the line after replacement
     * @param changed      whether anything was replaced
     * @param pendingLines further lines of multi-line definitions, in the order they were met
     * @param error        why the replacement was abandoned, or null
     */
    record Outcome(String line, boolean changed, List<List<String>> pendingLines, String error) {
    }

    private record Use(Definitions.Definition definition, int start, int end, String parameters) {
    }

    private final Definitions definitions;
    private int replacementsLeft;

    DefinitionExpander(Definitions definitions) {
        this.definitions = definitions;
        startLine();
    }

    /** Resets the replacement budget; call once per input line (rechecks share it). */
    void startLine() {
        replacementsLeft = MAX_REPLACEMENTS;
    }

    /**
     * @param allowMultiline false where a multi-line definition makes no sense (inside the
     *                       parameters of ~SEQ); using one there is an error
     */
    Outcome expand(String line, boolean allowMultiline) {
        StringBuilder text = new StringBuilder(line);
        List<List<String>> pending = new ArrayList<>();
        boolean changed = false;
        int position = 0;
        while ((position = text.indexOf("$", position)) >= 0 && position + 1 < text.length()) {
            Use use = findUse(text, position);
            if (use == null) {
                position++;
                continue;
            }
            if (--replacementsLeft < 0) {
                return new Outcome(text.toString(), changed, pending,
                        "Definition replacement in '" + abbreviate(line) + "' needs more than " + MAX_REPLACEMENTS
                                + " replacements (a definition that uses itself?), expected definitions that expand"
                                + " to a finite line - line ignored");
            }
            changed = true;
            String value = definitions.valueOf(use.definition(), use.parameters());
            String replacement = value;
            if (use.definition().multiline) {
                if (!allowMultiline) {
                    return new Outcome(text.toString(), changed, pending, "Multi-line definition '$"
                            + use.definition().name + "' used in '" + abbreviate(line)
                            + "', expected a single-line value here - line ignored");
                }
                int newline = value.indexOf('\n');
                if (newline >= 0) {
                    replacement = value.substring(0, newline);
                    pending.add(Arrays.asList(value.substring(newline + 1).split("\n", -1)));
                }
            }
            if (text.length() - (use.end() - use.start()) + replacement.length() > MAX_LINE_LENGTH) {
                return new Outcome(text.toString(), changed, pending, "Definition replacement makes '"
                        + abbreviate(line) + "' longer than " + MAX_LINE_LENGTH
                        + " characters, expected a shorter line - line ignored");
            }
            text.replace(use.start(), use.end(), replacement);
            if (startsWithTilde(replacement)) {
                break;
            }
        }
        return new Outcome(text.toString(), changed, pending, null);
    }

    private static boolean startsWithTilde(String value) {
        int i = 0;
        while (i < value.length() && Decommenter.isBlank(value.charAt(i))) {
            i++;
        }
        return i < value.length() && value.charAt(i) == '~';
    }

    /** The use of a definition starting with the '$' at {@code dollar}, or null if none is there. */
    private Use findUse(CharSequence text, int dollar) {
        int n = text.length();
        int i = dollar + 1;
        boolean braces = text.charAt(i) == '{';
        if (braces) {
            i++;
        }
        if (i >= n || !Definitions.isNameStart(text.charAt(i))) {
            return null;
        }
        int nameStart = i;
        while (i < n && Definitions.isNamePart(text.charAt(i))) {
            i++;
        }
        String name = text.subSequence(nameStart, i).toString();
        String parameters = null;
        int end;
        if (braces) {
            int paramStart = -1;
            int paramEnd = -1;
            while (i < n && (text.charAt(i) == ' ' || isDigit(text.charAt(i)))) {
                if (text.charAt(i) != ' ') {
                    if (paramStart < 0) {
                        paramStart = i;
                    }
                    paramEnd = i;
                }
                i++;
            }
            if (paramStart >= 0 && paramEnd + 1 != i) {
                return null;
            }
            if (i >= n || text.charAt(i) != '}') {
                return null;
            }
            if (paramStart >= 0) {
                parameters = text.subSequence(paramStart, paramEnd + 1).toString();
            }
            end = i + 1;
        } else {
            if (i < n && " \t,)".indexOf(text.charAt(i)) < 0) {
                return null;
            }
            end = i;
        }
        Definitions.Definition definition = definitions.get(name);
        if (definition == null) {
            return null;
        }
        if (definition.multiline && end != n) {
            return null;
        }
        if (parameters != null && !definition.takesParameters()) {
            return null;
        }
        return new Use(definition, dollar, end, parameters);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "...";
    }
}
