package io.javakeepalived.config.syntax;

import io.javakeepalived.config.ConfigErrorKind;
import io.javakeepalived.config.ConfigFatalException;
import io.javakeepalived.config.SourceLocation;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Turns the configuration files into a stream of {@link LogicalLine}s, applying
 * keepalived's line processing in keepalived's order:
 *
 * <ol>
 *   <li>take the next line from the top supplier (rest of a line after a brace, lines of a
 *       ~SEQ/~LST or multi-line definition, an included file, the main file);</li>
 *   <li>for a file line: an empty line ends a multi-line definition; comments and
 *       surrounding blanks are stripped, and a line left empty is skipped;</li>
 *   <li>while a multi-line definition is being collected, the line joins it;</li>
 *   <li>{@code @ID} / {@code @^ID}: keep the rest of the line only if ID matches (does not
 *       match) the config id;</li>
 *   <li>{@code $NAME=value}: define (a value ending in '\' starts a multi-line definition);</li>
 *   <li>{@code ~SEQ}/{@code ~LST}: start generating lines;</li>
 *   <li>replace definitions; if anything changed, strip comments again and, if the line
 *       now starts with '@' or still has a '$', go back to step 4;</li>
 *   <li>{@code include...}: read the matched files next;</li>
 *   <li>cut the line at its first unquoted brace; the rest is processed as the next line.</li>
 * </ol>
 *
 * <p>Lines produced from one file line (definition expansion, ~SEQ, the parts around
 * braces) all carry that file line's location.
 */
final class LineExpander {
    /** Upper bound on the text of one multi-line definition. */
    static final int MAX_DEFINITION_LENGTH = 4 * 1024 * 1024;

    private final Deque<LineSupplier> suppliers = new ArrayDeque<>();
    private final Reporter reporter;
    private final Includes includes;
    private final Definitions definitions;
    private final DefinitionExpander expander;
    private final SequenceParser sequences;
    private final String configId;
    private final Limits limits;
    private final TextBudget budget;

    private Definitions.Definition collecting;
    private final StringBuilder collected = new StringBuilder();
    private boolean collectedTooLong;
    private long logicalLines;
    private long processedLines;

    LineExpander(Reporter reporter, Includes includes, Definitions definitions, String configId, Limits limits,
                 TextBudget budget) {
        this.limits = limits;
        this.budget = budget;
        this.reporter = reporter;
        this.includes = includes;
        this.definitions = definitions;
        this.expander = new DefinitionExpander(definitions);
        this.sequences = new SequenceParser(definitions, expander, reporter);
        this.configId = configId;
    }

    /** Opens the main file; false (after reporting why) if it cannot be read. */
    boolean openMain(Path mainFile) {
        LineSupplier main = includes.openMain(mainFile);
        if (main == null) {
            return false;
        }
        suppliers.push(main);
        return true;
    }

    /** The next logical line, or null at the end of the configuration. */
    LogicalLine next() throws ConfigFatalException {
        while (true) {
            Candidate candidate = pull();
            if (candidate == null) {
                endCollecting();
                return null;
            }
            String line = candidate.text();
            SourceLocation location = candidate.location();
            if (candidate.raw()) {
                if (line.isEmpty()) {
                    endCollecting();
                    continue;
                }
                line = Decommenter.strip(line);
                if (line.isEmpty()) {
                    continue;
                }
            }
            if (collecting != null) {
                collect(line, location);
                continue;
            }
            if (line.isEmpty()) {
                continue;
            }
            expander.startLine();
            line = process(line, location, candidate.depth());
            if (line == null || line.isEmpty()) {
                continue;
            }
            int includeType = IncludeCheck.typeOf(line);
            if (includeType >= 0) {
                LineSupplier files = includes.include(IncludeCheck.patternOf(line), includeType, location);
                if (files != null) {
                    suppliers.push(files);
                }
                continue;
            }
            BraceSplitter.Split split = BraceSplitter.split(line);
            if (split.residue() != null) {
                suppliers.push(new FixedLines(List.of(split.residue()), location, candidate.depth()));
            }
            if (split.kind() != BraceSplitter.Kind.WORDS) {
                return emit(new LogicalLine(split.kind(), List.of(), location));
            }
            Tokenizer.Result words = Tokenizer.split(split.head());
            if (words.unmatchedQuote() != 0) {
                reporter.error(ConfigErrorKind.UNMATCHED_QUOTE, location, "Unmatched quote in '"
                        + DefinitionExpander.abbreviate(split.head()) + "': no closing " + words.unmatchedQuote()
                        + ", expected the quoted text to end on the same line - ignoring the line from that"
                        + " quote on");
            }
            if (words.words().isEmpty()) {
                continue;
            }
            return emit(new LogicalLine(BraceSplitter.Kind.WORDS, words.words(), location));
        }
    }

    private LogicalLine emit(LogicalLine line) throws ConfigFatalException {
        if (++logicalLines > limits.maxLogicalLines()) {
            throw new ConfigFatalException(line.location(), "The configuration expands to more than "
                    + limits.maxLogicalLines() + " lines, expected a finite configuration (check ~SEQ/~LST ranges"
                    + " and definitions that use themselves)");
        }
        return line;
    }

    private Candidate pull() throws ConfigFatalException {
        while (!suppliers.isEmpty()) {
            LineSupplier top = suppliers.peek();
            Candidate candidate = top.next();
            budget.check(); // a file refused as too large while opening a match
            if (candidate != null) {
                if (top instanceof SequenceGenerator) { // files are charged when opened, definitions when expanded
                    budget.charge(candidate.text().length(), candidate.location());
                    budget.check();
                }
                if (top.exhausted()) {
                    suppliers.pop();
                }
                if (++processedLines > limits.maxProcessedLines()) {
                    throw new ConfigFatalException(candidate.location(), "The configuration expands to more than "
                            + limits.maxProcessedLines() + " lines, expected a finite configuration (check ~SEQ/~LST"
                            + " ranges and definitions that use themselves)");
                }
                return candidate;
            }
            suppliers.pop();
        }
        return null;
    }

    /**
     * Conditionals, definitions, sequences and replacement, repeated while a replacement
     * leaves something to do. Returns the line to use, or null when the line was consumed
     * (a definition, a ~SEQ/~LST) or dropped.
     */
    private String process(String line, SourceLocation location, int depth) {
        while (true) {
            if (line.startsWith("@")) {
                line = conditional(line);
                if (line == null) {
                    return null;
                }
            }
            if (line.startsWith("$") && define(line)) {
                return null;
            }
            if (line.startsWith("~SEQ") || line.startsWith("~LST")) {
                SequenceGenerator generator = line.charAt(1) == 'S'
                        ? sequences.parseSeq(line, location, depth)
                        : sequences.parseLst(line, location, depth);
                if (generator != null) {
                    suppliers.push(generator);
                }
                return null;
            }
            if (line.startsWith("~") || line.indexOf('$') < 0) {
                return line;
            }
            DefinitionExpander.Outcome outcome = expander.expand(line, true);
            if (!outcome.pendingLines().isEmpty() && depth >= limits.maxExpansionDepth()) {
                reporter.error(ConfigErrorKind.GENERAL_ERROR, location, "Multi-line definitions expand inside each"
                        + " other more than " + limits.maxExpansionDepth() + " deep in '"
                        + DefinitionExpander.abbreviate(line) + "', expected a definition that does not use itself"
                        + " - line ignored");
                return null;
            }
            for (List<String> pending : outcome.pendingLines()) {
                for (String l : pending) {
                    budget.charge(l.length(), location);
                }
                suppliers.push(new FixedLines(pending, location, depth + 1));
            }
            if (outcome.error() != null) {
                reporter.error(ConfigErrorKind.GENERAL_ERROR, location, outcome.error());
                return null;
            }
            if (!outcome.changed()) {
                return line;
            }
            line = Decommenter.strip(outcome.line());
            if (!line.startsWith("@") && line.indexOf('$') < 0) {
                return line;
            }
        }
    }

    /** The rest of an {@code @ID rest} / {@code @^ID rest} line if it applies here, else null. */
    private String conditional(String line) {
        boolean negated = line.length() > 1 && line.charAt(1) == '^';
        int idStart = negated ? 2 : 1;
        int blank = idStart;
        while (blank < line.length() && !Decommenter.isBlank(line.charAt(blank))) {
            blank++;
        }
        if (blank >= line.length()) {
            return null;
        }
        boolean matches = configId != null && line.substring(idStart, blank).equals(configId);
        if (matches == negated) {
            return null;
        }
        int rest = blank;
        while (rest < line.length() && Decommenter.isBlank(line.charAt(rest))) {
            rest++;
        }
        return line.substring(rest);
    }

    /** Handles a {@code $NAME=value} line; false if the line is not a definition. */
    private boolean define(String line) {
        if (line.length() < 2 || !Definitions.isNameStart(line.charAt(1))) {
            return false;
        }
        int equals = 2;
        while (equals < line.length() && line.charAt(equals) != '=') {
            if (!Definitions.isNamePart(line.charAt(equals))) {
                return false;
            }
            equals++;
        }
        if (equals >= line.length()) {
            return false;
        }
        String name = line.substring(1, equals);
        int valueStart = equals + 1;
        while (valueStart < line.length() && Decommenter.isBlank(line.charAt(valueStart))) {
            valueStart++;
        }
        String value = line.substring(valueStart);
        if (value.endsWith("\\")) {
            String first = stripContinuation(value);
            collecting = definitions.define(name, "", true);
            collected.setLength(0);
            collectedTooLong = false;
            if (!first.isEmpty()) {
                collected.append(first).append('\n');
            }
        } else {
            definitions.define(name, value, false);
        }
        return true;
    }

    /** Adds a line to the multi-line definition being collected. */
    private void collect(String line, SourceLocation location) {
        boolean continues = line.endsWith("\\");
        String piece = continues ? stripContinuation(line) + "\n" : line;
        if (piece.length() >= 2 || (!piece.isEmpty() && !continues)) {
            if (collected.length() + piece.length() <= MAX_DEFINITION_LENGTH) {
                collected.append(piece);
            } else if (!collectedTooLong) {
                collectedTooLong = true;
                reporter.error(ConfigErrorKind.GENERAL_ERROR, location, "Multi-line definition '$" + collecting.name
                        + "' is longer than " + MAX_DEFINITION_LENGTH + " characters, expected a shorter definition"
                        + " - ignoring the rest of it");
            }
        }
        if (!continues) {
            endCollecting();
        }
    }

    private void endCollecting() {
        if (collecting != null) {
            collecting.value = collected.toString();
            collected.setLength(0);
            if (collecting.value.isEmpty()) {
                collecting.multiline = false;
            }
            collecting = null;
        }
    }

    /** The text before a trailing '\', without the blanks before it. */
    private static String stripContinuation(String text) {
        int end = text.length() - 1;
        while (end > 0 && Decommenter.isBlank(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
    }
}
