package io.javakeepalived.config.syntax;

import io.javakeepalived.config.SourceLocation;

/**
 * One line waiting to be processed, before comments, conditionals, definitions and braces
 * are dealt with.
 *
 * @param text     the text of the line
 * @param location where the line comes from; a generated line (definition expansion,
 *                 ~SEQ/~LST, the rest of a line after a brace) carries the location of the
 *                 file line that produced it, as keepalived reports it
 * @param raw      true for a line read straight from a file: it still has its comments, and
 *                 an empty raw line ends a multi-line definition
 * @param depth    how many multi-line definition expansions this line is nested in (0 for
 *                 a file line); a definition that uses itself makes this grow without end
 */
record Candidate(String text, SourceLocation location, boolean raw, int depth) {
}
